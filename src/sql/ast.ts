/**
 * The parser's output for queries and statements. Scalar expressions are
 * already the engine's unresolved expression IR (`Expr`); only the relational
 * structure (SELECT blocks, FROM clauses, set operations, CTEs) is kept as a
 * small AST, because turning a SELECT into a plan needs the whole block at
 * once (GROUP BY / HAVING / ORDER BY / window definitions interact).
 */
import type { Expr, SortOrder, WindowSpecDef } from '../expr/nodes.js';
import type { JoinType } from '../plan/nodes.js';
import type { DataType } from '../types/data-types.js';
import type { ParseException } from '../errors/index.js';

export type RelationAst =
  | { readonly kind: 'table'; readonly parts: readonly string[]; readonly alias?: TableAlias }
  | { readonly kind: 'subquery'; readonly query: QueryAst; readonly alias?: TableAlias }
  /** `LATERAL (query) [alias]`: may refer to the columns of the relations before it. */
  | { readonly kind: 'lateral'; readonly query: QueryAst; readonly alias?: TableAlias }
  | { readonly kind: 'values'; readonly rows: readonly (readonly Expr[])[]; readonly alias?: TableAlias }
  /** Table-valued function, e.g. `range(10)`, `explode(array(1, 2))`; `LATERAL fn(...)` may use the columns before it. */
  | { readonly kind: 'tvf'; readonly name: string; readonly args: readonly Expr[]; readonly alias?: TableAlias; readonly lateral?: boolean }
  | {
      readonly kind: 'join';
      readonly left: RelationAst;
      readonly right: RelationAst;
      readonly joinType: JoinType;
      readonly natural: boolean;
      readonly on?: Expr;
      readonly using?: readonly string[];
    }
  /** `rel PIVOT (aggs FOR col IN (values)) [alias]`. */
  | {
      readonly kind: 'pivot';
      readonly input: RelationAst;
      /** Aggregate expressions, each possibly an Alias. */
      readonly aggs: readonly Expr[];
      readonly columns: readonly string[];
      readonly values: readonly { readonly expr: Expr; readonly alias?: string }[];
      readonly alias?: TableAlias;
    }
  /** `rel UNPIVOT [INCLUDE|EXCLUDE NULLS] (v FOR name IN (c [AS a], ...)) [alias]`; `(v1, v2)` / `(c1, c2)` for several values. */
  | {
      readonly kind: 'unpivot';
      readonly input: RelationAst;
      readonly includeNulls: boolean;
      readonly valueColumns: readonly string[];
      readonly nameColumn: string;
      readonly columns: readonly { readonly names: readonly string[]; readonly alias?: string }[];
      readonly alias?: TableAlias;
    }
  /** `t TABLESAMPLE (n PERCENT | BUCKET x OUT OF y)` (a fraction) or `(expr ROWS)`, `REPEATABLE (seed)`. */
  | {
      readonly kind: 'sample';
      readonly input: RelationAst;
      readonly fraction?: number;
      readonly rows?: Expr;
      readonly seed?: number;
      readonly alias?: TableAlias;
    }
  /** `LATERAL VIEW [OUTER] explode(x) t AS a, b`. */
  | {
      readonly kind: 'lateralView';
      readonly input: RelationAst;
      readonly generator: Expr;
      readonly outer: boolean;
      readonly tableAlias: string;
      readonly columns: readonly string[];
    };

export interface TableAlias {
  readonly name: string;
  /** `AS t(a, b)`: column names, positionally. */
  readonly columns?: readonly string[];
}

/** One element of a GROUP BY clause. */
export type GroupingElement =
  | { readonly kind: 'expr'; readonly expr: Expr }
  | { readonly kind: 'rollup' | 'cube'; readonly items: readonly (readonly Expr[])[] }
  | { readonly kind: 'sets'; readonly sets: readonly (readonly Expr[])[] };

