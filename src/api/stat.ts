/**
 * `df.stat` (PySpark's DataFrameStatFunctions) and the DataFrame methods of
 * the same names: corr, cov, crosstab, freqItems, approxQuantile, sampleBy.
 * Built from DataFrame operations, so they also run on Spark Connect.
 */
import { IllegalArgumentException, PySparkTypeError, PySparkValueError } from '../errors/index.js';
import { ArrayType, LONG, STRING, StructField, StructType, isNumeric, type DataType } from '../types/data-types.js';
import * as F from '../functions/api.js';
import { typeName, type Column } from './column.js';
import { requireStrs } from './arg-checks.js';
import type { DataFrame } from './dataframe.js';

function str(v: unknown, arg: string): string {
  if (typeof v !== 'string') {
    throw new PySparkTypeError(`Argument \`${arg}\` should be a str, got ${typeName(v)}.`, { errorClass: 'NOT_STR', messageParameters: { arg_name: arg, arg_type: typeName(v) } });
  }
  return v;
}

/** Spark's check that a column exists and is numeric (StatFunctions). */
function numericColumn(df: DataFrame, name: string, what: string, schema: StructType = df.schema): void {
  const f = schema.fields.find((x) => x.name === name);
  if (!f) throw new IllegalArgumentException(`Cannot resolve column name "${name}" among (${schema.names.join(', ')}).`);
  if (!isNumeric(f.dataType)) {
    throw new IllegalArgumentException(`requirement failed: Currently ${what} calculation for columns with dataType ${f.dataType.simpleString()} not supported.`);
  }
}

function single(df: DataFrame, c: Column): number | null {
  const v = df.select(c).collect()[0]?.get(0);
  return v === undefined ? null : (v as number | null);
}

export class DataFrameStatFunctions {
  constructor(private readonly df: DataFrame) {}

  /** Pearson correlation of two numeric columns (the only method Spark supports). */
  corr(col1: string, col2: string, method = 'pearson'): number | null {
    str(col1, 'col1');
    str(col2, 'col2');
    if (method !== 'pearson') {
      throw new PySparkValueError(`Currently only the calculation of the Pearson Correlation coefficient is supported.`, {
        errorClass: 'VALUE_NOT_PEARSON',
        messageParameters: { arg_name: 'method', arg_value: String(method) },
      });
    }
    const schema = this.df.schema;
    numericColumn(this.df, col1, 'correlation', schema);
    numericColumn(this.df, col2, 'correlation', schema);
    return single(this.df, F.corr(col1, col2));
  }

  /** Sample covariance of two numeric columns. */
  cov(col1: string, col2: string): number | null {
    str(col1, 'col1');
    str(col2, 'col2');
    const schema = this.df.schema;
    numericColumn(this.df, col1, 'covariance', schema);
    numericColumn(this.df, col2, 'covariance', schema);
    return single(this.df, F.covar_samp(col1, col2));
  }

  /**
   * A contingency table: first column `col1_col2` (col1's values as strings),
   * then one bigint column per distinct col2 value, sorted by name, counting
   * the pairs (0 when absent); nulls count under `null`. Rows sorted by the first column.
   */
  crosstab(col1: string, col2: string): DataFrame {
    str(col1, 'col1');
    str(col2, 'col2');
    const text = (c: string): Column => F.coalesce(F.col(c).cast('string'), F.lit('null'));
    const counts = this.df
      .groupBy(text(col1).alias('a'), text(col2).alias('b'))
      .agg(F.count(F.lit(1)).alias('n'))
      .collect()
      .map((r) => ({ a: r.get(0) as string, b: r.get(1) as string, n: r.get(2) as number }));
    const headers = [...new Set(counts.map((c) => c.b.replace(/`/g, '')))].sort();
    const index = new Map(headers.map((h, i) => [h, i + 1]));
    const rows = new Map<string, unknown[]>();
    for (const c of counts) {
      let row = rows.get(c.a);
      if (!row) rows.set(c.a, (row = [c.a, ...headers.map(() => 0)]));
      row[index.get(c.b.replace(/`/g, ''))!] = c.n;
    }
    const schema = new StructType([new StructField(`${col1}_${col2}`, STRING, true), ...headers.map((h) => new StructField(h, LONG, true))]);
    const sorted = [...rows.keys()].sort().map((k) => rows.get(k)!);
    return this.df.sparkSession.createDataFrame(sorted, schema);
  }

