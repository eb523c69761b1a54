/** String functions. Non-string atomic arguments are cast to string implicitly, as in Spark. */
import { ArrayType, BinaryType, NullType, StringType, BINARY, INT, LONG, STRING, isIntegral } from '../../types/data-types.js';
import { findWiderCommonTypeOf } from '../../types/coercion.js';
import { anyNullable, castsFor, coerceArg, dataDiffTypes, fn, implicitCast, nonFoldableInput, unexpectedInputType, unaryOverTypes, valueOutOfRange } from '../define.js';
import { foldedValue } from '../../optimizer/rules/constant-folding.js';
import type { FunctionDef } from '../registry.js';

/**
 * concat: arrays when every argument is an array (widened to a common array
 * type), binary when every argument is binary (unless spark.sql.function.concatBinaryAsString),
 * otherwise strings (Spark's ConcatCoercion); mixing arrays with anything else is DATA_DIFF_TYPES.
 */
const concatDef: FunctionDef = {
  name: 'concat',
  kind: 'scalar',
  minArgs: 0,
  maxArgs: Infinity,
  nullIntolerant: true,
  resolve(args, _call, ctx) {
    if (args.length === 0) return { dataType: STRING, nullable: false };
    const types = args.map((a) => a.dataType);
    let target;
    if (types.every((t) => t instanceof ArrayType)) target = findWiderCommonTypeOf(types, ctx.ansi);
    else if (types.every((t) => t instanceof BinaryType) && ctx.conf?.('spark.sql.function.concatBinaryAsString')?.trim().toLowerCase() !== 'true') target = BINARY;
    else {
      const casted = types.map((t) => implicitCast(t, 'string') ?? t);
      if (casted.every((t) => t instanceof StringType)) target = STRING;
      else types.splice(0, types.length, ...casted);
    }
    if (!target) {
      throw dataDiffTypes(ctx, 'concat', types, 'or');
    }
    return { dataType: target, nullable: anyNullable(args), argTypes: castsFor(args, args.map(() => target)) };
  },
};

/** reverse: a string's characters or an array's elements in reverse order. */
const reverseDef = unaryOverTypes('reverse', ArrayType, 'string', '("STRING" or "ARRAY")', (t) => t);

/** trim/ltrim/rtrim: an optional second argument holds the characters to strip; Spark then names it in its SQL syntax. */
const trimDef = (name: string, side: 'BOTH' | 'LEADING' | 'TRAILING'): FunctionDef =>
  fn(name, {
    inputs: ['string', 'string'],
    min: 1,
    returns: STRING,
    nullIntolerant: true,
    sql: (a) => (a.length === 2 ? `TRIM(${side} ${a[1]} FROM ${a[0]})` : `${name}(${a[0]})`),
  });

const strToStr = (name: string): FunctionDef => fn(name, { inputs: ['string'], returns: STRING, nullIntolerant: true });


/**
 * concat_ws(sep, (string | array<string>)...): nulls are skipped and arrays
 * flattened; only a null separator gives null. Spark's input types are a
 * STRING separator then TypeCollection(ARRAY<STRING>, STRING): an array of
 * any atomic type is cast to ARRAY<STRING>.
 */
const ARRAY_OR_STRING = '("ARRAY<STRING>" or "STRING")';
const concatWsDef: FunctionDef = {
  name: 'concat_ws',
  kind: 'scalar',
  minArgs: 1,
  maxArgs: Infinity,
  nullIntolerant: false,
  nondeterministic: false,
  resolve(args, _call, ctx) {
    const types = args.map((a, i) => {
      if (i === 0) return coerceArg(args, 0, 'string', ctx);
      const t = a.dataType;
      if (!(t instanceof ArrayType)) return coerceArg(args, i, 'string', ctx, ARRAY_OR_STRING);
      if (t.elementType instanceof StringType) return t;
      const element = implicitCast(t.elementType, STRING, ctx.ansi);
      if (!element) throw unexpectedInputType(ctx, i, ARRAY_OR_STRING, t);
      return new ArrayType(element, true);
    });
    return { dataType: STRING, nullable: args[0]!.nullable, argTypes: castsFor(args, types) };
  },
};

