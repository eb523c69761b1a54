/**
 * Spark 3.5's error for a HAVING subquery reading an outer column the
 * enclosing Aggregate does not output (neither grouped nor aggregated):
 * MISSING_ATTRIBUTES.RESOLVED_ATTRIBUTE_MISSING_FROM_INPUT, naming the
 * Aggregate's output (its select list, plus the grouping columns HAVING
 * reads) and the Filter. Spark prints the Filter with expression ids
 * (`!Filter exists#12 [t2b#9]`); sparkless prints it without them.
 */
import { AnalysisException } from '../errors/index.js';
import { E, exists, type Expr } from '../expr/nodes.js';
import type { LogicalPlan } from '../plan/nodes.js';
import type { SelectAst } from './ast.js';
import { prettySql } from './functions.js';
import { lastPart, mapExpr, SUBQUERY } from './parsed-expressions.js';
import type { Translator } from './translate.js';

export function missingFromAggregate(tr: Translator, s: SelectAst, names: readonly string[], refs: readonly string[], aggregate: LogicalPlan): AnalysisException {
  const output = tr.opts.columnsOf?.(aggregate) ?? [];
  const grouping = new Set<string>();
  for (const el of s.groupBy?.elements ?? []) if (el.kind === 'expr' && el.expr.kind === 'ColumnRef') grouping.add(lastPart(el.expr.name));
  const read: string[] = [];
  if (s.having) {
    exists(s.having, (x) => {
      if (x.kind === 'ColumnRef' && grouping.has(lastPart(x.name)) && !output.includes(lastPart(x.name)) && !read.includes(lastPart(x.name))) read.push(lastPart(x.name));
      return false;
    });
  }
  const q = (n: string): string => `"${n}"`;
  const missingAttributes = names.map(q).join(', ');
  const input = [...output, ...read].map(q).join(', ');
  const operator = `!Filter ${s.having ? filterText(s.having, refs) : ''}`;
  return new AnalysisException(`Resolved attribute(s) ${missingAttributes} missing from ${input} in operator ${operator}.`, {
    errorClass: 'MISSING_ATTRIBUTES.RESOLVED_ATTRIBUTE_MISSING_FROM_INPUT',
    messageParameters: { missingAttributes, input, operator },
  });
}

/** The HAVING condition as Spark's plan prints it (subqueries as `exists [refs]`, `list [refs]`, `scalar-subquery [refs]`). */
function filterText(having: Expr, refs: readonly string[]): string {
  const list = `[${refs.join(', ')}]`;
  const names: string[] = [];
  const placeholder = (text: string): Expr => {
    names.push(text);
    return E.col(`sqlsubqplaceholder${names.length - 1}x`);
  };
  const go = (x: Expr): Expr => {
    if (x.kind !== 'Call') return mapExpr(x, go);
    if (x.fn === SUBQUERY.exists) return placeholder(`exists ${list}`);
    if (x.fn === SUBQUERY.scalar) return placeholder(`scalar-subquery ${list}`);
    if (x.fn === SUBQUERY.in) return placeholder(`${prettySql(x.args[0]!)} IN (list ${list})`);
    return mapExpr(x, go);
  };
  const text = prettySql(go(having)).replace(/`/g, '');
  return text.replace(/sqlsubqplaceholder(\d+)x/g, (_, i: string) => names[Number(i)]!);
}
