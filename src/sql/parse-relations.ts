/**
 * The FROM clause's relations: tables, subqueries, VALUES and table-valued
 * functions, joins (with NATURAL / USING / ON), LATERAL VIEW, PIVOT,
 * UNPIVOT, TABLESAMPLE and table aliases. Each takes the `SqlParser`
 * positioned at the clause it reads.
 */
import type { Expr } from '../expr/nodes.js';
import type { JoinType } from '../plan/nodes.js';
import type { RelationAst, TableAlias } from './ast.js';
import { sqlParseError } from './errors.js';
import { expression } from './parse-operators.js';
import { primaryWithPostfix } from './parse-primary.js';
import { looksLikeQuery, query, valuesRows } from './parse-query.js';
import { aliasName, selectItem } from './parse-select.js';
import type { SqlParser } from './parser.js';

/** Words that cannot be a table alias (they continue the FROM clause). */
const NOT_A_TABLE_ALIAS = new Set(
  (
    'WHERE GROUP HAVING ORDER LIMIT OFFSET UNION EXCEPT MINUS INTERSECT WINDOW LATERAL SORT CLUSTER DISTRIBUTE ON USING ' +
    'JOIN INNER LEFT RIGHT FULL CROSS NATURAL SEMI ANTI OUTER SELECT TABLESAMPLE PIVOT UNPIVOT WITH QUALIFY AS'
  ).split(' '),
);

export function fromClause(p: SqlParser): RelationAst {
  let rel = relation(p);
  while (p.acceptOp(',')) {
    const right = relation(p);
    rel = { kind: 'join', left: rel, right, joinType: 'inner', natural: false };
  }
  if (p.isKw('PIVOT') && p.isOp('(', p.peek())) rel = pivot(p, rel);
  if (p.isKw('UNPIVOT')) rel = unpivot(p, rel);
  return rel;
}

/** `UNPIVOT [INCLUDE|EXCLUDE NULLS] (v FOR name IN (c [AS a], ...)) [alias]`, or `(v1, v2) FOR name IN ((c1, c2) [AS a], ...)`. */
export function unpivot(p: SqlParser, input: RelationAst): RelationAst {
  p.expectKw('UNPIVOT');
  let includeNulls = false;
  if (p.acceptKw('INCLUDE', 'NULLS')) includeNulls = true;
  else p.acceptKw('EXCLUDE', 'NULLS');
  p.expectOp('(');
  const multiValue = p.isOp('(');
  const valueColumns = multiValue ? p.identifierList() : [p.identifier()];
  p.expectKw('FOR');
  const nameColumn = p.identifier();
  p.expectKw('IN');
  p.expectOp('(');
  const columns: { names: string[]; alias?: string }[] = [];
  do {
    // One value column takes single columns only (Spark's unpivotSingleValueColumnClause).
    if (p.isOp('(') && !multiValue) throw p.syntaxError();
    // Value columns in parentheses take column sets in parentheses only.
    if (!p.isOp('(') && multiValue) {
      const near = p.cur.kind === 'eof' ? 'end of input' : `'${p.cur.text}'`;
      throw sqlParseError(p.src, p.cur.start, 'PARSE_SYNTAX_ERROR', `Syntax error at or near ${near}: missing '('.`, { error: near, hint: ": missing '('" });
    }
    const names = p.isOp('(') ? parenthesizedNames(p) : [p.multipartIdentifier().join('.')];
    const alias = p.acceptKw('AS') || p.cur.kind === 'quoted' || p.cur.kind === 'ident' ? aliasName(p) : undefined;
    columns.push({ names, ...(alias !== undefined ? { alias } : {}) });
  } while (p.acceptOp(','));
  p.expectOp(')');
  p.expectOp(')');
  const alias = tableAlias(p);
  return { kind: 'unpivot', input, includeNulls, valueColumns, nameColumn, columns, ...(alias ? { alias } : {}) };
}

/** `(a, b.c)`: column names, each possibly qualified. */
export function parenthesizedNames(p: SqlParser): string[] {
  p.expectOp('(');
  const names = [p.multipartIdentifier().join('.')];
  while (p.acceptOp(',')) names.push(p.multipartIdentifier().join('.'));
  p.expectOp(')');
  return names;
}

