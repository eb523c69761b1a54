/**
 * Resource limits: before a plan runs, an upper estimate of the rows and
 * bytes each operator materialises (a cross join multiplies its inputs, a
 * range holds every number) is checked against the memory budget, so an
 * accidental explosion is a typed error rather than a V8 fatal
 * out-of-memory abort. The budget is `spark.sparkless.backend.maxMemory`,
 * else the V8 heap limit (the memory interpreter holds rows as JS values)
 * or, for Polars, half the machine's memory. Operators whose size only
 * shows as they run (keyed joins, generators) are checked there with the
 * same helpers (`assertRowsFit`, `growthGuard`); single arrays and strings
 * too large to build fail before they are allocated.
 */
import { totalmem } from 'node:os';
import { getHeapStatistics } from 'node:v8';
import { ArithmeticException, ExecutionException } from '../errors/index.js';
import { inputs, type LogicalPlan } from '../plan/nodes.js';
import { ArrayType, BooleanType, MapType, StringType, StructType, BinaryType, type DataType } from '../types/data-types.js';

/** Bytes one value of `t` takes as a JS value in a column (slot plus boxed payload), roughly. */
function cellBytes(t: DataType): number {
  if (t instanceof BooleanType) return 8;
  if (t instanceof StringType || t instanceof BinaryType) return 48;
  if (t instanceof ArrayType || t instanceof MapType || t instanceof StructType) return 128;
  return 16;
}

export function rowBytes(plan: LogicalPlan): number {
  const fields = plan.schema?.fields ?? [];
  return 16 + fields.reduce((n, f) => n + cellBytes(f.dataType), 0);
}

/** An upper estimate of the rows `plan` produces (exact for relations, ranges and cross joins; grouping sets multiply). */
export function estimateRows(plan: LogicalPlan): number {
  switch (plan.kind) {
    case 'LocalRelation':
      return plan.data.numRows;
    case 'Range':
      return Math.max(0, Math.ceil((plan.end - plan.start) / plan.step));
    case 'Limit':
      return Math.min(plan.n, estimateRows(plan.input));
    case 'Join': {
      const [l, r] = [estimateRows(plan.left), estimateRows(plan.right)];
      // Without keys every pair is compared (and kept, for a cross join); keyed joins are checked as they run.
      const keyed = plan.using?.length || plan.leftKeys?.length || plan.condition;
      return keyed ? Math.max(l, r) : plan.joinType === 'left_semi' || plan.joinType === 'left_anti' ? l : l * r;
    }
    case 'Aggregate':
      // Each grouping set (rollup, cube, GROUPING SETS) groups the whole input again: cube of n keys is 2^n passes.
      return estimateRows(plan.input) * Math.max(1, plan.groupingSets?.length ?? 1);
    default: {
      const ins = inputs(plan);
      if (plan.kind === 'SetOperation') return ins.reduce((n, c) => n + estimateRows(c), 0);
      return ins.reduce((n, c) => Math.max(n, estimateRows(c)), 0);
    }
  }
}

/**
 * A bound on the rows `plan` produces that never undershoots: a keyed join may pair every left
 * row with every right row, a generator's output is unbounded (Infinity), grouping sets repeat rows.
 * Below a join, a guard that finds this bound within budget can skip counting the real output.
 * `known` holds tighter bounds already proven for some nodes (a guarded join's counted output).
 */
export function maxRows(plan: LogicalPlan, known?: ReadonlyMap<LogicalPlan, number>): number {
  const proven = known?.get(plan);
  if (proven !== undefined) return proven;
  const rec = (p: LogicalPlan): number => maxRows(p, known);
  switch (plan.kind) {
    case 'LocalRelation':
    case 'Range':
      return estimateRows(plan);
    case 'Limit':
      return Math.min(plan.n, rec(plan.input));
    case 'Join': {
      const l = rec(plan.left);
      if (plan.joinType === 'left_semi' || plan.joinType === 'left_anti') return l;
      const r = rec(plan.right);
      return l * r + l + r;
    }
    case 'Generate':
    case 'TableScan':
      return Infinity;
    case 'Aggregate':
      return rec(plan.input) * Math.max(1, plan.groupingSets?.length ?? 1);
    default:
      return inputs(plan).reduce((n, c) => (plan.kind === 'SetOperation' ? n + rec(c) : Math.max(n, rec(c))), 0);
  }
}

// Both fixed for the life of the process (the heap limit is set when V8 starts): read once, not per query.
let heapLimit: number | undefined;
let halfMemory: number | undefined;

export function defaultBudget(native: boolean): number {
  return native ? (halfMemory ??= Math.floor(totalmem() / 2)) : (heapLimit ??= getHeapStatistics().heap_size_limit);
}

