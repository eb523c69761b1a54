/**
 * Joins: resolves the condition over both inputs, rewrites `using` joins into
 * condition joins plus the key-first projection Spark produces, and extracts
 * equi-join keys so backends can hash-join.
 */
import { AnalysisException } from '../errors/index.js';
import { E, children, mapChildren, typeOf, type Call, type Expr } from '../expr/nodes.js';
import { plan, withProps, type LogicalPlan, type PlanOfKind } from '../plan/nodes.js';
import { findWiderCommonType } from '../types/coercion.js';
import { assertNoAggregate } from './analyzer.js';
import { nameExpr } from './analyze-project.js';
import { coerceTo, resolveCall } from './resolve-call.js';
import { requireBoolean, resolveExpr } from './resolve-expr.js';
import { rewriteOperator } from './operator-coercion.js';
import { hiddenLast, namesEqual, schemaFromAttributes, type AnalyzerContext, type Analyzed, type Attribute } from './scope.js';

export function analyzeJoin(p: PlanOfKind<'Join'>, left: Analyzed, right: Analyzed, ctx: AnalyzerContext): Analyzed {
  if (p.using && p.using.length > 0) return analyzeUsingJoin(p, left, right, ctx);
  // Hidden USING-join keys of the inputs stay reachable (`t2.k`), after the visible columns.
  return hiddenLast(joinInOrder(p, left, right, ctx));
}

/** The join with left columns then right columns, hidden ones where their input has them. */
function joinInOrder(p: PlanOfKind<'Join'>, left: Analyzed, right: Analyzed, ctx: AnalyzerContext): Analyzed {
  const nl = left.attrs.length;
  const both = [...left.attrs, ...right.attrs];
  let condition: Expr | undefined;
  if (p.condition) {
    condition = requireBoolean(resolveExpr(p.condition, { attrs: both, ctx }));
    assertNoAggregate(condition, 'JOIN');
  }
  const { leftKeys, rightKeys, nullSafeKeys, residual } = extractEquiKeys(condition, nl);
  const attrs = joinOutput(p.joinType, left.attrs, right.attrs);
  const broadcast = p.broadcast ?? (isBroadcastHint(p.right) ? 'right' : isBroadcastHint(p.left) ? 'left' : undefined);
  const node = withProps(p, {
    broadcast,
    left: left.plan,
    right: right.plan,
    leftKeys,
    rightKeys,
    nullSafeKeys,
    ...(residual ? { condition: residual } : { condition: undefined }),
    using: undefined,
    schema: schemaFromAttributes(attrs),
  });
  return { plan: stripUndefined(node), attrs };
}

/** Left columns then right columns; the outer side(s) become nullable; semi/anti keep the left only. */
function joinOutput(type: PlanOfKind<'Join'>['joinType'], l: readonly Attribute[], r: readonly Attribute[]): Attribute[] {
  const nullable = (as: readonly Attribute[], yes: boolean) => (yes ? as.map((a) => ({ ...a, nullable: true })) : [...as]);
  switch (type) {
    case 'left_semi':
    case 'left_anti':
      return [...l];
    case 'left':
      return [...l, ...nullable(r, true)];
    case 'right':
      return [...nullable(l, true), ...r];
    case 'full':
      return [...nullable(l, true), ...nullable(r, true)];
    default:
      return [...l, ...r];
  }
}

const refsOnly = (e: Expr, pred: (i: number) => boolean): boolean =>
  e.kind === 'BoundRef' ? pred(e.index) : e.kind === 'Literal' ? true : children(e).every((c) => refsOnly(c, pred)) && hasRef(e);
const hasRef = (e: Expr): boolean => e.kind === 'BoundRef' || children(e).some(hasRef);

function conjuncts(e: Expr): Expr[] {
  return e.kind === 'Call' && e.fn === 'and' ? e.args.flatMap(conjuncts) : [e];
}

