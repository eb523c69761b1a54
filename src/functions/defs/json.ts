/**
 * JSON functions: from_json, to_json, schema_of_json, get_json_object,
 * json_tuple, json_array_length, json_object_keys. Argument checks, types,
 * nullability and names as Spark 3.5.7 gives them: these are
 * ExpectsInputTypes (a number is not cast to a string), the schema and the
 * options are read at analysis, and names show only the JSON argument.
 */
import { AnalysisException } from '../../errors/index.js';
import type { Expr } from '../../expr/nodes.js';
import { ArrayType, DataType, MapType, NullType, StructField, StringType, StructType, INT, STRING } from '../../types/data-types.js';
import { parseDataType, parseTableSchema } from '../../types/ddl.js';
import { ParseException } from '../../errors/index.js';
import { dataTypeMismatch, sqlTypeName, nonFoldableInput } from '../define.js';
import { requireString } from '../arg-checks.js';
import { checkOptions, optionsOf } from '../options-arg.js';
import type { ArgInfo, FunctionDef, ResolveContext } from '../registry.js';
import { inferJsonSchemaText } from '../../backend/export/json-functions.js';
import { inferCsvSchemaText } from '../../backend/export/csv-functions.js';

export { requireString };

/** Schema inference of the `schema_of_*` functions, which Spark folds at analysis. */
const INFER_SCHEMA_TEXT: Readonly<Record<string, (text: string, options: Readonly<Record<string, string>>) => string>> = {
  schema_of_json: inferJsonSchemaText,
  schema_of_csv: inferCsvSchemaText,
};

/** The literal text of a schema argument, or of a `schema_of_json`/`schema_of_csv(literal)` call. */
export function schemaText(e: Expr): string | null | undefined {
  if (e.kind === 'Literal') return e.value === null ? null : typeof e.value === 'string' ? e.value : undefined;
  if (e.kind === 'Cast') return schemaText(e.child);
  const infer = e.kind === 'Call' ? INFER_SCHEMA_TEXT[e.fn] : undefined;
  if (e.kind === 'Call' && infer) {
    const text = schemaText(e.args[0]!);
    if (typeof text !== 'string') return undefined;
    return infer(text, optionsOf(e.args[1]) ?? {});
  }
  return undefined;
}

/**
 * Spark's DataType.fromDDL: one data type, else a table schema; when both fail, the data type's error
 * (`'a InvalidType'` is a syntax error at `InvalidType`, not an unknown type `a`).
 */
export function parseSchemaArg(text: string): DataType {
  try {
    return parseDataType(text);
  } catch (first) {
    if (!ParseException.isParseException(first)) throw first;
    try {
      return parseTableSchema(text);
    } catch {
      throw first;
    }
  }
}

/** The result schema of from_json: struct, array or map, made nullable throughout (Spark's `asNullable`). */
function fromJsonSchema(args: readonly ArgInfo[], ctx: ResolveContext): DataType {
  const text = schemaText(args[1]!.expr);
  if (typeof text !== 'string') {
    throw new AnalysisException(
      `The input schema "${ctx.argSql[1]}" is not a valid schema string. The input expression must be string literal and not null.`,
      { errorClass: 'INVALID_SCHEMA.NON_STRING_LITERAL', messageParameters: { inputSchema: `"${ctx.argSql[1]}"` } },
    );
  }
  const t = asNullable(parseSchemaArg(text));
  if (!(t instanceof StructType || t instanceof ArrayType || t instanceof MapType)) {
    throw dataTypeMismatch(ctx, 'INVALID_JSON_SCHEMA', `Input schema ${sqlTypeName(t)} must be a struct, an array or a map`, { schema: sqlTypeName(t) });
  }
  return t;
}

export function asNullable(t: DataType): DataType {
  if (t instanceof StructType) return new StructType(t.fields.map((f) => new StructField(f.name, asNullable(f.dataType), true, f.metadata)));
  if (t instanceof ArrayType) return new ArrayType(asNullable(t.elementType), true);
  if (t instanceof MapType) return new MapType(asNullable(t.keyType), asNullable(t.valueType), true);
  return t;
}

