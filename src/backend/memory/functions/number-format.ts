/** to_number / try_to_number: the input read with Spark's number format (functions/number-format.ts). */
import { IllegalArgumentException } from '../../../errors/index.js';
import { parseNumberFormat, parseWithNumberFormat } from '../../../functions/number-format.js';
import type { FunctionImpl } from './types.js';
import { compiled, isNullish, literalArg } from './util.js';

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

export const numberFormatImpls: Record<string, FunctionImpl> = {
  to_number: toNumber(false),
  try_to_number: toNumber(true),
};
