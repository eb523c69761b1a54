/**
 * SELECT blocks without GROUP BY → plans: the block's FROM / WHERE / select
 * list, `f(t.*)` star arguments, named windows (WINDOW w AS ...) and their
 * RANGE-frame type checks, the Project (with Generate for generators) and
 * ORDER BY on unselected columns through hidden sort columns.
 */
import { NotImplementedException } from '../errors/index.js';
import { E, exists, type Expr, type FrameBoundary, type SortOrder, type WindowSpecDef } from '../expr/nodes.js';
import { plan, type LogicalPlan } from '../plan/nodes.js';
import { BinaryType, BooleanType, DateType, INT, isNumeric, LONG, StringType, TimestampNTZType, TimestampType, YearMonthIntervalType, type DataType } from '../types/data-types.js';
import { boundarySql, windowSpecSql } from '../expr/naming.js';
import type { SelectAst } from './ast.js';
import { named, prettySql } from './functions.js';
import { orderedSetAggregate, overNamedWindow } from './ordered-set.js';
import { lastPart, mapExpr, namedWindowRefs, SUBQUERY } from './parsed-expressions.js';
import { windowExpr } from './parse-window.js';
import { bindOuterRefs, groupingExprs, mapGroupBy } from './correlation.js';
import { missingFromAggregate } from './having-outer-columns.js';
import {
  aliasMap,
  analysisError,
  childrenOf,
  containsAggregate,
  containsWindow,
  exprKey,
  isGeneratorItem,
  ordinalRef,
  quoteName,
  stripAlias,
  substituteAliases,
  type Translator,
} from './translate.js';
import { oneRow, relation } from './translate-relations.js';
import { subqueries, type GroupedOuter, type SubqueryOptions } from './translate-subqueries.js';
import { aggregateSelect } from './translate-aggregate.js';
import { resolveLateralAliases } from './lateral-aliases.js';
import { countArguments } from './count-arguments.js';
import { checkStarUsage } from './star-usage.js';
import { orderByAll } from './order-by-all.js';
import { rangeOffsetsInOrder } from './frame-checks.js';
import { castIntervalOffsets, castsIntervalOffsets } from './range-offset-casts.js';
import { positionAnalysisError } from '../errors/query-context.js';
import { originOf, selectItemOrigin, setSelectItemOrigin, specOrigin, withOrigin } from '../expr/origin.js';

