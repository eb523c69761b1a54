/**
 * GROUP BY SELECT blocks → plans: grouping keys (aliases, ordinals, GROUP BY
 * ALL, ROLLUP / CUBE / GROUPING SETS), the Aggregate with hidden HAVING and
 * sort columns, and the two-stage form (an Aggregate of the aggregate calls,
 * the select list above it) that window functions over aggregates and
 * grouping() need.
 */
import { wrongNumArgs } from '../errors/analysis-errors.js';
import { NotImplementedException } from '../errors/index.js';
import { E, type Expr, type SortOrder } from '../expr/nodes.js';
import { plan, type LogicalPlan } from '../plan/nodes.js';
import { BYTE, INT, LONG } from '../types/data-types.js';
import type { GroupByAst, SelectAst } from './ast.js';
import { named, prettySql } from './functions.js';
import { ordinalOf } from './literals.js';
import { lastPart, mapExpr } from './parsed-expressions.js';
import {
  aliasMap,
  analysisError,
  childrenOf,
  containsAggregate,
  containsGrouping,
  containsWindow,
  cubeSets,
  exprKey,
  groupByAllKeys,
  isAggregateFn,
  isGroupingFn,
  missingAggregation,
  ordinalRef,
  rollupSets,
  safeSql,
  stripAlias,
  substituteAliases,
  type Translator,
} from './translate.js';
import { lateralAliasInGroupBy, usesLateralAlias } from './lateral-aliases.js';

