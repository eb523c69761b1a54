/**
 * CSV functions: from_csv, to_csv, schema_of_csv. Checks, types and names as
 * Spark 3.5.7: the schema and options are read at analysis, names show only
 * the first argument.
 */
import { AnalysisException } from '../../errors/index.js';
import { NullType, StructField, StructType } from '../../types/data-types.js';
import { sqlTypeName, unexpectedInputType } from '../define.js';
import { checkOptions } from '../options-arg.js';
import type { FunctionDef } from '../registry.js';
import { parseSchemaArg, requireString, schemaOfFormatDef, schemaText, toFormatDef } from './json.js';

const fromCsv: FunctionDef = {
  name: 'from_csv',
  kind: 'scalar',
  minArgs: 2,
  maxArgs: 3,
  resolve(args, _call, ctx) {
    requireString(args, 0, ctx);
    const text = schemaText(args[1]!.expr);
    if (typeof text !== 'string') {
      throw new AnalysisException(
        `The input schema "${ctx.argSql[1]}" is not a valid schema string. The input expression must be string literal and not null.`,
        { errorClass: 'INVALID_SCHEMA.NON_STRING_LITERAL', messageParameters: { inputSchema: `"${ctx.argSql[1]}"` } },
      );
    }
    const t = parseSchemaArg(text);
    if (!(t instanceof StructType)) {
      throw new AnalysisException(
        `The input schema "${text}" is not a valid schema string. The input expression should be evaluated to struct type, but got ${sqlTypeName(t)}.`,
        { errorClass: 'INVALID_SCHEMA.NON_STRUCT_TYPE', messageParameters: { inputSchema: `"${text}"`, dataType: sqlTypeName(t) } },
      );
    }
    checkOptions(args[2]);
    const dataType = new StructType(t.fields.map((f) => new StructField(f.name, f.dataType, true, f.metadata)));
    return { dataType, nullable: args[0]!.nullable };
  },
  sql: (a) => `from_csv(${a[0]})`,
};

/** to_csv(struct[, options]); a NULL literal is accepted. */
const toCsv = toFormatDef(
  'csv',
  (t, ctx) => {
    if (!(t instanceof StructType || t instanceof NullType)) throw unexpectedInputType(ctx, 0, '"STRUCT"', t);
  },
  checkOptions,
);

const schemaOfCsv = schemaOfFormatDef('csv', checkOptions);

export const csvDefs: readonly FunctionDef[] = [fromCsv, toCsv, schemaOfCsv];
