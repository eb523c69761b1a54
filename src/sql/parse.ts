/**
 * Entry points that turn SQL text into the engine's unresolved IR: `parseExpression`
 * (for `F.expr`, `selectExpr`, `filter(str)`; see expression-strings.ts), `parseQuery`
 * and `parseStatement`.
 */
import type { LogicalPlan } from '../plan/nodes.js';
import type { CommandAst, QueryAst, StatementAst } from './ast.js';
import { query } from './parse-query.js';
import { statement } from './parse-statements.js';
import { type ParserOptions, SqlParser } from './parser.js';
import { Translator, type TranslateOptions } from './translate.js';

export { parseExpression } from './expression-strings.js';

/** Parses a query (`SELECT ...`, `WITH ...`, `VALUES ...`, set operations) into an unresolved plan. */
export function parseQuery(sql: string, options: TranslateOptions = {}): LogicalPlan {
  const p = new SqlParser(sql);
  const q = query(p);
  p.expectEnd();
  return new Translator(options).query(q);
}

/**
 * A permanent view's stored query text, its expressions' origins naming the view, as
 * Spark's `== SQL of VIEW spark_catalog.db.v ==` contexts do.
 */
export function parseViewText(text: string, objectName: string, options: ParserOptions = {}): QueryAst {
  const p = new SqlParser(text, options);
  p.source = { text, base: 0, objectType: 'VIEW', objectName };
  const q = query(p);
  p.expectEnd();
  return q;
}

export function translateQuery(q: QueryAst, options: TranslateOptions = {}): LogicalPlan {
  return new Translator(options).query(q);
}

/** Parses one statement into its AST (queries are not translated yet). */
export function parseStatementAst(sql: string, options: ParserOptions = {}): StatementAst {
  const p = new SqlParser(sql, options);
  const s = statement(p);
  p.expectEnd();
  return s;
}

/** A command with its queries translated into plans. */
export type SqlCommand = MapQueries<CommandAst>;
type MapQueries<T> = T extends unknown ? { [K in keyof T]: T[K] extends QueryAst ? LogicalPlan : T[K] extends QueryAst | undefined ? LogicalPlan | undefined : T[K] } : never;

/** What `parseStatement` returns: a query plan, or a command object. */
export type SqlStatement = { readonly kind: 'query'; readonly plan: LogicalPlan } | SqlCommand;

/**
 * Parses one statement: a query (its unresolved plan) or a command such as
 * `CREATE TEMP VIEW v AS ...`, `CREATE TABLE t (a INT) USING parquet`,
 * `INSERT INTO t SELECT ...`, `DROP TABLE IF EXISTS t`, `USE db`, `SHOW TABLES`.
 */
export function parseStatement(sql: string, options: TranslateOptions = {}): SqlStatement {
  return translateStatement(parseStatementAst(sql), options);
}

export function translateStatement(s: StatementAst, options: TranslateOptions = {}): SqlStatement {
  const t = new Translator(options);
  if (s.kind === 'queryStatement') return { kind: 'query', plan: t.query(s.query) };
  const out: Record<string, unknown> = { ...s };
  if ('query' in s && s.query) out['query'] = t.query(s.query);
  return out as SqlStatement;
}
