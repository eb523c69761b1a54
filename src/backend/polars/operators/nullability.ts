/**
 * "This column holds no null": proved from the data when it comes from a
 * LocalRelation through row-preserving operators. Sort keys that cannot be
 * null need no null-placement key, and every extra key makes Polars'
 * multi-column sort markedly slower.
 */
import type { Expr } from '../../../expr/nodes.js';
import { mapChildren, typeOf } from '../../../expr/nodes.js';
import { DataType, DoubleType, FloatType } from '../../../types/data-types.js';
import { integralBits } from '../type-mapper.js';
import type { LogicalPlan } from '../../../plan/nodes.js';
import { inputs, schemaOf } from '../../../plan/nodes.js';
import type { Batch } from '../../../data/batch.js';
import { heldFrame } from '../native-batch.js';
import type { NativeDataFrame } from '../native.js';

const nullFree = new WeakMap<Batch, Map<number, boolean>>();

function batchColumnNullFree(b: Batch, i: number): boolean {
  let m = nullFree.get(b);
  if (!m) nullFree.set(b, (m = new Map()));
  let r = m.get(i);
  if (r === undefined) {
    const frame = heldFrame(b);
    r = frame ? frameColumnNullFree(frame, i) : arrayNullFree(b.columns[i]!);
    m.set(i, r);
  }
  return r;
}

/** A native-backed batch answers from Polars' null count, without reading its values into JS. */
function frameColumnNullFree(frame: NativeDataFrame, i: number): boolean {
  const s = frame.getColumns()[i];
  return s !== undefined && s.nullCount() === 0;
}

function arrayNullFree(col: readonly unknown[]): boolean {
  for (let k = 0; k < col.length; k++) {
    const v = col[k];
    if (v === null || v === undefined) return false;
  }
  return true;
}

/** True when column `index` of `plan`'s output provably holds no null. */
export function columnNonNull(plan: LogicalPlan, index: number, depth = 0): boolean {
  if (depth > 64) return false;
  const s = plan.kind === 'LocalRelation' ? plan.data.schema : schemaOf(plan);
  if (s.fields[index]?.nullable === false) return true;
  switch (plan.kind) {
    case 'LocalRelation':
      return Object.isFrozen(plan.data) && batchColumnNullFree(plan.data, index);
    case 'Filter':
    case 'Sort':
    case 'Limit':
    case 'Offset':
    case 'Deduplicate':
    case 'Sample':
    case 'AdaptiveRepartition':
      return columnNonNull(plan.input, index, depth + 1);
    case 'Window':
    case 'Generate': {
      const n = schemaOf(plan.input).fields.length;
      return index < n && columnNonNull(plan.input, index, depth + 1);
    }
    case 'Project':
      return exprNonNull(plan.exprs[index], plan.input, depth);
    case 'Join': {
      const nl = schemaOf(plan.left).fields.length;
      const t = plan.joinType;
      if (index < nl) return t !== 'right' && t !== 'full' && columnNonNull(plan.left, index, depth + 1);
      return (t === 'inner' || t === 'cross' || t === 'right') && columnNonNull(plan.right, index - nl, depth + 1);
    }
    case 'SetOperation':
      return plan.op === 'union'
        ? columnNonNull(plan.left, index, depth + 1) && columnNonNull(plan.right, index, depth + 1)
        : columnNonNull(plan.left, index, depth + 1);
    default:
      void inputs;
      return false;
  }
}

/** True when the expression, evaluated over `input`, provably yields no null. */
export function exprNonNull(e: Expr | undefined, input: LogicalPlan, depth = 0): boolean {
  if (!e) return false;
  if (e.nullable === false) return true;
  if (e.kind === 'Alias') return exprNonNull(e.child, input, depth);
  if (e.kind === 'BoundRef') return columnNonNull(input, e.index, depth + 1);
  if (e.kind === 'Call' && NULL_PRESERVING_ARITHMETIC.has(e.fn) && isPlainNumber(e.dataType)) {
    return e.args.every((a) => exprNonNull(a, input, depth + 1));
  }
  if (e.kind === 'Cast' && isPlainNumber(e.dataType) && isPlainNumber(typeOf(e.child))) return exprNonNull(e.child, input, depth + 1);
  return false;
}

/** Operators whose result is null only when an operand is (division and modulo give null for a zero divisor). */
const NULL_PRESERVING_ARITHMETIC = new Set(['add', 'subtract', 'multiply', 'negative']);

/** Integral and floating types: their arithmetic wraps or goes to ±Infinity/NaN, never to null (decimals overflow to null). */
function isPlainNumber(t: DataType | undefined): boolean {
  return t !== undefined && (integralBits(t) !== undefined || t instanceof DoubleType || t instanceof FloatType);
}

/**
 * `e` with every sub-expression that provably yields no null over `input`
 * marked `nullable: false`, so lowerings can skip null handling (e.g. a
 * sum's non-null count becomes the group length).
 */
export function markNonNull(e: Expr, input: LogicalPlan): Expr {
  const m = mapChildren(e, (c) => markNonNull(c, input));
  if (m.nullable !== false && m.kind !== 'WindowExpr' && exprNonNull(m, input)) return Object.freeze({ ...m, nullable: false });
  return m;
}
