/** to_number / try_to_number with Spark's number format strings (functions/number-format.ts). */
import { DecimalType } from '../../types/data-types.js';
import { castsFor, coerceArg, dataTypeMismatch } from '../define.js';
import { parseNumberFormat } from '../number-format.js';
import type { FunctionDef } from '../registry.js';

const toNumber = (name: string, tolerant: boolean): FunctionDef => ({
  name,
  kind: 'scalar',
  minArgs: 2,
  maxArgs: 2,
  resolve(args, _call, ctx) {
    const types = args.map((_, i) => coerceArg(args, i, 'string', ctx));
    const f = args[1]!.literal?.value;
    if (args[1]!.literal === undefined) {
      throw dataTypeMismatch(ctx, 'NON_FOLDABLE_INPUT', `the input \`attributereference\` should be a foldable "STRING" expression; however, got "${ctx.argSql[1]}"`, {
        inputName: '`attributereference`',
        inputType: '"STRING"',
        inputExpr: `"${ctx.argSql[1]}"`,
      });
    }
    const fmt = typeof f === 'string' ? parseNumberFormat(f) : undefined;
    return { dataType: new DecimalType(fmt?.precision ?? 38, fmt?.scale ?? 0), nullable: tolerant || args.some((a) => a.nullable), argTypes: castsFor(args, types) };
  },
});

export const numberFormatDefs: readonly FunctionDef[] = [toNumber('to_number', false), toNumber('try_to_number', true)];
