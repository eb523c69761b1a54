// A small ETL on the default (Polars) backend, using the built package by its own name.
import { SparkSession, Window, functions as F } from 'sparkless';

const spark = SparkSession.builder.appName('sparkless-demo').config('spark.sql.session.timeZone', 'UTC').getOrCreate();

const orders = spark.createDataFrame(
  [
    { order_id: 1, customer: 'alice', amount: 120.5, day: '2024-03-01' },
    { order_id: 2, customer: 'bob', amount: 35.0, day: '2024-03-01' },
    { order_id: 3, customer: 'alice', amount: 80.25, day: '2024-03-02' },
    { order_id: 4, customer: 'carol', amount: null, day: '2024-03-02' },
    { order_id: 5, customer: 'bob', amount: 210.0, day: '2024-03-03' },
  ],
  'order_id INT, customer STRING, amount DOUBLE, day STRING',
);
const customers = spark.createDataFrame(
  [
    { customer: 'alice', country: 'NO' },
    { customer: 'bob', country: 'SE' },
    { customer: 'carol', country: 'NO' },
  ],
  'customer STRING, country STRING',
);

console.log(`sparkless demo on the ${spark.backendType} backend (Spark ${spark.version} semantics)\n`);

const cleaned = orders
  .fillna({ amount: 0 })
  .withColumn('day', F.to_date('day'))
  .withColumn('customer', F.initcap('customer'));

console.log('Cleaned orders:');
cleaned.show();

const perCountry = cleaned
  .join(customers.withColumn('customer', F.initcap('customer')), 'customer')
  .groupBy('country')
  .agg(F.count('*').alias('orders'), F.round(F.sum('amount'), 2).alias('revenue'), F.max('day').alias('last_order'))
  .orderBy(F.col('revenue').desc());

console.log('Revenue per country:');
perCountry.show();

const ranked = cleaned.withColumn(
  'rank_in_day',
  F.rank().over(Window.partitionBy('day').orderBy(F.col('amount').desc())),
);
console.log('Orders ranked within each day:');
ranked.orderBy('day', 'rank_in_day').show();

perCountry.printSchema();
spark.stop();