/** `TABLESAMPLE (n PERCENT | expr ROWS | BUCKET x OUT OF y) [REPEATABLE (seed)]` after a table or subquery. */
export function tableSample(p: SqlParser, input: RelationAst): RelationAst {
  const at = p.cur;
  p.expectKw('TABLESAMPLE');
  p.expectOp('(');
  const checked = (fraction: number): number => {
    if (!(fraction >= 0 && fraction <= 1)) {
      const shown = Number.isInteger(fraction) ? `${fraction}.0` : String(fraction);
      throw sqlParseError(p.src, at.start, 'PARSE_SYNTAX_ERROR', `Sampling fraction (${shown}) must be on interval [0, 1].`, {});
    }
    return fraction;
  };
  let sample: { fraction?: number; rows?: Expr };
  if (p.isKw('BUCKET')) {
    const bucket = p.tokens[p.pos++]!;
    const x = integerValue(p);
    p.expectKw('OUT');
    p.expectKw('OF');
    const y = integerValue(p);
    if (p.isKw('ON')) {
      throw sqlParseError(p.src, bucket.start, 'PARSE_SYNTAX_ERROR', 'TABLESAMPLE(BUCKET x OUT OF y ON colname) is not supported.', {});
    }
    checked(x / y);
    // Rows fall in bucket x with probability 1/y.
    sample = { fraction: 1 / y };
  } else {
    const negative = p.isOp('-') && p.peek().kind === 'number' && p.isKw('PERCENT', p.peek(2));
    if (negative) p.pos++;
    if (p.cur.kind === 'number' && p.isKw('PERCENT', p.peek())) {
      const n = Number(p.tokens[p.pos++]!.value);
      p.pos++;
      sample = { fraction: checked(((negative ? -1 : 1) * n) / 100) };
    } else {
      const rows = expression(p);
      p.expectKw('ROWS');
      sample = { rows };
    }
  }
  p.expectOp(')');
  let seed: number | undefined;
  if (p.acceptKw('REPEATABLE')) {
    p.expectOp('(');
    seed = integerValue(p);
    p.expectOp(')');
  }
  const alias = tableAlias(p);
  return { kind: 'sample', input, ...sample, ...(seed !== undefined ? { seed } : {}), ...(alias ? { alias } : {}) };
}

export function integerValue(p: SqlParser): number {
  const t = p.cur;
  if (t.kind !== 'number' || t.numberForm !== 'int') throw p.syntaxError();
  p.pos++;
  return Number(t.value);
}

/** `PIVOT (agg [[AS] a], ... FOR col | (c1, c2) IN (value [[AS] n], ...)) [alias]`. */
export function pivot(p: SqlParser, input: RelationAst): RelationAst {
  p.expectKw('PIVOT');
  p.expectOp('(');
  const aggs = [selectItem(p)];
  while (p.acceptOp(',')) aggs.push(selectItem(p));
  p.expectKw('FOR');
  const columns = p.isOp('(') ? p.identifierList() : [p.identifier()];
  p.expectKw('IN');
  p.expectOp('(');
  const values: { expr: Expr; alias?: string }[] = [];
  do {
    const item = selectItem(p);
    values.push(item.kind === 'Alias' && p.aliasWasWritten ? { expr: item.child, alias: item.name } : { expr: item });
  } while (p.acceptOp(','));
  p.expectOp(')');
  p.expectOp(')');
  const alias = tableAlias(p);
  return { kind: 'pivot', input, aggs, columns, values, ...(alias ? { alias } : {}) };
}

export function relation(p: SqlParser): RelationAst {
  let left = relationPrimary(p);
  for (;;) {
    if (p.isKw('LATERAL') && p.isKw('VIEW', p.peek())) {
      left = lateralView(p, left);
      continue;
    }
    const join = joinType(p);
    if (!join) return left;
    const right = relationPrimary(p);
    if (join.natural) {
      left = { kind: 'join', left, right, joinType: join.type, natural: true };
      continue;
    }
    if (p.acceptKw('ON')) {
      left = { kind: 'join', left, right, joinType: join.type, natural: false, on: expression(p) };
    } else if (p.acceptKw('USING')) {
      left = { kind: 'join', left, right, joinType: join.type, natural: false, using: p.identifierList() };
    } else {
      left = { kind: 'join', left, right, joinType: join.type === 'inner' ? 'inner' : join.type, natural: false };
    }
  }
}

