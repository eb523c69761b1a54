/**
 * Hash aggregation, including grouping sets (rollup/cube).
 *
 * Groups are numbered in order of first appearance (grouping set by grouping
 * set); each aggregate call gets one accumulator per group. The output
 * expressions are then evaluated per group: aggregate calls read their
 * group's result, bare column references read the group's first row.
 */
import type { Call, Expr } from '../../../expr/nodes.js';
import { typeOf } from '../../../expr/nodes.js';
import type { Aggregate } from '../../../plan/nodes.js';
import { schemaOf } from '../../../plan/nodes.js';
import { scanPartitions } from '../../../plan/scan-partitions.js';
import { InternalError } from '../../../errors/index.js';
import { DataType } from '../../../types/data-types.js';
import { compileExpr, type CompileEnv } from '../expressions/compile.js';
import { lookupImpl } from '../functions/index.js';
import type { Accumulator, AggregateImpl, RowFn } from '../functions/types.js';
import type { ExecContext } from '../context.js';
import { serialize } from '../runtime/compare.js';
import { keyFunction } from './keys.js';
import { colReader, denseRel, type Rel } from './relation.js';
import type { Exec } from './types.js';

/** True when the call is to an aggregate function. */
export function isAggregateCall(e: Expr): boolean {
  return e.kind === 'Call' && !isGroupingCall(e) && lookupImpl(e.fn).kind === 'aggregate';
}

/** `grouping(col)` / `grouping_id(...)`: answered from the grouping set, not accumulated. */
const isGroupingCall = (e: Expr): boolean => e.kind === 'Call' && (e.fn === 'grouping' || e.fn === 'grouping_id');

/** Aggregate calls in the expressions (not looking inside an aggregate's own arguments). */
function collectAggregateCalls(exprs: readonly Expr[]): Call[] {
  const out: Call[] = [];
  const walk = (e: Expr): void => {
    if (isAggregateCall(e)) {
      if (!out.includes(e as Call)) out.push(e as Call);
      return;
    }
    switch (e.kind) {
      case 'Alias':
      case 'Cast':
      case 'SortOrder':
        walk(e.child);
        return;
      case 'Call':
        e.args.forEach(walk);
        return;
      case 'CaseWhen':
        e.branches.forEach((b) => {
          walk(b.when);
          walk(b.then);
        });
        if (e.otherwise) walk(e.otherwise);
        return;
      case 'Lambda':
        walk(e.body);
        return;
      default:
        return;
    }
  };
  exprs.forEach(walk);
  return out;
}

/**
 * Feeds rows into one accumulator, deduplicating argument tuples when the
 * call is DISTINCT.
 */
export class AggregateFeeder {
  private readonly impl: AggregateImpl;
  private readonly args: RowFn[];
  /** `FILTER (WHERE ...)`: rows where it is not true are not fed. */
  private readonly mask: RowFn | undefined;
  private readonly buf: unknown[];

  constructor(
    readonly call: Call,
    env: CompileEnv,
    private readonly ctx: ExecContext,
  ) {
    const impl = lookupImpl(call.fn);
    if (impl.kind !== 'aggregate') throw new InternalError(`${call.fn} is not an aggregate function`);
    this.impl = impl;
    this.args = call.args.map((a) => compileExpr(a, env));
    this.mask = call.filter ? compileExpr(call.filter, env) : undefined;
    this.buf = new Array(this.args.length).fill(null);
  }

  create(): { acc: Accumulator; seen?: Set<string> } {
    const acc = this.impl.create(this.call, this.ctx);
    return this.call.distinct ? { acc, seen: new Set() } : { acc };
  }

  /** Argument values of a row, in the shared buffer. */
  argsAt(row: number): unknown[] {
    const buf = this.buf;
    for (let k = 0; k < this.args.length; k++) {
      const v = this.args[k]!(row);
      buf[k] = v === undefined ? null : v;
    }
    return buf;
  }

  add(state: { acc: Accumulator; seen?: Set<string> }, row: number): void {
    if (this.mask && this.mask(row) !== true) return;
    const args = this.argsAt(row);
    if (state.seen) {
      const key = args.length === 1 ? serialize(args[0]) : args.map((a) => serialize(a)).join('\u0001');
      if (state.seen.has(key)) return;
      state.seen.add(key);
    }
    state.acc.add(args);
  }
}

