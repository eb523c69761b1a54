/**
 * Query structure: WITH (CTEs), set operations with Spark's precedence
 * (INTERSECT over UNION / EXCEPT / MINUS unless the legacy flag is set),
 * parenthesized queries, VALUES and TABLE, then ORDER / SORT / CLUSTER /
 * DISTRIBUTE BY, LIMIT and OFFSET. Each takes the `SqlParser` at the token it reads.
 */
import { E, type Expr } from '../expr/nodes.js';
import { StructType } from '../types/data-types.js';
import type { CteAst, QueryAst } from './ast.js';
import { sqlParseError } from './errors.js';
import type { Token } from './lexer.js';
import { expression } from './parse-operators.js';
import { fromClause, tableAlias } from './parse-relations.js';
import { select, selectItem } from './parse-select.js';
import { sortItems } from './parse-window.js';
import type { SqlParser } from './parser.js';

const SET_OPS: Readonly<Record<string, 'union' | 'except' | 'intersect'>> = { UNION: 'union', EXCEPT: 'except', MINUS: 'except', INTERSECT: 'intersect' };


/** True when the tokens from `offset` (after any opening parentheses) start a query. */
export function looksLikeQuery(p: SqlParser, offset = 0): boolean {
  let k = offset;
  while (p.isOp('(', p.peek(k))) k++;
  const t = p.peek(k);
  return t.kind === 'ident' && ['SELECT', 'WITH', 'VALUES', 'TABLE', 'FROM'].includes(t.upper);
}

export function isQueryStart(p: SqlParser, t: Token = p.cur): boolean {
  if (p.isOp('(', t)) return true;
  return t.kind === 'ident' && ['SELECT', 'WITH', 'VALUES', 'TABLE', 'FROM'].includes(t.upper);
}

/** `[WITH ...] queryTerm [ORDER BY ...] [LIMIT n] [OFFSET n]`. */
export function query(p: SqlParser): QueryAst {
  p.enterQuery();
  const ctes: CteAst[] = [];
  if (p.acceptKw('WITH')) {
    if (p.isKw('RECURSIVE')) throw p.notSupported('recursive CTEs');
    do {
      const nameTok = p.cur;
      const name = p.identifier();
      if (ctes.some((c) => c.name.toLowerCase() === name.toLowerCase())) {
        throw sqlParseError(p.src, nameTok.start, 'DUPLICATED_CTE_NAMES', `CTE definition can't have duplicate names: '${name}'.`, { duplicateNames: `'${name}'` });
      }
      let columns: string[] | undefined;
      if (p.isOp('(')) columns = p.identifierList();
      p.acceptKw('AS');
      p.expectOp('(');
      const q = query(p);
      p.expectOp(')');
      ctes.push({ name, ...(columns ? { columns } : {}), query: q });
    } while (p.acceptOp(','));
  }
  const body = queryTerm(p, 0);
  let orderBy = p.acceptKw('ORDER', 'BY') ? sortItems(p) : [];
  // One process: DISTRIBUTE BY does not change results, SORT BY sorts, CLUSTER BY = DISTRIBUTE BY + SORT BY.
  if (p.acceptKw('CLUSTER', 'BY')) {
    const keys = [expression(p)];
    while (p.acceptOp(',')) keys.push(expression(p));
    orderBy = keys.map((e) => E.sort(e, true, true));
  } else {
    if (p.acceptKw('DISTRIBUTE', 'BY')) {
      expression(p);
      while (p.acceptOp(',')) expression(p);
    }
    if (orderBy.length === 0 && p.acceptKw('SORT', 'BY')) orderBy = sortItems(p);
  }
  let limit: Expr | undefined;
  let offset: Expr | undefined;
  for (;;) {
    if (!limit && p.acceptKw('LIMIT')) {
      limit = p.acceptKw('ALL') ? E.lit(null, new StructType([])) : expression(p);
      continue;
    }
    if (!offset && p.acceptKw('OFFSET')) {
      offset = expression(p);
      continue;
    }
    break;
  }
  if (limit && limit.kind === 'Literal' && limit.dataType instanceof StructType) limit = undefined; // LIMIT ALL
  if (ctes.length === 0 && orderBy.length === 0 && !limit && !offset) return body;
  return { kind: 'query', ctes, body, orderBy, ...(limit ? { limit } : {}), ...(offset ? { offset } : {}) };
}

/** Set operations: INTERSECT binds tighter than UNION / EXCEPT / MINUS; all are left-associative. */
function queryTerm(p: SqlParser, minPrec: number): QueryAst {
  let left = queryPrimary(p);
  for (;;) {
    const t = p.cur;
    const op = t.kind === 'ident' ? SET_OPS[t.upper] : undefined;
    if (!op) return left;
    const prec = op === 'intersect' && !p.options.legacySetOpsPrecedence ? 2 : 1;
    if (prec < minPrec) return left;
    p.pos++;
    let all = false;
    if (p.acceptKw('ALL')) all = true;
    else p.acceptKw('DISTINCT');
    const right = queryTerm(p, prec + 1);
    left = { kind: 'setop', op, all, left, right };
  }
}

function queryPrimary(p: SqlParser): QueryAst {
  if (p.isOp('(')) {
    p.pos++;
    const q = query(p);
    p.expectOp(')');
    return q;
  }
  if (p.isKw('SELECT')) return select(p);
  if (p.acceptKw('VALUES')) {
    const rows = valuesRows(p);
    const alias = tableAlias(p);
    return { kind: 'values', rows, ...(alias ? { alias } : {}) };
  }
  if (p.acceptKw('TABLE')) return { kind: 'table', parts: p.multipartIdentifier() };
  if (p.acceptKw('FROM')) {
    const from = fromClause(p);
    let q: QueryAst = select(p, from);
    // Several bodies over one FROM (`FROM t SELECT a SELECT b`) are Spark's UNION ALL of them.
    while (p.isKw('SELECT')) q = { kind: 'setop', op: 'union', all: true, left: q, right: select(p, from) };
    return q;
  }
  throw p.syntaxError();
}

/** Rows of an inline table: `(1, 'a'), (2, 'b')` or `1, 2, 3`. */
export function valuesRows(p: SqlParser): Expr[][] {
  const rows: Expr[][] = [];
  do {
    if (p.isOp('(') && !looksLikeQuery(p, 1)) {
      p.pos++;
      // a row's cells are named expressions (`("one", 1 AS one)`); the names are ignored
      const row = [selectItem(p)];
      while (p.acceptOp(',')) row.push(selectItem(p));
      p.expectOp(')');
      rows.push(row);
    } else {
      rows.push([expression(p)]);
    }
  } while (p.acceptOp(','));
  return rows;
}
