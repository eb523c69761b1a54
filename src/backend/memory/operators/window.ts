/**
 * Window functions. For each distinct window spec the input is partitioned
 * (first-appearance order) and sorted once (stable: ties keep input order);
 * each window expression then yields one value per row, one new column per
 * window expression. Output rows leave in Spark's order (plan/window-output-order.ts).
 *
 * Aggregates over frames reuse one accumulator while the frame only grows
 * (running totals, whole partitions), slide it when the aggregate can
 * `remove`, and recompute it otherwise.
 */
import type { Call, Expr, FrameBoundary, WindowExpr, WindowFrame, WindowSpecDef } from '../../../expr/nodes.js';
import { typeOf } from '../../../expr/nodes.js';
import type { Window } from '../../../plan/nodes.js';
import { schemaOf } from '../../../plan/nodes.js';
import { outermostSpec, partitionKeyOrders } from '../../../plan/window-output-order.js';
import { InternalError } from '../../../errors/index.js';
import { DataType, DateType, DecimalType, TimestampType, YearMonthIntervalType } from '../../../types/data-types.js';
import { sessionZone } from '../context.js';
import { MICROS_PER_DAY, addMonthsToDays, fromLocalMicros, getZone, toLocalMicros, type Zone } from '../runtime/datetime.js';
import { compileExpr, type CompileEnv } from '../expressions/compile.js';
import { lookupImpl } from '../functions/index.js';
import type { RowFn, WindowPartition } from '../functions/types.js';
import { pow10 } from '../runtime/decimal.js';
import { AggregateFeeder } from './aggregate.js';
import { castOffsetAdder } from './range-interval-offset.js';
import { keyFunction } from './keys.js';
import { evalSortKeys, positionComparator, sortedPositions } from './ordering.js';
import { allRows, denseCol, select, type Col, type Rel } from './relation.js';
import type { Exec } from './types.js';

/** Partitions of one window spec: rows sorted within each partition, plus peer-group bounds. */
interface Layout {
  readonly partitions: Int32Array[];
  /** Per partition: peer-group start/end (exclusive) of each position. */
  readonly peerStart: Int32Array[];
  readonly peerEnd: Int32Array[];
}

const DEFAULT_ORDERED: WindowFrame = {
  frameType: 'range',
  lower: { type: 'unboundedPreceding' },
  upper: { type: 'currentRow' },
};
const DEFAULT_UNORDERED: WindowFrame = {
  frameType: 'rows',
  lower: { type: 'unboundedPreceding' },
  upper: { type: 'unboundedFollowing' },
};

function specKey(spec: WindowSpecDef): string {
  return JSON.stringify({ p: spec.partitionBy, o: spec.orderBy }, (_k, v: unknown) =>
    typeof v === 'bigint' ? `${v}n` : v instanceof DataType ? v.simpleString() : v,
  );
}

