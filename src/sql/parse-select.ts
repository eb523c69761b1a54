/**
 * One SELECT block's clauses: the select list (items and their aliases,
 * written or implicit), FROM / WHERE / GROUP BY (ROLLUP, CUBE, GROUPING
 * SETS, GROUP BY ALL) / HAVING / WINDOW / QUALIFY. Each takes the
 * `SqlParser` at the clause it reads.
 */
import { E, type Expr, type WindowSpecDef } from '../expr/nodes.js';
import type { GroupByAst, GroupingElement, RelationAst, SelectAst } from './ast.js';
import { sqlParseError } from './errors.js';
import { expression } from './parse-operators.js';
import { fromClause } from './parse-relations.js';
import { windowSpec } from './parse-window.js';
import type { SqlParser } from './parser.js';
import { selectItemOrigin, setSelectItemOrigin } from '../expr/origin.js';

/** Words that end an expression, so they are never read as a bare alias. */
const NOT_AN_ALIAS = new Set(
  (
    'FROM WHERE GROUP HAVING ORDER LIMIT OFFSET UNION EXCEPT MINUS INTERSECT WINDOW LATERAL SORT CLUSTER DISTRIBUTE AS ON USING ' +
    'JOIN INNER LEFT RIGHT FULL CROSS NATURAL SEMI ANTI OUTER WHEN THEN ELSE END AND OR NOT IS IN BETWEEN LIKE ILIKE RLIKE REGEXP ' +
    'ASC DESC NULLS ROWS RANGE OVER FILTER SELECT INTO TABLESAMPLE PIVOT UNPIVOT FOR ESCAPE DIV WITH QUALIFY'
  ).split(' '),
);

/** A SELECT block; `fromFirst` is the relation of a FROM-first query (`FROM t SELECT a`), which has no FROM clause of its own. */
export function select(p: SqlParser, fromFirst?: RelationAst): SelectAst {
  const selectKw = p.expectKw('SELECT');
  if (p.isOp('/') && p.isOp('*', p.peek())) throw p.syntaxError();
  let distinct = false;
  if (p.acceptKw('DISTINCT')) distinct = true;
  else p.acceptKw('ALL');
  // Where each item and its block start: Spark reports some analysis errors there (deferred-positions.ts).
  const block = { source: p.source, startIndex: selectKw.start, stopIndex: selectKw.end - 1 };
  const item = (): Expr => {
    const start = p.cur;
    const e = selectItem(p);
    setSelectItemOrigin(e, { block, item: { source: p.source, startIndex: start.start, stopIndex: p.tokens[p.pos - 1]!.end - 1 } });
    return e;
  };
  const items = [item()];
  const aliasWritten = [p.aliasWasWritten];
  while (p.acceptOp(',')) {
    items.push(item());
    aliasWritten.push(p.aliasWasWritten);
  }
  if (p.isKw('INTO')) throw p.notSupported('SELECT INTO');
  let from: RelationAst | undefined = fromFirst;
  if (!fromFirst && p.acceptKw('FROM')) from = fromClause(p);
  const where = p.acceptKw('WHERE') ? expression(p) : undefined;
  const groupKw = p.cur;
  // GROUP here starts the clause: without BY the error is at the token after it, as in Spark.
  const grouping = p.acceptKw('GROUP') ? (p.expectKw('BY'), groupBy(p)) : undefined;
  if (grouping) {
    // A grouped SELECT is Spark's Aggregate, which starts at GROUP BY.
    const aggregate = { source: p.source, startIndex: groupKw.start, stopIndex: groupKw.end - 1 };
    for (const it of items) {
      const at = selectItemOrigin(it);
      if (at) setSelectItemOrigin(it, { ...at, aggregate });
    }
  }
  const having = p.acceptKw('HAVING') ? expression(p) : undefined;
  const windows = new Map<string, WindowSpecDef>();
  if (p.acceptKw('WINDOW')) {
    const windowKw = p.tokens[p.pos - 1]!;
    do {
      const name = p.identifier().toLowerCase();
      if (windows.has(name)) {
        throw sqlParseError(p.src, windowKw.start, 'INVALID_SQL_SYNTAX.REPETITIVE_WINDOW_DEFINITION', `Invalid SQL syntax: The definition of window \`${name}\` is repetitive.`, {
          windowName: `\`${name}\``,
        });
      }
      p.expectKw('AS');
      windows.set(name, windowSpec(p));
    } while (p.acceptOp(','));
  }
  if (p.isKw('QUALIFY')) throw p.notSupported('QUALIFY');
  return {
    kind: 'select',
    distinct,
    items,
    aliasWritten,
    ...(from ? { from } : {}),
    ...(where ? { where } : {}),
    ...(grouping ? { groupBy: grouping } : {}),
    ...(having ? { having } : {}),
    windows,
  };
}

