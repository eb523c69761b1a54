/**
 * Window: one new column per window expression, rows in Spark's output order
 * (plan/window-output-order.ts).
 *
 * Polars' `over(partition)` has no ORDER BY in this binding, so for an
 * ordered spec the frame is sorted by the order keys (ties broken by the
 * input row index `_wi`, i.e. a stable sort), the values are computed with
 * partition-wise cumulative/shift operations under `over`, and the frame is
 * sorted into Spark's output order at the end (input order breaking ties).
 * The sorts are unstable: `_wi` makes their keys unique, so stability would
 * only cost time, and keys already unique from the data (key-repeats.ts) need
 * no `_wi`. Under an aggregate that cannot see row order (a global count, sum,
 * max), Polars' optimizer drops the final sort itself. Peer groups (rows with equal order keys)
 * give RANGE frames and rank/dense_rank/cume_dist their Spark meaning.
 *
 * Natively: ranking functions, lag/lead with literal offsets, and aggregates
 * over the whole partition or a running frame (UNBOUNDED PRECEDING to
 * CURRENT ROW, ROWS or RANGE). Other frames, DISTINCT and the remaining
 * functions are delegated.
 */
import type { Alias, Call, Expr, SortOrder, WindowExpr, WindowFrame, WindowSpecDef } from '../../../expr/nodes.js';
import { typeOf } from '../../../expr/nodes.js';
import type { Window } from '../../../plan/nodes.js';
import { ArrayType, BinaryType, DataType, DateType, DecimalType, DoubleType, FloatType, MapType, StructType, TimestampType } from '../../../types/data-types.js';
import { delegate } from '../delegation.js';
import { isAggregateFunction, isConstant } from '../expression-translator.js';
import { lookupPolarsFunction } from '../functions/index.js';
import { foldNegativeZero } from '../functions/operators.js';
import { colName } from '../input.js';
import type { NativeExpr, NativeLazyFrame } from '../native.js';
import { colRef, exactDiv, f64, i64, ifElse, nullOf } from '../nx.js';
import { PL, integralBits } from '../type-mapper.js';
import { keysNeverRepeat } from './key-repeats.js';
import { sortFrame, sortKey } from './sort.js';
import type { Frame, OperatorEnv } from './types.js';
import { sortByExprs } from '../binding-compat.js';
import { windowOutputOrder } from '../../../plan/window-output-order.js';

const WI = '_wi';
const isFloat = (t: DataType): boolean => t instanceof DoubleType || t instanceof FloatType;

function specKey(spec: WindowSpecDef): string {
  return JSON.stringify({ p: spec.partitionBy, o: spec.orderBy, f: spec.frame ?? null }, (_k, v: unknown) =>
    typeof v === 'bigint' ? `${v}n` : v instanceof DataType ? v.simpleString() : v,
  );
}

type FrameKind = 'whole' | 'runningRows' | 'runningRange';

function frameKind(spec: WindowSpecDef): FrameKind | undefined {
  const f: WindowFrame | undefined = spec.frame;
  const ordered = spec.orderBy.length > 0;
  if (!f) return ordered ? 'runningRange' : 'whole';
  if (f.lower.type === 'unboundedPreceding' && f.upper.type === 'unboundedFollowing') return 'whole';
  if (f.lower.type === 'unboundedPreceding' && f.upper.type === 'currentRow') {
    if (!ordered) return 'whole';
    return f.frameType === 'rows' ? 'runningRows' : 'runningRange';
  }
  return undefined;
}

/** Null-safe "differs": null vs null is equal, NaN vs NaN is equal (Polars' total order). */
function differs(a: NativeExpr, b: NativeExpr): NativeExpr {
  return a.neq(b).fillNull(a.isNull().xor(b.isNull()));
}

