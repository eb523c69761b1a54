// TPC-H queries 1, 3, 5, 6, 10 and 18 with the specification's validation
// parameters, three ways: SQL (run by spark.sql and DuckDB), the PySpark-shaped
// DataFrame API (sparkless, or real Spark through the connect backend), and
// hand-written nodejs-polars. Every version returns the same columns.

const Q1_DATE = '1998-09-02'; // date '1998-12-01' - DELTA (90) days

export const SQL = {
  Q1: `SELECT l_returnflag, l_linestatus, sum(l_quantity) AS sum_qty, sum(l_extendedprice) AS sum_base_price,
    sum(l_extendedprice * (1 - l_discount)) AS sum_disc_price, sum(l_extendedprice * (1 - l_discount) * (1 + l_tax)) AS sum_charge,
    avg(l_quantity) AS avg_qty, avg(l_extendedprice) AS avg_price, avg(l_discount) AS avg_disc, count(*) AS count_order
    FROM lineitem WHERE l_shipdate <= DATE '${Q1_DATE}' GROUP BY l_returnflag, l_linestatus ORDER BY l_returnflag, l_linestatus`,
  Q3: `SELECT l_orderkey, sum(l_extendedprice * (1 - l_discount)) AS revenue, o_orderdate, o_shippriority
    FROM customer, orders, lineitem
    WHERE c_mktsegment = 'BUILDING' AND c_custkey = o_custkey AND l_orderkey = o_orderkey
      AND o_orderdate < DATE '1995-03-15' AND l_shipdate > DATE '1995-03-15'
    GROUP BY l_orderkey, o_orderdate, o_shippriority ORDER BY revenue DESC, o_orderdate LIMIT 10`,
  Q5: `SELECT n_name, sum(l_extendedprice * (1 - l_discount)) AS revenue
    FROM customer, orders, lineitem, supplier, nation, region
    WHERE c_custkey = o_custkey AND l_orderkey = o_orderkey AND l_suppkey = s_suppkey AND c_nationkey = s_nationkey
      AND s_nationkey = n_nationkey AND n_regionkey = r_regionkey AND r_name = 'ASIA'
      AND o_orderdate >= DATE '1994-01-01' AND o_orderdate < DATE '1995-01-01'
    GROUP BY n_name ORDER BY revenue DESC`,
  Q6: `SELECT sum(l_extendedprice * l_discount) AS revenue FROM lineitem
    WHERE l_shipdate >= DATE '1994-01-01' AND l_shipdate < DATE '1995-01-01' AND l_discount BETWEEN 0.05 AND 0.07 AND l_quantity < 24`,
  Q10: `SELECT c_custkey, c_name, sum(l_extendedprice * (1 - l_discount)) AS revenue, c_acctbal, n_name, c_address, c_phone, c_comment
    FROM customer, orders, lineitem, nation
    WHERE c_custkey = o_custkey AND l_orderkey = o_orderkey AND o_orderdate >= DATE '1993-10-01' AND o_orderdate < DATE '1994-01-01'
      AND l_returnflag = 'R' AND c_nationkey = n_nationkey
    GROUP BY c_custkey, c_name, c_acctbal, c_phone, n_name, c_address, c_comment ORDER BY revenue DESC LIMIT 20`,
  Q18: `SELECT c_name, c_custkey, o_orderkey, o_orderdate, o_totalprice, sum(l_quantity) AS sum_qty
    FROM customer, orders, lineitem
    WHERE o_orderkey IN (SELECT l_orderkey FROM lineitem GROUP BY l_orderkey HAVING sum(l_quantity) > 300)
      AND c_custkey = o_custkey AND o_orderkey = l_orderkey
    GROUP BY c_name, c_custkey, o_orderkey, o_orderdate, o_totalprice ORDER BY o_totalprice DESC, o_orderdate LIMIT 100`,
};

export const QUERIES = Object.keys(SQL);

/**
 * The DataFrame versions over tables `t` (DataFrames by table name) with the
 * functions module `F` of sparkless or of a Spark client of the same API.
 */