const fromJson: FunctionDef = {
  name: 'from_json',
  kind: 'scalar',
  minArgs: 2,
  maxArgs: 3,
  resolve(args, _call, ctx) {
    requireString(args, 0, ctx);
    const dataType = fromJsonSchema(args, ctx);
    checkOptions(args[2]);
    return { dataType, nullable: true };
  },
  // Spark 3.5 names a from_json of a map schema `entries`, also inside other expressions (`to_json(entries)`)
  sql: (a, call) => (mapSchema(call.args[1]) ? 'entries' : `from_json(${a[0]})`),
};

function mapSchema(schema: Expr | undefined): boolean {
  const text = schema === undefined ? undefined : schemaText(schema);
  if (typeof text !== 'string') return false;
  try {
    return parseSchemaArg(text) instanceof MapType;
  } catch {
    return false;
  }
}

/** Checks the options argument of `fnName`, a function of one text format. */
export type OptionsCheck = (arg: ArgInfo | undefined, fnName: string) => unknown;

/**
 * to_<format>(value[, options]): `checkInput` throws Spark's error for a value
 * type the format cannot write; the result is a nullable STRING.
 */
export function toFormatDef(format: string, checkInput: (t: DataType, ctx: ResolveContext) => void, checkOpts: OptionsCheck): FunctionDef {
  const name = `to_${format}`;
  return formatFn(name, (args, _call, ctx) => {
    checkInput(args[0]!.dataType, ctx);
    checkOpts(args[1], name);
    return { dataType: STRING, nullable: true };
  });
}

/** `name(text[, options])`, named by its first argument only, as Spark names these. */
const formatFn = (name: string, resolve: FunctionDef['resolve']): FunctionDef => ({
  name,
  kind: 'scalar',
  minArgs: 1,
  maxArgs: 2,
  resolve,
  sql: (a) => `${name}(${a[0]})`,
});

/** schema_of_<format>(text[, options]): `text` must be a foldable, non-null string. */
export function schemaOfFormatDef(format: string, checkOpts: OptionsCheck): FunctionDef {
  const name = `schema_of_${format}`;
  return formatFn(name, (args, _call, ctx) => {
    const a = args[0]!;
    if (a.literal === undefined) {
      throw nonFoldableInput(ctx, 0, format, '"STRING"');
    }
    if (a.literal.value === null) throw dataTypeMismatch(ctx, 'UNEXPECTED_NULL', `The ${format} must not be null`, { exprName: format });
    requireString(args, 0, ctx);
    checkOpts(args[1], name);
    return { dataType: STRING, nullable: false };
  });
}

/** to_json(struct | array | map[, options]); a NULL literal is accepted. */
const toJson = toFormatDef(
  'json',
  (t, ctx) => {
    if (!(t instanceof StructType || t instanceof ArrayType || t instanceof MapType || t instanceof NullType)) {
      throw dataTypeMismatch(ctx, 'INVALID_JSON_SCHEMA', `Input schema ${sqlTypeName(t)} must be a struct, an array or a map`, { schema: sqlTypeName(t) });
    }
  },
  checkOptions,
);

/** schema_of_json(json[, options]): `json` must be a foldable, non-null string. */
const schemaOfJson = schemaOfFormatDef('json', checkOptions);

const stringFn = (name: string, n: number, dataType: DataType): FunctionDef => ({
  name,
  kind: 'scalar',
  minArgs: n,
  maxArgs: n,
  nullIntolerant: true,
  resolve(args, _call, ctx) {
    args.forEach((_, i) => requireString(args, i, ctx));
    return { dataType, nullable: true };
  },
});

/** json_tuple(json, k1, k2, ...): one row of strings named c0, c1, ... */
const jsonTuple: FunctionDef = {
  name: 'json_tuple',
  kind: 'generator',
  minArgs: 2,
  maxArgs: Infinity,
  resolve(args, _call, ctx) {
    if (!args.every((a) => a.dataType instanceof StringType)) throw dataTypeMismatch(ctx, 'NON_STRING_TYPE', 'all arguments must be strings', { funcName: '`json_tuple`' });
    return { dataType: STRING, nullable: true };
  },
  generatorOutput: (args) => args.slice(1).map((_, i) => ({ name: `c${i}`, dataType: STRING, nullable: true })),
};

export const jsonDefs: readonly FunctionDef[] = [
  fromJson,
  toJson,
  schemaOfJson,
  stringFn('get_json_object', 2, STRING),
  jsonTuple,
  stringFn('json_array_length', 1, INT),
  stringFn('json_object_keys', 1, new ArrayType(STRING, true)),
];