export function executeAggregate(plan: Aggregate, exec: Exec): Rel {
  const input = exec.run(plan.input);
  const ctx = exec.ctx;
  const schema = schemaOf(plan);
  const env: CompileEnv = { columns: input.cols, ctx };
  const n = input.numRows;

  // Key values per logical row.
  const keyCols = plan.groupBy.map((e) => {
    const f = compileExpr(e, env);
    const out = new Array<unknown>(n);
    for (let k = 0; k < n; k++) {
      const v = f(k);
      out[k] = v === undefined ? null : v;
    }
    return out;
  });
  const keyTypes = plan.groupBy.map(typeOf);
  const hasSets = plan.groupingSets !== undefined;
  const sets: readonly (readonly number[])[] = plan.groupingSets ?? [plan.groupBy.map((_, j) => j)];

  // Group numbering: one pass per grouping set.
  const groupFirst: number[] = []; // logical position of the group's first row (-1: none)
  const groupSet: number[] = [];
  const rowGroup: Int32Array[] = [];
  for (let s = 0; s < sets.length; s++) {
    const set = sets[s]!;
    const of = new Int32Array(n);
    if (set.length === 0) {
      if (n > 0 || !hasSets) {
        const g = groupFirst.length;
        groupFirst.push(n > 0 ? 0 : -1);
        groupSet.push(s);
        of.fill(g);
      }
    } else {
      const key = keyFunction(
        set.map((j) => {
          const col = keyCols[j]!;
          return (k: number) => col[k];
        }),
        set.map((j) => keyTypes[j]!),
      );
      const ids = new Map<unknown, number>();
      for (let k = 0; k < n; k++) {
        const kv = key(k);
        let g = ids.get(kv);
        if (g === undefined) {
          g = groupFirst.length;
          ids.set(kv, g);
          groupFirst.push(k);
          groupSet.push(s);
        }
        of[k] = g;
      }
    }
    rowGroup.push(of);
  }
  const numGroups = groupFirst.length;

  // Accumulate every aggregate call.
  const calls = collectAggregateCalls(plan.aggs);
  const results = calls.map((call) => {
    const fast = groupedResults(call, env, input, rowGroup, groupSet, numGroups, ctx);
    if (fast) return fast;
    const feeder = new AggregateFeeder(call, env, ctx);
    const states = new Array<ReturnType<AggregateFeeder['create']>>(numGroups);
    for (let g = 0; g < numGroups; g++) states[g] = feeder.create();
    // Spark's partitions of a scanned relation (slice i holds rows ⌊i·n/P⌋ until ⌊(i+1)·n/P⌋),
    // for the aggregates that merge per-partition partials.
    const partitions = scanPartitions(plan.input, ctx.defaultParallelism ?? 1);
    const splits = partitions > 1 && states.some((st) => st.acc.startPartition);
    const boundaries = splits ? Array.from({ length: partitions - 1 }, (_, i) => Math.floor(((i + 1) * n) / partitions)) : [];
    for (let s = 0; s < sets.length; s++) {
      const of = rowGroup[s]!;
      let next = 0;
      for (let k = 0; k < n; k++) {
        while (next < boundaries.length && boundaries[next] === k) {
          for (const st of states) st.acc.startPartition?.();
          next++;
        }
        feeder.add(states[of[k]!]!, k);
      }
    }
    const out = new Array<unknown>(numGroups);
    for (let g = 0; g < numGroups; g++) {
      const v = states[g]!.acc.result();
      out[g] = v === undefined ? null : v;
    }
    return out;
  });

  // Grouping id of a group: bit (numKeys-1-j) set when key j is not in the group's set.
  const numKeys = plan.groupBy.length;
  const setMasks = sets.map((set) => {
    let mask = 0;
    for (let j = 0; j < numKeys; j++) if (!set.includes(j)) mask |= 1 << (numKeys - 1 - j);
    return mask;
  });

  const columns: unknown[][] = [];
  for (let j = 0; j < numKeys; j++) {
    const col = keyCols[j]!;
    const out = new Array<unknown>(numGroups);
    for (let g = 0; g < numGroups; g++) {
      const first = groupFirst[g]!;
      const v = first >= 0 && sets[groupSet[g]!]!.includes(j) ? col[first] : null;
      // Spark normalizes -0.0 to 0.0 in grouping keys.
      out[g] = v === 0 ? 0 : v;
    }
    columns.push(out);
  }

  const outEnv: CompileEnv = {
    columns: input.cols,
    ctx,
    resolveBound: (index) => {
      const col = input.cols[index];
      if (!col) return undefined;
      const read = colReader(col);
      return (g) => {
        const first = groupFirst[g]!;
        return first >= 0 ? read(first) : null;
      };
    },
    callHook: (call) => {
      const c = calls.indexOf(call);
      if (c >= 0) {
        const res = results[c]!;
        return (g) => res[g];
      }
      if (call.fn === 'grouping' || call.fn === 'grouping_id') return groupingFunction(call, plan, groupSet, setMasks);
      return undefined;
    },
  };
  for (const e of plan.aggs) {
    const f = compileExpr(e, outEnv);
    const out = new Array<unknown>(numGroups);
    for (let g = 0; g < numGroups; g++) {
      const v = f(g);
      out[g] = v === undefined ? null : v;
    }
    columns.push(out);
  }
  if (hasSets) {
    const out = new Array<unknown>(numGroups);
    for (let g = 0; g < numGroups; g++) out[g] = setMasks[groupSet[g]!];
    columns.push(out);
  }
  if (columns.length !== schema.fields.length) {
    throw new InternalError(`Aggregate produced ${columns.length} columns for a ${schema.fields.length}-column schema`);
  }
  return denseRel(schema, columns, numGroups);
}

