/**
 * Lateral column aliases (Spark 3.4+): a select item may use the alias of an
 * earlier item of the same SELECT list when no input column has that name
 * (`SELECT id + 10 AS k, k + 1 FROM t`, `SELECT count(*) AS c, c + 1 FROM t`).
 * Spark names such a reference `lateralAliasReference(k)` inside an expression
 * (`(lateralAliasReference(k) + 1)`) and keeps the written name for a bare
 * reference (`k`). Spark refuses a reference inside an aggregate function or a
 * window expression, and a grouping key (alias, ordinal, ALL) taken from an
 * item that used one.
 */
import type { AnalysisException } from '../errors/index.js';
import type { Expr } from '../expr/nodes.js';
import { E } from '../expr/nodes.js';
import { INT } from '../types/data-types.js';
import { parseIdentifier } from '../analyzer/identifiers.js';
import { defaultFrame, frameSql } from '../expr/naming.js';
import { mapExpr } from './parsed-expressions.js';
import { analysisError, isAggregateFn, safeSql, stripAlias } from './translate.js';

/** Select items (as returned by resolveLateralAliases) that read a lateral alias. */
const viaLateral = new WeakSet<Expr>();

/** Whether a resolved select item read a lateral alias. */
export const usesLateralAlias = (item: Expr): boolean => viaLateral.has(item);

/** Spark's refusal of a grouping key taken from an item that reads a lateral alias. */
export function lateralAliasInGroupBy(): AnalysisException {
  return analysisError('The feature is not supported: Referencing a lateral column alias via GROUP BY alias/ALL is not supported yet.', 'UNSUPPORTED_FEATURE.LATERAL_COLUMN_ALIAS_IN_GROUP_BY');
}

/**
 * `items` with their lateral alias references replaced; `written[i]` is the alias written for item i.
 * `refusal` is Spark's error for a reference inside an aggregate function, which Spark raises only
 * once the rest of the query analyses (a missing GROUP BY comes first): the caller analyses
 * `analysed` (the items with each refused call replaced) first.
 */
export function resolveLateralAliases(
  items: readonly Expr[],
  written: readonly boolean[],
  inputColumns: readonly string[],
): { items: Expr[]; refusal?: { error: AnalysisException; analysed: Expr[] } } {
  const columns = new Set(inputColumns.map((c) => c.toLowerCase()));
  const aliases = new Map<string, Expr>();
  let refusal: AnalysisException | undefined;
  const placeholders = new Map<Expr, Expr>();
  const out = items.map((item, i) => {
    const lateral = (x: Expr): { name: string; expr: Expr } | undefined => {
      if (x.kind !== 'ColumnRef' || aliases.size === 0) return undefined;
      const parts = parseIdentifier(x.name);
      const name = parts.length === 1 ? parts[0]! : undefined;
      if (name === undefined || columns.has(name.toLowerCase())) return undefined;
      const expr = aliases.get(name.toLowerCase());
      return expr ? { name, expr } : undefined;
    };
    // The first lateral alias read by the subtree being substituted (for Spark's error messages).
    let first: string | undefined;
    let inWindow = 0;
    const sub = (x: Expr): Expr => {
      const hit = lateral(x);
      if (hit) {
        first ??= hit.name;
        return E.alias(hit.expr, `lateralAliasReference(${hit.name})`);
      }
      const outer = first;
      first = undefined;
      if (x.kind === 'WindowExpr') inWindow++;
      const mapped = mapExpr(x, sub);
      if (x.kind === 'WindowExpr') inWindow--;
      const inner = first;
      const refused = inner !== undefined && (mapped.kind === 'WindowExpr' || inWindow === 0) ? refuseInside(mapped, inner) : undefined;
      // Spark refuses a window at once, an aggregate function after the rest of the query analyses.
      if (refused && mapped.kind === 'WindowExpr') throw refused;
      if (refused) {
        refusal ??= refused;
        // What the query analyses as meanwhile: still an aggregate where the refused call was.
        placeholders.set(mapped, E.call('count', [E.lit(1, INT)]));
      }
      first = outer ?? inner;
      return mapped;
    };
    let out: Expr;
    const bare = lateral(item.kind === 'Alias' ? item.child : item);
    if (bare && item.kind !== 'Alias') out = E.alias(bare.expr, bare.name);
    else if (bare && item.kind === 'Alias') out = E.alias(bare.expr, item.name);
    else out = sub(item);
    if (bare || first !== undefined) viaLateral.add(out);
    if (written[i] && out.kind === 'Alias' && !out.metadata?.multiAlias) aliases.set(out.name.toLowerCase(), stripAlias(out));
    return out;
  });
  if (!refusal) return { items: out };
  const place = (x: Expr): Expr => placeholders.get(x) ?? mapExpr(x, place);
  return { items: out, refusal: { error: refusal, analysed: out.map(place) } };
}

const RANKING = new Set(['row_number', 'rank', 'dense_rank', 'percent_rank', 'cume_dist', 'ntile']);

/** Spark resolves no lateral alias inside a window expression or an aggregate function's arguments. */
function refuseInside(x: Expr, lca: string): AnalysisException | undefined {
  if (x.kind === 'WindowExpr') {
    let windowExpr = safeSql(x);
    // Spark prints the window unresolved: only the ranking functions' fixed frame is filled in when none is written.
    if (!x.spec.frame && !(x.fn.kind === 'Call' && RANKING.has(x.fn.fn))) {
      const frame = frameSql(defaultFrame(x.spec, x.fn));
      windowExpr = `${windowExpr.slice(0, -frame.length - 1)}unspecifiedframe$())`;
    }
    return analysisError(`The feature is not supported: Referencing a lateral column alias \`${lca}\` in window expression "${windowExpr}".`, 'UNSUPPORTED_FEATURE.LATERAL_COLUMN_ALIAS_IN_WINDOW', {
      lca: `\`${lca}\``,
      windowExpr: `"${windowExpr}"`,
    });
  }
  if (x.kind === 'Call' && isAggregateFn(x.fn)) {
    const aggFunc = safeSql(x);
    return analysisError(`The feature is not supported: Referencing a lateral column alias \`${lca}\` in the aggregate function "${aggFunc}".`, 'UNSUPPORTED_FEATURE.LATERAL_COLUMN_ALIAS_IN_AGGREGATE_FUNC', {
      lca: `\`${lca}\``,
      aggFunc: `"${aggFunc}"`,
    });
  }
  return undefined;
}