export function window(plan: Window, input: Frame, env: OperatorEnv): NativeLazyFrame {
  const pl = env.pl;
  const tr = env.translator(input.schema);
  const n = input.schema.fields.length;
  const col = (name: string): NativeExpr => colRef(name);

  const groups = new Map<string, { spec: WindowSpecDef; items: { alias: Alias; w: WindowExpr; out: number }[] }>();
  plan.windowExprs.forEach((a, j) => {
    const w = a.child;
    if (w.kind !== 'WindowExpr') delegate('window column that is not a window expression');
    const key = specKey(w.spec);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { spec: w.spec, items: [] }));
    g.items.push({ alias: a, w, out: n + j });
  });

  let lf = input.lf;
  const anyOrdered = [...groups.values()].some((g) => g.spec.orderBy.length > 0);
  const outputOrder = windowOutputOrder(plan.windowExprs);
  // Order keys no two rows share (key-repeats.ts) need no input-order tie-breaker.
  const unique = (orders: readonly SortOrder[]): boolean => keysNeverRepeat(plan.input, orders.map((o) => o.child), pl);
  const tied = [...groups.values()].some((g) => g.spec.orderBy.length > 0 && !unique(g.spec.orderBy));
  const outputTied = outputOrder.length > 0 && !unique(outputOrder);
  if (tied || outputTied || (anyOrdered && outputOrder.length === 0)) lf = lf.withRowIndex(WI, 0);

  let s = 0;
  for (const { spec, items } of groups.values()) {
    s++;
    const kind = frameKind(spec);
    const P = spec.partitionBy.map((e) => {
      const t = typeOf(e);
      if (t instanceof MapType || t instanceof BinaryType) delegate(`window partition by ${t.simpleString()}`);
      const x = tr.tr(e);
      return isFloat(t) ? foldNegativeZero(x, t) : x;
    });
    const over = (e: NativeExpr): NativeExpr => (P.length > 0 ? e.over(P) : e);
    const ordered = spec.orderBy.length > 0;
    const RN = `_rn${s}`;
    const NP = `_np${s}`;
    const LAST = `_lp${s}`;
    const SZ = `_sz${s}`;
    const PID = `_pid${s}`;
    // Helper columns are computed only when a lowering asks for them.
    const need = { rn: false, np: false, last: false, size: false, pid: false };
    const staged: NativeExpr[] = [];
    const stage = (e: NativeExpr): NativeExpr => {
      const name = `_st${s}_${staged.length}`;
      staged.push(e.alias(name));
      return col(name);
    };
    const ctx: WinCtx = {
      env,
      tr,
      over,
      get rn() {
        need.rn = true;
        return col(RN);
      },
      get np() {
        need.np = true;
        return col(NP);
      },
      get last() {
        need.last = true;
        return col(LAST);
      },
      get size() {
        need.size = true;
        return col(SZ);
      },
      get peerGroup() {
        need.pid = true;
        return [...P, col(PID)];
      },
      stage,
      kind,
      ordered,
    };
    const finals = items.map((it) => lowerWindow(it.w, ctx).alias(colName(it.out)));
    if (ordered) {
      if (need.last || need.pid) need.np = true;
      if (need.np) need.rn = true;
      // A key that reads no column never changes (and is a Polars scalar that `shift` would turn to null).
      const keys = spec.orderBy.filter((o) => !isConstant(o.child)).map((o) => sortKey(tr, o.child));
      lf = unique(spec.orderBy) ? sortFrame(lf, spec.orderBy, tr, plan.input, undefined, 'unique') : sortFrame(lf, spec.orderBy, tr, plan.input, col(WI));
      const first: NativeExpr[] = [];
      if (need.rn) first.push(over(pl.intRange({ _expr: i64(1) }, { _expr: pl.len().cast(PL.Int64, true).add(i64(1)) }, 1, PL.Int64)).alias(RN));
      if (need.size) first.push(over(pl.len()).cast(PL.Int64, true).alias(SZ));
      if (first.length > 0) lf = lf.withColumns(first);
      if (need.np) {
        // A row starts a peer group when it is first in its partition or any order key changes.
        let changed: NativeExpr | undefined;
        for (const k of keys) {
          const d = differs(k, over(k.shift(i64(1))));
          changed = changed ? changed.or(d) : d;
        }
        const starts = col(RN).eq(i64(1));
        lf = lf.withColumns([(changed ? starts.or(changed) : starts).alias(NP)]);
      }
      const third: NativeExpr[] = [];
      if (need.last) third.push(over(col(NP).shift(i64(-1))).fillNull(pl.lit(true)).alias(LAST));
      if (need.pid) third.push(over(col(NP).cast(PL.Int64, true).cumSum(false)).alias(PID));
      if (third.length > 0) lf = lf.withColumns(third);
    }
    if (staged.length > 0) lf = lf.withColumns(staged);
    lf = lf.withColumns(finals);
  }
  // Rows back in Spark's output order.
  if (outputOrder.length > 0) lf = outputTied ? sortFrame(lf, outputOrder, tr, plan.input, col(WI)) : sortFrame(lf, outputOrder, tr, plan.input, undefined, 'unique');
  else if (anyOrdered) lf = sortByExprs(lf, [col(WI)], false, false, false);
  return lf.select(Array.from({ length: n + plan.windowExprs.length }, (_, i) => col(colName(i))));
}