export function dataframeQueries(t, F) {
  const { col, lit, sum, avg, count } = F;
  const date = (iso) => F.to_date(lit(iso));
  const price = col('l_extendedprice');
  const disc = price.multiply(lit(1).minus(col('l_discount')));
  const { customer, orders, lineitem, supplier, nation, region } = t;
  return {
    Q1: () =>
      lineitem
        .filter(col('l_shipdate').leq(date(Q1_DATE)))
        .groupBy('l_returnflag', 'l_linestatus')
        .agg(
          sum('l_quantity').alias('sum_qty'), sum(price).alias('sum_base_price'), sum(disc).alias('sum_disc_price'),
          sum(disc.multiply(lit(1).plus(col('l_tax')))).alias('sum_charge'), avg('l_quantity').alias('avg_qty'),
          avg(price).alias('avg_price'), avg('l_discount').alias('avg_disc'), count('*').alias('count_order'),
        )
        .orderBy('l_returnflag', 'l_linestatus'),
    Q3: () =>
      customer
        .filter(col('c_mktsegment').eq('BUILDING'))
        .join(orders.filter(col('o_orderdate').lt(date('1995-03-15'))), col('c_custkey').eq(col('o_custkey')))
        .join(lineitem.filter(col('l_shipdate').gt(date('1995-03-15'))), col('l_orderkey').eq(col('o_orderkey')))
        .groupBy('l_orderkey', 'o_orderdate', 'o_shippriority')
        .agg(sum(disc).alias('revenue'))
        .select('l_orderkey', 'revenue', 'o_orderdate', 'o_shippriority')
        .orderBy(col('revenue').desc(), col('o_orderdate'))
        .limit(10),
    Q5: () =>
      region
        .filter(col('r_name').eq('ASIA'))
        .join(nation, col('n_regionkey').eq(col('r_regionkey')))
        .join(supplier, col('s_nationkey').eq(col('n_nationkey')))
        .join(lineitem, col('l_suppkey').eq(col('s_suppkey')))
        .join(orders.filter(col('o_orderdate').geq(date('1994-01-01')).and(col('o_orderdate').lt(date('1995-01-01')))), col('l_orderkey').eq(col('o_orderkey')))
        .join(customer, col('c_custkey').eq(col('o_custkey')).and(col('c_nationkey').eq(col('s_nationkey'))))
        .groupBy('n_name')
        .agg(sum(disc).alias('revenue'))
        .orderBy(col('revenue').desc()),
    Q6: () =>
      lineitem
        .filter(
          col('l_shipdate').geq(date('1994-01-01')).and(col('l_shipdate').lt(date('1995-01-01')))
            .and(col('l_discount').between(0.05, 0.07)).and(col('l_quantity').lt(24)),
        )
        .agg(sum(price.multiply(col('l_discount'))).alias('revenue')),
    Q10: () =>
      customer
        .join(orders.filter(col('o_orderdate').geq(date('1993-10-01')).and(col('o_orderdate').lt(date('1994-01-01')))), col('c_custkey').eq(col('o_custkey')))
        .join(lineitem.filter(col('l_returnflag').eq('R')), col('l_orderkey').eq(col('o_orderkey')))
        .join(nation, col('c_nationkey').eq(col('n_nationkey')))
        .groupBy('c_custkey', 'c_name', 'c_acctbal', 'c_phone', 'n_name', 'c_address', 'c_comment')
        .agg(sum(disc).alias('revenue'))
        .select('c_custkey', 'c_name', 'revenue', 'c_acctbal', 'n_name', 'c_address', 'c_phone', 'c_comment')
        .orderBy(col('revenue').desc())
        .limit(20),
    Q18: () => {
      const big = lineitem.groupBy('l_orderkey').agg(sum('l_quantity').alias('q')).filter(col('q').gt(300)).select(col('l_orderkey').alias('big_key'));
      return orders
        .join(big, col('o_orderkey').eq(col('big_key')), 'left_semi')
        .join(customer, col('c_custkey').eq(col('o_custkey')))
        .join(lineitem, col('o_orderkey').eq(col('l_orderkey')))
        .groupBy('c_name', 'c_custkey', 'o_orderkey', 'o_orderdate', 'o_totalprice')
        .agg(sum('l_quantity').alias('sum_qty'))
        .orderBy(col('o_totalprice').desc(), col('o_orderdate'))
        .limit(100);
    },
  };
}

