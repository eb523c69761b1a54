/**
 * Lowers the API intent nodes (`withColumns`, `withColumnsRenamed`, `drop`,
 * `toDF`) into the `Project` Spark's analyzer makes of them. The new Project
 * keeps the intent node's id, so `df.col()` bindings to it still resolve.
 */
import { AnalysisException, IllegalArgumentException } from '../errors/index.js';
import { E, type Expr } from '../expr/nodes.js';
import type { LogicalPlan, PlanOfKind } from '../plan/nodes.js';
import { analyzeProject } from './analyze-project.js';
import { resolveExpr } from './resolve-expr.js';
import type { AnalyzerContext, Analyzed, Attribute } from './scope.js';

type IntentNode = PlanOfKind<'WithColumns'> | PlanOfKind<'WithColumnsRenamed'> | PlanOfKind<'Drop'> | PlanOfKind<'ToDF'>;

export function analyzeIntent(p: IntentNode, input: Analyzed, ctx: AnalyzerContext): Analyzed {
  const exprs = projectionOf(p, input, ctx);
  const project = Object.freeze({ kind: 'Project', id: p.id, input: p.input, exprs }) as PlanOfKind<'Project'>;
  return analyzeProject(project, input, ctx);
}

const refs = (attrs: readonly Attribute[]): Expr[] => attrs.map((a, i) => E.bound(i, a.name, a.dataType, a.nullable));
const same = (a: string, b: string, caseSensitive: boolean): boolean => (caseSensitive ? a === b : a.toLowerCase() === b.toLowerCase());

function projectionOf(p: IntentNode, input: Analyzed, ctx: AnalyzerContext): Expr[] {
  const attrs = input.attrs;
  switch (p.kind) {
    case 'WithColumns': {
      const duplicate = p.names.find((n, i) => p.names.findIndex((m) => same(m, n, ctx.caseSensitive)) !== i);
      if (duplicate !== undefined) {
        throw new AnalysisException(`Found duplicate column(s) in given column names: \`${duplicate.toLowerCase()}\`.`, {
          errorClass: 'COLUMN_ALREADY_EXISTS',
          messageParameters: { columnName: `\`${duplicate.toLowerCase()}\`` },
        });
      }
      const exprs = refs(attrs);
      p.names.forEach((name, k) => {
        const aliased = E.alias(p.exprs[k]!, name);
        let replaced = false;
        attrs.forEach((a, i) => {
          if (same(a.name, name, ctx.caseSensitive)) {
            exprs[i] = aliased;
            replaced = true;
          }
        });
        if (!replaced) exprs.push(aliased);
      });
      return exprs;
    }
    case 'WithColumnsRenamed': {
      const names = attrs.map((a) => {
        // Spark applies renames in order, each to the output of the previous one.
        let name = a.name;
        for (const [from, to] of p.renames) if (same(name, from, ctx.caseSensitive)) name = to;
        return name;
      });
      // Dataset.withColumnsRenamed then rejects any duplicate among all output names (even ones it did not rename).
      const key = (n: string): string => (ctx.caseSensitive ? n : n.toLowerCase());
      const duplicate = names.map(key).find((n, i, all) => all.indexOf(n) !== i);
      if (duplicate !== undefined) {
        throw new AnalysisException(`The column \`${duplicate}\` already exists. Consider to choose another name or rename the existing column.`, {
          errorClass: 'COLUMN_ALREADY_EXISTS',
          messageParameters: { columnName: `\`${duplicate}\`` },
        });
      }
      return attrs.map((a, i) => {
        const ref = E.bound(i, a.name, a.dataType, a.nullable);
        return names[i] === a.name ? ref : E.alias(ref, names[i]!);
      });
    }
    case 'Drop': {
      const dropped = new Set<number>();
      for (const name of p.columnNames) attrs.forEach((a, i) => same(a.name, name, ctx.caseSensitive) && dropped.add(i));
      for (const c of p.columns) {
        const resolved = resolveExpr(c, { attrs, ctx });
        if (resolved.kind === 'BoundRef') dropped.add(resolved.index);
      }
      return refs(attrs).filter((_, i) => !dropped.has(i));
    }
    case 'ToDF': {
      if (p.names.length !== attrs.length) {
        throw new IllegalArgumentException(
          `requirement failed: The number of columns doesn't match.\nOld column names (${attrs.length}): ${attrs.map((a) => a.name).join(', ')}\nNew column names (${p.names.length}): ${p.names.join(', ')}`,
          {},
        );
      }
      return refs(attrs).map((r, i) => E.alias(r, p.names[i]!));
    }
  }
}

/** Whether a node is an intent node this module lowers. */
export function isIntentNode(p: LogicalPlan): p is IntentNode {
  return p.kind === 'WithColumns' || p.kind === 'WithColumnsRenamed' || p.kind === 'Drop' || p.kind === 'ToDF';
}