/** GROUP BY keys (aliases and ordinals resolved) and grouping sets (indices into the keys). */
export function groupingKeys(t: Translator, g: GroupByAst | undefined, items: readonly Expr[], input: LogicalPlan): { keys: Expr[]; sets?: number[][] } {
  if (!g) return { keys: [] };
  const aliases = aliasMap(items);
  const groupByAliases = t.conf('spark.sql.groupByAliases') !== 'false';
  let inputNames: Set<string> | undefined;
  const isInputColumn = (name: string): boolean => {
    const columnsOf = t.opts.columnsOf;
    if (!columnsOf) return false;
    inputNames ??= new Set(columnsOf(input).map((n) => n.toLowerCase()));
    return inputNames.has(name.toLowerCase());
  };
  const byOrdinal = t.conf('spark.sql.groupByOrdinal') !== 'false';
  const resolveKey = (e: Expr): Expr => {
    const n = byOrdinal ? ordinalOf(e) : undefined;
    if (n !== undefined) {
      if (items.some((i) => i.kind === 'Star')) {
        throw analysisError('Star (*) is not allowed in a select list when GROUP BY an ordinal position is used.', 'STAR_GROUP_BY_POS');
      }
      if (n < 1 || n > items.length) {
        throw analysisError(`GROUP BY position ${n} is not in select list (valid range is [1, ${items.length}]).`, 'GROUP_BY_POS_OUT_OF_RANGE', {
          index: String(n),
          size: String(items.length),
        });
      }
      if (usesLateralAlias(items[n - 1]!)) throw lateralAliasInGroupBy();
      const target = stripAlias(items[n - 1]!);
      if (containsAggregate(target)) {
        throw analysisError(`GROUP BY ${n} refers to an expression ${safeSql(target)} that contains an aggregate function. Aggregate functions are not allowed in GROUP BY.`, 'GROUP_BY_POS_AGGREGATE', {
          index: String(n),
          aggExpr: safeSql(target),
        });
      }
      return target;
    }
    if (e.kind === 'ColumnRef' && !e.name.includes('.') && groupByAliases) {
      const hit = aliases.get(e.name.toLowerCase());
      if (hit && !isInputColumn(e.name)) {
        if (items.some((i) => i.kind === 'Alias' && i.name.toLowerCase() === e.name.toLowerCase() && usesLateralAlias(i))) throw lateralAliasInGroupBy();
        if (containsAggregate(hit)) {
          throw analysisError(`aggregate functions are not allowed in GROUP BY, but found ${safeSql(hit)}.`, 'GROUP_BY_AGGREGATE', { sqlExpr: safeSql(hit) });
        }
        return hit;
      }
    }
    if (containsAggregate(e)) {
      throw analysisError(`aggregate functions are not allowed in GROUP BY, but found ${safeSql(e)}.`, 'GROUP_BY_AGGREGATE', { sqlExpr: safeSql(e) });
    }
    return e;
  };

  if (g.all) {
    // An input column, then a select-list alias, named `all` wins over GROUP BY ALL (Spark's resolution order).
    if (isInputColumn('all') || (groupByAliases && aliases.has('all'))) return { keys: [resolveKey(E.col('all'))] };
    if (items.some(usesLateralAlias)) throw lateralAliasInGroupBy();
    return { keys: groupByAllKeys(items) };
  }
  const plain = g.elements.every((el) => el.kind === 'expr');
  if (plain && !g.with && !g.groupingSets) {
    return { keys: g.elements.map((el) => resolveKey((el as { expr: Expr }).expr)) };
  }
  const keys: Expr[] = [];
  const keyIndex = (e: Expr): number => {
    const k = exprKey(e);
    let i = keys.findIndex((x) => exprKey(x) === k);
    if (i < 0) {
      i = keys.length;
      keys.push(e);
    }
    return i;
  };
  let sets: number[][];
  if (g.groupingSets) {
    // legacy form: GROUP BY a, b GROUPING SETS (...); there CUBE(...) / ROLLUP(...) would be function calls
    const fnLike = g.elements.find((el) => el.kind === 'rollup' || el.kind === 'cube');
    if (fnLike) {
      const fnName = fnLike.kind.toUpperCase();
      throw analysisError(`Cannot resolve function \`${fnName.toLowerCase()}\` on search path [\`system\`.\`builtin\`, \`system\`.\`session\`, \`spark_catalog\`.\`default\`].`, 'UNRESOLVED_ROUTINE', {
        routineName: `\`${fnName.toLowerCase()}\``,
      });
    }
    for (const el of g.elements) if (el.kind === 'expr') keyIndex(resolveKey(el.expr));
    sets = g.groupingSets.map((set) => set.map((e) => keyIndex(resolveKey(e))));
  } else {
    let acc: Expr[][] = [[]];
    for (const el of g.elements) {
      let choices: Expr[][];
      if (el.kind === 'expr') {
        choices = [[resolveKey(el.expr)]];
      } else if (el.kind === 'sets') {
        choices = el.sets.map((set) => set.map(resolveKey));
      } else {
        const items2 = el.items.map((set) => set.map(resolveKey));
        choices = el.kind === 'rollup' ? rollupSets(items2) : cubeSets(items2);
      }
      if (g.with && el.kind === 'expr') {
        // handled below for WITH ROLLUP/CUBE
      }
      const next: Expr[][] = [];
      for (const a of acc) for (const c of choices) next.push([...a, ...c]);
      acc = next;
    }
    if (g.with) {
      const exprs = g.elements.map((el) => resolveKey((el as { expr: Expr }).expr)).map((e) => [e]);
      acc = g.with === 'rollup' ? rollupSets(exprs) : cubeSets(exprs);
    }
    // keys in order of first appearance in the GROUP BY text
    for (const el of g.elements) {
      if (el.kind === 'expr') keyIndex(resolveKey(el.expr));
      else if (el.kind === 'sets') el.sets.forEach((set) => set.forEach((e) => keyIndex(resolveKey(e))));
      else el.items.forEach((set) => set.forEach((e) => keyIndex(resolveKey(e))));
    }
    sets = acc.map((set) => [...new Set(set.map(keyIndex))].sort((a, b) => a - b));
  }
  return { keys, sets };
}