export function selectBlock(tr: Translator, select: SelectAst, orderBy: readonly SortOrder[]): LogicalPlan {
  // This block's outer references precede its FROM's in Spark's (top-down) order.
  const mark = tr.outer[tr.outer.length - 1]?.occurrences.length;
  let input = select.from ? relation(tr, select.from) : oneRow(tr);
  checkStarUsage(select, orderBy);
  const from = input;
  orderBy = orderByAll(tr, orderBy, select.items, from);
  let s = select;
  if (tr.outer.length > 0 && tr.opts.schemaOf) ({ select: s, orderBy } = bindOuterRefs(select, orderBy, from, tr.outer, { schemaOf: tr.opts.schemaOf }, mark));
  // Correlated scalar subqueries returning several rows per outer row repeat it (explode_outer of their values).
  const repeats: Expr[] = [];
  const expand = (values: Expr): Expr => {
    const name = `__sparkless_scalar_${repeats.length}`;
    repeats.push(E.alias(E.call('explode_outer', [values]), name));
    return E.col(name);
  };
  const prepare = (e: Expr, grouped?: GroupedOuter, opts: SubqueryOptions = {}): Expr =>
    expandStarArgs(tr, subqueries(tr, resolveNamedWindows(tr, countArguments((key) => tr.conf(key), e), s.windows), from, grouped, opts), from);
  // GROUP BY keys holding subqueries are grouped by the subqueries' values, as the select list reads them.
  // Spark refuses a correlated scalar subquery in an aggregated select list outside an aggregate, unless it is grouped by.
  const aggregatedItem =
    (!!s.groupBy || s.items.some(containsAggregate)) && !s.groupBy?.all && !groupingExprs(s.groupBy).some((g) => exists(g, (x) => x.kind === 'Call' && x.fn === SUBQUERY.scalar));
  // Items named by a GROUP BY ordinal are grouped.
  const groupedOrdinals = new Set(groupingExprs(s.groupBy).flatMap((g) => (g.kind === 'Literal' && typeof g.value === 'number' ? [g.value - 1] : [])));
  if (s.groupBy && tr.opts.evaluate) s = { ...s, groupBy: mapGroupBy(s.groupBy, (e) => subqueries(tr, e, from)) };
  // Prepared items keep their place in the SELECT block (for the errors Spark positions there).
  const prepared = s.items.map((e, i) => {
    const out = prepare(e, undefined, { expand, aggregatedItem: aggregatedItem && !groupedOrdinals.has(i) });
    setSelectItemOrigin(out, selectItemOrigin(e));
    return out;
  });
  // ORDER BY is a Sort, where Spark refuses IN/EXISTS and correlated scalar subqueries (aggregated or not).
  const preparedOrder = orderBy.map((o) => prepare(o, undefined, { operator: 'Sort' }) as SortOrder);
  let starred: readonly Expr[] = prepared;
  let where = s.where ? subqueries(tr, s.where, from, undefined, { expand }) : undefined;
  if (repeats.length > 0) ({ input, items: starred } = repeatRows(tr, input, repeats, prepared));
  const filtered = where ? plan('Filter', { input, condition: where }) : input;
  // HAVING's subqueries may read aggregates over this block's columns: their values per group, with the select list's grouping.
  const grouped: GroupedOuter = Object.assign(
    (exprs: readonly Expr[]) =>
      plan('Project', { input: aggregateSelect(tr, s, filtered, [...prepared, ...exprs], undefined, []), exprs: exprs.map((_, i) => ordinalRef(prepared.length + i)) }),
    { missing: (names: readonly string[], refs: readonly string[]) => missingFromAggregate(tr, s, names, refs, aggregateSelect(tr, s, filtered, prepared, undefined, [])) },
  );
  let having = s.having ? prepare(s.having, grouped) : undefined;
  if (having && !s.groupBy && tr.conf('spark.sql.legacy.parser.havingWithoutGroupByAsWhere') === 'true') {
    where = where ? E.call('and', [where, having]) : having;
    having = undefined;
  }
  if (where) input = plan('Filter', { input, condition: where });
  const casts = checkRangeFrameTypes(tr, [...starred, ...preparedOrder], input);
  const items = castIntervalOffsets(starred, casts);
  const order = castIntervalOffsets(preparedOrder, casts);
  // Only an alias written before the last item can be referenced laterally.
  const lateral = s.aliasWritten?.slice(0, -1).some(Boolean) && tr.opts.columnsOf ? resolveLateralAliases(items, s.aliasWritten, tr.opts.columnsOf(from)) : { items };
  const build = (list: readonly Expr[]): LogicalPlan =>
    !!s.groupBy || !!having || list.some(containsAggregate) ? aggregateSelect(tr, s, input, list, having, order) : plainSelect(tr, s, input, list, order);
  if (lateral.refusal) {
    // Spark's own analysis errors (a missing GROUP BY...) come before its refusal of the reference.
    tr.opts.schemaOf?.(build(lateral.refusal.analysed));
    throw lateral.refusal.error;
  }
  return build(lateral.items);
}

/**
 * The block's input with one more column per repeating subquery (each an
 * `explode_outer` of its values, as Spark's left join repeats the outer row),
 * and the select list with `*` narrowed to the input's own columns.
 */
function repeatRows(tr: Translator, input: LogicalPlan, repeats: readonly Expr[], items: readonly Expr[]): { input: LogicalPlan; items: readonly Expr[] } {
  const columnsOf = tr.opts.columnsOf;
  if (!columnsOf) throw new NotImplementedException('correlated scalar subqueries returning several rows without a session', 'run the query through a session');
  const width = columnsOf(plan('Project', { input, exprs: [E.star()] })).length;
  const repeated = repeats.reduce<LogicalPlan>((p, g) => plan('Project', { input: p, exprs: [E.star(), g] }), input);
  const own = Array.from({ length: width }, (_, i) => ordinalRef(i));
  return { input: repeated, items: items.flatMap((i) => (i.kind === 'Star' && i.target === undefined && i.regex === undefined ? own : [i])) };
}

