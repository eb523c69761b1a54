/**
 * Spark 3.5's WindowFrameCoercion casts a RANGE frame's offsets to a numeric ORDER BY key's type
 * when their own type differs: a number literal (INT, BIGINT, DECIMAL(p,s)) to another numeric
 * type, an interval to an integral or decimal key (the cast counts the interval's end field).
 * checkRangeFrameTypes finds such specs; here their offsets are marked `castTo` the key type,
 * which the name (a cast prints as its child: `(- 1) FOLLOWING`, `(- INTERVAL '1' DAY) FOLLOWING`)
 * and the memory backend's frame (an interval's count) read.
 */
import { E, type Expr, type FrameBoundary, type WindowFrame, type WindowSpecDef } from '../expr/nodes.js';
import { originOf, selectItemOrigin, setSelectItemOrigin, withOrigin } from '../expr/origin.js';
import { DayTimeIntervalType, DecimalType, INT, isIntegral, isNumeric, LONG, YearMonthIntervalType, type DataType } from '../types/data-types.js';
import { DAY_TIME_UNIT_MICROS } from '../types/intervals.js';
import { mapExpr, namedWindowRefs } from './parsed-expressions.js';

/** Whether an interval offset over a key of type `t` is cast to it rather than refused. */
export const castsIntervalOffsets = (t: DataType): boolean => isIntegral(t) || t instanceof DecimalType;

/** A number offset's literal type: INT, BIGINT past INT's range, DECIMAL(p,s) with a fraction. */
function literalType(value: number): DataType {
  if (Number.isInteger(value)) return Math.abs(value) <= 2147483647 ? INT : LONG;
  const digits = String(Math.abs(value)).replace(/^0+/, '');
  const scale = digits.length - digits.indexOf('.') - 1;
  return new DecimalType(Math.max(digits.length - 1, scale), scale);
}

/** Whether WindowFrameCoercion casts the offset `b` to the numeric key type `t`. */
export function offsetCastTo(b: FrameBoundary, t: DataType): boolean {
  if (b.type !== 'offset') return false;
  if (b.interval) return castsIntervalOffsets(t);
  return isNumeric(t) && !literalType(b.value).equals(t);
}

const castBound = (b: FrameBoundary, t: DataType): FrameBoundary => (b.type === 'offset' && offsetCastTo(b, t) ? { ...b, castTo: t } : b);

/** `f` with the offsets cast to the key type `t` marked so. */
export const castFrameIntervals = (f: WindowFrame, t: DataType): WindowFrame => ({ ...f, lower: castBound(f.lower, t), upper: castBound(f.upper, t) });

/** Months or microseconds in one unit of an interval type's end field (what a cast to a number counts). */
export function intervalEndUnit(t: DataType): number {
  if (t instanceof YearMonthIntervalType) return t.endField === YearMonthIntervalType.YEAR ? 12 : 1;
  return t instanceof DayTimeIntervalType ? DAY_TIME_UNIT_MICROS[t.endField]! : 1;
}

/** `exprs` with the frames of the window specs in `casts` cast to their key types. */
export function castIntervalOffsets<T extends Expr>(exprs: readonly T[], casts: ReadonlyMap<WindowSpecDef, DataType>): T[] {
  if (casts.size === 0) return [...exprs];
  const rewrite = (e: Expr): Expr => {
    const m = mapExpr(e, rewrite);
    const t = e.kind === 'WindowExpr' ? casts.get(e.spec) : undefined;
    if (!t || m.kind !== 'WindowExpr' || !m.spec.frame) return m;
    const f = m.spec.frame;
    const spec: WindowSpecDef = { ...m.spec, frame: castFrameIntervals(f, t) };
    const ref = namedWindowRefs.get(m.spec);
    if (ref !== undefined) namedWindowRefs.set(spec, ref);
    const out = E.window(m.fn, spec);
    const origin = originOf(e);
    return origin ? withOrigin(out, origin) : out;
  };
  return exprs.map((e) => {
    const out = rewrite(e) as T;
    setSelectItemOrigin(out, selectItemOrigin(e));
    return out;
  });
}
