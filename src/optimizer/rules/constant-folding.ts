/**
 * Constant folding: a deterministic scalar expression whose inputs are all
 * literals (`2 * 3`, `to_date('1994-01-01')`, `upper('ab')`, `CAST('5' AS INT)`,
 * `CASE WHEN true THEN 1 END`) becomes the literal it evaluates to, once at
 * planning instead of once per row. Spark folds the same way (ConstantFolding)
 * and its optimized plan shows the literal.
 *
 * Evaluation is the memory interpreter's, so the value is the reference
 * backend's. What never folds:
 * - non-deterministic functions and those reading the query's clock or
 *   context (rand, uuid, current_date, current_timestamp, ...): any result
 *   that changes with the clock or the random seed is left alone;
 * - an expression whose evaluation raises (ANSI overflow, division by zero,
 *   invalid cast, raise_error): it stays, so the query raises Spark's error at
 *   run time exactly as it would unoptimized;
 * - results of complex, binary or interval types (kept as expressions).
 * With the session's settings (`constantFolding(settings)`, what the session
 * runs) folding follows that ANSI mode and time zone: non-ANSI `2147483647 + 1`
 * folds to -2147483648 as in Spark. Without them (`DEFAULT_RULES` used
 * directly) a value must be the same under ANSI on and off and in two time
 * zones, or it does not fold.
 *
 * Expressions folded: projections, filter conditions, join conditions (one
 * folded to true goes away) and sort keys (a constant key is dropped, a sort on
 * constants only disappears); not aggregates, whose expressions are matched
 * against the grouping keys.
 */
import { compileExpr } from '../../backend/memory/expressions/compile.js';
import { createExecContext, type ExecContext } from '../../backend/memory/context.js';
import { children, E, type Expr } from '../../expr/nodes.js';
import { hasFunction, lookupFunction } from '../../functions/registry.js';
import { withProps } from '../../plan/nodes.js';
import { AtomicType, BinaryType, DayTimeIntervalType, YearMonthIntervalType, type DataType } from '../../types/data-types.js';
import type { OptimizerRule } from '../rule.js';
import { simplifyExpr } from './boolean-simplification.js';
import { mapChildrenKeep } from './predicates.js';

export interface FoldingSettings {
  readonly ansiEnabled: boolean;
  readonly timeZone: string;
}

/** Functions whose value depends on the query's context rather than on their arguments. */
const CONTEXTUAL = new Set([
  'raise_error', 'assert_true', 'current_database', 'current_catalog', 'current_schema', 'current_user', 'user',
  'session_user', 'input_file_name', 'input_file_block_start', 'input_file_block_length', 'uuid', 'spark_partition_id',
  'monotonically_increasing_id', 'now', 'current_date', 'current_timestamp', 'localtimestamp', 'current_timezone',
]);

const foldableType = (t: DataType | undefined): boolean =>
  t instanceof AtomicType && !(t instanceof BinaryType) && !(t instanceof YearMonthIntervalType) && !(t instanceof DayTimeIntervalType);

const isTypedNull = (e: Expr): boolean => e.kind === 'Cast' && e.child.kind === 'Literal' && (e.child.value ?? null) === null;

/** Whether `e` (its children already folded) is an expression over literals only that may fold. */
function candidate(e: Expr): boolean {
  if (e.kind !== 'Call' && e.kind !== 'Cast' && e.kind !== 'CaseWhen') return false;
  // A typed null (CAST(NULL AS STRING)) is a constant already; some functions read it as "no value given".
  if (isTypedNull(e)) return false;
  const kids = children(e);
  if (kids.length === 0 || !kids.every((c) => c.kind === 'Literal' || isTypedNull(c))) return false;
  if (!foldableType(e.kind === 'Cast' ? e.to : e.dataType)) return false;
  if (e.kind !== 'Call') return true;
  if (!hasFunction(e.fn) || CONTEXTUAL.has(e.fn)) return false;
  const def = lookupFunction(e.fn);
  return def.kind === 'scalar' && def.nondeterministic !== true;
}

const NO_VALUE = Symbol('no value');
/** Two evaluations gave the same scalar (NaN equal to NaN). */
const same = (a: unknown, b: unknown): boolean =>
  typeof a === typeof b && (a === b || (typeof a === 'number' && Number.isNaN(a) && Number.isNaN(b as number)));

