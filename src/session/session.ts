/**
 * `SparkSession`: the entry point. It owns the configuration, the catalog,
 * and the backends (storage, materializer, export), reached only through the
 * protocols, so any of them can be injected.
 *
 * @example
 * ```ts
 * const spark = SparkSession.builder.appName('etl').getOrCreate();
 * const df = spark.createDataFrame([{ name: 'Alice', age: 30 }]);
 * df.show();
 * // +---+-----+
 * // |age| name|
 * // +---+-----+
 * // | 30|Alice|
 * // +---+-----+
 * ```
 */
import { Analyzer } from '../analyzer/analyzer.js';
import { onSearchPathOf } from '../errors/search-path.js';
import { requirePositivePartitions, requireStr } from '../api/arg-checks.js';
import type { Analyzed, AnalyzerContext } from '../analyzer/scope.js';
import { BackendFactory } from '../backend/factory.js';
import { guardBackendCall } from '../backend/guard.js';
import type { BackendType, DataMaterializer, ExportBackend, StorageBackend } from '../backend/protocols.js';
import { assertPlanFits } from '../backend/limits.js';
import type { Batch } from '../data/batch.js';
import { AnalysisException, IllegalArgumentException, PySparkTypeError } from '../errors/index.js';
import { adaptiveConf, simulateAdaptiveExecution, type AdaptiveReport } from '../optimizer/adaptive/index.js';
import { rulesFor } from '../optimizer/optimizer.js';
import { optimizePlan } from '../optimizer/query-optimizer.js';
import { withRemoteRepartitions } from '../optimizer/remote-repartition.js';
import { adaptiveExecutionFromConf, type AdaptiveExecutionConfig, type SkewHints } from '../optimizer/skew.js';
import { plan, type LogicalPlan } from '../plan/nodes.js';
import { bindTables } from '../plan/bind-tables.js';
import type { DataType, StructType } from '../types/data-types.js';
import { rowsToBatch } from '../types/values.js';
import { DataFrame } from '../api/dataframe.js';
import { DataFrameReader } from '../api/reader.js';
import { executeSql } from '../sql/execute.js';
import { viewReader } from '../sql/permanent-views.js';
import { ConnectExecutor } from '../backend/connect/executor.js';
import { RemoteCatalog } from '../backend/connect/remote-catalog.js';
import { UDFRegistration } from '../api/udf-registration.js';
import { pythonOnly } from '../api/python-only.js';
import { notifyObservations } from '../api/observation.js';
import { CacheManager } from './cache-manager.js';
import { Catalog, parseTableName, type SharedCatalogState } from './catalog.js';
import { CONF, RuntimeConfig, type ConfValue } from './conf.js';
import { createDataSchema } from './create-data-schema.js';
import { applyQuerySettings, memoryBudget } from './query-settings.js';
import { connectExecutor, optional, parseBool, parseMemory, resolveBackendType } from './backend-setup.js';
import { SparkSessionBuilder } from './builder.js';

export { SparkSessionBuilder };
import { SPARK_VERSION } from './spark-version.js';
import { definePublicName } from '../util/public-name.js';

/** The Spark version whose behaviour sparkless reproduces. */
export { SPARK_VERSION };

export interface SparkSessionOptions {
  /** Execution backend; see README "Backends" for the resolution order. */
  readonly backendType?: BackendType;
  /** Injected table storage (e.g. a spied or file-backed one). */
  readonly storageBackend?: StorageBackend;
  /** Injected plan executor. */
  readonly materializer?: DataMaterializer;
  readonly exportBackend?: ExportBackend;
  /** Initial configuration values. */
  readonly conf?: Readonly<Record<string, ConfValue>>;
  /** @internal shared with sessions made by `newSession()`. */
  readonly sharedState?: SharedCatalogState;
}

let activeSession: SparkSession | undefined;

export class SparkSession {
  static {
    definePublicName(this, 'SparkSession');
  }