/** `expr [[AS] alias]`, `expr AS (a, b)`, `*`, `t.*`. */
export function selectItem(p: SqlParser): Expr {
  p.aliasWasWritten = false;
  p.selectItemDepth++;
  let e: Expr;
  try {
    e = expression(p);
  } finally {
    p.selectItemDepth--;
  }
  // An alias of a star parses (Spark refuses it in analysis: star-usage.ts).
  if (p.acceptKw('AS')) {
    if (p.isOp('(')) {
      const names = p.identifierList();
      p.aliasWasWritten = true;
      return E.alias(e, names[0]!, names.length > 1 ? { multiAlias: names } : undefined);
    }
    const name = aliasName(p);
    p.aliasWasWritten = true;
    return E.alias(e, name);
  }
  if ((p.cur.kind === 'ident' && !NOT_AN_ALIAS.has(p.cur.upper)) || p.cur.kind === 'quoted') {
    const name = p.identifier();
    p.aliasWasWritten = true;
    return E.alias(e, name);
  }
  p.aliasWasWritten = false;
  return e;
}

/** An alias after AS: an identifier (Spark 3.5's grammar takes no string literal there, `AS 'x'` is a syntax error). */
export function aliasName(p: SqlParser): string {
  // Spark 3.5.7's recovery names a final single-quoted string as extra input (a double-quoted one it does not)
  if (p.cur.kind === 'string' && p.cur.text.startsWith("'") && p.peek().kind === 'eof') throw p.extraInput();
  return p.identifier();
}

export function groupBy(p: SqlParser): GroupByAst {
  const elements: GroupingElement[] = [];
  if (p.isKw('GROUPING') && p.isKw('SETS', p.peek())) {
    p.pos += 2;
    return { elements: [{ kind: 'sets', sets: groupingSetList(p) }] };
  }
  const afterAll = p.peek();
  // Under enforced reserved keywords `all` is no column name, so GROUP BY ALL is refused at the word.
  if (!p.options.reservedKeywords && p.isKw('ALL') && (afterAll.kind === 'eof' || ['HAVING', 'ORDER', 'LIMIT', 'WINDOW', 'UNION', 'EXCEPT', 'INTERSECT'].some((k) => p.isKw(k, afterAll)) || p.isOp(')', afterAll) || p.isOp(';', afterAll))) {
    p.pos++;
    return { elements: [], all: true };
  }
  do {
    if ((p.isKw('ROLLUP') || p.isKw('CUBE')) && p.isOp('(', p.peek())) {
      const kind = p.cur.upper === 'ROLLUP' ? 'rollup' : 'cube';
      const at = p.cur;
      p.pos++;
      const items = groupingSetList(p);
      if (items.some((set) => set.length === 0)) {
        throw sqlParseError(p.src, at.start, '', `\nEmpty set in ${kind.toUpperCase()} grouping sets is not supported.`, {});
      }
      elements.push({ kind, items });
    } else if (p.isKw('GROUPING') && p.isKw('SETS', p.peek())) {
      p.pos += 2;
      elements.push({ kind: 'sets', sets: groupingSetList(p) });
    } else {
      elements.push({ kind: 'expr', expr: expression(p) });
    }
  } while (p.acceptOp(','));
  if (p.acceptKw('WITH', 'ROLLUP')) return { elements, with: 'rollup' };
  if (p.acceptKw('WITH', 'CUBE')) return { elements, with: 'cube' };
  if (p.acceptKw('GROUPING', 'SETS')) return { elements, groupingSets: groupingSetList(p) };
  return { elements };
}

/** `((a, b), a, ())`: each item a parenthesized list or a single expression. */
export function groupingSetList(p: SqlParser): Expr[][] {
  p.expectOp('(');
  const sets: Expr[][] = [];
  do {
    if (p.isOp('(') ) {
      // `(a, b)` or `()` is a set; `(a + b)` is a single expression
      const save = p.pos;
      p.pos++;
      if (p.acceptOp(')')) {
        sets.push([]);
        continue;
      }
      const first = expression(p);
      if (p.isOp(',') || p.isOp(')')) {
        const set = [first];
        while (p.acceptOp(',')) set.push(expression(p));
        p.expectOp(')');
        if (set.length === 1 && !(p.isOp(',') || p.isOp(')'))) {
          // the parenthesized expression continues, e.g. `(a) + 1`
          p.pos = save;
          sets.push([expression(p)]);
        } else {
          sets.push(set);
        }
        continue;
      }
      p.pos = save;
    }
    sets.push([expression(p)]);
  } while (p.acceptOp(','));
  p.expectOp(')');
  return sets;
}
