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
import { requireCallable, requireStr, requireStrs } from './arg-checks.js';
import { PySparkTypeError } from '../errors/index.js';
import { batchRows, type Batch } from '../data/batch.js';
import type { Row } from '../data/row.js';
import type { LogicalPlan } from '../plan/nodes.js';
import type { SparkSession } from '../session/session.js';
import type { StructType } from '../types/data-types.js';
import { Column, toColumnExpr, typeName, type ColumnOrName } from './column.js';
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
import { observe, type Observation } from './observation.js';
import * as actions from './dataframe/actions.js';
import * as introspection from './dataframe/introspection.js';
import * as joins from './dataframe/joins.js';
import * as projection from './dataframe/projection.js';
import { flat, type Cols } from './dataframe/projection.js';
import * as sampling from './dataframe/sampling.js';
import * as setOperations from './dataframe/set-operations.js';
import * as storage from './dataframe/storage.js';
import { definePublicName } from '../util/public-name.js';

const DATAFRAME = Symbol.for('sparkless.dataframe');
const INSPECT = Symbol.for('nodejs.util.inspect.custom');
/** Jest copies only these properties of a DataFrame when it prints a failure (not the getters, which would run queries). */
const JEST_SERIALIZABLE = Symbol.for('@jest/serializableProperties');

export interface SortOptions {
  /** One flag for all keys or one per key (PySpark's `ascending=`). */
  readonly ascending?: boolean | readonly boolean[];
}

/** Storage levels are accepted for API compatibility; data is held in memory. */
export type StorageLevel = 'MEMORY_ONLY' | 'MEMORY_AND_DISK' | 'DISK_ONLY' | 'MEMORY_AND_DISK_DESER' | 'NONE';