  readonly conf: RuntimeConfig;
  readonly catalog: Catalog;
  readonly backendType: BackendType;
  readonly storage: StorageBackend;
  readonly materializer: DataMaterializer;
  readonly exportBackend: ExportBackend;
  /**
   * On the `connect` backend: the Spark Connect session every query goes to
   * (Spark analyzes, optimizes and runs it). Undefined on local backends.
   */
  readonly remote: ConnectExecutor | undefined;
  /** UDFs registered by name (PySpark's `spark.udf`). */
  readonly udf: UDFRegistration;
  readonly #analyzer: Analyzer;
  /** @internal Results of cached DataFrames. */
  readonly cacheManager: CacheManager;
  readonly #options: SparkSessionOptions;
  #stopped = false;

  /** A fresh builder (PySpark's `SparkSession.builder`). */
  static get builder(): SparkSessionBuilder {
    return new SparkSessionBuilder();
  }

  static getActiveSession(): SparkSession | undefined {
    return activeSession && !activeSession.#stopped ? activeSession : undefined;
  }

  constructor(appName = 'sparkless', options: SparkSessionOptions = {}) {
    this.#options = options;
    this.conf = new RuntimeConfig({ [CONF.appName]: appName, ...(options.conf ?? {}) });
    this.backendType = resolveBackendType(options.backendType, this.conf);
    const storageOpts = {
      ...optional('basePath', this.conf.getOption(CONF.basePath)),
      ...optional('maxMemory', parseMemory(this.conf.getOption(CONF.maxMemory))),
      ...optional('allowDiskSpillover', parseBool(this.conf.getOption(CONF.allowDiskSpillover))),
    };
    this.storage = options.storageBackend ?? BackendFactory.createStorageBackend(this.backendType, storageOpts);
    this.materializer = options.materializer ?? BackendFactory.createMaterializer(this.backendType, { timeZone: this.timeZone });
    this.exportBackend = options.exportBackend ?? BackendFactory.createExportBackend(this.backendType);
    this.remote = this.backendType === 'connect' ? connectExecutor(this.conf) : undefined;
    this.catalog = this.remote ? new RemoteCatalog(this.storage, this.remote) : new Catalog(this.storage, options.sharedState);
    if (!this.remote) this.catalog.setViewReader(viewReader(this));
    this.udf = new UDFRegistration(this.remote !== undefined);
    this.#analyzer = new Analyzer(new SessionAnalyzerContext(this.conf, this.udf, this.catalog, (p) => this.#run(p)));
    this.cacheManager = new CacheManager((p) => this.analyze(p).plan);
    activeSession = this;
  }

  /** The Spark version whose behaviour applies: the server's on `connect`, else the one sparkless reproduces. */
  get version(): string {
    return this.remote ? this.remote.version() : SPARK_VERSION;
  }

  get appName(): string {
    return this.conf.get(CONF.appName);
  }

  /** The session time zone (`spark.sql.session.timeZone`). */
  get timeZone(): string {
    return this.conf.get(CONF.timeZone);
  }

  get read(): DataFrameReader {
    return new DataFrameReader(this);
  }

  /** Structured Streaming is not part of sparkless: a typed error naming `spark.read`. */
  get readStream(): never {
    return pythonOnly('SparkSession', 'readStream');
  }

  /**
   * Creates a DataFrame from plain objects (columns sorted by name, as
   * PySpark does for dicts), arrays, or `Row`s. `schema` may be a StructType,
   * a DDL string (`'id INT, name STRING'`) or a list of column names.
   */
  createDataFrame(data: readonly unknown[], schema?: StructType | DataType | string | readonly string[]): DataFrame {
    this.#checkActive();
    if (!Array.isArray(data)) {
      throw new PySparkTypeError(`data is already a DataFrame or an unsupported type: expected an array of rows, got ${typeof data}.`, {
        errorClass: 'INVALID_TYPE',
      });
    }
    const { struct, rows } = createDataSchema(data, schema);
    const batch: Batch = rowsToBatch(rows, struct, { timeZone: this.timeZone });
    return new DataFrame(this, plan('LocalRelation', { data: this.ingest(batch) }));
  }

