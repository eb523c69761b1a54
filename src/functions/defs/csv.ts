/**
 * CSV functions: from_csv, to_csv, schema_of_csv. Checks, types and names as
 * Spark 3.5.7: the schema and options are read at analysis, names show only
 * the first argument.
 */
import { AnalysisException } from '../../errors/index.js';
import { NullType, StructField, StructType, STRING } from '../../types/data-types.js';
import { dataTypeMismatch, sqlTypeName, nonFoldableInput } from '../define.js';
import { checkOptions } from '../options-arg.js';
import type { FunctionDef } from '../registry.js';
import { parseSchemaArg, requireString } from './json.js';

const fromCsv: FunctionDef = {
  name: 'from_csv',
  kind: 'scalar',
  minArgs: 2,
  maxArgs: 3,
  resolve(args, _call, ctx) {
    requireString(args, 0, ctx);
    const e = args[1]!.expr;
    const text = e.kind === 'Literal' && typeof e.value === 'string' ? e.value : undefined;
    if (text === undefined) {
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

const toCsv: FunctionDef = {
  name: 'to_csv',
  kind: 'scalar',
  minArgs: 1,
  maxArgs: 2,
  resolve(args, _call, ctx) {
    const t = args[0]!.dataType;
    if (!(t instanceof StructType || t instanceof NullType)) {
      throw dataTypeMismatch(ctx, 'UNEXPECTED_INPUT_TYPE', `Parameter 1 requires the "STRUCT" type, however "${ctx.argSql[0]}" has the type ${sqlTypeName(t)}`, {
        paramIndex: '1',
        requiredType: '"STRUCT"',
        inputSql: `"${ctx.argSql[0]}"`,
        inputType: sqlTypeName(t),
      });
    }
    checkOptions(args[1]);
    return { dataType: STRING, nullable: true };
  },
  sql: (a) => `to_csv(${a[0]})`,
};

const schemaOfCsv: FunctionDef = {
  name: 'schema_of_csv',
  kind: 'scalar',
  minArgs: 1,
  maxArgs: 2,
  resolve(args, _call, ctx) {
    const a = args[0]!;
    if (a.literal === undefined) {
      throw nonFoldableInput(ctx, 0, 'csv', '"STRING"');
    }
    if (a.literal.value === null) throw dataTypeMismatch(ctx, 'UNEXPECTED_NULL', 'The csv must not be null', { exprName: 'csv' });
    requireString(args, 0, ctx);
    checkOptions(args[1]);
    return { dataType: STRING, nullable: false };
  },
  sql: (a) => `schema_of_csv(${a[0]})`,
};


export const csvDefs: readonly FunctionDef[] = [fromCsv, toCsv, schemaOfCsv];