export class DataFrame {
  static {
    definePublicName(this, 'DataFrame');
  }

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
    return introspection.schemaOf(this);
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
    return projection.colRegex(this, colName);
  }

  /** A Column bound to this DataFrame (PySpark's `df['x']` / `df.x`), for joins and self-joins. */
  col(name: string): Column {
    return projection.boundColumn(this, name);
  }

  // ---- projection ------------------------------------------------------------------------

  select(...cols: Cols): DataFrame {
    return projection.select(this, cols);
  }

  /** `selectExpr('a + 1 AS b', 'upper(name)')`: SQL expressions. */
  selectExpr(...exprs: (string | readonly string[])[]): DataFrame {
    return projection.selectExpr(this, exprs);
  }

  /** Adds or replaces (in place) a column. */
  withColumn(colName: string, col: Column): DataFrame {
    requireStr('colName', colName);
    return this.withColumns({ [colName]: col });
  }

  withColumns(colsMap: Readonly<Record<string, Column>>): DataFrame {
    return projection.withColumns(this, colsMap);
  }

  /** Renames a column; a missing column is a no-op, as in Spark. */
  withColumnRenamed(existing: string, newName: string): DataFrame {
    requireStr('existing', existing);
    return this.withColumnsRenamed({ [existing]: newName });
  }

  withColumnsRenamed(colsMap: Readonly<Record<string, string>>): DataFrame {
    return projection.withColumnsRenamed(this, colsMap);
  }

  /** Drops columns by name (missing names are ignored) or by Column. */
  drop(...cols: ColumnOrName[]): DataFrame {
    return projection.drop(this, cols);
  }

  /** New column names, positionally. */
  toDF(...cols: string[]): DataFrame {
    return projection.toDF(this, cols);
  }

  // ---- filtering and ordering ------------------------------------------------------------------

  filter(condition: Column | string): DataFrame {
    return projection.filter(this, condition);
  }

  where(condition: Column | string): DataFrame {
    return this.filter(condition);
  }

  /** `orderBy('a', col('b').desc())` or `orderBy(['a', 'b'], { ascending: [true, false] })`. */
  orderBy(...args: (ColumnOrName | readonly ColumnOrName[] | SortOptions)[]): DataFrame {
    return projection.orderBy(this, args);
  }

  sort(...args: (ColumnOrName | readonly ColumnOrName[] | SortOptions)[]): DataFrame {
    return this.orderBy(...args);
  }

  /** Single process: sorting within partitions is a sort. */
  sortWithinPartitions(...args: (ColumnOrName | readonly ColumnOrName[] | SortOptions)[]): DataFrame {
    return projection.sortWithinPartitions(this, args);
  }

  limit(num: number): DataFrame {
    return projection.limit(this, num);
  }

  offset(num: number): DataFrame {
    return projection.offset(this, num);
  }

  distinct(): DataFrame {
    return projection.distinct(this);
  }

  dropDuplicates(subset?: readonly string[]): DataFrame {
    return projection.dropDuplicates(this, subset);
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

  // ---- joins ------------------------------------------------------------------------------------------

  /**
   * `on`: a column name or names (an equi-join that keeps one copy of the keys)
   * or a Column condition (or several, ANDed). `how`: any Spark join type.
   */
  join(other: DataFrame, on?: string | readonly string[] | Column | readonly Column[], how = 'inner'): DataFrame {
    return joins.join(this, other, on, how);
  }

  crossJoin(other: DataFrame): DataFrame {
    return joins.crossJoin(this, other);
  }

  // ---- set operations ---------------------------------------------------------------------------------

  /** Positional UNION ALL (duplicates kept), as Spark's `union`. */
  union(other: DataFrame): DataFrame {
    return setOperations.setOperation(this, 'union', true, other);
  }

  unionAll(other: DataFrame): DataFrame {
    return this.union(other);
  }

  unionByName(other: DataFrame, allowMissingColumns = false): DataFrame {
    return setOperations.unionByName(this, other, allowMissingColumns);
  }

  intersect(other: DataFrame): DataFrame {
    return setOperations.setOperation(this, 'intersect', false, other);
  }

  intersectAll(other: DataFrame): DataFrame {
    return setOperations.setOperation(this, 'intersect', true, other);
  }

  /** EXCEPT DISTINCT. */
  subtract(other: DataFrame): DataFrame {
    return setOperations.setOperation(this, 'except', false, other);
  }

  exceptAll(other: DataFrame): DataFrame {
    return setOperations.setOperation(this, 'except', true, other);
  }


  // ---- misc transformations ------------------------------------------------------------------------

  /** Qualifies this DataFrame's columns: `df.alias('a')` then `col('a.id')`. */
  alias(alias: string): DataFrame {
    return projection.alias(this, alias);
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
    return describeFrame(this, flat(cols).map((c) => (Column.isColumn(c) ? String(c) : (requireStr('cols', c), c))));
  }

  /** Like describe plus percentiles; `summary('count', 'min', '25%')` picks statistics. */
  summary(...statistics: string[]): DataFrame {
    requireStrs('statistics', statistics);
    return summaryFrame(this, statistics);
  }

  /** `sample(fraction)`, `sample(fraction, seed)` or `sample(withReplacement, fraction, seed?)`. */
  sample(a?: boolean | number, b?: number, c?: number): DataFrame {
    return sampling.sample(this, a, b, c);
  }

  /** Disjoint random splits in proportion to `weights` (deterministic for a seed). */
  randomSplit(weights: readonly number[], seed?: number): DataFrame[] {
    return sampling.randomSplit(this, weights, seed);
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
    return storage.persist(this, storageLevel);
  }

  unpersist(_blocking = false): DataFrame {
    return storage.unpersist(this);
  }

  get storageLevel(): StorageLevel {
    return storage.storageLevel(this);
  }

  get is_cached(): boolean {
    return this.storageLevel !== 'NONE';
  }

  repartition(numPartitions?: number | ColumnOrName, ...cols: ColumnOrName[]): DataFrame {
    return storage.repartition(this, numPartitions, cols);
  }

  repartitionByRange(numPartitions?: number | ColumnOrName, ...cols: ColumnOrName[]): DataFrame {
    return storage.repartitionByRange(this, numPartitions, cols);
  }

  coalesce(numPartitions: number): DataFrame {
    return storage.coalesce(this, numPartitions);
  }

  hint(name: string, ...parameters: unknown[]): DataFrame {
    return storage.hint(this, name, parameters);
  }

  checkpoint(_eager = true): DataFrame {
    return this.cache();
  }

  localCheckpoint(_eager = true): DataFrame {
    return this.cache();
  }

  // ---- views and writing -------------------------------------------------------------------------------

  createOrReplaceTempView(name: string): void {
    storage.registerView(this, name, false, true);
  }

  createTempView(name: string): void {
    storage.registerView(this, name, false, false);
  }

  registerTempTable(name: string): void {
    requireStr('name', name);
    this.createOrReplaceTempView(name);
  }

  createGlobalTempView(name: string): void {
    storage.registerView(this, name, true, false);
  }

  createOrReplaceGlobalTempView(name: string): void {
    storage.registerView(this, name, true, true);
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
    return actions.collectAsync(this);
  }

  /** `count()` without blocking the event loop while a remote query runs. */
  async countAsync(): Promise<number> {
    return actions.countAsync(this);
  }

  /** `showString()` without blocking the event loop while a remote query runs. */
  async showStringAsync(n = 20, truncate: boolean | number = true, vertical = false): Promise<string> {
    return actions.showStringAsync(this, n, truncate, vertical);
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
    return actions.collect(this);
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
    return actions.tail(this, num);
  }

  count(): number {
    return actions.count(this);
  }

  isEmpty(): boolean {
    return actions.isEmpty(this);
  }

  /** Prints the first `n` rows as Spark's table text (`vertical` prints one block per row). */
  show(n = 20, truncate: boolean | number = true, vertical = false): void {
    console.log(this.showString(n, truncate, vertical));
  }

  /** The text `show()` prints, without printing it. */
  showString(n = 20, truncate: boolean | number = true, vertical = false): string {
    return actions.showString(this, n, truncate, vertical);
  }

  printSchema(level?: number): void {
    console.log(this.schemaString(level));
  }

  /** The tree `printSchema()` prints. */
  schemaString(level?: number): string {
    return introspection.schemaString(this, level);
  }

  /** Prints the plan; `extended` (or mode 'extended') adds the analyzed and optimized plans. */
  explain(extended: boolean | 'simple' | 'extended' | 'formatted' | 'cost' | 'codegen' = false): void {
    console.log(this.explainString(extended));
  }

  explainString(extended: boolean | 'simple' | 'extended' | 'formatted' | 'cost' | 'codegen' = false): string {
    return introspection.explainString(this, extended);
  }

  /** The result as an apache-arrow Table. */
  toArrow(): ArrowTable {
    return actions.toArrow(this);
  }

  /** One JSON document per row, null fields left out as Spark's JSON writer does (PySpark returns an RDD of strings). */
  toJSON(): string[] {
    return actions.toJSON(this);
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
    return introspection.inputFiles(this);
  }

  /** True when both DataFrames compute the same result by the same plan (Spark's canonicalized-plan equality). */
  sameSemantics(other: DataFrame): boolean {
    return introspection.sameSemantics(this, other);
  }

  /** A hash of the canonicalized plan: equal for DataFrames with the same semantics. */
  semanticHash(): number {
    return introspection.semanticHash(this);
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

