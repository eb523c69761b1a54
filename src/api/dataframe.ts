/**
 * `DataFrame`: an immutable handle on a logical plan in a session.
 * Transformations return new DataFrames and run nothing; actions (`collect`,
 * `count`, `show`, ...) analyze, optimize and execute the plan synchronously,
 * like PySpark (they also work under `await`).
 *
 * @example
 * ```ts
 * const out = df.filter(col('age').gt(21)).groupBy('dept').agg(F.avg('salary').alias('avg'));
 * out.show();
 * // +----+-------+
 * // |dept|    avg|
 * // +----+-------+
 * // |  IT|60000.0|
 * // +----+-------+
 * ```
 */
import type { Table as ArrowTable } from 'apache-arrow';
import { requireCallable, requireDict, requireInt, requireList, requireStr, requireStrs } from './arg-checks.js';
import { IllegalArgumentException, PySparkTypeError, PySparkValueError } from '../errors/index.js';
import { E, type Expr } from '../expr/nodes.js';
import { batchRows, type Batch } from '../data/batch.js';
import type { Row } from '../data/row.js';
import { formatSchemaTree } from '../format/print-schema.js';
import { formatShow } from '../format/show.js';
import { formatAdaptiveReport, skewHintsFromSimulation } from '../optimizer/adaptive/index.js';
import { explainPlan } from '../plan/explain.js';
import { relationMessage } from '../backend/connect/plan/relations.js';
import { remotePersist, remoteStorageLevel, remoteUnpersist } from '../backend/connect/catalog.js';
import { parseExpression } from '../sql/parse.js';
import { plan, type LogicalPlan, type PlanOfKind } from '../plan/nodes.js';
import type { SparkSession } from '../session/session.js';
import { LONG, type StructType } from '../types/data-types.js';
import { batchToRows } from '../types/values.js';
import { normalizeJoinType } from '../analyzer/analyzer.js';
import { Column, toColumnExpr, toSortOrder, typeName, type ColumnOrName } from './column.js';
import { GroupedData } from './grouped-data.js';
import { DataFrameNaFunctions, type FillValue, type ReplaceValue } from './na-functions.js';
import { describeFrame, summaryFrame } from './describe.js';
import { DataFrameWriter } from './writer.js';
import { DataFrameStatFunctions } from './stat.js';
import { DataFrameWriterV2 } from './writer-v2.js';
import { pythonOnly } from './python-only.js';
import { unpivot, type ColumnList } from './unpivot.js';
import { toSchema, withMetadata } from './schema-ops.js';
import { mapInArrow, type ArrowBatchFunction } from './map-in-arrow.js';
import { notifyObservations, observe, type Observation } from './observation.js';
import { canonicalPlan, planInputFiles, semanticHashOf } from './plan-identity.js';
import { remoteInputFiles, remoteSameSemantics, remoteSemanticHash } from '../backend/connect/plan-analysis.js';

const DATAFRAME = Symbol.for('sparkless.dataframe');
const INSPECT = Symbol.for('nodejs.util.inspect.custom');
/** Jest copies only these properties of a DataFrame when it prints a failure (not the getters, which would run queries). */
const JEST_SERIALIZABLE = Symbol.for('@jest/serializableProperties');

type Cols = (ColumnOrName | readonly ColumnOrName[])[];
const flat = (cols: Cols): ColumnOrName[] => cols.flatMap((c) => (Array.isArray(c) ? c : [c as ColumnOrName]));

export interface SortOptions {
  /** One flag for all keys or one per key (PySpark's `ascending=`). */
  readonly ascending?: boolean | readonly boolean[];
}

/** Storage levels are accepted for API compatibility; data is held in memory. */
export type StorageLevel = 'MEMORY_ONLY' | 'MEMORY_AND_DISK' | 'DISK_ONLY' | 'MEMORY_AND_DISK_DESER' | 'NONE';

export class DataFrame {
  /** The brand (any copy of sparkless recognises it), leading back to this DataFrame from a copy. */
  declare readonly [DATAFRAME]: () => DataFrame;
  readonly #session: SparkSession;
  readonly #plan: LogicalPlan;

  /** @internal Created by the session and by transformations. */
  constructor(session: SparkSession, plan: LogicalPlan) {
    this.#session = session;
    this.#plan = plan;
    // Test runners print a failure from a structural copy (own properties on the same prototype);
    // the copy lacks the private fields but keeps this function, which returns the original.
    Object.defineProperty(this, DATAFRAME, { value: () => this });
  }

  static isDataFrame(x: unknown): x is DataFrame {
    return typeof x === 'object' && x !== null && typeof (x as Record<symbol, unknown>)[DATAFRAME] === 'function';
  }

  /** @internal The DataFrame a test runner's structural copy was made from (a DataFrame itself otherwise). */
  static original(df: DataFrame): DataFrame {
    return df[DATAFRAME]();
  }

  /** `Object.prototype.toString` gives `[object DataFrame]`, so Vitest prints a DataFrame itself rather than a copy. */
  get [Symbol.toStringTag](): string {
    return 'DataFrame';
  }