  /** `range(end)` or `range(start, end, step)`: one bigint column `id`. */
  range(start: number, end?: number, step = 1, numPartitions?: number): DataFrame {
    this.#checkActive();
    const [s, e] = end === undefined ? [0, start] : [start, end];
    if (step === 0) throw new IllegalArgumentException('requirement failed: The step of range should not be 0.', {});
    if (numPartitions !== undefined && numPartitions !== null) requirePositivePartitions(numPartitions);
    return new DataFrame(this, plan('Range', { start: s, end: e, step, ...(numPartitions !== undefined && numPartitions !== null ? { numPartitions } : {}) }));
  }

  /** A table or (global) temp view by name. */
  table(tableName: string): DataFrame {
    requireStr('tableName', tableName);
    this.#checkActive();
    const { database, table } = parseTableName(tableName);
    const df = new DataFrame(this, plan('TableScan', { database, table }));
    // Fail now on a missing table, as classic Spark does; on connect Spark checks at the first action, as PySpark's Connect client.
    if (!this.remote) this.analyze(df.plan);
    return df;
  }

  /**
   * Runs a Spark SQL query or command (`CREATE TEMP VIEW`, `INSERT`, ...); commands return an empty DataFrame.
   * `args` binds parameter markers as literals: `spark.sql('SELECT :x', { x: 1 })`, `spark.sql('SELECT ?', [1])`.
   */
  sql(query: string, args?: Parameters<typeof executeSql>[2]): DataFrame {
    this.#checkActive();
    if (typeof query !== 'string') {
      throw new PySparkTypeError(`Argument \`sqlQuery\` should be a str, got ${query === null ? 'null' : typeof query}.`, {
        errorClass: 'NOT_STR',
        messageParameters: { arg_name: 'sqlQuery', arg_type: query === null ? 'null' : typeof query },
      });
    }
    if (this.remote) {
      // Spark binds the parameters (as typed literals) and parses the text.
      return new DataFrame(this, plan('RemoteRelation', { relation: this.remote.sql(query, args) }));
    }
    return executeSql(this, query, args);
  }

  /** A new session sharing storage, backends and global temp views, with its own conf and temp views. */
  newSession(): SparkSession {
    return new SparkSession(this.appName, {
      ...this.#options,
      backendType: this.backendType,
      storageBackend: this.storage,
      materializer: this.materializer,
      exportBackend: this.exportBackend,
      conf: this.conf.getAll(),
      sharedState: this.catalog.sharedState,
    });
  }

  /** Releases the backends; further use of the session throws. */
  stop(): void {
    if (this.#stopped) return;
    this.#stopped = true;
    this.cacheManager.clear();
    this.materializer.close();
    this.storage.close();
    this.remote?.close();
    if (activeSession === this) activeSession = undefined;
  }

  get isStopped(): boolean {
    return this.#stopped;
  }

  /** @internal Resolved plan and attributes (memoized per plan node). */
  analyze(p: LogicalPlan): Analyzed {
    try {
      return this.#analyzer.analyze(p);
    } catch (err) {
      throw onSearchPathOf(tooDeep(err), this.catalog.currentDatabase());
    }
  }

  /** @internal The resolved, optimized plan an action would run (explain: the backend then describes it with this query's settings). */
  optimizedPlan(p: LogicalPlan, skewHints?: SkewHints): LogicalPlan {
    applyQuerySettings(this.materializer, this.conf, this.backendType);
    return this.#optimize(this.analyze(p).plan, skewHints);
  }

  /** @internal The adaptive-execution settings of the next query (spark.sparkless.optimizer.adaptive.*). */
  get adaptiveExecution(): AdaptiveExecutionConfig {
    return adaptiveExecutionFromConf((k) => this.conf.getOption(k));
  }

  /** The optimizer's rewrites plus, when enabled, skew repartitioning. */
  #optimize(resolved: LogicalPlan, skewHints?: SkewHints): LogicalPlan {
    // Constants fold under this query's ANSI mode and time zone, as Spark folds them.
    const rules = rulesFor({ ansiEnabled: parseBool(this.conf.get(CONF.ansiEnabled)) === true, timeZone: this.timeZone });
    return optimizePlan(resolved, rules, this.adaptiveExecution, skewHints);
  }