/** `count(*)`-like arguments: `f(t.*)` and `f(DISTINCT *)` take the relation's columns. */
export function expandStarArgs(tr: Translator, e: Expr, input: LogicalPlan): Expr {
  const columnsOf = tr.opts.columnsOf;
  if (!columnsOf || !exists(e, (x) => x.kind === 'Call' && x.args.some((a) => a.kind === 'Star'))) return e;
  const go = (x: Expr): Expr => {
    if (x.kind !== 'Call' || !x.args.some((a) => a.kind === 'Star')) return mapExpr(x, go);
    const args = x.args.flatMap((a) => {
      if (a.kind !== 'Star') return [go(a)];
      const names = columnsOf(plan('Project', { input, exprs: [a] }));
      return names.map((n) => E.col(a.target ? `${quoteName(a.target)}.${quoteName(n)}` : quoteName(n)));
    });
    const call = E.call(x.fn, args, { ...(x.distinct ? { distinct: true } : {}), ...(x.options ? { options: { ...x.options } } : {}) });
    return x.fn === 'count' && x.distinct ? named(call, () => `count(DISTINCT ${args.map(prettySql).join(', ')})`) : call;
  };
  return go(e);
}

export function resolveNamedWindows(tr: Translator, e: Expr, defs: ReadonlyMap<string, WindowSpecDef>): Expr {
  const go = (x: Expr): Expr => {
    const orderedSet = overNamedWindow.get(x);
    if (orderedSet) {
      try {
        return orderedSetAggregate(orderedSet.fn, orderedSet.pct, orderedSet.order, windowSpec(tr, orderedSet.spec, defs, new Set()), false, orderedSet.filter, orderedSet.legacyDisc);
      } catch (err) {
        const origin = originOf(x);
        if (origin) positionAnalysisError(err, origin);
        throw err;
      }
    }
    if (x.kind === 'WindowExpr') {
      const spec = windowSpec(tr, x.spec, defs, new Set());
      const out = windowExpr(go(x.fn), { ...spec, partitionBy: spec.partitionBy.map(go), orderBy: spec.orderBy.map((o) => go(o) as SortOrder) });
      // The rebuilt window keeps its text's origin: Spark positions window-level analysis errors there.
      const origin = originOf(x);
      return origin ? withOrigin(out, origin) : out;
    }
    return mapExpr(x, go);
  };
  return go(e);
}

export function windowSpec(tr: Translator, spec: WindowSpecDef, defs: ReadonlyMap<string, WindowSpecDef>, seen: Set<string>): WindowSpecDef {
  const name = namedWindowRefs.get(spec);
  if (name === undefined) return spec;
  const def = defs.get(name);
  if (!def || seen.has(name)) {
    throw analysisError(`Window specification ${name} is not defined in the WINDOW clause.`, '_LEGACY_ERROR_TEMP_1004', { windowName: name });
  }
  seen.add(name);
  return windowSpec(tr, def, defs, seen);
}

/**
 * RANGE frames with value offsets order by a number or a date (Spark rejects timestamps and strings here).
 * Returns the specs whose interval offsets are cast to their integral/decimal key's type.
 */