  /** Node's `util.inspect` (console.log) and Vitest's messages: the type and the first 20 rows. */
  [INSPECT](): string {
    const df = DataFrame.original(this);
    try {
      return `${df.toString()}\n${df.showString()}`.trimEnd();
    } catch {
      return df.toString();
    }
  }

  /** The unresolved logical plan (internal). */
  get plan(): LogicalPlan {
    return this.#plan;
  }

  get sparkSession(): SparkSession {
    return this.#session;
  }

  /** Analyzed right away, as PySpark does, so a bad column name fails at the call that used it. */
  #derive(p: LogicalPlan): DataFrame {
    // On connect, Spark analyzes (lazily, as PySpark's Connect client does): its rules and names are the ones that count.
    if (!this.#session.remote) this.#session.analyze(p);
    return new DataFrame(this.#session, p);
  }

  /** @internal A DataFrame over another plan in the same session (for GroupedData, na, describe). */
  withPlan(p: LogicalPlan): DataFrame {
    return this.#derive(p);
  }

  // ---- schema ------------------------------------------------------------------------

  get schema(): StructType {
    if (this.#session.remote) return this.#session.remote.schema(this.#plan);
    const resolved = this.#session.analyze(this.#plan).plan;
    return resolved.kind === 'LocalRelation' ? resolved.data.schema : resolved.schema!;
  }

  get columns(): string[] {
    return this.schema.names;
  }

  /** `[name, simpleString]` pairs, e.g. `['age', 'bigint']`. */
  get dtypes(): [string, string][] {
    return this.schema.fields.map((f) => [f.name, f.dataType.simpleString()]);
  }

  /**
   * The columns whose names match a regex given in backticks
   * (`` df.colRegex('`(Col1)?+.+`') ``); a name without backticks is a plain column.
   */
  colRegex(colName: string): Column {
    if (typeof colName !== 'string') {
      throw new PySparkTypeError(`Argument \`colName\` should be a str, got ${typeName(colName)}.`, {
        errorClass: 'NOT_STR',
        messageParameters: { arg_name: 'colName', arg_type: typeName(colName) },
      });
    }
    const m = /^`(.+)`$/s.exec(colName);
    if (!m) return this.col(colName);
    return new Column(Object.freeze({ kind: 'Star' as const, regex: m[1]!.replace(/``/g, '`'), planId: this.#plan.id }));
  }

  /** A Column bound to this DataFrame (PySpark's `df['x']` / `df.x`), for joins and self-joins. */
  col(name: string): Column {
    requireStr('col', name);
    if (name === '*') return new Column(E.star(undefined, this.#plan.id));
    const col = new Column(E.col(name, this.#plan.id));
    if (!this.#session.remote) this.#session.analyze(plan('Project', { input: this.#plan, exprs: [col.expr] })); // fail fast on a bad name
    return col;
  }

  // ---- projection ------------------------------------------------------------------------

  select(...cols: Cols): DataFrame {
    const exprs = flat(cols).map(toColumnExpr);
    return this.#derive(plan('Project', { input: this.#plan, exprs }));
  }

  /** `selectExpr('a + 1 AS b', 'upper(name)')`: SQL expressions. */
  selectExpr(...exprs: (string | readonly string[])[]): DataFrame {
    requireStrs('expr', exprs.flat());
    const texts = exprs.flatMap((e) => (Array.isArray(e) ? e : [e as string]));
    return this.select(...texts.map((t) => new Column(parseExpression(t))));
  }

  /** Adds or replaces (in place) a column. */
  withColumn(colName: string, col: Column): DataFrame {
    return this.withColumns({ [colName]: col });
  }

  withColumns(colsMap: Readonly<Record<string, Column>>): DataFrame {
    if (typeof colsMap !== 'object' || colsMap === null || Column.isColumn(colsMap) || Array.isArray(colsMap)) {
      throw new PySparkTypeError(`Argument \`colsMap\` should be a dict, got ${typeName(colsMap)}.`, {
        errorClass: 'NOT_DICT',
        messageParameters: { arg_name: 'colsMap', arg_type: typeName(colsMap) },
      });
    }
    const entries = Object.entries(colsMap);
    for (const [, col] of entries) {
      if (!Column.isColumn(col)) {
        throw new PySparkTypeError(`Argument \`col\` should be a Column, got ${typeName(col)}.`, {
          errorClass: 'NOT_COLUMN',
          messageParameters: { arg_name: 'col', arg_type: typeName(col) },
        });
      }
    }
    return this.#derive(plan('WithColumns', { input: this.#plan, names: entries.map(([n]) => n), exprs: entries.map(([, c]) => c.expr) }));
  }

  /** Renames a column; a missing column is a no-op, as in Spark. */
  withColumnRenamed(existing: string, newName: string): DataFrame {
    return this.withColumnsRenamed({ [existing]: newName });
  }

  withColumnsRenamed(colsMap: Readonly<Record<string, string>>): DataFrame {
    requireDict('colsMap', colsMap);
    const renames = Object.entries(colsMap).map(([from, to]) => {
      if (typeof to !== 'string') {
        throw new PySparkTypeError(`Argument \`colsMap\` should be a dict of str to str, got ${typeName(to)} for '${from}'.`, {
          errorClass: 'NOT_STR',
          messageParameters: { arg_name: 'colsMap', arg_type: typeName(to) },
        });
      }
      return [from, to] as const;
    });
    return this.#derive(plan('WithColumnsRenamed', { input: this.#plan, renames }));
  }

  /** Drops columns by name (missing names are ignored) or by Column. */
  drop(...cols: ColumnOrName[]): DataFrame {
    const columnNames: string[] = [];
    const columns: Expr[] = [];
    for (const c of cols) {
      if (typeof c === 'string') columnNames.push(c);
      else if (Column.isColumn(c)) columns.push(c.expr);
      else throw new PySparkTypeError(`Argument \`col\` should be a Column or str, got ${typeName(c)}.`, { errorClass: 'NOT_COLUMN_OR_STR' });
    }
    return this.#derive(plan('Drop', { input: this.#plan, columnNames, columns }));
  }

  /** New column names, positionally. */
  toDF(...cols: string[]): DataFrame {
    return this.#derive(plan('ToDF', { input: this.#plan, names: cols }));
  }

  // ---- filtering and ordering ------------------------------------------------------------------

  filter(condition: Column | string): DataFrame {
    if (typeof condition === 'string') {
      return this.#derive(plan('Filter', { input: this.#plan, condition: parseExpression(condition) }));
    }
    if (!Column.isColumn(condition)) {
      throw new PySparkTypeError(`Argument \`condition\` should be a Column or str, got ${typeName(condition)}.`, {
        errorClass: 'NOT_COLUMN_OR_STR',
      });
    }
    return this.#derive(plan('Filter', { input: this.#plan, condition: condition.expr }));
  }

  where(condition: Column | string): DataFrame {
    return this.filter(condition);
  }

  /** `orderBy('a', col('b').desc())` or `orderBy(['a', 'b'], { ascending: [true, false] })`. */
  orderBy(...args: (ColumnOrName | readonly ColumnOrName[] | SortOptions)[]): DataFrame {
    const opts = args.find((a): a is SortOptions => typeof a === 'object' && a !== null && !Array.isArray(a) && !Column.isColumn(a));
    const cols = flat(args.filter((a) => a !== opts) as Cols);
    if (cols.length === 0) throw new PySparkValueError('should sort by at least one column', { errorClass: 'CANNOT_BE_EMPTY' });
    const asc = opts?.ascending;
    if (Array.isArray(asc) && asc.length !== cols.length) {
      throw new PySparkValueError(`ascending should have the same length as cols (${cols.length}), got ${asc.length}.`, {
        errorClass: 'LENGTH_SHOULD_BE_THE_SAME',
      });
    }
    const orders = cols.map((c, i) => {
      const a = Array.isArray(asc) ? asc[i]! : (asc as boolean | undefined) ?? true;
      return toSortOrder(c, a);
    });
    return this.#derive(plan('Sort', { input: this.#plan, orders }));
  }

  sort(...args: (ColumnOrName | readonly ColumnOrName[] | SortOptions)[]): DataFrame {
    return this.orderBy(...args);
  }

  /** Single process: sorting within partitions is a sort. */
  sortWithinPartitions(...args: (ColumnOrName | readonly ColumnOrName[] | SortOptions)[]): DataFrame {
    const sorted = this.orderBy(...args).plan as PlanOfKind<'Sort'>;
    return this.#derive(plan('Sort', { input: sorted.input, orders: sorted.orders, global: false }));
  }

  limit(num: number): DataFrame {
    if (typeof num !== 'number') requireInt('num', num);
    return this.#derive(plan('Limit', { input: this.#plan, n: num }));
  }

  offset(num: number): DataFrame {
    if (typeof num !== 'number') requireInt('num', num);
    return this.#derive(plan('Offset', { input: this.#plan, n: num }));
  }

  distinct(): DataFrame {
    return this.#derive(plan('Deduplicate', { input: this.#plan }));
  }

  dropDuplicates(subset?: readonly string[]): DataFrame {
    if (subset !== undefined && !Array.isArray(subset)) {
      throw new PySparkTypeError(`Argument \`subset\` should be a list or tuple, got ${typeName(subset)}.`, { errorClass: 'NOT_LIST_OR_TUPLE' });
    }
    if (subset) requireStrs('subset', subset);
    return this.#derive(plan('Deduplicate', { input: this.#plan, ...(subset ? { subset } : {}) }));
  }

  drop_duplicates(subset?: readonly string[]): DataFrame {
    return this.dropDuplicates(subset);
  }

  // ---- aggregation -------------------------------------------------------------------------------

  groupBy(...cols: Cols): GroupedData {
    return new GroupedData(this, flat(cols).map(toColumnExpr));
  }

  groupby(...cols: Cols): GroupedData {
    return this.groupBy(...cols);
  }

  rollup(...cols: Cols): GroupedData {
    return new GroupedData(this, flat(cols).map(toColumnExpr), 'rollup');
  }

  cube(...cols: Cols): GroupedData {
    return new GroupedData(this, flat(cols).map(toColumnExpr), 'cube');
  }

  /** Aggregate without grouping: `df.agg(F.max('age'))` or `df.agg({ age: 'max' })`. */
  agg(...exprs: (Column | Readonly<Record<string, string>>)[]): DataFrame {
    return this.groupBy().agg(...exprs);
  }

  // ---- joins and set operations ---------------------------------------------------------------------

  /**
   * `on`: a column name or names (an equi-join that keeps one copy of the keys)
   * or a Column condition (or several, ANDed). `how`: any Spark join type.
   */
  join(other: DataFrame, on?: string | readonly string[] | Column | readonly Column[], how = 'inner'): DataFrame {
    if (!DataFrame.isDataFrame(other)) {
      throw new PySparkTypeError(`Argument \`other\` should be a DataFrame, got ${typeName(other)}.`, { errorClass: 'NOT_DATAFRAME' });
    }
    const joinType = normalizeJoinType(how);
    const base = { left: this.#plan, right: other.plan, joinType };
    // `on=None` is a join without a condition, as in PySpark.
    if (on === undefined || on === null || (Array.isArray(on) && on.length === 0)) return this.#derive(plan('Join', base));
    if (typeof on === 'string') return this.#derive(plan('Join', { ...base, using: [on] }));
    if (Column.isColumn(on)) return this.#derive(plan('Join', { ...base, condition: on.expr }));
    if (!Array.isArray(on)) {
      throw new PySparkTypeError(`Argument \`on\` should be a Column, list or str, got ${typeName(on)}.`, {
        errorClass: 'NOT_COLUMN_OR_LIST_OR_STR',
        messageParameters: { arg_name: 'on', arg_type: typeName(on) },
      });
    }
    const list = on as readonly (string | Column)[];
    if (list.every((x) => typeof x === 'string')) return this.#derive(plan('Join', { ...base, using: list as string[] }));
    if (list.every((x) => Column.isColumn(x))) {
      const condition = (list as Column[]).map((c) => c.expr).reduce((a, b) => E.call('and', [a, b]));
      return this.#derive(plan('Join', { ...base, condition }));
    }
    throw new PySparkTypeError('Argument `on` should be a Column, str or a list of either, not a mix.', { errorClass: 'NOT_COLUMN_OR_STR' });
  }

  crossJoin(other: DataFrame): DataFrame {
    requireDataFrame('other', other);
    return this.#derive(plan('Join', { left: this.#plan, right: other.plan, joinType: 'cross' }));
  }

  /** Positional UNION ALL (duplicates kept), as Spark's `union`. */
  union(other: DataFrame): DataFrame {
    return this.#setOp('union', true, other);
  }

  unionAll(other: DataFrame): DataFrame {
    return this.union(other);
  }

  unionByName(other: DataFrame, allowMissingColumns = false): DataFrame {
    requireDataFrame('other', other);
    return this.#derive(
      plan('SetOperation', { op: 'union', all: true, left: this.#plan, right: other.plan, byName: true, allowMissingColumns }),
    );
  }

  intersect(other: DataFrame): DataFrame {
    return this.#setOp('intersect', false, other);
  }

  intersectAll(other: DataFrame): DataFrame {
    return this.#setOp('intersect', true, other);
  }

  /** EXCEPT DISTINCT. */
  subtract(other: DataFrame): DataFrame {
    return this.#setOp('except', false, other);
  }

  exceptAll(other: DataFrame): DataFrame {
    return this.#setOp('except', true, other);
  }

  #setOp(op: 'union' | 'intersect' | 'except', all: boolean, other: DataFrame): DataFrame {
    if (!DataFrame.isDataFrame(other)) {
      throw new PySparkTypeError(`Argument \`other\` should be a DataFrame, got ${typeName(other)}.`, { errorClass: 'NOT_DATAFRAME' });
    }
    return this.#derive(plan('SetOperation', { op, all, left: this.#plan, right: other.plan }));
  }

  // ---- misc transformations ------------------------------------------------------------------------

  /** Qualifies this DataFrame's columns: `df.alias('a')` then `col('a.id')`. */
  alias(alias: string): DataFrame {
    requireStr('alias', alias);
    return this.#derive(plan('SubqueryAlias', { input: this.#plan, alias }));
  }

  /** `df.transform(f, ...args)` = `f(df, ...args)`, for chaining custom steps. */
  transform<A extends unknown[]>(func: (df: DataFrame, ...args: A) => DataFrame, ...args: A): DataFrame {
    requireCallable('func', func);
    const out = func(this, ...args);
    if (!DataFrame.isDataFrame(out)) {
      throw new PySparkTypeError(`Func returned an instance of type [${typeName(out)}], should have been DataFrame.`, {
        errorClass: 'INVALID_RETURN_TYPE_FOR_TRANSFORM',
      });
    }
    return out;
  }

  /** A V2 writer to the catalog table `table` (create, replace, append, overwrite). */
  writeTo(table: string): DataFrameWriterV2 {
    return new DataFrameWriterV2(this, table);
  }

  get na(): DataFrameNaFunctions {
    return new DataFrameNaFunctions(this);
  }

  fillna(value: FillValue, subset?: string | readonly string[]): DataFrame {
    return this.na.fill(value, subset);
  }

  dropna(how: 'any' | 'all' = 'any', thresh?: number, subset?: string | readonly string[]): DataFrame {
    return this.na.drop(how, thresh, subset);
  }

  replace(toReplace: ReplaceValue, value?: unknown, subset?: string | readonly string[]): DataFrame {
    return this.na.replace(toReplace, value, subset);
  }

  /**
   * Unpivots value columns into rows of (ids..., variable, value); `values`
   * null/undefined means every non-id column. Values are cast to their least common type.
   */
  unpivot(ids: ColumnList, values: ColumnList | null | undefined, variableColumnName: string, valueColumnName: string): DataFrame {
    return unpivot(this, ids, values, variableColumnName, valueColumnName);
  }

  /** Alias of `unpivot`. */
  melt(ids: ColumnList, values: ColumnList | null | undefined, variableColumnName: string, valueColumnName: string): DataFrame {
    return unpivot(this, ids, values, variableColumnName, valueColumnName);
  }

  /** The rows under `schema`: columns by name in its order, lossless casts only, other columns dropped (Spark's `to`). */
  to(schema: StructType): DataFrame {
    return toSchema(this, schema);
  }

  /** The column `columnName` with its metadata replaced by `metadata`. */
  withMetadata(columnName: string, metadata: Readonly<Record<string, unknown>>): DataFrame {
    return withMetadata(this, columnName, metadata);
  }

  /**
   * Maps batches of rows with `fn`, which receives an iterator of apache-arrow
   * RecordBatches and yields RecordBatches of `schema` (StructType or DDL string).
   */
  mapInArrow(fn: ArrowBatchFunction, schema: StructType | string): DataFrame {
    return mapInArrow(this, fn, schema);
  }

  /**
   * Observes named aggregate metrics of the rows at this point; with an
   * `Observation`, `observation.get` returns them after the first action.
   */
  observe(observation: Observation | string, ...exprs: Column[]): DataFrame {
    return observe(this, observation, exprs);
  }

  /** Statistic functions (PySpark's DataFrameStatFunctions). */
  get stat(): DataFrameStatFunctions {
    return new DataFrameStatFunctions(this);
  }

  corr(col1: string, col2: string, method?: string): number | null {
    return this.stat.corr(col1, col2, method);
  }

  cov(col1: string, col2: string): number | null {
    return this.stat.cov(col1, col2);
  }

  crosstab(col1: string, col2: string): DataFrame {
    return this.stat.crosstab(col1, col2);
  }

  freqItems(cols: readonly string[], support?: number): DataFrame {
    return this.stat.freqItems(cols, support);
  }

  approxQuantile(col: string | readonly string[], probabilities: readonly number[], relativeError: number): number[] | number[][] {
    return this.stat.approxQuantile(col, probabilities, relativeError);
  }

  sampleBy(col: ColumnOrName, fractions: Readonly<Record<string, number>> | ReadonlyMap<unknown, number>, seed?: number): DataFrame {
    return this.stat.sampleBy(col, fractions, seed);
  }

  /** count, mean, stddev, min, max for numeric and string columns (all as strings). */
  describe(...cols: Cols): DataFrame {
    return describeFrame(this, flat(cols).map(String));
  }

  /** Like describe plus percentiles; `summary('count', 'min', '25%')` picks statistics. */
  summary(...statistics: string[]): DataFrame {
    return summaryFrame(this, statistics);
  }

  /** `sample(fraction)`, `sample(fraction, seed)` or `sample(withReplacement, fraction, seed?)`. */
  sample(a?: boolean | number, b?: number, c?: number): DataFrame {
    let withReplacement = false;
    let fraction: number | undefined;
    let seed: number | undefined;
    if (typeof a === 'boolean') {
      withReplacement = a;
      fraction = b;
      seed = c;
    } else {
      fraction = a;
      seed = b;
    }
    if (typeof fraction !== 'number' || fraction < 0 || (!withReplacement && fraction > 1)) {
      throw new IllegalArgumentException(`requirement failed: Sampling fraction (${fraction}) must be on interval [0, 1] without replacement`, {});
    }
    return this.#derive(
      plan('Sample', { input: this.#plan, fraction, withReplacement, seed: seed ?? Math.floor(Math.random() * 2 ** 31) }),
    );
  }

  /** Disjoint random splits in proportion to `weights` (deterministic for a seed). */
  randomSplit(weights: readonly number[], seed?: number): DataFrame[] {
    requireList('weights', weights);
    if (weights.some((w) => w < 0)) {
      throw new IllegalArgumentException(`requirement failed: Weights must be nonnegative, but got [${weights.join(', ')}]`, {});
    }
    const total = weights.reduce((a, b) => a + b, 0);
    if (total <= 0) throw new IllegalArgumentException(`requirement failed: Sum of weights must be positive, but got [${weights.join(', ')}]`, {});
    const s = seed ?? Math.floor(Math.random() * 2 ** 31);
    // One uniform draw per row with a shared seed; each split keeps its own [lower, upper) slice of it.
    const tmp = '__sparkless_split_rand';
    const marked = this.withColumn(tmp, new Column(E.call('rand', [E.lit(s, LONG)])));
    const r = new Column(E.col(tmp));
    let lower = 0;
    return weights.map((w, i) => {
      const upper = i === weights.length - 1 ? 1 : lower + w / total;
      const cond = i === weights.length - 1 ? r.gte(lower) : r.gte(lower).and(r.lt(upper));
      lower = upper;
      return marked.filter(cond).drop(tmp);
    });
  }

  // ---- caching, partitioning, hints (no effect on results) ---------------------------------------------

  /**
   * Marks the DataFrame's result for reuse by later actions (computed at the first action).
   * Its level is PySpark's default, `MEMORY_AND_DISK_DESER` (Scala's deserialized MEMORY_AND_DISK).
   */
  cache(): DataFrame {
    return this.persist();
  }

  persist(storageLevel: StorageLevel = 'MEMORY_AND_DISK_DESER'): DataFrame {
    if (this.#session.remote) remotePersist(this.#session.remote, this.#plan, storageLevel);
    else this.#session.cacheManager.persist(this.#plan, storageLevel);
    return this;
  }

  unpersist(_blocking = false): DataFrame {
    if (this.#session.remote) remoteUnpersist(this.#session.remote, this.#plan);
    else this.#session.cacheManager.unpersist(this.#plan);
    return this;
  }

  get storageLevel(): StorageLevel {
    if (this.#session.remote) return remoteStorageLevel(this.#session.remote, this.#plan) as StorageLevel;
    return this.#session.cacheManager.storageLevel(this.#plan);
  }

  get is_cached(): boolean {
    return this.storageLevel !== 'NONE';
  }

  repartition(numPartitions?: number | ColumnOrName, ...cols: ColumnOrName[]): DataFrame {
    const n = typeof numPartitions === 'number' ? numPartitions : undefined;
    const exprs = [...(typeof numPartitions === 'number' || numPartitions === undefined ? [] : [numPartitions]), ...cols].map(toColumnExpr);
    return this.#derive(plan('Repartition', { input: this.#plan, numPartitions: n, partitionExprs: exprs, shuffle: true }));
  }

  repartitionByRange(numPartitions?: number | ColumnOrName, ...cols: ColumnOrName[]): DataFrame {
    const { input, numPartitions: n, partitionExprs, shuffle } = this.repartition(numPartitions, ...cols).plan as PlanOfKind<'Repartition'>;
    return this.#derive(plan('Repartition', { input, numPartitions: n, partitionExprs, shuffle, byRange: true }));
  }

  coalesce(numPartitions: number): DataFrame {
    return this.#derive(plan('Repartition', { input: this.#plan, numPartitions, partitionExprs: [], shuffle: false }));
  }

  hint(name: string, ...parameters: unknown[]): DataFrame {
    return this.#derive(plan('Hint', { input: this.#plan, name, parameters }));
  }

  checkpoint(_eager = true): DataFrame {
    return this.cache();
  }

  localCheckpoint(_eager = true): DataFrame {
    return this.cache();
  }

  // ---- views and writing -------------------------------------------------------------------------------

  createOrReplaceTempView(name: string): void {
    requireStr('name', name);
    if (this.#session.remote) this.#remoteView(name, false, true);
    else this.#session.catalog.registerTempView(name, this.#plan, true);
  }

  createTempView(name: string): void {
    requireStr('name', name);
    if (this.#session.remote) this.#remoteView(name, false, false);
    else this.#session.catalog.registerTempView(name, this.#plan, false);
  }

  registerTempTable(name: string): void {
    requireStr('name', name);
    this.createOrReplaceTempView(name);
  }

  createGlobalTempView(name: string): void {
    requireStr('name', name);
    if (this.#session.remote) this.#remoteView(name, true, false);
    else this.#session.catalog.registerTempView(name, this.#plan, false, true);
  }

  createOrReplaceGlobalTempView(name: string): void {
    requireStr('name', name);
    if (this.#session.remote) this.#remoteView(name, true, true);
    else this.#session.catalog.registerTempView(name, this.#plan, true, true);
  }

  #remoteView(name: string, isGlobal: boolean, replace: boolean): void {
    this.#session.remote!.command({ create_dataframe_view: { input: relationMessage(this.#plan), name, is_global: isGlobal, replace } });
  }

  get write(): DataFrameWriter {
    return new DataFrameWriter(this);
  }

  // ---- actions --------------------------------------------------------------------------------------------

  /**
   * The rows, without blocking the event loop while a remote (Spark Connect)
   * query runs; on local backends the same as `collect()`.
   */
  async collectAsync(): Promise<Row[]> {
    const remote = this.#session.remote;
    return batchToRows(remote ? await remote.collectAsync(this.#session.remotePlan(this.#plan)) : this.executeBatch());
  }

  /** `count()` without blocking the event loop while a remote query runs. */
  async countAsync(): Promise<number> {
    const remote = this.#session.remote;
    return remote ? remote.countAsync(this.#session.remotePlan(this.#plan)) : this.count();
  }

  /** `showString()` without blocking the event loop while a remote query runs. */
  async showStringAsync(n = 20, truncate: boolean | number = true, vertical = false): Promise<string> {
    const remote = this.#session.remote;
    if (!remote) return this.showString(n, truncate, vertical);
    return remote.showStringAsync(this.#session.remotePlan(this.#plan), n, showWidth(truncate), vertical);
  }

  /** `show()` without blocking the event loop while a remote query runs. */
  async showAsync(n = 20, truncate: boolean | number = true, vertical = false): Promise<void> {
    console.log(await this.showStringAsync(n, truncate, vertical));
  }

  /** @internal Executes the plan and returns the raw batch. */
  executeBatch(): Batch {
    return this.#session.execute(this.#plan);
  }

  collect(): Row[] {
    return batchToRows(this.executeBatch());
  }

  take(num: number): Row[] {
    return this.limit(num).collect();
  }

  /** `head()` → first Row or null; `head(n)` → up to n Rows. */
  head(): Row | null;
  head(n: number): Row[];
  head(n?: number): Row | Row[] | null {
    if (n === undefined) return this.take(1)[0] ?? null;
    return this.take(n);
  }

  first(): Row | null {
    return this.head();
  }

  tail(num: number): Row[] {
    if (typeof num !== 'number') requireInt('num', num);
    const rows = this.collect();
    return num <= 0 ? [] : rows.slice(-num);
  }

  count(): number {
    if (this.#session.remote) {
      const n = this.#session.remote.count(this.#session.remotePlan(this.#plan));
      notifyObservations(this.#session, this.#plan);
      return n;
    }
    // A count aggregate, as Spark plans df.count(): the backend never materializes the rows.
    const batch = this.groupBy().count().executeBatch();
    return Number(batch.columns[0]![0]);
  }

  isEmpty(): boolean {
    return this.limit(1).executeBatch().numRows === 0;
  }

  /** Prints the first `n` rows as Spark's table text (`vertical` prints one block per row). */
  show(n = 20, truncate: boolean | number = true, vertical = false): void {
    console.log(this.showString(n, truncate, vertical));
  }

  /** The text `show()` prints, without printing it. */
  showString(n = 20, truncate: boolean | number = true, vertical = false): string {
    if (typeof n !== 'number') requireInt('n', n);
    const width = showWidth(truncate);
    if (this.#session.remote) {
      const text = this.#session.remote.showString(this.#session.remotePlan(this.#plan), n, width, vertical);
      notifyObservations(this.#session, this.#plan);
      return text;
    }
    const batch = this.limit(n + 1).executeBatch();
    return formatShow(batch, {
      numRows: n,
      truncate: width,
      vertical,
      timeZone: this.#session.timeZone,
    });
  }

  printSchema(level?: number): void {
    console.log(this.schemaString(level));
  }

  /** The tree `printSchema()` prints. */
  schemaString(level?: number): string {
    if (level !== undefined && typeof level !== 'number') requireInt('level', level);
    if (this.#session.remote) return this.#session.remote.treeString(this.#plan, level);
    return formatSchemaTree(this.schema, level);
  }

  /** Prints the plan; `extended` (or mode 'extended') adds the analyzed and optimized plans. */
  explain(extended: boolean | 'simple' | 'extended' | 'formatted' | 'cost' | 'codegen' = false): void {
    console.log(this.explainString(extended));
  }

  explainString(extended: boolean | 'simple' | 'extended' | 'formatted' | 'cost' | 'codegen' = false): string {
    const mode = extended === true ? 'extended' : extended === false ? 'simple' : extended;
    if (this.#session.remote) return this.#session.remote.explain(this.#session.remotePlan(this.#plan), mode);
    const analyzed = this.#session.analyze(this.#plan).plan;
    // The adaptive simulation runs the join inputs, so only the detailed modes include it; with
    // adaptive execution on, the skew it measures feeds the optimized plan's repartitions.
    const detailed = mode !== 'simple' && mode !== 'codegen';
    const simulation = detailed ? this.#session.simulateAdaptiveExecution(this.#plan) : undefined;
    const hints = simulation && this.#session.adaptiveExecution.enabled ? skewHintsFromSimulation(simulation) : undefined;
    const optimized = this.#session.optimizedPlan(this.#plan, hints);
    const text = explainPlan({ parsed: this.#plan, analyzed, optimized, mode, backend: this.#session.materializer });
    return simulation ? `${text}\n\n${formatAdaptiveReport(simulation)}` : text;
  }

  /** The result as an apache-arrow Table. */
  toArrow(): ArrowTable {
    return this.#session.exportBackend.toArrow(this.executeBatch());
  }

  /** One JSON document per row, null fields left out as Spark's JSON writer does (PySpark returns an RDD of strings). */
  toJSON(): string[] {
    // Also called on a test runner's copy when it prints a DataFrame.
    return DataFrame.original(this).collect().map((r) => JSON.stringify(r.asDict(true), jsonReplacer));
  }

  *toLocalIterator(): IterableIterator<Row> {
    yield* this.collect();
  }

  foreach(f: (row: Row) => void): void {
    this.collect().forEach(f);
  }

  foreachPartition(f: (rows: Iterator<Row>) => void): void {
    f(this.collect()[Symbol.iterator]());
  }

  get isStreaming(): boolean {
    return false;
  }

  // ---- Python-only and streaming methods: typed errors naming the TypeScript alternative ----

  toPandas(): never {
    return pythonOnly('DataFrame', 'toPandas');
  }

  mapInPandas(..._args: unknown[]): never {
    return pythonOnly('DataFrame', 'mapInPandas');
  }

  pandas_api(..._args: unknown[]): never {
    return pythonOnly('DataFrame', 'pandas_api');
  }

  to_koalas(..._args: unknown[]): never {
    return pythonOnly('DataFrame', 'to_koalas');
  }

  to_pandas_on_spark(..._args: unknown[]): never {
    return pythonOnly('DataFrame', 'to_pandas_on_spark');
  }

  get rdd(): never {
    return pythonOnly('DataFrame', 'rdd');
  }

  get writeStream(): never {
    return pythonOnly('DataFrame', 'writeStream');
  }

  withWatermark(..._args: unknown[]): never {
    return pythonOnly('DataFrame', 'withWatermark');
  }

  dropDuplicatesWithinWatermark(..._args: unknown[]): never {
    return pythonOnly('DataFrame', 'dropDuplicatesWithinWatermark');
  }

  isLocal(): boolean {
    return true;
  }

  /** The files this DataFrame reads (`file:` URIs), as Spark lists them. */
  inputFiles(): string[] {
    if (this.#session.remote) return remoteInputFiles(this.#session.remote, this.#plan);
    // The unresolved plan holds the reads themselves; the resolved one also those of the temp views it uses.
    return [...new Set([...planInputFiles(this.#plan), ...planInputFiles(this.#session.analyze(this.#plan).plan)])].sort();
  }

  /** True when both DataFrames compute the same result by the same plan (Spark's canonicalized-plan equality). */
  sameSemantics(other: DataFrame): boolean {
    if (!DataFrame.isDataFrame(other)) {
      throw new PySparkTypeError(`Argument \`other\` should be a DataFrame, got ${typeName(other)}.`, {
        errorClass: 'NOT_DATAFRAME',
        messageParameters: { arg_name: 'other', arg_type: typeName(other) },
      });
    }
    if (this.#session.remote) return remoteSameSemantics(this.#session.remote, this.#plan, other.plan);
    return canonicalPlan(this.#session.analyze(this.#plan).plan) === canonicalPlan(other.sparkSession.analyze(other.plan).plan);
  }

  /** A hash of the canonicalized plan: equal for DataFrames with the same semantics. */
  semanticHash(): number {
    if (this.#session.remote) return remoteSemanticHash(this.#session.remote, this.#plan);
    return semanticHashOf(this.#session.analyze(this.#plan).plan);
  }

  /** Rows as arrays of internal values (for tests of the engine itself). */
  toRowsInternal(): unknown[][] {
    return batchRows(this.executeBatch());
  }

  toString(): string {
    return `DataFrame[${DataFrame.original(this).dtypes.map(([n, t]) => `${n}: ${t}`).join(', ')}]`;
  }
}

Object.defineProperty(DataFrame.prototype, JEST_SERIALIZABLE, { value: [DATAFRAME] });

/** PySpark's `truncate` argument as a cell width: true is 20 characters, false no limit (0). */
function showWidth(truncate: boolean | number): number {
  return truncate === true ? 20 : truncate === false ? 0 : truncate;
}

function jsonReplacer(_k: string, v: unknown): unknown {
  if (v === null) return undefined;
  if (typeof v === 'bigint') return Number.isSafeInteger(Number(v)) ? Number(v) : v.toString();
  if (v instanceof Map) return Object.fromEntries(v);
  return v;
}

/** PySpark's NOT_DATAFRAME for an argument that must be a DataFrame. */
function requireDataFrame(arg: string, v: unknown): asserts v is DataFrame {
  if (!DataFrame.isDataFrame(v)) throw new PySparkTypeError(`Argument \`${arg}\` should be a DataFrame, got ${typeName(v)}.`, { errorClass: 'NOT_DATAFRAME' });
}
