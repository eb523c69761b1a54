/**
 * Approximate aggregates and sketches: percentile_approx / approx_percentile
 * (Spark's Greenwald-Khanna summaries). Checks, types and names as Spark
 * 3.5.7: the default accuracy 10000 shows in the name.
 */
import { ArrayType, DataType, DateType, LongType, NullType, TimestampNTZType, TimestampType, DOUBLE, LONG } from '../../types/data-types.js';
import { javaDoubleToString } from '../../format/value-string.js';
import { castsFor, dataTypeMismatch, implicitCast, nonFoldableInput, unexpectedInputType } from '../define.js';
import type { Expr } from '../../expr/nodes.js';
import type { ArgInfo, FunctionDef, ResolveContext } from '../registry.js';
import { percentages } from './aggregate.js';
import { isAnsiInterval } from '../../types/intervals.js';

const isNullLiteral = (e: Expr): boolean => (e.kind === 'Literal' && e.value === null) || (e.kind === 'Cast' && isNullLiteral(e.child));

/** The literal integer value of an accuracy argument. */
function integralLiteral(e: Expr): number | undefined {
  if (e.kind === 'Literal') return typeof e.value === 'number' ? e.value : typeof e.value === 'bigint' ? Number(e.value) : undefined;
  if (e.kind === 'Cast') return integralLiteral(e.child);
  return undefined;
}

/** The input type percentile_approx keeps: numeric, date, timestamp (strings become double). */
function valueType(a: ArgInfo, ctx: ResolveContext): DataType {
  const t = a.dataType;
  if (t instanceof DateType || t instanceof TimestampType || t instanceof TimestampNTZType || isAnsiInterval(t)) return t;
  const n = implicitCast(t, 'numeric');
  if (!n || t instanceof NullType) {
    if (t instanceof NullType) return DOUBLE;
    throw unexpectedInputType(ctx, 0, '("NUMERIC" or "DATE" or "TIMESTAMP" or "TIMESTAMP_NTZ" or "INTERVAL YEAR TO MONTH" or "INTERVAL DAY TO SECOND")', t);
  }
  return n;
}

/** percentile_approx(x, percentage[, accuracy = 10000]): result of x's type (an array for an array of percentages). */
const percentileApprox = (name: string): FunctionDef => ({
  name,
  kind: 'aggregate',
  minArgs: 2,
  maxArgs: 3,
  resolve(args, _call, ctx) {
    const x = valueType(args[0]!, ctx);
    const pct = args[1]!;
    const isArray = pct.dataType instanceof ArrayType;
    const pType = isArray ? new ArrayType(DOUBLE, false) : DOUBLE;
    if (!implicitCast(pct.dataType, pType) && !(isArray && implicitCast((pct.dataType as ArrayType).elementType, DOUBLE))) {
      throw unexpectedInputType(ctx, 1, '("DOUBLE" or "ARRAY<DOUBLE>")', pct.dataType);
    }
    if (isArray && (pct.dataType as ArrayType).containsNull) throw unexpectedInputType(ctx, 1, '("DOUBLE" or "ARRAY<DOUBLE>")', pct.dataType);
    if (isNullLiteral(pct.expr)) throw dataTypeMismatch(ctx, 'UNEXPECTED_NULL', 'The percentage must not be null', { exprName: 'percentage' });
    const ps = percentages(pct.expr);
    if (!ps) throw nonFoldableInput(ctx, 1, 'percentage', '"DOUBLE"');
    const acc = args[2];
    let accType: DataType = LONG;
    if (acc) {
      const t = implicitCast(acc.dataType, 'integral');
      if (!t) throw unexpectedInputType(ctx, 2, '"INTEGRAL"', acc.dataType);
      accType = t instanceof LongType ? t : LONG;
      if (isNullLiteral(acc.expr)) throw dataTypeMismatch(ctx, 'UNEXPECTED_NULL', 'The accuracy must not be null', { exprName: 'accuracy' });
      const v = integralLiteral(acc.expr);
      if (v === undefined) throw nonFoldableInput(ctx, 2, 'accuracy', '"BIGINT"');
      if (!(v > 0 && v <= 2147483647)) {
        throw dataTypeMismatch(ctx, 'VALUE_OUT_OF_RANGE', `The accuracy must be between (0, 2147483647] (current value = ${v}L)`, {
          exprName: 'accuracy',
          valueRange: '(0, 2147483647]',
          currentValue: `${v}L`,
        });
      }
    }
    const bad = ps.find((p) => !(p >= 0 && p <= 1));
    if (bad !== undefined) {
      throw dataTypeMismatch(ctx, 'VALUE_OUT_OF_RANGE', `The percentage must be between [0.0, 1.0] (current value = ${javaDoubleToString(bad)}D)`, {
        exprName: 'percentage',
        valueRange: '[0.0, 1.0]',
        currentValue: `${javaDoubleToString(bad)}D`,
      });
    }
    return {
      dataType: isArray ? new ArrayType(x, false) : x,
      nullable: true,
      argTypes: castsFor(args, acc ? [x, pType, accType] : [x, pType]),
    };
  },
  sql: (a) => `${name}(${[...a, ...(a.length < 3 ? ['10000'] : [])].join(', ')})`,
});

export const sketchDefs: readonly FunctionDef[] = [percentileApprox('percentile_approx'), percentileApprox('approx_percentile')];