function buildLayout(spec: WindowSpecDef, n: number, env: CompileEnv): Layout {
  const pfns = spec.partitionBy.map((e) => compileExpr(e, env));
  const key = keyFunction(pfns, spec.partitionBy.map(typeOf));
  const pid = new Int32Array(n);
  const ids = new Map<unknown, number>();
  for (let i = 0; i < n; i++) {
    const k = key(i);
    let p = ids.get(k);
    if (p === undefined) {
      p = ids.size;
      ids.set(k, p);
    }
    pid[i] = p;
  }
  const all = allRows(n);
  // Sort every row by the ORDER BY keys once, then bucket by partition (stable counting sort).
  const keys = evalSortKeys(n, spec.orderBy, env);
  const order = spec.orderBy.length > 0 ? sortedPositions(n, keys) : all;
  const cmp = positionComparator(keys);
  const numParts = ids.size;
  const starts = new Int32Array(numParts + 1);
  for (let i = 0; i < n; i++) starts[pid[i]! + 1]!++;
  for (let p = 0; p < numParts; p++) starts[p + 1]! += starts[p]!;
  const fill = starts.slice(0, numParts);
  const grouped = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    const row = order[k]!;
    grouped[fill[pid[row]!]!++] = row;
  }

  const partitions: Int32Array[] = [];
  const peerStart: Int32Array[] = [];
  const peerEnd: Int32Array[] = [];
  for (let p = 0; p < numParts; p++) {
    const rows = grouped.subarray(starts[p]!, starts[p + 1]!);
    const size = rows.length;
    const ps = new Int32Array(size);
    const pe = new Int32Array(size);
    let g = 0;
    for (let pos = 1; pos <= size; pos++) {
      if (pos === size || cmp(rows[pos - 1]!, rows[pos]!) !== 0) {
        for (let q = g; q < pos; q++) {
          ps[q] = g;
          pe[q] = pos;
        }
        g = pos;
      }
    }
    partitions.push(rows);
    peerStart.push(ps);
    peerEnd.push(pe);
  }
  return { partitions, peerStart, peerEnd };
}

/** Frame bounds [start, end) for every position of a partition. */
function computeFrames(
  frame: WindowFrame,
  rows: Int32Array,
  ps: Int32Array,
  pe: Int32Array,
  orderKey: { fn: RowFn; type: DataType; ascending: boolean; zone: Zone } | undefined,
): { start: Int32Array; end: Int32Array } {
  const size = rows.length;
  const start = new Int32Array(size);
  const end = new Int32Array(size);
  const keys = frame.frameType === 'range' && orderKey && (frame.lower.type === 'offset' || frame.upper.type === 'offset')
    ? Array.from(rows, (r) => orderKey.fn(r) ?? null)
    : undefined;
  for (let pos = 0; pos < size; pos++) {
    let s: number;
    let e: number;
    if (frame.frameType === 'rows') {
      s = rowBound(frame.lower, pos, size, false);
      e = rowBound(frame.upper, pos, size, true);
    } else {
      s = rangeBound(frame.lower, pos, size, ps, pe, keys, orderKey, false);
      e = rangeBound(frame.upper, pos, size, ps, pe, keys, orderKey, true);
    }
    s = Math.max(0, Math.min(size, s));
    e = Math.max(0, Math.min(size, e));
    start[pos] = s;
    end[pos] = Math.max(s, e);
  }
  return { start, end };
}

function rowBound(b: FrameBoundary, pos: number, size: number, upper: boolean): number {
  switch (b.type) {
    case 'unboundedPreceding':
      return 0;
    case 'unboundedFollowing':
      return size;
    case 'currentRow':
      return upper ? pos + 1 : pos;
    case 'offset':
      return upper ? pos + b.value + 1 : pos + b.value;
  }
}

function rangeBound(
  b: FrameBoundary,
  pos: number,
  size: number,
  ps: Int32Array,
  pe: Int32Array,
  keys: unknown[] | undefined,
  orderKey: { type: DataType; ascending: boolean; zone: Zone } | undefined,
  upper: boolean,
): number {
  switch (b.type) {
    case 'unboundedPreceding':
      return 0;
    case 'unboundedFollowing':
      return size;
    case 'currentRow':
      return upper ? pe[pos]! : ps[pos]!;
    case 'offset': {
      if (!keys || !orderKey) throw new InternalError('a RANGE frame with offsets needs exactly one ORDER BY expression');
      const v = keys[pos];
      // A null key's frame is its peer group (the other nulls).
      if (v === null || v === undefined) return upper ? pe[pos]! : ps[pos]!;
      const offset = orderKey.ascending ? b.value : -b.value;
      const target = b.castTo && b.interval
        ? castOffsetAdder(b, orderKey.type, orderKey.ascending, orderKey.zone.id)(v)
        : b.interval ? addIntervalOffset(v as number, offset, b.interval, orderKey.type, orderKey.zone) : addOffset(v, offset, orderKey.type);
      // Positions with non-null keys, where the sought boundary lies.
      const asc = orderKey.ascending;
      const cmp = (x: unknown): number => ((x as number) < (target as number) ? -1 : (x as number) > (target as number) ? 1 : 0);
      // Lower bound: first position whose key is >= target (asc) / <= target (desc).
      // Upper bound: first position whose key is > target (asc) / < target (desc).
      const before = (x: unknown): boolean => {
        if (x === null || x === undefined) return !isNullAtEnd(keys);
        const c = asc ? cmp(x) : -cmp(x);
        return upper ? c <= 0 : c < 0;
      };
      let lo = 0;
      let hi = size;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (before(keys[mid])) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    }
  }
}