/** Hand-written nodejs-polars (0.24 API) over eager frames `t`; dates are Int32 days since the epoch. */
export function polarsQueries(pl, t) {
  const d = (iso) => Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);
  const c = pl.col;
  const disc = c('l_extendedprice').mul(pl.lit(1).sub(c('l_discount')));
  const L = () => t.lineitem.lazy();
  const O = () => t.orders.lazy();
  const C = () => t.customer.lazy();
  const run = (lf) => lf.collectSync().toRecords();
  return {
    Q1: () =>
      run(L().filter(c('l_shipdate').ltEq(d(Q1_DATE))).groupBy(['l_returnflag', 'l_linestatus']).agg(
        c('l_quantity').sum().alias('sum_qty'), c('l_extendedprice').sum().alias('sum_base_price'), disc.sum().alias('sum_disc_price'),
        disc.mul(pl.lit(1).add(c('l_tax'))).sum().alias('sum_charge'), c('l_quantity').mean().alias('avg_qty'),
        c('l_extendedprice').mean().alias('avg_price'), c('l_discount').mean().alias('avg_disc'), pl.len().alias('count_order'),
      ).sort(['l_returnflag', 'l_linestatus'])),
    Q3: () =>
      run(C().filter(c('c_mktsegment').eq(pl.lit('BUILDING')))
        .join(O().filter(c('o_orderdate').lt(d('1995-03-15'))), { leftOn: 'c_custkey', rightOn: 'o_custkey' })
        .join(L().filter(c('l_shipdate').gt(d('1995-03-15'))), { leftOn: 'o_orderkey', rightOn: 'l_orderkey' })
        .groupBy(['o_orderkey', 'o_orderdate', 'o_shippriority'])
        .agg(disc.sum().alias('revenue'))
        .select(c('o_orderkey').alias('l_orderkey'), 'revenue', 'o_orderdate', 'o_shippriority')
        .sort([c('revenue').mul(-1), c('o_orderdate')]) // 0.24's sort has one descending flag for all keys
        .head(10)),
    Q5: () =>
      run(t.region.lazy().filter(c('r_name').eq(pl.lit('ASIA')))
        .join(t.nation.lazy(), { leftOn: 'r_regionkey', rightOn: 'n_regionkey' })
        .join(t.supplier.lazy(), { leftOn: 'n_nationkey', rightOn: 's_nationkey' })
        .join(L(), { leftOn: 's_suppkey', rightOn: 'l_suppkey' })
        .join(O().filter(c('o_orderdate').gtEq(d('1994-01-01')).and(c('o_orderdate').lt(d('1995-01-01')))), { leftOn: 'l_orderkey', rightOn: 'o_orderkey' })
        .join(C(), { leftOn: ['o_custkey', 'n_nationkey'], rightOn: ['c_custkey', 'c_nationkey'] })
        .groupBy('n_name')
        .agg(disc.sum().alias('revenue'))
        .sort('revenue', true)),
    Q6: () =>
      run(L().filter(
        c('l_shipdate').gtEq(d('1994-01-01')).and(c('l_shipdate').lt(d('1995-01-01')))
          .and(c('l_discount').gtEq(0.05)).and(c('l_discount').ltEq(0.07)).and(c('l_quantity').lt(24)),
      ).select(c('l_extendedprice').mul(c('l_discount')).sum().alias('revenue'))),
    Q10: () =>
      run(C()
        .join(O().filter(c('o_orderdate').gtEq(d('1993-10-01')).and(c('o_orderdate').lt(d('1994-01-01')))), { leftOn: 'c_custkey', rightOn: 'o_custkey' })
        .join(L().filter(c('l_returnflag').eq(pl.lit('R'))), { leftOn: 'o_orderkey', rightOn: 'l_orderkey' })
        .join(t.nation.lazy(), { leftOn: 'c_nationkey', rightOn: 'n_nationkey' })
        .groupBy(['c_custkey', 'c_name', 'c_acctbal', 'c_phone', 'n_name', 'c_address', 'c_comment'])
        .agg(disc.sum().alias('revenue'))
        .select('c_custkey', 'c_name', 'revenue', 'c_acctbal', 'n_name', 'c_address', 'c_phone', 'c_comment')
        .sort('revenue', true)
        .head(20)),
    Q18: () => {
      const big = L().groupBy('l_orderkey').agg(c('l_quantity').sum().alias('q')).filter(c('q').gt(300)).select('l_orderkey');
      return run(O()
        .join(big, { leftOn: 'o_orderkey', rightOn: 'l_orderkey', how: 'semi' })
        .join(C(), { leftOn: 'o_custkey', rightOn: 'c_custkey' })
        .join(L(), { leftOn: 'o_orderkey', rightOn: 'l_orderkey' })
        .groupBy(['c_name', 'o_custkey', 'o_orderkey', 'o_orderdate', 'o_totalprice'])
        .agg(c('l_quantity').sum().alias('sum_qty'))
        .select('c_name', c('o_custkey').alias('c_custkey'), 'o_orderkey', 'o_orderdate', 'o_totalprice', 'sum_qty')
        .sort([c('o_totalprice').mul(-1), c('o_orderdate')])
        .head(100));
    },
  };
}

/**
 * One engine's result rows in a comparable form: plain objects, numbers for
 * integers of any width, dates as ISO strings (a JS Date, a DuckDB date, or
 * days since the epoch for the columns named in `dateCols`).
 */
export function canonical(rows, dateCols = []) {
  const iso = (v) => {
    if (v instanceof Date) return v.toISOString().slice(0, 10);
    if (typeof v === 'number') return new Date(v * 86_400_000).toISOString().slice(0, 10);
    return String(v).slice(0, 10);
  };
  return rows.map((r) => {
    const o = {};
    for (const [k, v] of Object.entries(r)) {
      if (v !== null && (dateCols.includes(k) || v instanceof Date)) o[k] = iso(v);
      else o[k] = typeof v === 'bigint' ? Number(v) : v;
    }
    return o;
  });
}

export const DATE_COLUMNS = ['o_orderdate'];