/**
 * Results from the implementation's vectorized `grouped` path (one call per
 * grouping set), or undefined when it has none, the call is DISTINCT, or it
 * declines.
 */
function groupedResults(
  call: Call,
  env: CompileEnv,
  input: Rel,
  rowGroup: readonly Int32Array[],
  groupSet: readonly number[],
  numGroups: number,
  ctx: ExecContext,
): unknown[] | undefined {
  const impl = lookupImpl(call.fn);
  if (impl.kind !== 'aggregate' || !impl.grouped || call.distinct || call.filter) return undefined;
  const n = input.numRows;
  const args = call.args.map((a) => {
    if (a.kind === 'BoundRef' && !env.resolveBound) {
      const column = input.cols[a.index];
      if (column && !column.sel && column.data.length === n) return column.data;
    }
    if (a.kind === 'Literal') return new Array<unknown>(n).fill(a.value ?? null);
    const f = compileExpr(a, env);
    const out = new Array<unknown>(n);
    for (let k = 0; k < n; k++) {
      const v = f(k);
      out[k] = v === undefined ? null : v;
    }
    return out;
  });
  if (rowGroup.length === 1) {
    return impl.grouped(call, ctx, { numGroups, numRows: n, groupOf: rowGroup[0]!, args });
  }
  const out = new Array<unknown>(numGroups).fill(null);
  for (let s = 0; s < rowGroup.length; s++) {
    const res = impl.grouped(call, ctx, { numGroups, numRows: n, groupOf: rowGroup[s]!, args });
    if (!res) return undefined;
    for (let g = 0; g < numGroups; g++) if (groupSet[g] === s) out[g] = res[g];
  }
  return out;
}

/** `grouping(col)` / `grouping_id(cols...)` evaluated from the group's grouping set. */
function groupingFunction(call: Call, plan: Aggregate, groupSet: number[], setMasks: number[]): RowFn {
  const numKeys = plan.groupBy.length;
  const positions = call.args.map((a) => {
    const target = exprKey(a);
    const j = plan.groupBy.findIndex((g) => exprKey(g) === target);
    if (j < 0) throw new InternalError(`${call.fn} argument is not a grouping expression`);
    return j;
  });
  if (call.fn === 'grouping') {
    const bit = numKeys - 1 - positions[0]!;
    return (g) => (setMasks[groupSet[g]!]! >> bit) & 1;
  }
  if (positions.length === 0) return (g) => setMasks[groupSet[g]!];
  return (g) => {
    const mask = setMasks[groupSet[g]!]!;
    let id = 0;
    for (const j of positions) id = (id << 1) | ((mask >> (numKeys - 1 - j)) & 1);
    return id;
  };
}

/** Structural identity of an expression (aliases and nullability ignored), for matching grouping() arguments. */
function exprKey(e: Expr): string {
  let inner = e;
  while (inner.kind === 'Alias') inner = inner.child;
  if (inner.kind === 'BoundRef') return `#${inner.index}`;
  return JSON.stringify(inner, (k, v: unknown) =>
    k === 'nullable' || k === 'name' ? undefined : typeof v === 'bigint' ? `${v}n` : v instanceof DataType ? v.simpleString() : v,
  );
}
