/** JSON functions: get_json_object, json_tuple, to_json, from_json, schema_of_json, json_array_length, json_object_keys. */
import type { Call } from '../../../expr/nodes.js';
import { fromJsonConverter, inferJsonSchemaText, toJsonWriter } from '../../export/json-functions.js';
import { optionsOf } from '../../../functions/options-arg.js';
import { isJsonObject, parseJson } from '../runtime/json.js';
import { nodeText } from '../../export/json-parse.js';
import { getJsonObject as evalGetJsonObject, parseJsonPath, readFirstJsonValue } from '../runtime/json-path.js';
import type { FunctionImpl, GeneratorImpl, RowFn } from './types.js';
import { argType, compiled, isNullish, literalArg, resultType, scalar } from './util.js';

const getJsonObject = compiled((args, call) => {
  const [a, b] = args as [RowFn, RowFn];
  const lit = literalArg(call, 1);
  const fixed = lit && typeof lit.value === 'string' ? parseJsonPath(lit.value) : undefined;
  return (i) => {
    const s = a(i);
    if (isNullish(s)) return null;
    const steps = fixed ?? (() => {
      const p = b(i);
      return isNullish(p) ? undefined : parseJsonPath(p as string);
    })();
    return steps ? evalGetJsonObject(s as string, steps) : null;
  };
});

const jsonTuple: GeneratorImpl = {
  kind: 'generator',
  generate(args) {
    const keys = args.slice(1);
    const s = args[0];
    const doc = isNullish(s) ? undefined : readFirstJsonValue(s as string);
    if (doc === undefined || doc.kind !== 'object') return [keys.map(() => null)];
    // The last non-null field of a name wins; strings unquoted, other values as Jackson re-prints them.
    const text = (v: (typeof doc.entries)[number][1]): string => (v.kind === 'string' ? v.value : nodeText(v));
    return [
      keys.map((k) => {
        if (isNullish(k)) return null;
        let hit: string | null = null;
        for (const [key, v] of doc.entries) if (key === k && v.kind !== 'null') hit = text(v);
        return hit;
      }),
    ];
  },
};

const optionsArg = (call: Call, i: number): Record<string, string> => optionsOf(call.args[i]) ?? {};

/** to_json(value[, options]): Spark's JacksonGenerator text. */
const toJson = compiled((args, call, ctx) => {
  const write = toJsonWriter(argType(call, 0), optionsArg(call, 1), ctx.timeZone);
  return (i) => {
    const v = args[0]!(i);
    return isNullish(v) ? null : write(v);
  };
});

/** from_json(json, schema[, options]): the result type is the (nullable) schema. */
const fromJson = compiled((args, call, ctx) => {
  const read = fromJsonConverter(resultType(call), optionsArg(call, 2), ctx.timeZone);
  return (i) => {
    const s = args[0]!(i);
    return isNullish(s) ? null : read(s as string);
  };
});

/** schema_of_json(json[, options]): the literal's inferred type, computed once. */
const schemaOfJson = compiled((_args, call) => {
  const lit = literalArg(call, 0);
  const text = inferJsonSchemaText(lit!.value as string, optionsArg(call, 1));
  return () => text;
});

const jsonArrayLength = scalar((a) => {
  const doc = parseJson(a[0] as string);
  return Array.isArray(doc) ? doc.length : null;
});

const jsonObjectKeys = scalar((a) => {
  const doc = parseJson(a[0] as string);
  return doc !== undefined && isJsonObject(doc) ? doc.entries.map(([k]) => k) : null;
});

export const jsonImpls: Record<string, FunctionImpl> = {
  get_json_object: getJsonObject,
  json_tuple: jsonTuple,
  to_json: toJson,
  from_json: fromJson,
  schema_of_json: schemaOfJson,
  json_array_length: jsonArrayLength,
  json_object_keys: jsonObjectKeys,
};
