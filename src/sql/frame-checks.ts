/**
 * Spark's SpecifiedWindowFrame checks of a SQL frame (`ROWS|RANGE BETWEEN l AND u`), in its
 * order: each bound's type (a ROWS offset must be an INT literal), then the pair: UNBOUNDED
 * FOLLOWING never first and UNBOUNDED PRECEDING never last (SPECIFIED_WINDOW_FRAME_INVALID_BOUND,
 * naming the bounds as expressions: `(- 2)` for `2 PRECEDING`), then two offsets in order
 * (SPECIFIED_WINDOW_FRAME_WRONG_COMPARISON; a frame with CURRENT ROW or UNBOUNDED passes).
 * A RANGE frame over one ORDER BY key is compared after WindowFrameCoercion casts its offsets to
 * the key's type, which changes how a cast PRECEDING offset prints: `rangeOffsetsInOrder` runs
 * then, with the key's type (translate-select.ts).
 */
import { AnalysisException } from '../errors/index.js';
import { positionAnalysisError, type SqlOrigin } from '../errors/query-context.js';
import type { FrameBoundary, WindowFrame } from '../expr/nodes.js';
import { boundarySql, frameSql } from '../expr/naming.js';
import { DecimalType, INT, type DataType } from '../types/data-types.js';
import { castFrameIntervals, castsIntervalOffsets, intervalEndUnit } from './range-offset-casts.js';

const mismatch = (frameText: string, message: string, subClass: string, origin: SqlOrigin | undefined): AnalysisException => {
  const err = new AnalysisException(`Cannot resolve "${frameText}" due to data type mismatch: ${message}`, {
    errorClass: `DATATYPE_MISMATCH.${subClass}`,
    messageParameters: { sqlExpr: `"${frameText}"` },
  });
  if (origin) positionAnalysisError(err, origin);
  return err;
};

/** A bound as Spark's toSQLExpr prints the expression: the literal, `(- n)` for a preceding one. */
function boundExprSql(b: FrameBoundary): string {
  if (b.type !== 'offset' || b.interval) return boundarySql(b);
  return b.value < 0 ? `(- ${-b.value})` : String(b.value);
}

/**
 * The frame's checks before its RANGE offsets are coerced. `types` are the bound literals' types
 * (undefined for CURRENT ROW / UNBOUNDED / intervals); `orderKeys` the spec's ORDER BY count.
 */
export function checkFrame(f: WindowFrame, types: readonly (DataType | undefined)[], orderKeys: number, origin: SqlOrigin | undefined): void {
  const text = frameSql(f);
  if (f.frameType === 'rows') {
    types.forEach((t, i) => {
      if (t && !t.equals(INT)) {
        const which = i === 0 ? 'lower' : 'upper';
        throw mismatch(text, `The data type of the ${which} bound "${t.simpleString().toUpperCase()}" does not match the expected data type "INT".`, 'SPECIFIED_WINDOW_FRAME_UNACCEPTED_TYPE', origin);
      }
    });
  }
  if (f.lower.type === 'unboundedFollowing' || f.upper.type === 'unboundedPreceding') {
    throw mismatch(
      text,
      `Window frame upper bound "${boundExprSql(f.upper)}" does not follow the lower bound "${boundExprSql(f.lower)}".`,
      'SPECIFIED_WINDOW_FRAME_INVALID_BOUND',
      origin,
    );
  }
  // Only one RANGE ORDER BY key has its offsets coerced (and reprinted) first.
  if (f.frameType === 'range' && orderKeys === 1) return;
  offsetsInOrder(f, text, origin);
}

function offsetsInOrder(f: WindowFrame, text: string, origin: SqlOrigin | undefined): void {
  if (f.lower.type !== 'offset' || f.upper.type !== 'offset' || f.lower.interval || f.upper.interval) return;
  if (f.lower.value > f.upper.value) {
    throw mismatch(text, 'The lower bound of a window frame must be less than or equal to the upper bound.', 'SPECIFIED_WINDOW_FRAME_WRONG_COMPARISON', origin);
  }
}

/**
 * A RANGE frame's offsets compared once cast to the ORDER BY key's type `key`: a cast PRECEDING
 * offset prints as its negation FOLLOWING (`(- 2) FOLLOWING`), since Spark prints an implicit
 * cast as its child and only a bare negation as PRECEDING.
 */
export function rangeOffsetsInOrder(f: WindowFrame, key: DataType, origin: SqlOrigin | undefined): void {
  if (castsIntervalOffsets(key) && [f.lower, f.upper].some((b) => b.type === 'offset' && b.interval)) {
    intervalOffsetsInOrder(castFrameIntervals(f, key), key, origin);
    return;
  }
  const cast = castFrameIntervals(f, key);
  offsetsInOrder(cast, frameSql(cast), origin);
}

/** Offsets in the key's units: an interval cast to an integral key truncates its end-field count. */
function keyUnits(b: FrameBoundary, key: DataType): number {
  if (b.type !== 'offset' || !b.interval) return b.type === 'offset' ? b.value : 0;
  const n = b.value / intervalEndUnit(b.interval);
  return key instanceof DecimalType ? n : Math.trunc(n);
}

/** Interval offsets cast to an integral/decimal key, compared as the cast values (named as cast). */
function intervalOffsetsInOrder(f: WindowFrame, key: DataType, origin: SqlOrigin | undefined): void {
  if (f.lower.type !== 'offset' || f.upper.type !== 'offset') return;
  if (keyUnits(f.lower, key) > keyUnits(f.upper, key)) {
    throw mismatch(frameSql(f), 'The lower bound of a window frame must be less than or equal to the upper bound.', 'SPECIFIED_WINDOW_FRAME_WRONG_COMPARISON', origin);
  }
}