export function checkRangeFrameTypes(tr: Translator, exprs: readonly Expr[], input: LogicalPlan): Map<WindowSpecDef, DataType> {
  const casts = new Map<WindowSpecDef, DataType>();
  const schemaOf = tr.opts.schemaOf;
  if (!schemaOf) return casts;
  for (const e of exprs) {
    exists(e, (x) => {
      if (x.kind !== 'WindowExpr') return false;
      const f = x.spec.frame;
      const order = x.spec.orderBy[0];
      // WindowFrameCoercion casts the offsets of a RANGE frame with one ORDER BY key only.
      if (!f || f.frameType !== 'range' || !order || x.spec.orderBy.length !== 1 || (f.lower.type !== 'offset' && f.upper.type !== 'offset')) return false;
      if (containsAggregate(order.child)) return false;
      const t = schemaOf(plan('Project', { input, exprs: [order.child] })).fields[0]!.dataType;
      const origin = specOrigin(x.spec);
      const positioned = (err: Error): Error => {
        if (origin) positionAnalysisError(err, origin);
        return err;
      };
      const interval = [f.lower, f.upper].map((b) => (b.type === 'offset' ? b.interval : undefined)).find((i) => i !== undefined);
      // Spark names the window spec, not the window expression, in RANGE_FRAME_INVALID_TYPE.
      const specSql = `(${windowSpecSql(x.spec, x.fn)})`;
      const invalidType = (bound: DataType): Error =>
        positioned(analysisError(
          `Cannot resolve "${specSql}" due to data type mismatch: The data type "${t.simpleString().toUpperCase()}" used in the order specification does not match the data type "${bound.simpleString().toUpperCase()}" which is used in the range frame.`,
          'DATATYPE_MISMATCH.RANGE_FRAME_INVALID_TYPE',
        ));
      const offset = [f.lower, f.upper].find((b) => b.type === 'offset') as { value: number };
      // Offsets keep their own (integral) type where no cast to the order type exists.
      const offsetType = Math.abs(offset.value) <= 2147483647 ? INT : LONG;
      // ANSI has no cast from a number to BINARY: the offsets keep their type (RANGE_FRAME_INVALID_TYPE).
      if (t instanceof BinaryType && !interval && tr.opts.conf?.('spark.sql.ansi.enabled') === 'true') throw invalidType(offsetType);
      if (t instanceof StringType || t instanceof BinaryType || t instanceof BooleanType) {
        // WindowFrameCoercion casts the offsets to such an order type, which no frame bound may have;
        // a cast PRECEDING offset prints as its negation FOLLOWING.
        const which = f.lower.type === 'offset' ? 'lower' : 'upper';
        const cast = (b: FrameBoundary): string =>
          b.type === 'offset' && b.value < 0 ? `(- ${boundarySql({ ...b, value: -b.value }).replace(/ FOLLOWING$/, '')}) FOLLOWING` : boundarySql(b);
        throw positioned(analysisError(
          `Cannot resolve "RANGE BETWEEN ${cast(f.lower)} AND ${cast(f.upper)}" due to data type mismatch: The data type of the ${which} bound "${t.simpleString().toUpperCase()}" does not match the expected data type ("NUMERIC" or "INTERVAL DAY TO SECOND" or "INTERVAL YEAR TO MONTH" or "INTERVAL").`,
          'DATATYPE_MISMATCH.SPECIFIED_WINDOW_FRAME_UNACCEPTED_TYPE',
        ));
      }
      // The frame's own checks (bounds in order) precede the window spec's (the key's type).
      rangeOffsetsInOrder(f, t, origin);
      if (interval) {
        // Interval offsets move dates (by year-month intervals) and timestamps (by either kind).
        const ok = t instanceof TimestampType || t instanceof TimestampNTZType || (t instanceof DateType && interval instanceof YearMonthIntervalType);
        if (castsIntervalOffsets(t)) casts.set(x.spec, t);
        else if (!ok) throw invalidType(interval);
        return false;
      }
      if (isNumeric(t)) casts.set(x.spec, t);
      if (isNumeric(t) || t instanceof DateType) return false;
      // Timestamps and complex types keep the offsets' own (integral) type.
      throw invalidType(offsetType);
      return false;
    });
  }
  return casts;
}

/** SELECT without aggregation. */
export function plainSelect(tr: Translator, s: SelectAst, input: LogicalPlan, items: readonly Expr[], written: readonly SortOrder[]): LogicalPlan {
  const project = (p: LogicalPlan, exprs: readonly Expr[]): LogicalPlan => plan('Project', { input: p, exprs });
  const finish = (p: LogicalPlan): LogicalPlan => (s.distinct ? plan('Deduplicate', { input: p }) : p);
  if (written.length === 0) return finish(project(input, items));

  const aliases = aliasMap(items);
  const hasStar = items.some((i) => i.kind === 'Star');
  const outputNames = new Set<string>();
  for (const it of items) {
    if (it.kind === 'Alias') outputNames.add(it.name.toLowerCase());
    else if (it.kind === 'ColumnRef') outputNames.add(lastPart(it.name).toLowerCase());
  }
  const order = hasStar ? written : ordinalsOverMissing(tr, items, written, outputNames);
  const unqualifiedStar = items.some((i) => i.kind === 'Star' && i.target === undefined);
  const starTargets = new Set(items.filter((i) => i.kind === 'Star' && i.target !== undefined).map((i) => (i as { target: string }).target.toLowerCase()));
  const refsInOutput = (e: Expr): boolean => {
    let ok = true;
    const visit = (x: Expr): void => {
      if (x.kind === 'ColumnRef') {
        const parts = x.name.split('.');
        const inOutput =
          unqualifiedStar ||
          (parts.length === 1 && outputNames.has(x.name.toLowerCase())) ||
          (parts.length >= 2 && (starTargets.has(parts[0]!.toLowerCase()) || items.some((it) => it.kind === 'ColumnRef' && it.name.toLowerCase() === x.name.toLowerCase())));
        if (!inOutput) ok = false;
        return;
      }
      childrenOf(x).forEach(visit);
    };
    visit(e);
    return ok;
  };

  // 1. every key resolvable on the select output: sort above the projection
  const above = order.map((o) => {
    const n = tr.orderOrdinal(o.child);
    if (n !== undefined) return E.sort(tr.ordinalRefChecked(n, hasStar ? tr.opts.columnsOf?.(project(input, items)).length : items.length), o.ascending, o.nullsFirst);
    return refsInOutput(o.child) && !containsWindow(o.child) && resolvesOver(tr, project(input, items), o.child) ? o : undefined;
  });
  if (above.every((x) => x !== undefined)) {
    return plan('Sort', { input: finish(project(input, items)), orders: above as SortOrder[] });
  }
  if (s.distinct) {
    // Spark requires DISTINCT sort keys to be selected; let the analyzer report the missing column.
    return plan('Sort', { input: finish(project(input, items)), orders: above.map((x, i) => x ?? order[i]!) });
  }

  // 2. a row-wise projection: sort its input instead, with aliases and ordinals replaced by their expressions
  const rowWise = !items.some((i) => containsWindow(i) || isGeneratorItem(i));
  const starBefore = (n: number): boolean => items.slice(0, n).some((i) => i.kind === 'Star');
  if (rowWise && order.every((o) => tr.orderOrdinal(o.child) === undefined || !starBefore(tr.orderOrdinal(o.child)!))) {
    const below = order.map((o) => {
      const n = tr.orderOrdinal(o.child);
      if (n !== undefined) {
        tr.ordinalRefChecked(n, items.length);
        return E.sort(stripAlias(items[n - 1]!), o.ascending, o.nullsFirst);
      }
      return E.sort(substituteAliases(o.child, aliases), o.ascending, o.nullsFirst);
    });
    return project(plan('Sort', { input, orders: below }), items);
  }

  // 3. hidden sort columns computed next to the select list, dropped after sorting
  return sortWithHidden(tr, input, items, order, above);
}

