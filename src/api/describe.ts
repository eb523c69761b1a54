/**
 * `describe()` and `summary()`: statistics per column, every value rendered as
 * Spark renders it (`CAST(... AS STRING)`), in a string-typed DataFrame whose
 * first column is `summary`.
 */
import { IllegalArgumentException } from '../errors/index.js';
import { E, type Expr } from '../expr/nodes.js';
import { batchRows } from '../data/batch.js';
import { castToString } from '../format/value-string.js';
import { plan } from '../plan/nodes.js';
import { STRING, StringType, StructField, StructType, isNumeric, type DataType } from '../types/data-types.js';
import { rowsToBatch } from '../types/values.js';
import type { DataFrame } from './dataframe.js';

const DESCRIBE_STATS = ['count', 'mean', 'stddev', 'min', 'max'];
const SUMMARY_STATS = ['count', 'mean', 'stddev', 'min', '25%', '50%', '75%', 'max'];

export function describeFrame(df: DataFrame, cols: readonly string[]): DataFrame {
  return statsFrame(df, cols, DESCRIBE_STATS);
}

export function summaryFrame(df: DataFrame, stats: readonly string[]): DataFrame {
  return statsFrame(df, [], stats.length > 0 ? stats : SUMMARY_STATS);
}

const percentile = (s: string): number | undefined => {
  const m = /^(\d+(?:\.\d+)?)%$/.exec(s);
  return m ? Number(m[1]) / 100 : undefined;
};

function statsFrame(df: DataFrame, cols: readonly string[], stats: readonly string[]): DataFrame {
  const allFields = df.schema.fields.map((f, i) => ({ f, i }));
  const fields = (cols.length > 0
    ? cols.map((c) => allFields.find(({ f }) => f.name.toLowerCase() === c.toLowerCase())).filter((x) => x !== undefined)
    : allFields.filter(({ f }) => isNumeric(f.dataType) || f.dataType instanceof StringType)) as { f: StructField; i: number }[];
  for (const s of stats) {
    if (!['count', 'mean', 'stddev', 'min', 'max', 'count_distinct', 'approx_count_distinct'].includes(s) && percentile(s) === undefined) {
      throw new IllegalArgumentException(`${s} is not a recognised statistic.`, { errorClass: 'SUMMARY_UNKNOWN_STATISTIC' });
    }
  }
  // One aggregate computes every non-percentile statistic; percentiles come from the sorted column values.
  const aggExprs: Expr[] = [];
  const slot = new Map<string, number>();
  for (const { f, i } of fields) {
    const ref = E.bound(i, f.name, f.dataType, f.nullable);
    const numeric = isNumeric(f.dataType);
    const add = (stat: string, e: Expr | undefined) => {
      slot.set(`${stat}\u0000${i}`, aggExprs.length);
      aggExprs.push(E.alias(e === undefined ? E.lit(null, STRING) : E.cast(e, STRING), `${stat}_${i}`));
    };
    for (const s of stats) {
      if (s === 'count') add(s, E.call('count', [ref]));
      else if (s === 'mean') add(s, numeric ? E.call('avg', [ref]) : undefined);
      else if (s === 'stddev') add(s, numeric ? E.call('stddev_samp', [ref]) : undefined);
      else if (s === 'min') add(s, E.call('min', [ref]));
      else if (s === 'max') add(s, E.call('max', [ref]));
      else if (s === 'count_distinct') add(s, E.call('count', [ref], { distinct: true }));
      else if (s === 'approx_count_distinct') add(s, E.call('approx_count_distinct', [ref]));
    }
  }
  const aggRow = aggExprs.length > 0 ? batchRows(df.withPlan(plan('Aggregate', { input: df.plan, groupBy: [], aggs: aggExprs })).executeBatch())[0]! : [];
  const sortedValues = new Map<number, unknown[]>();
  const valuesOf = (i: number, t: DataType): unknown[] => {
    let v = sortedValues.get(i);
    if (!v) {
      const f = df.schema.fields[i]!;
      const col = E.bound(i, f.name, t, f.nullable);
      const sorted = df.withPlan(
        plan('Sort', { input: plan('Filter', { input: df.plan, condition: E.call('is_not_null', [col]) }), orders: [E.sort(col)] }),
      );
      v = batchRows(sorted.executeBatch()).map((r) => r[i]);
      sortedValues.set(i, v);
    }
    return v;
  };
  const timeZone = df.sparkSession.timeZone;
  const rows = stats.map((s) => {
    const p = percentile(s);
    return [
      s,
      ...fields.map(({ f, i }) => {
        if (p !== undefined) {
          if (!isNumeric(f.dataType)) return null;
          // Spark's approximate percentile returns an actual value: the first whose rank reaches p·n.
          const values = valuesOf(i, f.dataType);
          if (values.length === 0) return null;
          const idx = Math.min(values.length - 1, Math.max(0, Math.ceil(p * values.length) - 1));
          return castToString(values[idx], f.dataType, timeZone);
        }
        return aggRow[slot.get(`${s}\u0000${i}`)!] as string | null;
      }),
    ];
  });
  const schema = new StructType([new StructField('summary', STRING, true), ...fields.map(({ f }) => new StructField(f.name, STRING, true))]);
  return df.withPlan(plan('LocalRelation', { data: rowsToBatch(rows, schema) }));
}