export function aggregateSelect(t: Translator, s: SelectAst, input: LogicalPlan, items: readonly Expr[], having: Expr | undefined, order: readonly SortOrder[]): LogicalPlan {
  const { keys, sets } = groupingKeys(t, s.groupBy, items, input);
  if (items.some((i) => i.kind === 'Star')) {
    throw new NotImplementedException('SQL SELECT * with GROUP BY', 'list the grouped columns');
  }
  const aliases = aliasMap(items);
  // HAVING reads a grouping column before a select-list alias of the same name (Spark: `SUM(a) AS b ... GROUP BY b HAVING b > 10`).
  const groupedColumns = new Set(keys.flatMap((k) => (k.kind === 'ColumnRef' ? [lastPart(k.name).toLowerCase()] : [])));
  const havingExpr = having ? substituteAliases(having, aliases, (name) => groupedColumns.has(name.toLowerCase())) : undefined;
  if (having && order.length > 0) checkOrderOverHaving(t, s, input, items, having, order);
  const extended =
    [...items, ...(havingExpr ? [havingExpr] : []), ...order.map((o) => o.child)].some((e) => containsWindow(e) || containsGrouping(e));
  if (extended) return twoStageAggregate(t, s, input, keys, sets, items, havingExpr, order, aliases);

  const nG = keys.length;
  const aggs: Expr[] = [...items];
  let havingRef: Expr | undefined;
  if (havingExpr) {
    havingRef = ordinalRef(nG + aggs.length);
    aggs.push(E.alias(havingExpr, '__sparkless_having'));
  }
  const orders = order.map((o) => {
    const ref = selectListRef(t, o.child, items, aliases);
    if (ref !== undefined) return E.sort(ordinalRef(nG + ref), o.ascending, o.nullsFirst);
    const at = nG + aggs.length;
    aggs.push(E.alias(substituteAliases(o.child, aliases), `__sparkless_sort_${at}`));
    return E.sort(ordinalRef(at), o.ascending, o.nullsFirst);
  });
  let p: LogicalPlan = plan('Aggregate', { input, groupBy: keys, aggs, ...(sets ? { groupingSets: sets } : {}) });
  if (havingRef) p = plan('Filter', { input: p, condition: havingRef });
  if (orders.length > 0) p = plan('Sort', { input: p, orders });
  if (aggs.length !== items.length || nG > 0) {
    p = plan('Project', { input: p, exprs: items.map((_, i) => ordinalRef(nG + i)) });
  }
  return s.distinct ? plan('Deduplicate', { input: p }) : p;
}

/**
 * Spark 3.5 resolves an ORDER BY above HAVING over the filtered select list
 * only (its Sort sits on a Filter, not on the Aggregate whose input it could
 * reach): a key reading an input column, even inside an aggregate the select
 * list computes (`ORDER BY sum(v)`), fails with UNRESOLVED_COLUMN.
 */
function checkOrderOverHaving(t: Translator, s: SelectAst, input: LogicalPlan, items: readonly Expr[], having: Expr, order: readonly SortOrder[]): void {
  const schemaOf = t.opts.schemaOf;
  if (!schemaOf) return;
  const keys = order.filter((o) => t.orderOrdinal(o.child) === undefined);
  if (keys.length === 0) return;
  const output = aggregateSelect(t, s, input, items, having, []);
  for (const o of keys) schemaOf(plan('Project', { input: output, exprs: [o.child] }));
}

/** Position in the select list an ORDER BY key names (ordinal, alias, or the same expression). */
export function selectListRef(t: Translator, key: Expr, items: readonly Expr[], aliases: ReadonlyMap<string, Expr>): number | undefined {
  const n = t.orderOrdinal(key);
  if (n !== undefined) {
    t.ordinalRefChecked(n, items.length);
    return n - 1;
  }
  if (key.kind === 'ColumnRef' && !key.name.includes('.') && aliases.has(key.name.toLowerCase())) {
    return items.findIndex((i) => i.kind === 'Alias' && i.name.toLowerCase() === key.name.toLowerCase());
  }
  const k = exprKey(key);
  const i = items.findIndex((it) => it.kind !== 'Alias' && exprKey(it) === k);
  return i >= 0 ? i : undefined;
}

