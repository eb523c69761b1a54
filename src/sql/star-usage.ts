/**
 * Where SQL text may use `*` (or a quoted column regex). Spark expands a star written
 * as a select item or as an argument of a function call (`coalesce(*)`, `struct(*)`);
 * a star anywhere else in a select item (an operand: `* + 1`, `5 IN (*)`) fails with
 * INVALID_USAGE_OF_STAR_OR_REGEX naming the enclosing expression (`add`, `in`), and any
 * star in another clause fails naming that clause's operator (`Filter`, `Sort`, ...),
 * positioned at the star. The DataFrame API builds its own stars and is not checked here.
 */
import { AnalysisException } from '../errors/index.js';
import { positionAnalysisError } from '../errors/query-context.js';
import { children, exists, type Expr, type Star } from '../expr/nodes.js';
import { originOf } from '../expr/origin.js';
import type { GroupByAst, SelectAst } from './ast.js';

/** A parsed function call's argument, marked when it is a star (which Spark then expands); the copy keeps its origin. */
export const asCallArgument = (a: Expr): Expr => (a.kind === 'Star' && !a.callArgument ? Object.freeze({ ...a, callArgument: true as const }) : a);

/** Spark's pretty names of the expressions sparkless's parser builds for operators. */
const PRETTY: Readonly<Record<string, string>> = {
  subtract: 'subtract',
  eq: 'equalto',
  lt: 'lessthan',
  lte: 'lessthanorequal',
  gt: 'greaterthan',
  gte: 'greaterthanorequal',
  eq_null_safe: 'equalnullsafe',
  negate: 'unaryminus',
  bitwise_not: 'bitwisenot',
  bitwise_and: 'bitwiseand',
  bitwise_or: 'bitwiseor',
  bitwise_xor: 'bitwisexor',
  div: 'integraldivide',
  is_null: 'isnull',
  is_not_null: 'isnotnull',
  get_item: 'unresolvedextractvalue',
  get_field: 'unresolvedextractvalue',
};

function prettyName(e: Expr): string {
  switch (e.kind) {
    case 'Call':
      return PRETTY[e.fn] ?? e.fn.replace(/_/g, '');
    case 'Cast':
      return e.tryCast ? 'try_cast' : 'cast';
    case 'CaseWhen':
      return 'casewhen';
    case 'WindowExpr':
      return 'windowexpression';
    case 'SortOrder':
      return 'sortorder';
    case 'Alias':
      return e.metadata?.['multiAlias'] ? 'multialias' : 'alias';
    default:
      return e.kind.toLowerCase();
  }
}

/** A quoted column regex (under spark.sql.parser.quotedRegexColumnNames) is named by its pattern. */
function invalidStar(star: Expr, where: string): AnalysisException {
  const elem = star.kind === 'Star' && star.regex !== undefined ? `regular expression '${star.regex}'` : `'*'`;
  return new AnalysisException(`Invalid usage of ${elem} in ${where}.`, {
    errorClass: 'INVALID_USAGE_OF_STAR_OR_REGEX',
    messageParameters: { elem, prettyName: where },
  });
}

/** The first star under `e` that is not a function argument, with its parent (innermost first, as Spark's transformUp). */
function misplacedStar(e: Expr): { parent: Expr; star: Expr } | undefined {
  const cs = children(e);
  for (let i = 0; i < cs.length; i++) {
    const inner = misplacedStar(cs[i]!);
    if (inner) return inner;
  }
  for (let i = 0; i < cs.length; i++) {
    const c = cs[i]!;
    if (c.kind === 'Star' && !c.callArgument) return { parent: e, star: c };
  }
  return undefined;
}

function firstStar(e: Expr): Star | undefined {
  if (e.kind === 'Star') return e;
  for (const c of children(e)) {
    const s = firstStar(c);
    if (s) return s;
  }
  return undefined;
}

/** A star in a clause other than the select list: invalid in the clause's operator, at the star. */
function checkClause(exprs: readonly Expr[], operator: string): void {
  for (const e of exprs) {
    const star = firstStar(e);
    if (!star) continue;
    const err = invalidStar(star, operator);
    const origin = originOf(star);
    if (origin) positionAnalysisError(err, origin);
    throw err;
  }
}

function groupingExprs(g: GroupByAst): Expr[] {
  const sets = g.groupingSets?.flat() ?? [];
  return [...g.elements.flatMap((el) => (el.kind === 'expr' ? [el.expr] : el.kind === 'sets' ? el.sets.flat() : el.items.flat())), ...sets];
}

/** Spark's checks, in its order: WHERE (below the projection), GROUP BY, HAVING, the select list, ORDER BY. */
export function checkStarUsage(select: SelectAst, orderBy: readonly Expr[]): void {
  if (select.where) checkClause([select.where], 'Filter');
  if (select.groupBy) checkClause(groupingExprs(select.groupBy), 'Aggregate');
  if (select.having) checkClause([select.having], 'UnresolvedHaving');
  for (const item of select.items) {
    if (item.kind === 'Star') continue;
    const misplaced = misplacedStar(item);
    if (misplaced) throw invalidStar(misplaced.star, `expression \`${prettyName(misplaced.parent)}\``);
  }
  checkClause(orderBy, 'Sort');
}

/** A star in a join condition. */
export function checkJoinStar(on: Expr): void {
  checkClause([on], 'Join');
}

/** Stars read from an expression string (`F.expr`, `selectExpr`, `filter(str)`), which Spark's parser wrote. */
const parsedStars = new WeakSet<Expr>();

/** Records the stars of an expression string, so the operator that uses it checks them as Spark does. */
export function markParsedStars(e: Expr): void {
  if (e.kind === 'Star') parsedStars.add(e);
  children(e).forEach(markParsedStars);
}

/**
 * The stars of expression strings used by a DataFrame operator: in a projection (`operator`
 * undefined) a star is expanded as an item or a call's argument and refused as an operand,
 * naming the enclosing expression; in another operator (`Filter`) any star is refused, at the
 * star. Stars the DataFrame API builds itself (`col('*')`) are not checked.
 */
export function checkParsedStars(exprs: readonly Expr[], operator?: string): void {
  if (operator !== undefined) {
    checkClause(exprs.filter((e) => exists(e, (x) => parsedStars.has(x))), operator);
    return;
  }
  for (const item of exprs) {
    if (item.kind === 'Star') continue;
    const misplaced = misplacedStar(item);
    if (misplaced && parsedStars.has(misplaced.star)) throw invalidStar(misplaced.star, `expression \`${prettyName(misplaced.parent)}\``);
  }
}

/**
 * The stars of a DataFrame Sort or Aggregate, in Spark's order: an aggregate's list (its grouping
 * columns, then its aggregates) follows the projection rules for expression strings, then any star
 * among the grouping expressions or sort keys, parsed or built (`col('*')`), is refused naming the
 * operator, at the star when it was parsed.
 */
export function checkOperatorStars(p: { kind: 'Sort'; orders: readonly Expr[] } | { kind: 'Aggregate'; groupBy: readonly Expr[]; aggs: readonly Expr[] }): void {
  if (p.kind === 'Sort') {
    checkClause(p.orders, 'Sort');
    return;
  }
  checkParsedStars([...p.groupBy, ...p.aggs]);
  checkClause(p.groupBy, 'Aggregate');
}
