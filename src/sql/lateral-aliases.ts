/**
 * Lateral column aliases (Spark 3.4+): a select item may use the alias of an
 * earlier item of the same SELECT list when no input column has that name
 * (`SELECT id + 10 AS k, k + 1 FROM t`). Spark names such a reference
 * `lateralAliasReference(k)` inside an expression (`(lateralAliasReference(k)
 * + 1)`) and keeps the written name for a bare reference (`k`). Modelled for
 * SELECT lists without aggregation.
 */
import type { Expr } from '../expr/nodes.js';
import { E } from '../expr/nodes.js';
import { parseIdentifier } from '../analyzer/identifiers.js';
import { mapExpr } from './parsed-expressions.js';
import { stripAlias } from './translate.js';

/** `items` with their lateral alias references replaced; `written[i]` is the alias written for item i. */
export function resolveLateralAliases(items: readonly Expr[], written: readonly boolean[], inputColumns: readonly string[]): Expr[] {
  const columns = new Set(inputColumns.map((c) => c.toLowerCase()));
  const aliases = new Map<string, Expr>();
  return items.map((item, i) => {
    const lateral = (x: Expr): { name: string; expr: Expr } | undefined => {
      if (x.kind !== 'ColumnRef' || aliases.size === 0) return undefined;
      const parts = parseIdentifier(x.name);
      const name = parts.length === 1 ? parts[0]! : undefined;
      if (name === undefined || columns.has(name.toLowerCase())) return undefined;
      const expr = aliases.get(name.toLowerCase());
      return expr ? { name, expr } : undefined;
    };
    const sub = (x: Expr): Expr => {
      const hit = lateral(x);
      return hit ? E.alias(hit.expr, `lateralAliasReference(${hit.name})`) : mapExpr(x, sub);
    };
    let out: Expr;
    const bare = lateral(item.kind === 'Alias' ? item.child : item);
    if (bare && item.kind !== 'Alias') out = E.alias(bare.expr, bare.name);
    else if (bare && item.kind === 'Alias') out = E.alias(bare.expr, item.name);
    else out = sub(item);
    if (written[i] && out.kind === 'Alias' && !out.metadata?.multiAlias) aliases.set(out.name.toLowerCase(), stripAlias(out));
    return out;
  });
}
