/**
 * Interval values have no exact Polars form in this binding (a calendar
 * interval's months, days and microseconds, Spark's interval field types), so
 * a query whose any node outputs an interval column runs entirely in the
 * memory interpreter. Interval literals inside other nodes are delegated per
 * node by the expression translator (nx.ts `literal`).
 */
import { inputs, schemaOf, type LogicalPlan } from '../../plan/nodes.js';
import { ArrayType, MapType, StructType, type DataType } from '../../types/data-types.js';
import { isIntervalType } from '../../types/intervals.js';

export const INTERVAL_DELEGATION = 'interval values run in the interpreter';

function holdsInterval(t: DataType): boolean {
  if (isIntervalType(t)) return true;
  if (t instanceof ArrayType) return holdsInterval(t.elementType);
  if (t instanceof MapType) return holdsInterval(t.keyType) || holdsInterval(t.valueType);
  if (t instanceof StructType) return t.fields.some((f) => holdsInterval(f.dataType));
  return false;
}

/** True when some node of the resolved plan has an interval-typed column. */
export function planHoldsIntervals(p: LogicalPlan): boolean {
  if (schemaOf(p).fields.some((f) => holdsInterval(f.dataType))) return true;
  return inputs(p).some(planHoldsIntervals);
}
