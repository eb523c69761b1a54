/**
 * Spark's TimeWindowing and SessionWindowing rules: a `window(...)` or
 * `session_window(...)` call in a projection or aggregation is computed below
 * it, in a plan of its own, and the call becomes a reference to that column:
 *  - tumbling window: Filter(time IS NOT NULL) then a Project adding the
 *    (non-null) `window` struct;
 *  - sliding window: a Generate exploding each row into every window holding
 *    its time (Spark's Expand; the column is nullable, as Spark reports it);
 *  - session window: a Project adding the row's own session [t, t + gap),
 *    then a Filter dropping rows without one (null time, bad or non-positive
 *    gap); as a grouping key, a Window node merges the sessions of each key
 *    (`merge_sessions`, ordered by start) before the aggregation.
 * The column carries Spark's window metadata, which `window_time` requires.
 */
import { AnalysisException } from '../errors/index.js';
import { E, children, mapChildren, typeOf, type Call, type Expr } from '../expr/nodes.js';
import { exprKey } from '../expr/key.js';
import { notAWindowColumn, SESSION_WINDOW_MARKER, TIME_WINDOW_MARKER } from '../functions/defs/time-window.js';
import { plan, withProps, type LogicalPlan } from '../plan/nodes.js';
import { ArrayType, type DataType } from '../types/data-types.js';
import { parseDurationMicros } from '../types/intervals.js';
import { resolveCall } from './resolve-call.js';
import { exprSql } from '../expr/naming.js';
import { schemaFromAttributes, type Analyzed, type Attribute } from './scope.js';

const isTimeWindowCall = (e: Expr): e is Call => e.kind === 'Call' && (e.fn === 'window' || e.fn === 'session_window');

function collect(e: Expr, out: Map<string, Call>): void {
  if (isTimeWindowCall(e)) out.set(exprKey(e), e);
  else children(e).forEach((c) => collect(c, out));
}

/** A Filter keeping `input`'s attributes (with `nonNull` now reported non-nullable). */
function filtered(input: Analyzed, condition: Expr, nonNull?: number): Analyzed {
  const attrs = nonNull === undefined ? input.attrs : input.attrs.map((a, i) => (i === nonNull ? { ...a, nullable: false } : a));
  const node = withProps(plan('Filter', { input: input.plan, condition }), { schema: schemaFromAttributes(attrs) });
  return { plan: node as LogicalPlan, attrs };
}

const refs = (attrs: readonly Attribute[]): Expr[] => attrs.map((a, i) => E.bound(i, a.name, a.dataType, a.nullable));

function newAttr(name: string, dataType: DataType, nullable: boolean, marker: string): Attribute {
  // Hidden: `*` was expanded before; hidden attributes also stay after the visible ones.
  return { name, dataType, nullable, metadata: { [marker]: true }, qualifiers: [], planIds: new Set<number>(), hidden: true };
}

/** Input + the call's column as a Project. */
function projected(input: Analyzed, call: Call, attr: Attribute): Analyzed {
  const attrs = [...input.attrs, attr];
  const exprs = [...refs(input.attrs), Object.freeze({ ...E.alias(call, attr.name), dataType: attr.dataType, nullable: attr.nullable })];
  return { plan: withProps(plan('Project', { input: input.plan, exprs }), { schema: schemaFromAttributes(attrs) }) as LogicalPlan, attrs };
}

function timeWindowInput(input: Analyzed, call: Call): Analyzed {
  const ts = call.args[0]!;
  const struct = typeOf(call);
  const attr = newAttr('window', struct, false, TIME_WINDOW_MARKER);
  if (!isSliding(call)) return projected(filtered(input, resolveCall(E.call('is_not_null', [ts]), [ts])), call, attr);
  // Each row becomes one row per window holding its time (none for a null time).
  const windows = Object.freeze({ ...call, options: { ...call.options, expand: true }, dataType: new ArrayType(struct, true), nullable: true });
  const generator = resolveCall(E.call('explode', [windows]), [windows]);
  const attrs = [...input.attrs, { ...attr, nullable: true }];
  const node = plan('Generate', { input: input.plan, generator, outer: false, outputNames: ['window'] });
  return { plan: withProps(node, { schema: schemaFromAttributes(attrs) }) as LogicalPlan, attrs };
}

/** A slide duration shorter than the window (both literal duration texts, checked by the definition). */
function isSliding(call: Call): boolean {
  const micros = (i: number): number | undefined => {
    const a = call.args[i];
    return a?.kind === 'Literal' ? parseDurationMicros(String(a.value)) : undefined;
  };
  return call.args.length > 2 && micros(2) !== micros(1);
}