/**
 * Aggregate computing the aggregate calls, then the select list over its
 * output: for window functions over aggregates and grouping()/grouping_id().
 */
export function twoStageAggregate(
  t: Translator,
  s: SelectAst,
  input: LogicalPlan,
  keys: readonly Expr[],
  sets: number[][] | undefined,
  items: readonly Expr[],
  having: Expr | undefined,
  order: readonly SortOrder[],
  aliases: ReadonlyMap<string, Expr>,
): LogicalPlan {
  const nG = keys.length;
  const keyKeys = keys.map(exprKey);
  const aggCalls: Expr[] = [];
  const aggKeys: string[] = [];
  // collect aggregate calls (outside window function positions)
  const collect = (e: Expr): void => {
    if (e.kind === 'WindowExpr') {
      const fn = e.fn;
      if (fn.kind === 'Call') fn.args.forEach(collect);
      e.spec.partitionBy.forEach(collect);
      e.spec.orderBy.forEach(collect);
      return;
    }
    // grouping()/grouping_id() are registered as aggregates but read the markers below, not the Aggregate.
    if (e.kind === 'Call' && isAggregateFn(e.fn) && !isGroupingFn(e.fn)) {
      const k = exprKey(e);
      if (!aggKeys.includes(k)) {
        aggKeys.push(k);
        aggCalls.push(e);
      }
      return;
    }
    childrenOf(e).forEach(collect);
  };
  const orderExprs = order.map((o) => substituteAliases(o.child, aliases));
  [...items, ...(having ? [having] : []), ...orderExprs].forEach(collect);
  // grouping(): one marker key per grouping key, present exactly in the grouping sets that keep
  // that key, so a null marker means the key was aggregated away (reading it needs no grouping id).
  const nM = sets ? nG : 0;
  const aggBase = nG + nM;
  const keyNames = keys.map((k) => lastPart(safeSql(k)));

  const groupingBit = (arg: Expr): number => {
    const i = keyKeys.indexOf(exprKey(arg));
    if (i < 0) {
      throw analysisError(`Column of grouping (${safeSql(arg)}) can't be found in grouping columns ${keyNames.join(',')}`, 'GROUPING_COLUMN_MISMATCH', {
        grouping: safeSql(arg),
        groupingColumns: keyNames.join(','),
      });
    }
    return i;
  };
  // Spark names grouping() and grouping_id() whichever of them (or grouping__id) was used.
  const requireSets = (): void => {
    if (!sets) {
      throw analysisError('grouping()/grouping_id() can only be used with GroupingSets/Cube/Rollup.', 'UNSUPPORTED_GROUPING_EXPRESSION');
    }
  };
  const bitOf = (i: number): Expr => E.caseWhen([{ when: E.call('is_null', [ordinalRef(nG + i)]), then: E.lit(1, BYTE) }], E.lit(0, BYTE));
  const groupingId = (idx: readonly number[]): Expr =>
    idx
      .map((bit, j) => {
        const b = E.cast(bitOf(bit), LONG);
        const shift = idx.length - 1 - j;
        return shift === 0 ? b : E.call('multiply', [b, E.lit(2 ** shift, LONG)]);
      })
      .reduce((a, b) => E.call('add', [a, b]), E.lit(0, LONG) as Expr);

  const rewrite = (e: Expr): Expr => {
    const k = exprKey(e);
    const gi = keyKeys.indexOf(k);
    if (gi >= 0 && e.kind !== 'Literal') return ordinalRef(gi);
    if (e.kind === 'WindowExpr') {
      // A window over the aggregated rows: its function stays a window function (`count(*) OVER ()`), its inputs read the Aggregate.
      const fn = e.fn.kind === 'Call' ? Object.freeze({ ...e.fn, args: e.fn.args.map(rewrite) }) : rewrite(e.fn);
      const spec = { ...e.spec, partitionBy: e.spec.partitionBy.map(rewrite), orderBy: e.spec.orderBy.map((o) => rewrite(o) as typeof o) };
      return Object.freeze({ ...e, fn, spec: Object.freeze(spec) });
    }
    if (e.kind === 'Call' && isAggregateFn(e.fn) && !isGroupingFn(e.fn)) return ordinalRef(aggBase + aggKeys.indexOf(k));
    if (e.kind === 'Call' && e.fn === 'grouping') {
      requireSets();
      if (e.args.length !== 1) throw wrongNumArgs('grouping', '1', e.args.length);
      return named(bitOf(groupingBit(e.args[0]!)), () => `grouping(${prettySql(e.args[0]!)})`);
    }
    if (e.kind === 'Call' && e.fn === 'grouping_id') {
      requireSets();
      const idx = e.args.length === 0 ? keys.map((_, i) => i) : e.args.map(groupingBit);
      // Spark: the arguments, when given, are all grouping columns in their GROUP BY order.
      if (idx.length !== nG || idx.some((bit, j) => bit !== j)) {
        const ids = e.args.map(safeSql).join(',');
        throw analysisError(`Columns of grouping_id (${ids}) does not match grouping columns (${keyNames.join(',')}).`, 'GROUPING_ID_COLUMN_MISMATCH', {
          groupingIdColumn: ids,
          groupByColumns: keyNames.join(','),
        });
      }
      return named(groupingId(idx), () => `grouping_id(${e.args.map(prettySql).join(', ')})`);
    }
    if (e.kind === 'ColumnRef' && e.name.toLowerCase() === 'grouping__id') {
      requireSets();
      return named(groupingId(keys.map((_, i) => i)), () => 'grouping__id');
    }
    if (e.kind === 'ColumnRef') {
      const name = lastPart(e.name).toLowerCase();
      const hit = keys.findIndex((kk) => kk.kind === 'ColumnRef' && lastPart(kk.name).toLowerCase() === name);
      if (hit >= 0) return ordinalRef(hit);
      throw missingAggregation(e);
    }
    return mapExpr(e, rewrite);
  };

  const markers = sets ? keys.map((_, i) => E.alias(E.lit(i + 1, INT), `__sparkless_grouping_${i}`)) : [];
  const markedSets = sets?.map((set) => [...set, ...set.map((i) => nG + i)]);
  let p: LogicalPlan = plan('Aggregate', { input, groupBy: [...keys, ...markers], aggs: aggCalls, ...(markedSets ? { groupingSets: markedSets } : {}) });
  if (having) p = plan('Filter', { input: p, condition: rewrite(having) });
  // Unaliased items keep Spark's names: references to the Aggregate's output carry the
  // grouping columns' and aggregate calls' own names.
  const outItems = items.map((it) => (it.kind === 'Alias' ? E.alias(rewrite(it.child), it.name, it.metadata ? { ...it.metadata } : undefined) : rewrite(it)));
  if (order.length === 0) {
    const proj = plan('Project', { input: p, exprs: outItems });
    return s.distinct ? plan('Deduplicate', { input: proj }) : proj;
  }
  const hidden: Expr[] = [];
  const orders = order.map((o, i) => {
    const ref = selectListRef(t, o.child, items, aliases);
    if (ref !== undefined) return E.sort(ordinalRef(ref), o.ascending, o.nullsFirst);
    const at = items.length + hidden.length;
    hidden.push(E.alias(rewrite(orderExprs[i]!), `__sparkless_sort_${at}`));
    return E.sort(ordinalRef(at), o.ascending, o.nullsFirst);
  });
  let out: LogicalPlan = plan('Project', { input: p, exprs: [...outItems, ...hidden] });
  if (s.distinct) out = plan('Deduplicate', { input: out });
  out = plan('Sort', { input: out, orders });
  if (hidden.length > 0) out = plan('Project', { input: out, exprs: items.map((_, i) => ordinalRef(i)) });
  return out;
}
