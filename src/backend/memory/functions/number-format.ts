/** to_number / try_to_number read a string with Spark's number format; to_char writes a decimal with one (functions/number-format.ts). */
import { IllegalArgumentException } from '../../../errors/index.js';
import { parseNumberFormat, parseWithNumberFormat } from '../../../functions/number-format.js';
import { formatWithNumberFormat } from '../../../functions/number-to-char.js';
import type { DecimalType } from '../../../types/data-types.js';
import type { FunctionImpl } from './types.js';
import { argType, compiled, isNullish, literalArg } from './util.js';

const toNumber = (tolerant: boolean): FunctionImpl =>
  compiled((args, call) => {
    const f = parseNumberFormat(literalArg(call, 1)!.value as string);
    return (i) => {
      const s = args[0]!(i);
      if (isNullish(s)) return null;
      const v = parseWithNumberFormat(s as string, f);
      if (v !== undefined) return v;
      if (tolerant) return null;
      throw new IllegalArgumentException(`The format is invalid: ${f.text}. The input "STRING" ${String(s)} does not match the format.`, {
        errorClass: 'INVALID_FORMAT.MISMATCH_INPUT',
        messageParameters: { inputType: '"STRING"', input: String(s), format: f.text },
      });
    };
  });

const toChar: FunctionImpl = compiled((args, call) => {
  const text = literalArg(call, 1)?.value;
  if (isNullish(text)) return () => null;
  const f = parseNumberFormat(text as string);
  const scale = (argType(call, 0) as DecimalType).scale;
  return (i) => {
    const v = args[0]!(i);
    return isNullish(v) ? null : formatWithNumberFormat(v as bigint, scale, f);
  };
});

export const numberFormatImpls: Record<string, FunctionImpl> = {
  to_number: toNumber(false),
  try_to_number: toNumber(true),
  to_char: toChar,
  to_varchar: toChar,
};