interface WinCtx {
  readonly env: OperatorEnv;
  readonly tr: ReturnType<OperatorEnv['translator']>;
  readonly over: (e: NativeExpr) => NativeExpr;
  /** 1-based row number in the sorted partition (ordered specs only). */
  readonly rn: NativeExpr;
  /** First row of its peer group. */
  readonly np: NativeExpr;
  /** Last row of its peer group. */
  readonly last: NativeExpr;
  /** Partition size. */
  readonly size: NativeExpr;
  /** Partition keys plus the peer-group number: `over` these addresses one peer group. */
  readonly peerGroup: readonly NativeExpr[];
  /** Computes `e` as a column before the final expressions and returns a reference to it. */
  readonly stage: (e: NativeExpr) => NativeExpr;
  readonly kind: FrameKind | undefined;
  readonly ordered: boolean;
}

function litInt(e: Expr | undefined): number | undefined {
  return e && e.kind === 'Literal' && typeof e.value === 'number' ? e.value : undefined;
}

function lowerWindow(w: WindowExpr, c: WinCtx): NativeExpr {
  const fn = w.fn;
  if (fn.kind !== 'Call') return delegate('window function that is not a call');
  const impl = lookupPolarsFunction(fn.fn);
  if (!impl || impl.delegated) delegate(`window function ${fn.fn}${impl?.delegated ? `: ${impl.delegated}` : ''}`);
  if (isAggregateFunction(fn.fn)) return lowerAggregate(fn, c);
  if (!c.ordered) delegate(`${fn.fn} without ORDER BY`);
  const pl = c.env.pl;
  const { over, rn, np, last, size } = c;
  const fill = (e: NativeExpr, how: 'f' | 'b'): NativeExpr => over(how === 'f' ? e.forwardFill() : e.backwardFill());
  switch (fn.fn) {
    case 'row_number':
      return rn.cast(PL.Int32, true);
    case 'rank':
      return fill(ifElse(np, rn, pl.lit(null).cast(PL.Int64, true)), 'f').cast(PL.Int32, true);
    case 'dense_rank':
      return over(np.cast(PL.Int32, true).cumSum(false)).cast(PL.Int32, true);
    case 'percent_rank': {
      const rank = fill(ifElse(np, rn, pl.lit(null).cast(PL.Int64, true)), 'f');
      return ifElse(size.eq(i64(1)), f64(0), exactDiv(rank.sub(i64(1)).cast(PL.Float64, true), size.sub(i64(1)).cast(PL.Float64, true)));
    }
    case 'cume_dist': {
      const upto = fill(ifElse(last, rn, pl.lit(null).cast(PL.Int64, true)), 'b');
      return exactDiv(upto.cast(PL.Float64, true), size.cast(PL.Float64, true));
    }
    case 'ntile': {
      const k = litInt(fn.args[0]);
      if (k === undefined || k <= 0) delegate('ntile with a non-literal or non-positive bucket count');
      const kk = i64(k);
      const r = rn.sub(i64(1));
      const base = size.div(kk);
      const rem = size.sub(base.mul(kk));
      const big = base.add(i64(1));
      return ifElse(r.lt(rem.mul(big)), r.div(big).add(i64(1)), r.sub(rem).div(base).add(i64(1))).cast(PL.Int32, true);
    }
    case 'lag':
    case 'lead': {
      if (fn.options?.ignoreNulls) delegate(`${fn.fn} IGNORE NULLS`);
      const off0 = litInt(fn.args[1]) ?? (fn.args.length < 2 ? 1 : undefined);
      if (off0 === undefined) delegate(`${fn.fn} with a non-literal offset`);
      const off = fn.fn === 'lag' ? off0 : -off0;
      const x = c.tr.column(fn.args[0]!);
      if (off === 0) return x;
      const dflt = fn.args[2] ? c.tr.tr(fn.args[2]) : nullOf(typeOf(fn));
      const moved = over(x.shift(i64(off)));
      const exists = off > 0 ? rn.gt(i64(off)) : rn.sub(i64(off)).ltEq(size);
      return ifElse(exists, moved, dflt);
    }
    default:
      return delegate(`window function ${fn.fn}`);
  }
}