/** Re-bases BoundRefs of a right-side expression onto the right input alone. */
function shift(e: Expr, by: number): Expr {
  if (e.kind === 'BoundRef') return E.bound(e.index - by, e.name, e.dataType, e.nullable);
  return mapChildren(e, (c) => shift(c, by));
}

/** Splits `a = b AND ...` into hash keys (one side per input) and a residual predicate. */
export function extractEquiKeys(condition: Expr | undefined, nl: number) {
  const leftKeys: Expr[] = [];
  const rightKeys: Expr[] = [];
  const nullSafeKeys: boolean[] = [];
  const rest: Expr[] = [];
  for (const c of condition ? conjuncts(condition) : []) {
    if (c.kind === 'Call' && (c.fn === 'eq' || c.fn === 'eq_null_safe')) {
      const [a, b] = c.args as [Expr, Expr];
      const isLeft = (i: number) => i < nl;
      const isRight = (i: number) => i >= nl;
      if (refsOnly(a, isLeft) && refsOnly(b, isRight)) {
        leftKeys.push(a);
        rightKeys.push(shift(b, nl));
        nullSafeKeys.push(c.fn === 'eq_null_safe');
        continue;
      }
      if (refsOnly(a, isRight) && refsOnly(b, isLeft)) {
        leftKeys.push(b);
        rightKeys.push(shift(a, nl));
        nullSafeKeys.push(c.fn === 'eq_null_safe');
        continue;
      }
    }
    rest.push(c);
  }
  const residual = rest.length === 0 ? undefined : rest.reduce((acc, c) => resolveCall(E.call('and', [acc, c]), [acc, c]));
  return { leftKeys, rightKeys, nullSafeKeys, residual };
}

/**
 * `df.join(other, ['k'])`: equality on each key, then the projection Spark
 * gives: the keys first (coalesced for full joins, right's for right joins),
 * then the other left columns, then the other right columns.
 */