  /** @internal The plan a connect session sends: with the adaptive repartitions Spark must run. */
  remotePlan(p: LogicalPlan): LogicalPlan {
    const adaptive = this.adaptiveExecution;
    if (!adaptive.enabled) return p;
    return withRemoteRepartitions(p, adaptive, Number(this.conf.getOption('spark.sql.shuffle.partitions') ?? '200'));
  }

  /**
   * sparkless extension: how Spark's adaptive execution would run the joins of
   * `p` (broadcast, coalesced and skewed shuffle partitions), computed from the
   * real inputs with Spark's partitioning and size rules. Results are unchanged.
   */
  simulateAdaptiveExecution(p: LogicalPlan): AdaptiveReport {
    this.#checkActive();
    const resolved = this.#optimize(this.cacheManager.substitute(this.analyze(p).plan, (n) => this.#cacheRun(n)));
    return simulateAdaptiveExecution(resolved, adaptiveConf((k) => this.conf.getOption(k)), (n) => this.#run(n));
  }

  /** @internal Runs the plan of a DataFrame: analyze, use cached results, optimize, read tables, materialize. */
  execute(p: LogicalPlan): Batch {
    this.#checkActive();
    if (this.remote) {
      const out = this.remote.collect(this.remotePlan(p));
      notifyObservations(this, p);
      return out;
    }
    const resolved = this.cacheManager.substitute(this.analyze(p).plan, (n) => this.#cacheRun(n));
    const out = this.#run(resolved);
    notifyObservations(this, p);
    return out;
  }

  /** Computes a cached DataFrame's data, kept like new input data (large results natively on Polars). */
  #cacheRun(resolved: LogicalPlan): Batch {
    return this.ingest(this.#run(resolved));
  }

  /** Optimizes and runs a resolved plan. */
  #run(resolved: LogicalPlan): Batch {
    const bound = bindTables(this.#optimize(resolved), this.storage);
    applyQuerySettings(this.materializer, this.conf, this.backendType);
    assertPlanFits(bound, memoryBudget(this.conf, this.backendType));
    return guardBackendCall(`Query execution failed on the ${this.backendType} backend`, () => this.materializer.materialize(bound));
  }

  /** @internal A new DataFrame's data, handed to the backend to keep (see `DataMaterializer.ingest`). */
  ingest(batch: Batch): Batch {
    return this.materializer.ingest ? this.materializer.ingest(batch) : batch;
  }

  #checkActive(): void {
    if (this.#stopped) {
      throw new IllegalArgumentException('Cannot call methods on a stopped SparkSession.', { errorClass: 'SESSION_STOPPED' });
    }
  }
}

/**
 * What the analyzer reads from its session: the settings are read from the conf at each
 * use (they can change between queries). A class, not an object literal with getters,
 * which V8 creates slowly (once per session, so once per test).
 */
class SessionAnalyzerContext implements AnalyzerContext {
  constructor(
    readonly config: RuntimeConfig,
    readonly udfs: UDFRegistration,
    readonly relations: Catalog,
    readonly execute: (p: LogicalPlan) => Batch,
  ) {}

  get caseSensitive(): boolean {
    return this.config.get(CONF.caseSensitive) === 'true';
  }

  get ansiEnabled(): boolean {
    return parseBool(this.config.get(CONF.ansiEnabled)) === true;
  }

  readonly conf = (key: string): string | undefined => this.config.getOption(key);

  get orderByOrdinal(): boolean {
    return parseBool(this.config.getOption('spark.sql.orderByOrdinal')) !== false;
  }

  get timeZone(): string {
    return this.config.get(CONF.timeZone);
  }

  get currentDatabase(): string {
    return this.relations.currentDatabase();
  }
}

/**
 * A plan or expression nested deeper than the JS stack allows (e.g. 20,000 chained
 * additions) overflows the recursive analyzer: a typed error, not a raw RangeError.
 */
function tooDeep(err: unknown): unknown {
  if (!(err instanceof RangeError) || !/call stack/i.test(err.message)) return err;
  return new AnalysisException('The query is nested too deeply to analyze (the JS call stack overflowed); build it in fewer nested steps.', {
    errorClass: 'SPARKLESS_NESTING_TOO_DEEP',
    cause: err,
  });
}
