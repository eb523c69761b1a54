/**
 * count_min_sketch(col, eps, confidence, seed): Spark's CountMinSketchAgg. The
 * checks run in Spark 3.5.7's order: input types (no implicit casts for the
 * three parameters), then foldability, then nulls, then ranges.
 */
import { BinaryType, DoubleType, IntegerType, NullType, StringType, isIntegral, BINARY, type DataType } from '../../types/data-types.js';
import type { Expr } from '../../expr/nodes.js';
import { javaDoubleToString } from '../../format/value-string.js';
import { dataTypeMismatch, nonFoldableInput, unexpectedInputType, valueOutOfRange } from '../define.js';
import type { FunctionDef } from '../registry.js';
import { percentages } from './aggregate.js';

/** A constant argument (a literal, possibly under casts): its number, null, or undefined when not foldable. */
export function foldedNumber(e: Expr): number | null | undefined {
  if (e.kind === 'Literal' && e.value === null) return null;
  if (e.kind === 'Cast') return foldedNumber(e.child) === null ? null : percentages(e)?.[0];
  return percentages(e)?.[0];
}

const PARAMS: readonly [string, DataType][] = [
  ['eps', new DoubleType()],
  ['confidence', new DoubleType()],
  ['seed', new IntegerType()],
];

const acceptsItem = (t: DataType): boolean => isIntegral(t) || t instanceof StringType || t instanceof BinaryType || t instanceof NullType;

export const countMinSketchDefs: readonly FunctionDef[] = [
  {
    name: 'count_min_sketch',
    kind: 'aggregate',
    minArgs: 4,
    maxArgs: 4,
    resolve(args, _call, ctx) {
      if (!acceptsItem(args[0]!.dataType)) throw unexpectedInputType(ctx, 0, '("INTEGRAL" or "STRING" or "BINARY")', args[0]!.dataType);
      PARAMS.forEach(([, t], k) => {
        if (!args[k + 1]!.dataType.equals(t)) throw unexpectedInputType(ctx, k + 1, `"${t.sql()}"`, args[k + 1]!.dataType);
      });
      const values = PARAMS.map(([name, t], k) => {
        const v = foldedNumber(args[k + 1]!.expr);
        if (v === undefined) throw nonFoldableInput(ctx, k + 1, name, `"${t.sql()}"`, false);
        return v;
      });
      PARAMS.forEach(([name], k) => {
        if (values[k] === null) throw dataTypeMismatch(ctx, 'UNEXPECTED_NULL', `The ${name} must not be null`, { exprName: name });
      });
      const [eps, confidence] = values as number[];
      if (!(eps! > 0)) throw outOfRange(ctx, 'eps', '(0.0, 1.7976931348623157E308]', eps!);
      // Spark's message says (0.0, 1.0] although 1.0 itself is refused.
      if (!(confidence! > 0 && confidence! < 1)) throw outOfRange(ctx, 'confidence', '(0.0, 1.0]', confidence!);
      return { dataType: BINARY, nullable: false, argTypes: [] };
    },
  },
];

function outOfRange(ctx: Parameters<typeof dataTypeMismatch>[0], name: string, range: string, v: number) {
  return valueOutOfRange(ctx, name, range, `${javaDoubleToString(v)}D`);
}