function analyzeUsingJoin(p: PlanOfKind<'Join'>, left: Analyzed, right: Analyzed, ctx: AnalyzerContext): Analyzed {
  const cs = ctx.caseSensitive;
  const nl = left.attrs.length;
  const find = (attrs: readonly Attribute[], name: string, side: string): number => {
    const hits = attrs.map((a, i) => ({ a, i })).filter(({ a }) => !a.hidden && namesEqual(a.name, name, cs));
    if (hits.length === 0) {
      throw new AnalysisException(
        `USING column \`${name}\` cannot be resolved on the ${side} side of the join. The ${side}-side columns: [${attrs.map((a) => `\`${a.name}\``).join(', ')}].`,
        { errorClass: 'UNRESOLVED_USING_COLUMN_FOR_JOIN', messageParameters: { colName: `\`${name}\``, side } },
      );
    }
    if (hits.length > 1) {
      throw new AnalysisException(`Reference \`${name}\` is ambiguous, could be: [${hits.map((h) => `\`${h.a.name}\``).join(', ')}].`, {
        errorClass: 'AMBIGUOUS_REFERENCE',
      });
    }
    return hits[0]!.i;
  };
  const keys = p.using!.map((name) => ({ l: find(left.attrs, name, 'left'), r: find(right.attrs, name, 'right') }));
  const both = [...left.attrs, ...right.attrs];
  const ref = (i: number) => E.bound(i, both[i]!.name, both[i]!.dataType, both[i]!.nullable);
  const ansi = ctx.ansiEnabled === true;
  const resolve = (c: Call, a: readonly Expr[]): Expr => resolveCall(c, a, ansi);
  // Keys compare as `l = r` would in a query (under ANSI a string key next to a number is BIGINT).
  const conds = keys.map(({ l, r }) => {
    const args = [ref(l), ref(nl + r)];
    const eq = E.call('eq', args);
    return rewriteOperator(eq, args, resolve, ansi) ?? resolve(eq, args);
  });
  const condition = conds.reduce((acc, c) => resolveCall(E.call('and', [acc, c]), [acc, c]));
  const joined = joinInOrder(
    withProps(p, { using: undefined, condition }) as PlanOfKind<'Join'>,
    left,
    right,
    ctx,
  );
  const jt = p.joinType;
  const ja = joined.attrs;
  const keyExprs: Expr[] = keys.map(({ l, r }) => {
    const la = ja[l]!;
    if (jt === 'left_semi' || jt === 'left_anti' || jt === 'inner' || jt === 'left' || jt === 'cross') return E.bound(l, la.name, la.dataType, la.nullable);
    const ra = ja[nl + r]!;
    if (jt === 'right') return E.bound(nl + r, ra.name, ra.dataType, ra.nullable);
    const t = findWiderCommonType(la.dataType, ra.dataType, ansi) ?? la.dataType;
    const args = [coerceTo(E.bound(l, la.name, la.dataType, true), t, ansi), coerceTo(E.bound(nl + r, ra.name, ra.dataType, true), t, ansi)];
    return nameExpr(resolveCall(E.call('coalesce', args) as Call, args), la.name);
  });
  const leftKeySet = new Set(keys.map((k) => k.l));
  const rightKeySet = new Set(keys.map((k) => k.r));
  const bound = (i: number): Expr => E.bound(i, ja[i]!.name, ja[i]!.dataType, ja[i]!.nullable);
  const existence = jt === 'left_semi' || jt === 'left_anti';
  const others: Expr[] = [
    ...left.attrs.map((_, i) => i).filter((i) => !leftKeySet.has(i) && !left.attrs[i]!.hidden).map(bound),
    ...(existence ? [] : right.attrs.map((_, i) => nl + i).filter((i) => !rightKeySet.has(i - nl) && !ja[i]!.hidden).map(bound)),
  ];
  // Spark keeps the key columns not shown addressable by qualifier: the right keys of inner and
  // left joins, the left keys of right joins, both for full joins; and the inputs' hidden keys.
  const hiddenKeys =
    jt === 'right' ? keys.map((k) => k.l) : jt === 'full' ? [...keys.map((k) => k.l), ...keys.map((k) => nl + k.r)] : existence ? [] : keys.map((k) => nl + k.r);
  const inherited = [...left.attrs.map((_, i) => i), ...(existence ? [] : right.attrs.map((_, i) => nl + i))].filter((i) => ja[i]!.hidden);
  const hiddenIdx = [...hiddenKeys, ...inherited];
  const exprs = [...keyExprs, ...others, ...hiddenIdx.map(bound)];
  const attrs: Attribute[] = exprs.map((e, at) => {
    if (at >= keyExprs.length + others.length) return { ...ja[hiddenIdx[at - keyExprs.length - others.length]!]!, hidden: true };
    if (e.kind === 'BoundRef') return ja[e.index]!;
    // A full join's coalesced key belongs to neither side (no qualifier, no DataFrame): `t.k` and
    // `df.col('k')` reach each side's hidden key.
    return { ...ja[keys[keyExprs.indexOf(e)]!.l]!, qualifiers: [], dataType: typeOf(e), nullable: e.nullable ?? true, planIds: new Set<number>() };
  });
  const project = withProps(plan('Project', { input: joined.plan, exprs }), { schema: schemaFromAttributes(attrs) });
  return { plan: project as LogicalPlan, attrs };
}

/** `broadcast(df)` / `df.hint('broadcast')` on a join input (Spark also accepts BROADCASTJOIN and MAPJOIN). */
function isBroadcastHint(p: LogicalPlan): boolean {
  return p.kind === 'Hint' && ['broadcast', 'broadcastjoin', 'mapjoin'].includes(p.name.toLowerCase());
}

function stripUndefined<T extends object>(o: T): T {
  return Object.freeze(Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined))) as T;
}