export interface GroupByAst {
  readonly elements: readonly GroupingElement[];
  /** `GROUP BY a, b WITH ROLLUP|CUBE`. */
  readonly with?: 'rollup' | 'cube';
  /** `GROUP BY a, b GROUPING SETS ((a), (b))` (the list before GROUPING SETS gives the keys). */
  readonly groupingSets?: readonly (readonly Expr[])[];
  /** `GROUP BY ALL`: the select-list expressions without aggregates. */
  readonly all?: boolean;
}

export interface SelectAst {
  readonly kind: 'select';
  readonly distinct: boolean;
  readonly items: readonly Expr[];
  /** Per item: whether its alias was written (only those serve as lateral column aliases). */
  readonly aliasWritten?: readonly boolean[];
  readonly from?: RelationAst;
  readonly where?: Expr;
  readonly groupBy?: GroupByAst;
  readonly having?: Expr;
  /** `WINDOW w AS (...)` definitions, by lower-cased name. */
  readonly windows: ReadonlyMap<string, WindowSpecDef>;
}

export interface SetOpAst {
  readonly kind: 'setop';
  readonly op: 'union' | 'intersect' | 'except';
  readonly all: boolean;
  readonly left: QueryAst;
  readonly right: QueryAst;
}

export interface CteAst {
  readonly name: string;
  readonly columns?: readonly string[];
  readonly query: QueryAst;
}

/** A query with its organization clauses (WITH, ORDER BY, LIMIT, OFFSET). */
export interface QueryOrgAst {
  readonly kind: 'query';
  readonly ctes: readonly CteAst[];
  readonly body: QueryAst;
  readonly orderBy: readonly SortOrder[];
  readonly limit?: Expr;
  readonly offset?: Expr;
}

export type QueryAst =
  | SelectAst
  | SetOpAst
  | QueryOrgAst
  | { readonly kind: 'values'; readonly rows: readonly (readonly Expr[])[]; readonly alias?: TableAlias }
  | { readonly kind: 'table'; readonly parts: readonly string[] };

/** A column of `CREATE TABLE t (a INT, ...)`. */
export interface ColumnDef {
  readonly name: string;
  readonly dataType: DataType;
  readonly nullable: boolean;
  readonly comment?: string;
  /** A `char(n)`/`varchar(n)` column's declared type (its dataType is STRING), as Spark keeps it in metadata. */
  readonly charVarchar?: string;
  /** `DEFAULT expr`: its text as written (what Spark shows) and the parsed expression. */
  readonly default?: { readonly text: string; readonly expr: Expr };
}

/** CREATE TABLE's clauses after the columns (each at most once, any order, as Spark's grammar). */
export interface TableClauses {
  readonly options: readonly (readonly [string, string])[];
  readonly partitionColumns: readonly string[];
  readonly bucketSpec?: { readonly numBuckets: number; readonly bucketColumns: readonly string[]; readonly sortColumns: readonly string[] };
  readonly comment?: string;
  readonly location?: string;
  readonly properties: readonly (readonly [string, string])[];
}

/** What `ALTER TABLE t ...` / `ALTER VIEW v ...` changes (besides `ALTER VIEW v AS query`, its own command). */
export type AlterAction =
  | { readonly kind: 'renameTo'; readonly newName: readonly string[] }
  | { readonly kind: 'addColumns'; readonly columns: readonly ColumnDef[] }
  /** `RENAME COLUMN` / `DROP COLUMN(S)` / `REPLACE COLUMNS`: v1 tables refuse them (Spark's UNSUPPORTED_FEATURE.TABLE_OPERATION). */
  | { readonly kind: 'unsupportedColumnChange'; readonly operation: 'RENAME COLUMN' | 'DROP COLUMN' | 'REPLACE COLUMNS' }
  /** `[PARTITION (...)] SET SERDE ...`, or SET SERDEPROPERTIES of a partition: data source tables refuse them. */
  | { readonly kind: 'setSerde'; readonly partition: boolean }
  | {
      readonly kind: 'alterColumn';
      readonly verb: 'ALTER' | 'CHANGE';
      readonly column: readonly string[];
      /** Hive's `CHANGE [COLUMN] old new type ...` form gives a name and a type. */
      readonly newName?: string;
      readonly dataType?: DataType;
      /** The declared `char(n)`/`varchar(n)` of the new type (its dataType is STRING). */
      readonly charVarchar?: string;
      readonly comment?: string;
      /** Spark's ParseException for a Hive-form rename (thrown when the names differ under spark.sql.caseSensitive). */
      readonly renameRefusal?: ParseException;
      /** `SET NOT NULL` (false) / `DROP NOT NULL` (true). */
      readonly nullable?: boolean;
      readonly position?: boolean;
      readonly defaultChange?: boolean;
    }
  | { readonly kind: 'setProperties'; readonly properties: readonly (readonly [string, string])[] }
  | { readonly kind: 'unsetProperties'; readonly keys: readonly string[]; readonly ifExists: boolean }
  | { readonly kind: 'setLocation'; readonly location: string };