/** The contexts an expression is evaluated in; it folds only if all give the same value without raising. */
function contexts(settings: FoldingSettings | undefined): ExecContext[] {
  const at = (ansiEnabled: boolean, timeZone: string, now: number, randomSeed: number) => createExecContext({ ansiEnabled, timeZone, now, randomSeed });
  const NOW = Date.UTC(2024, 0, 1) * 1000;
  const LATER = NOW + 86_400_000_000 * 400 + 3_600_000_000 * 7; // another day, hour and year
  if (settings) return [at(settings.ansiEnabled, settings.timeZone, NOW, 1), at(settings.ansiEnabled, settings.timeZone, LATER, 2)];
  return [at(false, 'UTC', NOW, 1), at(true, 'UTC', NOW, 1), at(false, 'Asia/Kathmandu', LATER, 2), at(true, 'America/Los_Angeles', LATER, 2)];
}

function evaluate(e: Expr, ctxs: readonly ExecContext[]): unknown {
  let value: unknown = NO_VALUE;
  for (const ctx of ctxs) {
    let v: unknown;
    try {
      v = compileExpr(e, { columns: [], ctx })(0);
    } catch {
      return NO_VALUE; // raises: left for run time, where it raises the same error
    }
    if (v === undefined) v = null;
    if (v !== null && typeof v === 'object') return NO_VALUE;
    if (value !== NO_VALUE && !same(value, v)) return NO_VALUE;
    value = v;
  }
  return value;
}

/** Functions whose behaviour reads their arguments' SQL text (assert_true's message), whose arguments stay as written. */
const READS_ARGUMENT_TEXT = new Set(['assert_true']);

function foldExpr(e: Expr, ctxs: readonly ExecContext[]): Expr {
  if (e.kind === 'Literal' || e.kind === 'BoundRef') return e;
  if (e.kind === 'Call' && READS_ARGUMENT_TEXT.has(e.fn)) return e;
  const inner = mapChildrenKeep(e, (c) => foldExpr(c, ctxs));
  if (!candidate(inner)) return inner;
  const value = evaluate(inner, ctxs);
  if (value === NO_VALUE) return inner;
  return E.lit(value, inner.kind === 'Cast' ? inner.to : inner.dataType!);
}

let analysisContexts: ExecContext[] | undefined;

/**
 * The value of a foldable expression (Spark's `foldable`: a literal, or deterministic functions
 * of literals), for analysis-time checks that accept any constant (`to_binary(s, concat('utf', '-8'))`);
 * undefined when `e` reads a column, raises or depends on the session (time zone, ANSI mode).
 */
export function foldedValue(e: Expr): { value: unknown } | undefined {
  const out = e.kind === 'Literal' || isTypedNull(e) ? e : foldExpr(e, (analysisContexts ??= contexts(undefined)));
  if (out.kind === 'Literal') return { value: out.value ?? null };
  return isTypedNull(out) ? { value: null } : undefined;
}

/** The rule, folding under the session's settings when given (see the file comment). */
export function constantFolding(settings?: FoldingSettings): OptimizerRule {
  const ctxs = contexts(settings);
  // No memo of expressions already seen: the walk allocates nothing where nothing folds
  // (mapChildren keeps unchanged nodes), which costs less than a WeakSet lookup and insert.
  const fold = (e: Expr): Expr => foldExpr(e, ctxs);
  const foldAll = <T extends Expr>(es: readonly T[]): { out: Expr[]; changed: boolean } => {
    const out = es.map(fold);
    return { out, changed: out.some((x, i) => x !== es[i]) };
  };
  return {
    name: 'constant_folding',
    order: 'bottomUp',
    apply(node) {
      switch (node.kind) {
        case 'Project': {
          const { out, changed } = foldAll(node.exprs);
          return changed ? withProps(node, { exprs: out }) : node;
        }
        case 'Filter': {
          const condition = fold(node.condition);
          return condition === node.condition ? node : withProps(node, { condition });
        }
        case 'Join': {
          if (!node.condition) return node;
          const condition = simplifyExpr(fold(node.condition));
          if (condition === node.condition) return node;
          // A residual condition folded to true is no condition (the equi-keys remain).
          return withProps(node, { condition: condition.kind === 'Literal' && condition.value === true ? undefined : condition });
        }
        case 'Sort': {
          // A constant sort key orders nothing (Spark's EliminateSorts drops it too).
          const { out, changed } = foldAll(node.orders);
          if (!changed) return node;
          const kept = out.filter((o) => !(o.kind === 'SortOrder' && o.child.kind === 'Literal'));
          return kept.length === 0 ? node.input : withProps(node, { orders: kept as typeof node.orders });
        }
        default:
          return node;
      }
    },
  };
}

/** The settings-free rule of DEFAULT_RULES: folds only what no ANSI mode or time zone changes. */
export const constantFoldingRule: OptimizerRule = constantFolding();
