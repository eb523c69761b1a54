/**
 * Spark 3.5's ORDER BY ALL: a single sort key `all` (quoted or not) that names no input
 * column sorts by every select-list column in turn, each with the key's direction and null
 * ordering. It is rewritten here into ordinals (1, 2, ...), which the SELECT translation
 * already resolves.
 */
import { NotImplementedException } from '../errors/index.js';
import { E, type Expr, type SortOrder } from '../expr/nodes.js';
import { plan, type LogicalPlan } from '../plan/nodes.js';
import { parseIdentifier } from '../analyzer/identifiers.js';
import { INT } from '../types/data-types.js';
import type { Translator } from './translate.js';

const namesAll = (e: Expr): boolean => {
  if (e.kind !== 'ColumnRef') return false;
  try {
    const parts = parseIdentifier(e.name);
    return parts.length === 1 && parts[0]!.toLowerCase() === 'all';
  } catch {
    return false;
  }
};

export function orderByAll(tr: Translator, orderBy: readonly SortOrder[], items: readonly Expr[], from: LogicalPlan): readonly SortOrder[] {
  const only = orderBy.length === 1 ? orderBy[0]! : undefined;
  if (!only || !namesAll(only.child) || !tr.opts.columnsOf) return orderBy;
  // An input column named `all` wins (Spark resolves it before ORDER BY ALL).
  if (tr.opts.columnsOf(from).some((n) => n.toLowerCase() === 'all')) return orderBy;
  if (tr.conf('spark.sql.orderByOrdinal') === 'false') throw new NotImplementedException('ORDER BY ALL', 'under spark.sql.orderByOrdinal=false');
  const n = items.some((i) => i.kind === 'Star') ? tr.opts.columnsOf(plan('Project', { input: from, exprs: items })).length : items.length;
  return Array.from({ length: n }, (_, i) => E.sort(E.lit(i + 1, INT), only.ascending, only.nullsFirst));
}