export const stringDefs: readonly FunctionDef[] = [
  strToStr('upper'),
  strToStr('lower'),
  strToStr('initcap'),
  reverseDef,
  strToStr('soundex'),
  // digests take BINARY (Spark's Md5/Sha1/Sha2 inputTypes): a string is cast to its UTF-8 bytes, a number is refused
  fn('md5', { inputs: [BINARY], returns: STRING, nullIntolerant: true }),
  fn('sha1', { inputs: [BINARY], returns: STRING, nullIntolerant: true }),
  /** base64(bin): strings are cast to binary (their UTF-8 bytes), as Spark's implicit cast does. */
  fn('base64', { inputs: [BINARY], returns: STRING, nullIntolerant: true }),
  /** hex: integers as two's-complement hex (`hex(-1L)` = `FFFFFFFFFFFFFFFF`), strings and binary byte by byte. */
  fn('hex', {
    inputs: ['any'],
    returns: STRING,
    nullIntolerant: true,
    check: (args, _types, ctx) => {
      const t = args[0]!.dataType;
      if (!(isIntegral(t) || t instanceof StringType || t instanceof BinaryType || t instanceof NullType)) {
        throw unexpectedInputType(ctx, 0, '("BIGINT" or "BINARY" or "STRING")', t);
      }
    },
  }),
  /** trim/ltrim/rtrim: optional second argument = characters to strip (Spark's `trim(BOTH x FROM s)`). */
  trimDef('trim', 'BOTH'),
  trimDef('ltrim', 'LEADING'),
  trimDef('rtrim', 'TRAILING'),
  /** Characters of a string, bytes of a binary (char_length/character_length/len are its aliases). */
  unaryOverTypes('length', BinaryType, 'string', '("STRING" or "BINARY")', () => INT),
  fn('ascii', { inputs: ['string'], returns: INT, nullIntolerant: true }),
  concatDef,
  concatWsDef,
  fn('split', {
    inputs: ['string', 'string', INT],
    min: 3,
    // Splitting never yields a null piece (Spark: containsNull = false).
    returns: new ArrayType(STRING, false),
    nullIntolerant: true,
  }),
  fn('regexp_replace', {
    inputs: ['string', 'string', 'string', INT],
    min: 4,
    returns: STRING,
    nullIntolerant: true,
    // the position is a constant, checked at analysis (a NULL one gives NULL)
    check: (args, _types, ctx) => {
      const pos = (args[3]!.literal ?? foldedValue(args[3]!.expr))?.value;
      if (pos === undefined) throw nonFoldableInput(ctx, 3, 'position', '"INT"', false);
      if (pos !== null && Number(pos) <= 0) throw valueOutOfRange(ctx, 'position', '(0, 2147483647]', String(pos));
    },
  }),
  fn('regexp_extract', { inputs: ['string', 'string', INT], min: 3, returns: STRING, nullIntolerant: true }),
  fn('repeat', { inputs: ['string', INT], returns: STRING, nullIntolerant: true }),
  fn('instr', { inputs: ['string', 'string'], returns: INT, nullIntolerant: true }),
  /** locate(substr, str, pos): 1-based; 0 when not found. */
  fn('locate', { inputs: ['string', 'string', INT], min: 3, returns: INT, nullIntolerant: true }),
  fn('substring_index', { inputs: ['string', 'string', INT], returns: STRING, nullIntolerant: true }),
  fn('translate', { inputs: ['string', 'string', 'string'], returns: STRING, nullIntolerant: true }),
  /** levenshtein(a, b[, threshold]): -1 when the distance exceeds the threshold. */
  fn('levenshtein', { inputs: ['string', 'string', INT], min: 2, returns: INT, nullIntolerant: true }),
  /** overlay over strings or binaries; input and replacement must agree (DATA_DIFF_TYPES otherwise). */
  fn('overlay', {
    inputs: ['string_or_binary', 'string_or_binary', INT, INT],
    min: 4,
    returns: (types) => types[0]!,
    nullIntolerant: true,
    check: (_args, types, ctx) => {
      if (types[0]!.equals(types[1]!)) return;
      throw dataDiffTypes(ctx, 'overlay', types.slice(0, 2), 'or');
    },
  }),
  // an unsupported bit length gives NULL, so Spark's Sha2 is always nullable
  fn('sha2', { inputs: [BINARY, INT], returns: STRING, nullIntolerant: true, nullable: true }),
  fn('crc32', { inputs: [BINARY], returns: LONG, nullIntolerant: true }),
  fn('unbase64', { inputs: ['string'], returns: BINARY, nullIntolerant: true }),
];
