/**
 * Spark's analysis checks of a window's frame: a RANGE frame with value
 * offsets needs one orderable numeric/datetime key, and functions with a
 * frame of their own (lag/lead, the ranking functions) accept no other one.
 */
import { AnalysisException } from '../errors/index.js';
import { positionAnalysisError, withoutPosition } from '../errors/query-context.js';
import { specOrigin } from '../expr/origin.js';
import { typeOf, type Expr, type FrameBoundary, type WindowFrame, type WindowSpecDef } from '../expr/nodes.js';
import { defaultFrame, exprSql, frameSql, windowSpecSql } from '../expr/naming.js';
import { sqlTypeName } from '../functions/define.js';
import { DateType, NumericType, TimestampNTZType, TimestampType } from '../types/data-types.js';

/** Spark's checks of a window spec's RANGE frame (an order; with value offsets one numeric or datetime key), at the spec. */
export function checkRangeFrame(spec: WindowSpecDef, fn: Expr): void {
  try {
    checkSpec(spec, fn);
  } catch (err) {
    const origin = specOrigin(spec);
    if (origin) positionAnalysisError(err, origin);
    throw err;
  }
}

function checkSpec(spec: WindowSpecDef, fn: Expr): void {
  const f = spec.frame;
  if (!f || f.frameType !== 'range') return;
  const specSql = `(${windowSpecSql(spec, fn)})`;
  // Any RANGE frame but the whole partition needs an order, value offsets or not.
  if (spec.orderBy.length === 0 && !(f.lower.type === 'unboundedPreceding' && f.upper.type === 'unboundedFollowing')) {
    throw new AnalysisException(
      `Cannot resolve "${specSql}" due to data type mismatch: A range window frame cannot be used in an unordered window specification.`,
      { errorClass: 'DATATYPE_MISMATCH.RANGE_FRAME_WITHOUT_ORDER', messageParameters: { sqlExpr: `"${specSql}"` } },
    );
  }
  if (f.lower.type !== 'offset' && f.upper.type !== 'offset') return;
  if (spec.orderBy.length > 1) {
    throw new AnalysisException(
      `Cannot resolve "${specSql}" due to data type mismatch: A range window frame with value boundaries cannot be used in a window specification with multiple order by expressions: ${spec.orderBy.map((o) => exprSql(o)).join(',')}.`,
      { errorClass: 'DATATYPE_MISMATCH.RANGE_FRAME_MULTI_ORDER', messageParameters: { sqlExpr: `"${specSql}"` } },
    );
  }
  const t = typeOf(spec.orderBy[0]!.child);
  if (!(t instanceof NumericType || t instanceof DateType || t instanceof TimestampType || t instanceof TimestampNTZType)) {
    const frame = frameSql(f);
    throw new AnalysisException(
      `Cannot resolve "${frame}" due to data type mismatch: The data type of the lower bound "${sqlTypeName(t).replace(/"/g, '')}" does not match the expected data type ("NUMERIC" or "INTERVAL DAY TO SECOND" or "INTERVAL YEAR TO MONTH" or "INTERVAL").`,
      { errorClass: 'DATATYPE_MISMATCH.SPECIFIED_WINDOW_FRAME_UNACCEPTED_TYPE', messageParameters: { sqlExpr: `"${frame}"` } },
    );
  }
}

// The ranking functions compute over the rows up to the current one (cume_dist over its peers too).
const RANKING_FRAME: WindowFrame = { frameType: 'rows', lower: { type: 'unboundedPreceding' }, upper: { type: 'currentRow' } };
const REQUIRED_FRAMES: Readonly<Record<string, WindowFrame>> = {
  row_number: RANKING_FRAME,
  rank: RANKING_FRAME,
  dense_rank: RANKING_FRAME,
  percent_rank: RANKING_FRAME,
  ntile: RANKING_FRAME,
  cume_dist: { frameType: 'range', lower: { type: 'unboundedPreceding' }, upper: { type: 'currentRow' } },
};

/** A frame as Spark's SpecifiedWindowFrame prints itself in these messages. */
function frameString(f: WindowFrame): string {
  const bound = (b: FrameBoundary): string =>
    b.type === 'unboundedPreceding' ? 'unboundedpreceding$()' : b.type === 'unboundedFollowing' ? 'unboundedfollowing$()' : b.type === 'currentRow' ? 'currentrow$()' : String(b.value);
  return `specifiedwindowframe(${f.frameType === 'rows' ? 'RowFrame' : 'RangeFrame'}, ${bound(f.lower)}, ${bound(f.upper)})`;
}

const sameFrame = (a: WindowFrame, b: WindowFrame): boolean => frameString(a) === frameString(b);

/** A frame the user gave (`frame`) must be the function's own one, where it has one. */
export function checkRequiredFrame(fn: Expr, frame: WindowFrame | undefined): void {
  if (!frame || fn.kind !== 'Call') return;
  if (fn.fn === 'lag' || fn.fn === 'lead') {
    // lag/lead's own frame is ROWS BETWEEN <offset> AND <offset> as signed literals: SQL's `1 PRECEDING` (a negation) never equals it.
    const own = defaultFrame({ partitionBy: [], orderBy: [] }, fn);
    const literal = (b: FrameBoundary): boolean => b.type !== 'offset' || b.value >= 0 || b.literal === true;
    if (!sameFrame(own, frame) || !literal(frame.lower) || !literal(frame.upper)) {
      throw withoutPosition(new AnalysisException(`Cannot specify window frame for ${fn.fn} function.`));
    }
    return;
  }
  const required = REQUIRED_FRAMES[fn.fn];
  if (required && !sameFrame(required, frame)) {
    throw withoutPosition(new AnalysisException(`Window Frame ${frameString(frame)} must match the required frame ${frameString(required)}.`));
  }
}

/**
 * Aggregates that take the whole partition over a window (median, percentile_cont/disc in Spark 3.5.7):
 * no ORDER BY, and no frame but ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING (`frame` as written).
 */
export function checkWholePartitionAggregate(aggSql: string, orderBy: readonly unknown[], frame: WindowFrame | undefined): void {
  const whole = !frame || (frame.frameType === 'rows' && frame.lower.type === 'unboundedPreceding' && frame.upper.type === 'unboundedFollowing');
  if (orderBy.length === 0 && whole) return;
  throw new AnalysisException(`Cannot specify ORDER BY or a window frame for "${aggSql}".`, {
    errorClass: 'INVALID_WINDOW_SPEC_FOR_AGGREGATION_FUNC',
    messageParameters: { aggFunc: `"${aggSql}"` },
  });
}