/** Whether the null keys of a sorted partition sit at its end. */
function isNullAtEnd(keys: unknown[]): boolean {
  const last = keys[keys.length - 1];
  return last === null || last === undefined;
}

const UTC = getZone('UTC');

function addOffset(v: unknown, offset: number, t: DataType): unknown {
  if (t instanceof DecimalType) {
    const scaled = BigInt(Math.round(offset * 10 ** Math.min(t.scale, 15))) * pow10(Math.max(0, t.scale - 15));
    return (v as bigint) + scaled;
  }
  if (typeof v === 'bigint') return v + BigInt(offset);
  return (v as number) + offset;
}

/** A date or timestamp key moved by a year-month (months, on the calendar) or day-time (microseconds) interval. */
function addIntervalOffset(v: number, offset: number, interval: DataType, keyType: DataType, zone: Zone): number {
  if (interval instanceof YearMonthIntervalType) {
    if (keyType instanceof DateType) return addMonthsToDays(v, offset);
    const z = keyType instanceof TimestampType ? zone : UTC;
    const local = toLocalMicros(v, z);
    const day = Math.floor(local / MICROS_PER_DAY);
    return fromLocalMicros((addMonthsToDays(day, offset) - day) * MICROS_PER_DAY + local, z);
  }
  return v + offset;
}

function stripAlias(e: Expr): Expr {
  return e.kind === 'Alias' ? stripAlias(e.child) : e;
}

export function executeWindow(plan: Window, exec: Exec): Rel {
  const input = exec.run(plan.input);
  const ctx = exec.ctx;
  const n = input.numRows;
  const env: CompileEnv = { columns: input.cols, ctx };
  const layouts = new Map<string, Layout>();
  const cols: Col[] = [...input.cols];

  for (const alias of plan.windowExprs) {
    const we = stripAlias(alias);
    if (we.kind !== 'WindowExpr') throw new InternalError('Window node expression is not a window expression');
    const spec = we.spec;
    const key = specKey(spec);
    let layout = layouts.get(key);
    if (!layout) {
      layout = buildLayout(spec, n, env);
      layouts.set(key, layout);
    }
    cols.push(denseCol(evaluateWindowExpr(we, layout, n, env)));
  }
  const out: Rel = { schema: schemaOf(plan), cols, numRows: n };
  const spec = outermostSpec(plan.windowExprs);
  const layout = spec && layouts.get(specKey(spec));
  return layout ? select(out, outputOrder(spec, layout, n, env)) : out;
}

/**
 * Spark's output order: the outermost spec's layout already holds each partition's rows
 * sorted by its ORDER BY keys (stably); only the partitions need sorting by their keys.
 */
function outputOrder(spec: WindowSpecDef, layout: Layout, n: number, env: CompileEnv): Int32Array {
  if (spec.partitionBy.length === 0 && spec.orderBy.length === 0) return allRows(n);
  const cmp = positionComparator(evalSortKeys(n, partitionKeyOrders(spec), env));
  const parts = layout.partitions.map((rows, p) => p).sort((a, b) => cmp(layout.partitions[a]![0]!, layout.partitions[b]![0]!) || a - b);
  const order = new Int32Array(n);
  let k = 0;
  for (const p of parts) for (const row of layout.partitions[p]!) order[k++] = row;
  return order;
}