/** Reads a join keyword sequence, or returns undefined when none follows. */
export function joinType(p: SqlParser): { type: JoinType; natural: boolean } | undefined {
  const start = p.pos;
  const natural = p.acceptKw('NATURAL');
  let type: JoinType | undefined;
  if (p.acceptKw('JOIN')) return { type: 'inner', natural };
  if (p.acceptKw('INNER')) type = 'inner';
  else if (p.acceptKw('CROSS')) type = 'cross';
  else if (p.acceptKw('LEFT')) {
    if (p.acceptKw('SEMI')) type = 'left_semi';
    else if (p.acceptKw('ANTI')) type = 'left_anti';
    else {
      p.acceptKw('OUTER');
      type = 'left';
    }
  } else if (p.acceptKw('RIGHT')) {
    p.acceptKw('OUTER');
    type = 'right';
  } else if (p.acceptKw('FULL')) {
    p.acceptKw('OUTER');
    type = 'full';
  } else if (p.acceptKw('SEMI')) type = 'left_semi';
  else if (p.acceptKw('ANTI')) type = 'left_anti';
  if (!type) {
    p.pos = start;
    return undefined;
  }
  p.expectKw('JOIN');
  return { type, natural };
}

export function lateralView(p: SqlParser, input: RelationAst): RelationAst {
  p.expectKw('LATERAL');
  p.expectKw('VIEW');
  const outer = p.acceptKw('OUTER');
  const generator = primaryWithPostfix(p);
  let tableAlias = '';
  if (p.isIdentifier() && !p.isKw('AS')) tableAlias = p.identifier();
  const columns: string[] = [];
  if (p.acceptKw('AS')) {
    columns.push(p.identifier());
    while (p.isOp(',') && p.isIdentifier(p.peek()) && !p.isKw('LATERAL', p.peek())) {
      // `AS a, b` belongs to the view unless the next item starts a new relation
      const save = p.pos;
      p.pos++;
      if (p.isOp('(', p.peek()) || p.isOp('.', p.peek())) {
        p.pos = save;
        break;
      }
      columns.push(p.identifier());
    }
  }
  return { kind: 'lateralView', input, generator, outer, tableAlias, columns };
}

export function relationPrimary(p: SqlParser): RelationAst {
  if (p.isOp('(')) {
    if (looksLikeQuery(p, 1)) {
      p.pos++;
      const q = query(p);
      p.expectOp(')');
      if (p.isKw('TABLESAMPLE')) return tableSample(p, { kind: 'subquery', query: q });
      const alias = tableAlias(p);
      return { kind: 'subquery', query: q, ...(alias ? { alias } : {}) };
    }
    p.pos++;
    const inner = fromClause(p);
    p.expectOp(')');
    const alias = tableAlias(p);
    if (alias) throw p.notSupported('aliases of parenthesized joins');
    return inner;
  }
  if (p.acceptKw('VALUES')) {
    const rows = valuesRows(p);
    const alias = tableAlias(p);
    return { kind: 'values', rows, ...(alias ? { alias } : {}) };
  }
  if (p.isKw('LATERAL') && p.isOp('(', p.peek())) {
    // `LATERAL (query) [alias]`: a subquery that sees the relations to its left
    p.pos += 2;
    const q = query(p);
    p.expectOp(')');
    const alias = tableAlias(p);
    return { kind: 'lateral', query: q, ...(alias ? { alias } : {}) };
  }
  if (p.isKw('LATERAL') && p.isIdentifier(p.peek()) && p.isOp('(', p.peek(2))) {
    // `LATERAL fn(...) [alias]`: a table-valued function whose arguments see the relations to its left
    p.pos++;
    const tvf = relationPrimary(p);
    if (tvf.kind === 'tvf') return { ...tvf, lateral: true };
  }
  const parts = p.multipartIdentifier();
  if (p.isOp('(')) {
    // table-valued function
    p.pos++;
    const args: Expr[] = [];
    if (!p.isOp(')')) {
      args.push(expression(p));
      while (p.acceptOp(',')) args.push(expression(p));
    }
    p.expectOp(')');
    const alias = tableAlias(p);
    return { kind: 'tvf', name: parts.join('.').toLowerCase(), args, ...(alias ? { alias } : {}) };
  }
  if (p.isKw('TIMESTAMP') || p.isKw('VERSION')) throw p.notSupported('time travel');
  if (p.isKw('TABLESAMPLE')) return tableSample(p, { kind: 'table', parts });
  const alias = tableAlias(p);
  return { kind: 'table', parts, ...(alias ? { alias } : {}) };
}

/** `[AS] name [(c1, c2)]`, or nothing. */
export function tableAlias(p: SqlParser): TableAlias | undefined {
  const hasAs = p.acceptKw('AS');
  if (!hasAs && !(p.cur.kind === 'quoted' || (p.cur.kind === 'ident' && !NOT_A_TABLE_ALIAS.has(p.cur.upper)))) return undefined;
  // `t(a, b)`: column aliases
  const name = p.identifier();
  if (p.isOp('(')) {
    const columns = p.identifierList();
    return { name, columns };
  }
  return { name };
}