  /**
   * Frequent items per column (Spark's one-pass algorithm of Karp et al.: may
   * include false positives), as one row of arrays named `<col>_freqItems`.
   */
  freqItems(cols: readonly string[], support = 0.01): DataFrame {
    if (Array.isArray(cols)) requireStrs('cols', cols);
    if (!Array.isArray(cols)) {
      throw new PySparkTypeError(`Argument \`cols\` should be a list or tuple, got ${typeName(cols)}.`, {
        errorClass: 'NOT_LIST_OR_TUPLE',
        messageParameters: { arg_name: 'cols', arg_type: typeName(cols) },
      });
    }
    if (!(support >= 1e-4 && support <= 1)) throw new IllegalArgumentException(`requirement failed: Support must be in [1e-4, 1], but got ${support}.`);
    const maxSize = Math.floor(1 / support);
    const types: DataType[] = cols.map((c) => {
      const f = this.df.schema.fields.find((x) => x.name === c);
      if (!f) throw new IllegalArgumentException(`Cannot resolve column name "${c}" among (${this.df.columns.join(', ')}).`);
      return f.dataType;
    });
    const counters = cols.map(() => new Map<unknown, { value: unknown; n: number }>());
    for (const row of this.df.select(...cols.map((c) => F.col(c))).collect()) {
      cols.forEach((_, i) => {
        const v = row.get(i);
        const key = typeof v === 'object' && v !== null ? JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? String(x) : x)) : v;
        const m = counters[i]!;
        const hit = m.get(key);
        if (hit) hit.n += 1;
        else if (m.size < maxSize) m.set(key, { value: v, n: 1 });
        else {
          // Full: decrement every count and drop the ones reaching zero (the new item is not kept).
          for (const [k, e] of m) if (--e.n <= 0) m.delete(k);
        }
      });
    }
    const schema = new StructType(cols.map((c, i) => new StructField(`${c}_freqItems`, new ArrayType(types[i]!, true), true)));
    return this.df.sparkSession.createDataFrame([counters.map((m) => [...m.values()].map((e) => e.value))], schema);
  }

  /**
   * Quantiles of numeric columns. sparkless computes them exactly (always
   * within `relativeError`); Spark's Greenwald-Khanna summary may return a
   * different value within the error when `relativeError > 0`.
   */
  approxQuantile(col: string | readonly string[], probabilities: readonly number[], relativeError: number): number[] | number[][] {
    const single = typeof col === 'string';
    if (!single && !Array.isArray(col)) {
      throw new PySparkTypeError(`Argument \`col\` should be a list, str or tuple, got ${typeName(col)}.`, {
        errorClass: 'NOT_LIST_OR_STR_OR_TUPLE',
        messageParameters: { arg_name: 'col', arg_type: typeName(col) },
      });
    }
    const cols = single ? [col] : [...(col as readonly string[])];
    cols.forEach((c) => str(c, 'columns'));
    if (!Array.isArray(probabilities) || !probabilities.every((p) => typeof p === 'number' && p >= 0 && p <= 1)) {
      throw new PySparkTypeError('Argument `probabilities` should be a list of float in [0, 1].', {
        errorClass: 'NOT_LIST_OF_FLOAT_OR_INT',
        messageParameters: { arg_name: 'probabilities', arg_type: typeName(probabilities) },
      });
    }
    if (typeof relativeError !== 'number' || relativeError < 0) {
      throw new PySparkValueError(`Argument \`relativeError\` should be non-negative, got ${String(relativeError)}.`, {
        errorClass: 'NEGATIVE_VALUE',
        messageParameters: { arg_name: 'relativeError', arg_value: String(relativeError) },
      });
    }
    const schema = this.df.schema;
    cols.forEach((c) => numericColumn(this.df, c, 'approxQuantile', schema));
    const rows = this.df.select(...cols.map((c) => F.col(c).cast('double'))).collect();
    const out = cols.map((_, i) => {
      const xs = rows.map((r) => r.get(i) as number | null).filter((x): x is number => x !== null && !Number.isNaN(x)).sort((a, b) => a - b);
      if (xs.length === 0) return [];
      // Spark's exact rank: the ceil(p * n)-th smallest value (the smallest for p = 0).
      return probabilities.map((p) => xs[Math.min(xs.length - 1, Math.max(0, Math.ceil(p * xs.length) - 1))]!);
    });
    return single ? out[0]! : out;
  }

  /**
   * Stratified sample without replacement: each row is kept when `rand(seed)`
   * is below its stratum's fraction (0 for strata not listed), as Spark does.
   */
  sampleBy(col: string | Column, fractions: Readonly<Record<string, number>> | ReadonlyMap<unknown, number>, seed?: number): DataFrame {
    const entries: [unknown, number][] = fractions instanceof Map ? [...fractions] : typeof fractions === 'object' && fractions !== null ? Object.entries(fractions) : [];
    if (typeof fractions !== 'object' || fractions === null) {
      throw new PySparkTypeError(`Argument \`fractions\` should be a dict, got ${typeName(fractions)}.`, {
        errorClass: 'NOT_DICT',
        messageParameters: { arg_name: 'fractions', arg_type: typeName(fractions) },
      });
    }
    for (const [, f] of entries) {
      if (typeof f !== 'number' || f < 0 || f > 1) throw new IllegalArgumentException(`requirement failed: Fractions must be in [0, 1], but got ${String(f)}.`);
    }
    const key = typeof col === 'string' ? F.col(col) : col;
    if (entries.length === 0) return this.df.filter(F.lit(false));
    let fraction = F.when(key.eqNullSafe(F.lit(entries[0]![0] as never)), F.lit(entries[0]![1]));
    for (const [k, f] of entries.slice(1)) fraction = fraction.when(key.eqNullSafe(F.lit(k as never)), F.lit(f));
    return this.df.filter(F.rand(seed).lt(fraction.otherwise(F.lit(0))));
  }
}
