/**
 * Hashing and encryption: hash (Murmur3, seed 42), xxhash64 (Spark's XXH64, seed 42) and AES
 * (aes_encrypt, aes_decrypt, try_aes_decrypt). Checks, types and names as
 * Spark 3.5.7: AES calls show their defaulted arguments (`GCM`, `DEFAULT`,
 * empty IV and AAD) in the column name.
 */
import { ArrayType, BINARY, INT, LONG, MapType, StructType, STRING, type DataType } from '../../types/data-types.js';
import { castsFor, coerceArg, dataTypeMismatch, type InputType } from '../define.js';
import type { FunctionDef } from '../registry.js';

const containsMap = (t: DataType): boolean =>
  t instanceof MapType || (t instanceof ArrayType && containsMap(t.elementType)) || (t instanceof StructType && t.fields.some((f) => containsMap(f.dataType)));

/** A hash of its arguments (hash: Murmur3 INT, xxhash64: LONG): never null; maps are refused as Spark refuses them for every hash. */
function hashFn(name: string, dataType: DataType): FunctionDef {
  return {
    name,
    kind: 'scalar',
    minArgs: 1,
    maxArgs: Infinity,
    resolve(args, _call, ctx) {
      if (args.some((a) => containsMap(a.dataType))) {
        throw dataTypeMismatch(
          ctx,
          'HASH_MAP_TYPE',
          `Input to the function \`${name}\` cannot contain elements of the "MAP" type. In Spark, same maps may have different hashcode, thus hash expressions are prohibited on "MAP" elements. To restore previous behavior set "spark.sql.legacy.allowHashOnMapType" to "true"`,
          { functionName: `\`${name}\`` },
        );
      }
      return { dataType, nullable: false };
    },
  };
}

/** An AES function: arguments cast as Spark casts them (strings to binary), defaults shown in the name. */
function aes(name: string, inputs: readonly InputType[], defaults: readonly string[], required = 2): FunctionDef {
  return {
    name,
    kind: 'scalar',
    minArgs: required,
    maxArgs: inputs.length,
    resolve(args, _call, ctx) {
      const types = args.map((_, i) => coerceArg(args, i, inputs[i]!, ctx));
      return { dataType: BINARY, nullable: true, argTypes: castsFor(args, types) };
    },
    sql: (a) => `${name}(${[...a, ...defaults.slice(a.length - required)].join(', ')})`,
  };
}

export const cryptoDefs: readonly FunctionDef[] = [
  hashFn('hash', INT),
  hashFn('xxhash64', LONG),
  aes('aes_encrypt', [BINARY, BINARY, STRING, STRING, BINARY, BINARY], ['GCM', 'DEFAULT', '', '']),
  aes('aes_decrypt', [BINARY, BINARY, STRING, STRING, BINARY], ['GCM', 'DEFAULT', '']),
  aes('try_aes_decrypt', [BINARY, BINARY, STRING, STRING, BINARY], ['GCM', 'DEFAULT', '']),
];
