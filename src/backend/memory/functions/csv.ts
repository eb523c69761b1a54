/** from_csv, to_csv, schema_of_csv on the CSV source's machinery (export/csv-functions.ts). */
import type { StructType } from '../../../types/data-types.js';
import { optionsOf } from '../../../functions/options-arg.js';
import { fromCsvConverter, inferCsvSchemaText, toCsvWriter } from '../../export/csv-functions.js';
import type { FunctionImpl } from './types.js';
import { argType, compiled, isNullish, literalArg, resultType } from './util.js';

const fromCsv = compiled((args, call, ctx) => {
  const read = fromCsvConverter(resultType(call) as StructType, optionsOf(call.args[2]) ?? {}, ctx.timeZone);
  return (i) => {
    const s = args[0]!(i);
    return isNullish(s) ? null : read(s as string);
  };
});

const toCsv = compiled((args, call, ctx) => {
  const write = toCsvWriter(argType(call, 0) as StructType, optionsOf(call.args[1]) ?? {}, ctx.timeZone);
  return (i) => {
    const v = args[0]!(i);
    return isNullish(v) ? null : write(v as unknown[]);
  };
});

const schemaOfCsv = compiled((_args, call) => {
  const text = inferCsvSchemaText(literalArg(call, 0)!.value as string, optionsOf(call.args[1]) ?? {});
  return () => text;
});

export const csvImpls: Record<string, FunctionImpl> = { from_csv: fromCsv, to_csv: toCsv, schema_of_csv: schemaOfCsv };