/**
 * A PARTITION clause's `key = value` pairs as written: `value` is the literal's text (null for NULL),
 * absent for a key without a value (a dynamic partition of INSERT).
 */
export type PartitionSpecAst = readonly { readonly key: string; readonly value?: string | null }[];

/** The partition commands of a v1 table (partition-ddl.ts). */
export type PartitionAction =
  | { readonly kind: 'add'; readonly ifNotExists: boolean; readonly partitions: readonly { readonly spec: PartitionSpecAst; readonly location?: string }[] }
  | { readonly kind: 'drop'; readonly ifExists: boolean; readonly specs: readonly PartitionSpecAst[] }
  | { readonly kind: 'rename'; readonly from: PartitionSpecAst; readonly to: PartitionSpecAst }
  | { readonly kind: 'setLocation'; readonly spec: PartitionSpecAst; readonly location: string }
  | { readonly kind: 'recover'; readonly command: 'ALTER TABLE RECOVER PARTITIONS' | 'MSCK REPAIR TABLE' }
  | { readonly kind: 'truncate'; readonly spec: PartitionSpecAst };

/** Statements that are not queries (Spark "commands"). */
export type CommandAst =
  | {
      readonly kind: 'createView';
      readonly name: readonly string[];
      readonly replace: boolean;
      readonly temporary: boolean;
      readonly global: boolean;
      readonly ifNotExists: boolean;
      readonly columns?: readonly string[];
      /** Per column of `columns`: its `COMMENT`, or null. */
      readonly columnComments?: readonly (string | null)[];
      readonly comment?: string;
      /** `TBLPROPERTIES (...)` (a permanent view keeps them). */
      readonly properties: readonly (readonly [string, string])[];
      readonly query: QueryAst;
      /** The query as written (SHOW TABLE EXTENDED's `View Text`). */
      readonly text: string;
    }
  /** `CREATE [OR REPLACE] [GLOBAL] TEMPORARY VIEW v [(c TYPE, ...)] USING fmt [OPTIONS (...)]`. */
  | {
      readonly kind: 'createTempViewUsing';
      readonly name: readonly string[];
      readonly replace: boolean;
      readonly global: boolean;
      readonly columns?: readonly ColumnDef[];
      readonly provider: string;
      readonly options: readonly (readonly [string, string])[];
    }
  | {
      readonly kind: 'createTable';
      readonly name: readonly string[];
      readonly replace: boolean;
      readonly ifNotExists: boolean;
      readonly columns?: readonly ColumnDef[];
      readonly provider?: string;
      readonly clauses: TableClauses;
      readonly query?: QueryAst;
    }
  /** `CREATE TABLE t LIKE source [USING p] [LOCATION l] [TBLPROPERTIES (...)]`. */
  | {
      readonly kind: 'createTableLike';
      readonly name: readonly string[];
      readonly source: readonly string[];
      readonly ifNotExists: boolean;
      readonly provider?: string;
      readonly location?: string;
      readonly properties: readonly (readonly [string, string])[];
    }
  | {
      readonly kind: 'insert';
      readonly name: readonly string[];
      readonly overwrite: boolean;
      readonly columns?: readonly string[];
      readonly partition?: PartitionSpecAst;
      readonly query: QueryAst;
    }
  | { readonly kind: 'dropTable'; readonly name: readonly string[]; readonly ifExists: boolean; readonly view: boolean }
  | { readonly kind: 'createDatabase'; readonly name: string; readonly ifNotExists: boolean }
  | { readonly kind: 'dropDatabase'; readonly name: string; readonly ifExists: boolean; readonly cascade: boolean }
  | { readonly kind: 'use'; readonly name: string }
  | { readonly kind: 'showTables'; readonly database?: string; readonly pattern?: string }
  | { readonly kind: 'showDatabases'; readonly pattern?: string }
  /** `SHOW TABLE EXTENDED [{IN | FROM} db] LIKE 'pattern' [PARTITION (...)]`. */
  | { readonly kind: 'showTableExtended'; readonly database?: string; readonly pattern: string; readonly partition?: PartitionSpecAst }
  /** `DESCRIBE [TABLE] [EXTENDED | FORMATTED] name [column]`. */
  | { readonly kind: 'describe'; readonly name: readonly string[]; readonly extended: boolean; readonly column?: readonly string[]; readonly partition?: readonly (readonly [string, string])[] }
  | { readonly kind: 'showCreateTable'; readonly name: readonly string[]; readonly at: string; readonly asSerde: boolean }
  | { readonly kind: 'describeFunction'; readonly name: string; readonly extended: boolean }
  /** `SHOW [USER | SYSTEM | ALL] FUNCTIONS [FROM db] [[LIKE] 'pattern']`. */
  | { readonly kind: 'showFunctions'; readonly scope: 'user' | 'system' | 'all'; readonly pattern?: string }
  | { readonly kind: 'set'; readonly key?: string; readonly value?: string }
  | { readonly kind: 'reset'; readonly key?: string }
  | { readonly kind: 'cacheTable'; readonly name: readonly string[]; readonly query?: QueryAst }
  | { readonly kind: 'uncacheTable'; readonly name: readonly string[]; readonly ifExists: boolean }
  | { readonly kind: 'clearCache' }
  | { readonly kind: 'refreshTable'; readonly name: readonly string[] }
  | { readonly kind: 'truncateTable'; readonly name: readonly string[] }
  /** `at` is Spark's `; line L pos P` of the name, which its errors about the relation end with. */
  | { readonly kind: 'alterTable'; readonly name: readonly string[]; readonly at: string; readonly view: boolean; readonly action: AlterAction }
  /** `at` as for alterTable. */
  | { readonly kind: 'partitionCommand'; readonly name: readonly string[]; readonly at: string; readonly action: PartitionAction }
  /** `text`: the new query as written (a permanent view stores it). */
  | { readonly kind: 'alterViewAs'; readonly name: readonly string[]; readonly at: string; readonly query: QueryAst; readonly text: string }
  /** `SHOW COLUMNS {IN | FROM} t [{IN | FROM} db]`. */
  | { readonly kind: 'showColumns'; readonly name: readonly string[]; readonly at: string; readonly database?: string }
  | { readonly kind: 'showViews'; readonly database?: string; readonly pattern?: string }
  | { readonly kind: 'showTblProperties'; readonly name: readonly string[]; readonly at: string; readonly key?: string }
  | { readonly kind: 'showPartitions'; readonly name: readonly string[]; readonly at: string; readonly spec?: readonly (readonly [string, string | null])[] }
  /** `DESCRIBE [QUERY] query`: the query's columns. */
  | { readonly kind: 'describeQuery'; readonly query: QueryAst }
  | { readonly kind: 'explain'; readonly mode: 'simple' | 'extended' | 'formatted' | 'cost' | 'codegen'; readonly query: QueryAst };

export type StatementAst = { readonly kind: 'queryStatement'; readonly query: QueryAst } | CommandAst;