function evaluateWindowExpr(we: WindowExpr, layout: Layout, n: number, env: CompileEnv): unknown[] {
  const call = stripAlias(we.fn);
  if (call.kind !== 'Call') throw new InternalError('window function is not a call');
  const impl = lookupImpl(call.fn);
  const spec = we.spec;
  const frame = spec.frame ?? (spec.orderBy.length > 0 ? DEFAULT_ORDERED : DEFAULT_UNORDERED);
  const firstOrder = spec.orderBy[0];
  const orderKey =
    spec.orderBy.length === 1 && firstOrder
      ? { fn: compileExpr(firstOrder.child, env), type: typeOf(firstOrder.child), ascending: firstOrder.ascending, zone: sessionZone(env.ctx) }
      : undefined;
  // Interval offsets cast to the key type fail (overflow) before any row is read.
  for (const b of [frame.lower, frame.upper]) if (orderKey && b.type === 'offset' && b.castTo && b.interval) castOffsetAdder(b, orderKey.type, orderKey.ascending, orderKey.zone.id);
  const out = new Array<unknown>(n).fill(null);

  if (impl.kind === 'window') {
    const args = call.args.map((a) => compileExpr(a, env));
    layout.partitions.forEach((rows, p) => {
      const ps = layout.peerStart[p]!;
      const pe = layout.peerEnd[p]!;
      let frames: { start: Int32Array; end: Int32Array } | undefined;
      const partition: WindowPartition = {
        size: rows.length,
        ordered: spec.orderBy.length > 0,
        arg: (a, pos) => {
          const v = args[a]!(rows[pos]!);
          return v === undefined ? null : v;
        },
        peerStart: (pos) => ps[pos]!,
        peerEnd: (pos) => pe[pos]!,
        frame: (pos) => {
          frames ??= computeFrames(frame, rows, ps, pe, orderKey);
          return [frames.start[pos]!, frames.end[pos]!];
        },
      };
      const values = impl.evaluate(partition, call, env.ctx);
      for (let pos = 0; pos < rows.length; pos++) {
        const v = values[pos];
        out[rows[pos]!] = v === undefined ? null : v;
      }
    });
    return out;
  }

  if (impl.kind !== 'aggregate') throw new InternalError(`${call.fn} cannot be used as a window function`);
  const feeder = new AggregateFeeder(call as Call, env, env.ctx);
  layout.partitions.forEach((rows, p) => {
    const { start, end } = computeFrames(frame, rows, layout.peerStart[p]!, layout.peerEnd[p]!, orderKey);
    let state = feeder.create();
    let cs = 0;
    let ce = 0;
    let last: unknown = undefined;
    const canRemove = state.acc.remove !== undefined && !call.distinct;
    for (let pos = 0; pos < rows.length; pos++) {
      const s = start[pos]!;
      const e = end[pos]!;
      // Same frame as the previous row (whole partitions, peers): same value.
      if (pos > 0 && s === cs && e === ce) {
        out[rows[pos]!] = last;
        continue;
      }
      if (s === cs && e >= ce) {
        for (let q = ce; q < e; q++) feeder.add(state, rows[q]!);
      } else if (canRemove && s >= cs && e >= ce && s <= ce) {
        for (let q = ce; q < e; q++) feeder.add(state, rows[q]!);
        for (let q = cs; q < s; q++) state.acc.remove!(feeder.argsAt(rows[q]!));
      } else {
        state = feeder.create();
        for (let q = s; q < e; q++) feeder.add(state, rows[q]!);
      }
      cs = s;
      ce = e;
      const v = state.acc.result();
      last = v === undefined ? null : v;
      out[rows[pos]!] = last;
    }
  });
  return out;
}
