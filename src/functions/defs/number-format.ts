/** to_number / try_to_number / to_char with Spark's number format strings (functions/number-format.ts). */
import { DecimalType, NullType, STRING, StringType, isIntegral, isNumeric, type DataType } from '../../types/data-types.js';
import { decimalForType } from '../../types/coercion.js';
import { castsFor, coerceArg, dataTypeMismatch, unexpectedInputType } from '../define.js';
import { parseNumberFormat } from '../number-format.js';
import type { ArgInfo, FunctionDef, ResolveContext } from '../registry.js';

/** The format must be a constant (Spark's NON_FOLDABLE_INPUT otherwise). */
function requireFoldableFormat(args: readonly ArgInfo[], ctx: ResolveContext): void {
  if (args[1]!.literal !== undefined) return;
  throw dataTypeMismatch(ctx, 'NON_FOLDABLE_INPUT', `the input \`attributereference\` should be a foldable "STRING" expression; however, got "${ctx.argSql[1]}"`, {
    inputName: '`attributereference`',
    inputType: '"STRING"',
    inputExpr: `"${ctx.argSql[1]}"`,
  });
}

const toNumber = (name: string, tolerant: boolean): FunctionDef => ({
  name,
  kind: 'scalar',
  minArgs: 2,
  maxArgs: 2,
  resolve(args, _call, ctx) {
    const types = args.map((_, i) => coerceArg(args, i, 'string', ctx));
    requireFoldableFormat(args, ctx);
    const f = args[1]!.literal?.value;
    const fmt = typeof f === 'string' ? parseNumberFormat(f) : undefined;
    return { dataType: new DecimalType(fmt?.precision ?? 38, fmt?.scale ?? 0), nullable: tolerant || args.some((a) => a.nullable), argTypes: castsFor(args, types) };
  },
});

/** Spark's implicit cast to DECIMAL: exact for integral types, DECIMAL(38,18) from strings. */
function decimalInput(t: DataType): DecimalType | undefined {
  if (t instanceof DecimalType) return t;
  if (isNumeric(t)) return decimalForType(t);
  if (t instanceof StringType || t instanceof NullType) return new DecimalType(38, 18);
  return undefined;
}

/** to_char(number, format) (to_varchar is the same function, named to_char): a decimal written with the format. */
const toChar = (name: string): FunctionDef => ({
  name,
  kind: 'scalar',
  minArgs: 2,
  maxArgs: 2,
  sql: (argSql) => `to_char(${argSql.join(', ')})`,
  resolve(args, _call, ctx) {
    const input = decimalInput(args[0]!.dataType);
    if (!input) throw unexpectedInputType(ctx, 0, '"DECIMAL"', args[0]!.dataType);
    const fmtType = coerceArg(args, 1, 'string', ctx);
    requireFoldableFormat(args, ctx);
    const f = args[1]!.literal?.value;
    if (typeof f === 'string') parseNumberFormat(f);
    // The cast to DECIMAL can only fail (null) from non-integral inputs.
    const castNullable = !args[0]!.dataType.equals(input) && !isIntegral(args[0]!.dataType);
    return { dataType: STRING, nullable: args[0]!.nullable || castNullable || args[1]!.nullable, argTypes: castsFor(args, [input, fmtType]) };
  },
});

export const numberFormatDefs: readonly FunctionDef[] = [toNumber('to_number', false), toNumber('try_to_number', true), toChar('to_char'), toChar('to_varchar')];
