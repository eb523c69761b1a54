/**
 * Spark 3.5's analysis errors for outer references its decorrelation cannot
 * reach: CORRELATED_REFERENCE (outside WHERE/HAVING: ORDER BY, GROUP BY, an
 * aggregated or EXISTS/IN select list), ACCESSING_OUTER_QUERY_COLUMN (under
 * LIMIT/OFFSET, below a window) and MUST_AGGREGATE_CORRELATED_SCALAR_SUBQUERY.
 */
import { AnalysisException } from '../errors/index.js';
import { E, exists, type Expr } from '../expr/nodes.js';
import { quoteIfNeeded } from '../types/data-types.js';
import { prettySql } from './functions.js';
import { lastPart, mapExpr } from './parsed-expressions.js';

type ColumnRef = Extract<Expr, { kind: 'ColumnRef' }>;

const correlatedReference = (sqlExprs: string): AnalysisException =>
  new AnalysisException(`Unsupported subquery expression: Expressions referencing the outer query are not supported outside of WHERE/HAVING clauses: ${sqlExprs}.`, {
    errorClass: 'UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY.CORRELATED_REFERENCE',
    messageParameters: { sqlExprs },
  });

/**
 * Spark's CORRELATED_REFERENCE for outer references in ORDER BY or GROUP BY,
 * listing the clause's expressions that hold one (unqualified).
 */
export function misplacedIn(exprs: readonly Expr[], seen: readonly string[], isOuter: (x: ColumnRef) => boolean): AnalysisException | undefined {
  if (seen.length === 0) return undefined;
  const holds = (e: Expr): boolean => exists(e, (x) => x.kind === 'ColumnRef' && isOuter(x));
  const sqlExprs = exprs.filter(holds).map((e) => `"${prettySql(e)}"`).join(',');
  return correlatedReference(sqlExprs);
}

export function misplacedOuterRef(x: ColumnRef): AnalysisException {
  return new AnalysisException(
    `Unsupported subquery expression: Expressions referencing the outer query are not supported outside of WHERE/HAVING clauses: outer(${x.name}).`,
    { errorClass: 'UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY.CORRELATED_REFERENCE', messageParameters: { sqlExprs: `outer(${x.name})` } },
  );
}

/** Spark's error for an outer reference where its decorrelation cannot reach (under LIMIT, in GROUP BY, ...). */
export function accessingOuterColumn(treeNode: string): AnalysisException {
  return new AnalysisException(`Unsupported subquery expression: Accessing outer query column is not allowed in this location${treeNode}`, {
    errorClass: 'UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY.ACCESSING_OUTER_QUERY_COLUMN_IS_NOT_ALLOWED',
    messageParameters: { treeNode },
  });
}

export function mustAggregateScalar(): AnalysisException {
  return new AnalysisException('Unsupported subquery expression: Correlated scalar subqueries must be aggregated to return at most one row.', {
    errorClass: 'UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY.MUST_AGGREGATE_CORRELATED_SCALAR_SUBQUERY',
  });
}

/**
 * An EXISTS or IN subquery's select list cannot read outer columns (only a
 * scalar subquery's can): Spark lists the items holding one, a bare column by
 * its name, an expression with its alias (`(a + b) AS \`(a + outer(t.b))\``).
 */
export function outerRefsInSelectList(items: readonly Expr[], isOuter: (x: ColumnRef) => boolean, qualified: (x: ColumnRef) => string): AnalysisException | undefined {
  const listed = items.filter((i) => exists(i, (x) => x.kind === 'ColumnRef' && isOuter(x)));
  if (listed.length === 0) return undefined;
  const sql = (item: Expr): string => {
    if (item.kind === 'ColumnRef') return `"${lastPart(item.name)}"`;
    if (item.kind === 'Alias') return `"${prettySql(item.child)} AS ${quoteIfNeeded(item.name)}"`;
    // Spark's auto name shows the outer column as `outer(t.c)`.
    const names: string[] = [];
    const placeholder = (x: Expr): Expr => {
      if (x.kind !== 'ColumnRef' || !isOuter(x)) return mapExpr(x, placeholder);
      names.push(`outer(${qualified(x)})`);
      return E.col(`sqlsubqouter${names.length - 1}x`);
    };
    const name = prettySql(placeholder(item)).replace(/sqlsubqouter(\d+)x/g, (_, i: string) => names[Number(i)]!);
    return `"${prettySql(item)} AS \`${name}\`"`;
  };
  return correlatedReference(listed.map(sql).join(','));
}

/**
 * Spark 3.5 keeps subquery expressions only in filters, joins, aggregations,
 * projections (and windows for IN/EXISTS): one in a Sort (ORDER BY) fails.
 * Spark names the operator with its plan text and expression ids; sparkless
 * names its kind only.
 */
export function subqueryInOperator(kind: 'in-exists' | 'scalar', treeNode: string): AnalysisException {
  const [sub, message] =
    kind === 'in-exists'
      ? ['UNSUPPORTED_IN_EXISTS_SUBQUERY', 'IN/EXISTS predicate subqueries can only be used in filters, joins, aggregations, window functions, projections, and UPDATE/MERGE/DELETE commands']
      : ['UNSUPPORTED_CORRELATED_SCALAR_SUBQUERY', 'Correlated scalar subqueries can only be used in filters, aggregations, projections, and UPDATE/MERGE/DELETE commands'];
  return new AnalysisException(`Unsupported subquery expression: ${message}${treeNode}`, {
    errorClass: `UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY.${sub}`,
    messageParameters: { treeNode },
  });
}
