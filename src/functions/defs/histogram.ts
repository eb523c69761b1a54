/** histogram_numeric(expr, nb): Spark's streaming numeric histogram as array<struct<x, y>>. */
import { ArrayType, DOUBLE, DateType, DayTimeIntervalType, INT, StructField, StructType, TimestampNTZType, TimestampType, YearMonthIntervalType, type DataType } from '../../types/data-types.js';
import { castsFor, coerceArg, dataTypeMismatch, nonFoldableInput } from '../define.js';
import type { FunctionDef } from '../registry.js';

const isDatetime = (t: DataType): boolean => t instanceof DateType || t instanceof TimestampType || t instanceof TimestampNTZType;

export const histogramDefs: readonly FunctionDef[] = [
  {
    name: 'histogram_numeric',
    kind: 'aggregate',
    minArgs: 2,
    maxArgs: 2,
    resolve(args, _call, ctx) {
      // Dates, timestamps and ANSI intervals keep their type: bins are built over their days,
      // microseconds or months as doubles and each centre truncates back (as in Spark).
      const raw = args[0]!.dataType;
      const keepsType = isDatetime(raw) || raw instanceof DayTimeIntervalType || raw instanceof YearMonthIntervalType;
      const t = keepsType ? raw : coerceArg(args, 0, 'numeric', ctx);
      const nbType = coerceArg(args, 1, INT, ctx);
      const lit = args[1]!.literal;
      if (!lit) {
        throw nonFoldableInput(ctx, 1, 'nb', '"INT"', false);
      }
      const nb = Number(lit.value);
      if (lit.value === null || !(nb >= 2 && nb <= 2147483647)) {
        throw dataTypeMismatch(ctx, 'VALUE_OUT_OF_RANGE', `The nb must be between [2, 2147483647] (current value = ${String(lit.value)})`, {
          exprName: 'nb',
          valueRange: '[2, 2147483647]',
          currentValue: String(lit.value),
        });
      }
      const bin = new StructType([new StructField('x', t, true), new StructField('y', DOUBLE, true)]);
      return { dataType: new ArrayType(bin, true), nullable: true, argTypes: castsFor(args, [t, nbType]) };
    },
  },
];