function sessionWindowInput(input: Analyzed, call: Call, partitionBy: readonly Expr[] | undefined): Analyzed {
  const n = input.attrs.length;
  const attr = newAttr('session_window', typeOf(call), true, SESSION_WINDOW_MARKER);
  const withSession = projected(input, call, attr);
  const ref = E.bound(n, attr.name, attr.dataType, true);
  const kept = filtered(withSession, resolveCall(E.call('is_not_null', [ref]), [ref]), n);
  if (!partitionBy) return kept;
  // As a grouping key: each row's session becomes the merged session of its key holding it.
  const rowSession = E.bound(n, attr.name, attr.dataType, false);
  const merge = resolveCall(E.call('merge_sessions', [rowSession]), [rowSession]);
  const windowExpr = Object.freeze({ ...E.window(merge, { partitionBy, orderBy: [E.sort(rowSession)] }), dataType: attr.dataType, nullable: false });
  const merged: Attribute = { ...attr, nullable: false };
  const attrs = [...kept.attrs, merged];
  const alias = Object.freeze({ ...E.alias(windowExpr, '_w0'), dataType: attr.dataType, nullable: false });
  const node = withProps(plan('Window', { input: kept.plan, windowExprs: [alias] }), { schema: schemaFromAttributes(attrs) });
  return { plan: node as LogicalPlan, attrs };
}

/**
 * Moves the time window of `exprs` (resolved over `input`) below them. For an
 * aggregation, `groupingKeys` is how many of `exprs` are its grouping keys.
 */
export function extractTimeWindows(exprs: readonly Expr[], input: Analyzed, groupingKeys?: number): { base: Analyzed; exprs: Expr[] } {
  // Most expressions have none of these calls: one walk to say so, instead of collecting and checking.
  if (!exprs.some(mentionsWindowCall)) return { base: input, exprs: [...exprs] };
  const found = new Map<string, Call>();
  exprs.forEach((e) => collect(e, found));
  if (found.size === 0) {
    exprs.forEach((e) => checkWindowTime(e, input.attrs));
    return { base: input, exprs: [...exprs] };
  }
  if (found.size > 1) {
    throw new AnalysisException('Multiple time/session window expressions would result in a cartesian product of rows, therefore they are currently not supported.');
  }
  const [key, call] = [...found.entries()][0]!;
  let base: Analyzed;
  if (call.fn === 'window') {
    base = timeWindowInput(input, call);
  } else {
    const keys = groupingKeys === undefined ? undefined : exprs.slice(0, groupingKeys);
    const grouped = keys?.some((k) => found.has(exprKey(k.kind === 'Alias' ? k.child : k)));
    base = sessionWindowInput(input, call, grouped ? keys!.filter((k) => !exists(k, key)) : undefined);
  }
  const at = base.attrs.length - 1;
  const col = base.attrs[at]!;
  const out = exprs.map(windowColumnFor(key, col, at));
  out.forEach((e) => checkWindowTime(e, base.attrs));
  return { base, exprs: out };
}

/**
 * GROUP BY window(...) / session_window(...): the window column computed below
 * the aggregation before its other expressions are resolved, so they can name
 * it (`window.start`, `session_window.end`, as in SQL) and their own copies of
 * the grouping call become references to it. Undefined when no key has one.
 */
export function groupingTimeWindow(
  keys: readonly Expr[],
  input: Analyzed,
): { base: Analyzed; keys: Expr[]; scope: readonly Attribute[]; replace: (e: Expr) => Expr } | undefined {
  const found = new Map<string, Call>();
  keys.forEach((e) => collect(e, found));
  if (found.size !== 1) return undefined;
  const { base, exprs } = extractTimeWindows(keys, input, keys.length);
  const [key] = [...found.keys()];
  const at = base.attrs.length - 1;
  const replace = windowColumnFor(key!, base.attrs[at]!, at);
  // The window column answers to its name; the session-window column it was merged from does not.
  const scope = base.attrs.map((a, i) => (i === at ? { ...a, hidden: false } : a));
  return { base, keys: exprs, scope, replace };
}

/** Replaces the window call of `key` by a reference to its column `col` (at `at`); an alias of it takes the column's type. */
function windowColumnFor(key: string, col: Attribute, at: number): (e: Expr) => Expr {
  const ref = E.bound(at, col.name, col.dataType, col.nullable);
  const replace = (e: Expr): Expr => {
    if (e.kind === 'Alias' && isTimeWindowCall(e.child) && exprKey(e.child) === key) {
      return Object.freeze({ ...e, child: ref, dataType: col.dataType, nullable: col.nullable, metadata: e.metadata ?? col.metadata });
    }
    if (isTimeWindowCall(e) && exprKey(e) === key) return ref;
    return mapChildren(e, replace);
  };
  return replace;
}

const mentionsWindowCall = (e: Expr): boolean =>
  (e.kind === 'Call' && (e.fn === 'window' || e.fn === 'session_window' || e.fn === 'window_time')) || children(e).some(mentionsWindowCall);

function exists(e: Expr, key: string): boolean {
  return (isTimeWindowCall(e) && exprKey(e) === key) || children(e).some((c) => exists(c, key));
}

/** window_time takes only a column made by window or session_window (Spark checks its metadata). */
function checkWindowTime(e: Expr, attrs: readonly Attribute[]): void {
  if (e.kind === 'Call' && e.fn === 'window_time') {
    const arg = e.args[0]!;
    const meta = arg.kind === 'BoundRef' ? attrs[arg.index]?.metadata : undefined;
    if (!meta?.[TIME_WINDOW_MARKER] && !meta?.[SESSION_WINDOW_MARKER]) throw notAWindowColumn(exprSql(e));
  }
  children(e).forEach((c) => checkWindowTime(c, attrs));
}
