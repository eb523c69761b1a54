/**
 * The xpath family: xpath (array of node values), xpath_string,
 * xpath_boolean and the numeric forms. Both arguments are STRING without
 * implicit casts; the path must be a literal. Results are always nullable.
 */
import { ArrayType, BOOLEAN, DOUBLE, FLOAT, INT, LONG, SHORT, STRING, type DataType } from '../../types/data-types.js';
import { dataTypeMismatch } from '../define.js';
import type { FunctionDef } from '../registry.js';
import { requireString } from './json.js';

const xpathFn = (name: string, dataType: DataType): FunctionDef => ({
  name,
  kind: 'scalar',
  minArgs: 2,
  maxArgs: 2,
  nullIntolerant: true,
  resolve(args, _call, ctx) {
    requireString(args, 0, ctx);
    requireString(args, 1, ctx);
    if (args[1]!.literal === undefined) {
      throw dataTypeMismatch(ctx, 'NON_FOLDABLE_INPUT', `the input path should be a foldable "STRING" expression; however, got "${ctx.argSql[1]}"`, {
        inputName: '`path`',
        inputType: '"STRING"',
        inputExpr: `"${ctx.argSql[1]}"`,
      });
    }
    return { dataType, nullable: true };
  },
});

export const xpathDefs: readonly FunctionDef[] = [
  xpathFn('xpath', new ArrayType(STRING, true)),
  xpathFn('xpath_string', STRING),
  xpathFn('xpath_boolean', BOOLEAN),
  xpathFn('xpath_number', DOUBLE),
  xpathFn('xpath_double', DOUBLE),
  xpathFn('xpath_float', FLOAT),
  xpathFn('xpath_int', INT),
  xpathFn('xpath_long', LONG),
  xpathFn('xpath_short', SHORT),
];
