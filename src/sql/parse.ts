/**
 * Entry points that turn SQL text into the engine's unresolved IR without a
 * session: `parseExpression` (for `F.expr`, `selectExpr`, `filter(str)`),
 * `parseQuery` and `parseStatement`.
 */
import { AnalysisException, InternalError, NotImplementedException } from '../errors/index.js';
import { isErrorKind } from '../errors/base.js';
import { exists, type Expr } from '../expr/nodes.js';
import { rememberSqlText } from '../expr/sql-text.js';
import type { LogicalPlan } from '../plan/nodes.js';
import type { CommandAst, QueryAst, StatementAst } from './ast.js';
import { query } from './parse-query.js';
import { selectItem } from './parse-select.js';
import { statement } from './parse-statements.js';
import { namedWindowRefs, SUBQUERY } from './parsed-expressions.js';
import { markParsedStars } from './star-usage.js';
import { ANSI_RESERVED_KEYWORDS } from './sql-keywords-data.js';
import { withReservedWordUse } from '../expr/reserved-word-use.js';
import { type ParserOptions, SqlParser } from './parser.js';
import { Translator, type TranslateOptions } from './translate.js';

/**
 * Parses one Spark SQL expression, e.g. `a + 1`, `upper(name) AS n`,
 * `CASE WHEN x > 0 THEN 'pos' END`, `count(*)`, `sum(x) OVER (PARTITION BY k)`.
 * Returns the unresolved expression (an `Alias` when the text has `AS name`).
 */
export function parseExpression(text: string): Expr {
  const e = parseSelectItem(text);
  checkStandalone(e);
  markParsedStars(e);
  return rememberSqlText(reservedWordUse(e, text), text);
}

function parseSelectItem(text: string, options: ParserOptions = {}): Expr {
  const p = new SqlParser(text, options);
  const e = selectItem(p);
  p.expectEnd();
  return e;
}

/** `e` marked when its text uses a reserved word that enforced ANSI keywords refuse (expr/reserved-word-use.ts). */
function reservedWordUse(e: Expr, text: string): Expr {
  if (!(text.match(/[A-Za-z_]+/g) ?? []).some((w) => ANSI_RESERVED_KEYWORDS.has(w.toUpperCase()))) return e;
  try {
    parseSelectItem(text, { reservedKeywords: true });
    return e;
  } catch (err) {
    // Only a syntax error is the reserved words' doing.
    if (!isErrorKind(err, 'ParseException')) return e;
  }
  return withReservedWordUse(e, () => {
    parseSelectItem(text, { reservedKeywords: true });
    throw new InternalError('a strict parse that failed once succeeded');
  });
}

/** What only a full query can give an expression: WINDOW clause definitions, subquery evaluation. */
function checkStandalone(e: Expr): void {
  exists(e, (x) => {
    if (x.kind === 'WindowExpr' && namedWindowRefs.has(x.spec)) {
      const name = namedWindowRefs.get(x.spec)!;
      throw new AnalysisException(`Window specification ${name} is not defined in the WINDOW clause.`, {
        errorClass: 'MISSING_WINDOW_SPECIFICATION',
        messageParameters: { windowName: name },
      });
    }
    if (x.kind === 'Call' && (Object.values(SUBQUERY) as string[]).includes(x.fn)) {
      throw new NotImplementedException('SQL subqueries in expression strings', 'use spark.sql() for queries with subqueries');
    }
    return false;
  });
}

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