function notComplex(call: Call): void {
  for (const a of call.args) {
    const t = typeOf(a);
    if (t instanceof DecimalType || t instanceof ArrayType || t instanceof MapType || t instanceof StructType || t instanceof BinaryType) {
      delegate(`window ${call.fn} over ${t.simpleString()}`);
    }
  }
}

/** Aggregates over the whole partition (group-by lowering under `over`) or a running frame. */
function lowerAggregate(fn: Call, c: WinCtx): NativeExpr {
  if (fn.distinct) delegate(`window ${fn.fn}(DISTINCT)`);
  if (c.kind === undefined) delegate('window frame with offsets');
  if (c.kind === 'whole') {
    const impl = lookupPolarsFunction(fn.fn)!;
    if (!impl.aggregate) delegate(`window aggregate ${fn.fn}`);
    const aggTr = c.env.translator(c.tr.input, 'agg');
    return c.over(aggTr.tr(fn));
  }
  notComplex(fn);
  const { over } = c;
  // Running value at each row (ROWS); RANGE takes the value at the last row of the peer group.
  const atPeerEnd = (running: NativeExpr): NativeExpr =>
    c.kind === 'runningRange' ? c.stage(running).last().over(c.peerGroup) : running;
  const arg0 = fn.args[0];
  const x = arg0 && arg0.kind !== 'Literal' ? c.tr.column(arg0) : undefined;
  const t = arg0 ? typeOf(arg0) : undefined;
  switch (fn.fn) {
    case 'count': {
      if (fn.args.length !== 1) delegate('window count of several columns');
      const cnt = x ? over(x.isNotNull().cast(PL.Int64, true).cumSum(false)) : arg0?.kind === 'Literal' && arg0.value === null ? i64(0) : c.rn;
      return atPeerEnd(cnt);
    }
    case 'sum':
    case 'avg': {
      if (!x || !t) delegate(`window ${fn.fn} of a literal`);
      const cnt = over(x.isNotNull().cast(PL.Int64, true).cumSum(false));
      const isInt = integralBits(t) !== undefined;
      const vals = isInt && fn.fn === 'sum' ? x.cast(PL.Int64, true).fillNull(i64(0)) : x.cast(PL.Float64, true).fillNull(f64(0));
      const total = over(vals.cumSum(false));
      const out = fn.fn === 'sum' ? total : exactDiv(total, cnt.cast(PL.Float64, true));
      return atPeerEnd(ifElse(cnt.eq(i64(0)), nullOf(typeOf(fn)), out));
    }
    case 'min':
    case 'max': {
      // Polars' cum_min/cum_max serve integers, dates and timestamps (no cum_max for strings; floats' NaN order differs).
      const native = t !== undefined && (integralBits(t) !== undefined || t instanceof DateType || t instanceof TimestampType);
      if (!x || !t || !native) delegate(`running window ${fn.fn} of ${t?.simpleString() ?? 'a literal'}`);
      const run = over((fn.fn === 'min' ? x.cumMin(false) : x.cumMax(false)).forwardFill());
      return atPeerEnd(run);
    }
    case 'first':
    case 'any_value': {
      if (!x || fn.options?.ignoreNulls) delegate(`window ${fn.fn} IGNORE NULLS`);
      return over(x.first());
    }
    case 'last': {
      if (!x || fn.options?.ignoreNulls) delegate(`window ${fn.fn} IGNORE NULLS`);
      return atPeerEnd(x);
    }
    default:
      return delegate(`running window ${fn.fn}`);
  }
}
