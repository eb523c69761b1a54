/**
 * `a DIV b` (Spark's IntegralDivide): typed here with Spark's checks, and
 * rewritten by the analyzer (operator-coercion.ts) into arithmetic every
 * backend runs. Strings are promoted to double, integral operands widen to
 * bigint, decimals stay decimal; a double or float operand is an error.
 */
import { DecimalType, DOUBLE, LONG, NullType, StringType, isIntegral, type DataType } from '../../types/data-types.js';
import { dataTypeMismatch, sqlTypeName } from '../define.js';
import type { ArgInfo, FunctionDef, ResolveContext } from '../registry.js';
import { binaryOpWrongType, OPERATOR_INPUT_TYPES, refuseAnsiStrings } from './operators.js';

/** The operand type Spark's coercion gives before IntegralDivide's input check. */
function operandType(t: DataType): DataType {
  if (t instanceof StringType) return DOUBLE;
  if (isIntegral(t) || t instanceof NullType) return LONG;
  return t;
}

/** Each operand's type after coercion (bigint or decimal), or Spark's error. */
export function integralDivideTypes(args: readonly ArgInfo[], ctx: ResolveContext): [DataType, DataType] {
  refuseAnsiStrings(args, ctx, OPERATOR_INPUT_TYPES.div!);
  const [l, r] = [operandType(args[0]!.dataType), operandType(args[1]!.dataType)];
  const ok = (t: DataType): boolean => t.equals(LONG) || t instanceof DecimalType;
  if (ok(l) && ok(r)) return [l, r];
  if (!l.equals(r) && !(l instanceof DecimalType && r instanceof DecimalType)) {
    throw dataTypeMismatch(ctx, 'BINARY_OP_DIFF_TYPES', `the left and right operands of the binary operator have incompatible types (${sqlTypeName(l)} and ${sqlTypeName(r)})`, {
      left: sqlTypeName(l),
      right: sqlTypeName(r),
    });
  }
  throw binaryOpWrongType(ctx, OPERATOR_INPUT_TYPES.div!, l);
}

export const integralDivideDefs: readonly FunctionDef[] = [
  {
    name: 'div',
    kind: 'scalar',
    minArgs: 2,
    maxArgs: 2,
    nullIntolerant: true,
    resolve(args, _call, ctx) {
      integralDivideTypes(args, ctx);
      return { dataType: LONG, nullable: true, argTypes: [undefined, undefined] };
    },
    sql: (a) => `(${a[0]} div ${a[1]})`,
  },
];