/**
 * Spark 3.5 adds the columns other sort keys use but the select list lacks to the projection
 * before it reads ordinals, so `SELECT a ... ORDER BY 2, b` sorts by `b` (the range reported
 * counts those columns too).
 */
function ordinalsOverMissing(tr: Translator, items: readonly Expr[], order: readonly SortOrder[], outputNames: ReadonlySet<string>): readonly SortOrder[] {
  const missing: Expr[] = [];
  for (const o of order) {
    if (tr.orderOrdinal(o.child) !== undefined) continue;
    exists(o.child, (x) => {
      if (x.kind === 'ColumnRef' && !outputNames.has(lastPart(x.name).toLowerCase()) && !missing.some((m) => exprKey(m) === exprKey(x))) missing.push(x);
      return false;
    });
  }
  return order.map((o) => {
    const n = tr.orderOrdinal(o.child);
    if (n === undefined || n <= items.length || missing.length === 0) return o;
    tr.ordinalRefChecked(n, items.length + missing.length);
    return E.sort(missing[n - items.length - 1]!, o.ascending, o.nullsFirst);
  });
}

/**
 * Whether a qualified reference in `e` still resolves over `p` (a `t.k`
 * hidden by a USING join does not survive `SELECT *`; the key is then sorted
 * below the projection). Unqualified names are decided by the caller.
 */
export function resolvesOver(tr: Translator, p: LogicalPlan, e: Expr): boolean {
  const columnsOf = tr.opts.columnsOf;
  if (!columnsOf || !exists(e, (x) => x.kind === 'ColumnRef' && x.name.includes('.'))) return true;
  try {
    columnsOf(plan('Project', { input: p, exprs: [e] }));
    return true;
  } catch {
    return false;
  }
}

/** Project(items + hidden keys) → Sort → Project(items only). */
export function sortWithHidden(tr: Translator, input: LogicalPlan, items: readonly Expr[], order: readonly SortOrder[], above: readonly (SortOrder | undefined)[]): LogicalPlan {
  const hidden: Expr[] = [];
  const orders = order.map((o, i) => {
    const a = above[i];
    if (a) return a;
    const name = `__sparkless_sort_${hidden.length}`;
    hidden.push(E.alias(o.child, name));
    return E.sort(E.col(name), o.ascending, o.nullsFirst);
  });
  const first = plan('Project', { input, exprs: [...items, ...hidden] });
  let width: number;
  if (items.some((i) => i.kind === 'Star' || isGeneratorItem(i))) {
    const columnsOf = tr.opts.columnsOf;
    if (!columnsOf) throw new NotImplementedException('SQL ORDER BY on unselected columns with * and window functions', 'run the query through a session');
    width = columnsOf(first).length - hidden.length;
  } else {
    width = items.length;
  }
  const sorted = plan('Sort', { input: first, orders });
  return plan('Project', { input: sorted, exprs: Array.from({ length: width }, (_, i) => ordinalRef(i)) });
}
