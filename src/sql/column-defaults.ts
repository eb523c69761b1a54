/**
 * Column DEFAULT values (`CREATE TABLE t (c INT DEFAULT 42)`): checked when
 * the table is created as Spark 3.5 checks them (INVALID_DEFAULT_VALUE.*),
 * kept as written in the table's metadata, listed by DESCRIBE under
 * `# Column Default Values`, and used by INSERT for columns its column list
 * leaves out.
 */
import { DataFrame } from '../api/dataframe.js';
import { AnalysisException } from '../errors/index.js';
import { E, type Expr } from '../expr/nodes.js';
import { plan } from '../plan/nodes.js';
import type { SparkSession } from '../session/session.js';
import { DataType, DateType, IntegralType, NullType, NumericType, StringType, TimestampNTZType, TimestampType } from '../types/data-types.js';
import { tableMetadata } from '../session/table-metadata.js';
import type { ColumnDef, StatementAst } from './ast.js';
import { parseExpression } from './parse.js';
import { oneRow } from './translate-relations.js';
import { Translator } from './translate.js';

/** Integral ranges a constant must fit to be another integral type's default. */
const INTEGRAL_RANGE: Record<string, readonly [bigint, bigint]> = {
  tinyint: [-128n, 127n],
  smallint: [-32768n, 32767n],
  int: [-2147483648n, 2147483647n],
  bigint: [-(2n ** 63n), 2n ** 63n - 1n],
};

const RANK = ['tinyint', 'smallint', 'int', 'bigint', 'float', 'double'];

/** Whether Spark accepts a default of type `from` (constant value `value`) for a column of type `to`. */
function accepts(from: DataType, to: DataType, value: unknown): boolean {
  if (from.simpleString() === to.simpleString() || from instanceof NullType || to instanceof StringType) return true;
  if (from instanceof NumericType && to instanceof NumericType) {
    const f = RANK.indexOf(from.simpleString());
    const t = RANK.indexOf(to.simpleString());
    if (f >= 0 && t >= 0 && f <= t) return true;
    // A constant narrows when it fits (1.5 to INT is 1; 5000000000 is no INT).
    if (to instanceof IntegralType && (typeof value === 'number' || typeof value === 'bigint')) {
      const [lo, hi] = INTEGRAL_RANGE[to.simpleString()]!;
      const n = typeof value === 'bigint' ? value : BigInt(Math.trunc(value));
      return n >= lo && n <= hi;
    }
    return !(to instanceof IntegralType) || value === null || typeof value === 'object';
  }
  return from instanceof StringType && (to instanceof DateType || to instanceof TimestampType || to instanceof TimestampNTZType);
}

/** Spark's INVALID_DEFAULT_VALUE checks of CREATE TABLE's defaults. */
export function checkDefaults(session: SparkSession, columns: readonly ColumnDef[]): void {
  for (const col of columns) {
    if (!col.default) continue;
    const head = `Failed to execute CREATE TABLE command because the destination table column \`${col.name}\` has a DEFAULT value ${col.default.text}`;
    let df: DataFrame;
    try {
      df = new DataFrame(session, plan('Project', { input: oneRow(new Translator({})), exprs: [E.alias(col.default.expr, 'default')] }));
      void df.schema;
    } catch (e) {
      if (e instanceof AnalysisException) {
        throw new AnalysisException(`${head}, which fails to resolve as a valid expression.`, {
          errorClass: 'INVALID_DEFAULT_VALUE.UNRESOLVED_EXPRESSION',
          messageParameters: { statement: 'CREATE TABLE', colName: `\`${col.name}\``, defaultValue: col.default.text },
        });
      }
      throw e;
    }
    const from = df.schema.fields[0]!.dataType;
    const value = df.executeBatch().columns[0]![0];
    if (!accepts(from, col.dataType, value)) {
      throw new AnalysisException(`${head}, which requires "${col.dataType.sql()}" type, but the statement provided a value of incompatible "${from.sql()}" type.`, {
        errorClass: 'INVALID_DEFAULT_VALUE.DATA_TYPE',
        messageParameters: { statement: 'CREATE TABLE', colName: `\`${col.name}\``, defaultValue: col.default.text, expectedType: `"${col.dataType.sql()}"`, actualType: `"${from.sql()}"` },
      });
    }
  }
}

/** The defaults to record: column name to the expression's text. */
export function recordedDefaults(columns: readonly ColumnDef[]): Record<string, string> | undefined {
  const entries = columns.filter((c) => c.default).map((c) => [c.name, c.default!.text] as const);
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

/** A column's default as an expression of its type (NULL without one). */
export function defaultValue(defaults: Readonly<Record<string, string>> | undefined, name: string, type: DataType): Expr {
  const key = Object.keys(defaults ?? {}).find((k) => k.toLowerCase() === name.toLowerCase());
  return E.cast(key === undefined ? E.lit(null, type) : parseExpression(defaults![key]!), type);
}

/**
 * `INSERT INTO t [(cols)] VALUES (DEFAULT, ...)`: each bare `DEFAULT` cell becomes the default of
 * the column it fills (read before translation, where it would be a column named DEFAULT).
 */
export function withDefaultKeywords(session: SparkSession, ast: StatementAst): StatementAst {
  if (ast.kind !== 'insert' || ast.query.kind !== 'values') return ast;
  const isDefault = (e: Expr): boolean => e.kind === 'ColumnRef' && !e.quoted && e.name.toUpperCase() === 'DEFAULT';
  if (!ast.query.rows.some((r) => r.some(isDefault))) return ast;
  const name = ast.name;
  const rel = session.catalog.lookupRelation(name.length >= 2 ? name[name.length - 2] : undefined, name[name.length - 1]!);
  if (rel.kind !== 'table') return ast;
  const defaults = tableMetadata(session.storage, rel.database, rel.table)?.defaults;
  const targets = (ast.columns ?? rel.schema.fields.map((f) => f.name)).map((n) => rel.schema.fields.find((f) => f.name.toLowerCase() === n.toLowerCase()));
  const rows = ast.query.rows.map((r) => r.map((e, i) => (isDefault(e) && targets[i] ? defaultValue(defaults, targets[i]!.name, targets[i]!.dataType) : e)));
  return { ...ast, query: { ...ast.query, rows } };
}