/**
 * The budget of the interpreter's operators: the query's, but never more than the JS heap holds
 * (Polars' budget, half the machine, also reaches the operators it delegates to the interpreter).
 */
export function interpreterBudget(budget: number | undefined): number {
  return Math.min(budget ?? Infinity, defaultBudget(false));
}

/** Throws before running a plan one of whose operators would hold more than `budget` bytes. */
export function assertPlanFits(plan: LogicalPlan, budget: number): void {
  const visit = (p: LogicalPlan): void => {
    const ins = inputs(p);
    for (let i = 0; i < ins.length; i++) visit(ins[i]!);
    assertRowsFit(p, estimateRows(p), budget, p.kind === 'Join' ? operatorName(p) : p.kind);
  };
  visit(plan);
}

/** How the budget errors name an operator: `inner join`, `explode`, `stack`, else its plan kind. */
export function operatorName(plan: LogicalPlan): string {
  if (plan.kind === 'Join') return `${plan.joinType} join`;
  if (plan.kind === 'Generate') return plan.generator.fn;
  return plan.kind;
}

/** Throws UNABLE_TO_ACQUIRE_MEMORY when `rows` rows of `plan`'s output (counted or estimated) exceed the budget. */
export function assertRowsFit(plan: LogicalPlan, rows: number, budget: number, what = operatorName(plan)): void {
  const bytes = rows * rowBytes(plan);
  if (bytes > budget) throw memoryLimitExceeded(`${what} of about ${formatCount(rows)} rows`, bytes, budget);
}

/**
 * For an operator that builds its output row by row (the interpreter's joins and generators): a
 * check of the rows held so far that throws once they outgrow the budget, before the heap does.
 */
export function growthGuard(plan: LogicalPlan, budget: number): (rows: number) => void {
  const perRow = rowBytes(plan);
  const limit = Math.floor(budget / perRow);
  const what = operatorName(plan);
  return (rows) => {
    if (rows > limit) throw memoryLimitExceeded(`${what} of more than ${formatCount(limit)} rows`, rows * perRow, budget);
  };
}

export function memoryLimitExceeded(what: string, bytes: number, budget: number): ExecutionException {
  return new ExecutionException(
    `Unable to acquire ${Math.round(bytes)} bytes of memory, got ${budget}: the ${what} would exceed the memory budget ` +
      `(spark.sparkless.backend.maxMemory, default the JS heap limit, or half the machine's memory on Polars). Filter or limit the inputs, or raise the budget.`,
    { errorClass: 'UNABLE_TO_ACQUIRE_MEMORY', messageParameters: { requestedBytes: String(Math.round(bytes)), receivedBytes: String(budget) } },
  );
}

/** Throws when one array of `n` elements (sequence, array_repeat) would by itself exceed the budget. */
export function assertArrayFits(fn: string, n: number | bigint, budget: number): void {
  const bytes = Number(n) * 16;
  if (bytes > budget) throw memoryLimitExceeded(`${fn} array of ${n} elements`, bytes, budget);
}

export const formatCount = (n: number): string => (n >= 1e6 ? n.toExponential(2) : String(n));

/** The longest JS string, in UTF-16 units (V8's String::kMaxLength on 64-bit hosts). */
export const MAX_STRING_LENGTH = 536_870_888;

/**
 * Fails before `fn` builds a string of `units` UTF-16 units that no JS string can hold (a raw
 * "Invalid string length" otherwise). Spark's strings go up to 2^31 - 1 bytes: sparkless's own limit.
 */
export function checkStringLength(fn: string, units: number): void {
  if (units <= MAX_STRING_LENGTH) return;
  // As UTF-16, the most a string takes in V8: two bytes a unit.
  const [requested, received] = [String(2 * units), String(2 * MAX_STRING_LENGTH)];
  throw new ExecutionException(
    `Unable to acquire ${requested} bytes of memory, got ${received}: ${fn} would build a string of ${units} characters, ` +
      `more than a JS string holds (${MAX_STRING_LENGTH}; Spark's strings hold up to 2147483647 bytes).`,
    { errorClass: 'UNABLE_TO_ACQUIRE_MEMORY', messageParameters: { requestedBytes: requested, receivedBytes: received } },
  );
}

/** `repeat(s, times)`: Spark sizes the result in UTF-8 bytes as a Java int and fails past 2^31 - 1. */
export function checkRepeat(s: string, times: number): void {
  if (Buffer.byteLength(s, 'utf8') * times > 2147483647) throw new ArithmeticException('integer overflow');
  checkStringLength('repeat', s.length * times);
}
