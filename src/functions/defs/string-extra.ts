/**
 * String functions added to PySpark's list in 3.x (format_number,
 * format_string/printf, split_part, position, char, btrim, elt, find_in_set,
 * left/right, mask, octet/bit_length, replace, url_encode/decode and the
 * regexp_* family). Types, nullability and names follow Spark 3.5.7; where
 * Spark fills in a default argument it also shows it in the name
 * (`position(b, s, 1)`, `mask(s, X, x, n, NULL)`), and so do these.
 */
import { BinaryType, NullType, StringType, BINARY, BOOLEAN, INT, LONG, STRING } from '../../types/data-types.js';
import { castsFor, coerceArg, fn, implicitCast, unexpectedInputType, unaryOverTypes, nonFoldableInput, dataTypeMismatch } from '../define.js';
import type { ArgInfo, FunctionDef, ResolveContext } from '../registry.js';
import type { DataType } from '../../types/data-types.js';
import { foldedValue } from '../../optimizer/rules/constant-folding.js';

/** The call's name with Spark's defaults shown for missing trailing arguments (`required` are always given). */
const withDefaults =
  (name: string, required: number, defaults: readonly string[]) =>
  (a: readonly string[]): string =>
    `${name}(${[...a, ...defaults.slice(a.length - required)].join(', ')})`;

/** A string or binary argument; anything else atomic is cast to string (TypeCollection(StringType, BinaryType)). */
const byteLength = (name: string): FunctionDef => unaryOverTypes(name, BinaryType, 'string', '("STRING" or "BINARY")', () => INT);

const BINARY_FORMATS = ['hex', 'utf-8', 'utf8', 'base64'];

/**
 * to_binary(str[, fmt]) / try_to_binary: `fmt` must be a constant string (any foldable
 * expression; NULL gives NULL); an unknown format is an analysis error for to_binary and
 * null for try_to_binary.
 */
const toBinary = (name: string, tolerant: boolean): FunctionDef =>
  fn(name, {
    inputs: ['string', 'string'],
    min: 1,
    returns: BINARY,
    check: (args, _t, ctx) => {
      const f = args[1];
      if (!f) return;
      const v = (f.literal ?? foldedValue(f.expr))?.value;
      if (v === null) return;
      if (typeof v !== 'string') {
        throw nonFoldableInput(ctx, 1, 'fmt', '"STRING"', false);
      }
      if (!tolerant && !BINARY_FORMATS.includes(v.toLowerCase())) {
        // Spark shows the format lower-cased.
        const got = `'${v.toLowerCase()}'`;
        throw dataTypeMismatch(ctx, 'INVALID_ARG_VALUE', `The fmt value must to be a case-insensitive "STRING" literal of 'hex', 'utf-8', 'utf8', or 'base64', but got ${got}`, {
          inputName: 'fmt',
          requireType: 'case-insensitive "STRING"',
          validValues: "'hex', 'utf-8', 'utf8', or 'base64'",
          inputValue: got,
        });
      }
    },
    // Text is always valid utf-8 and base64 input is checked only for malformed rows: hex may fail.
    nullable: (args) => {
      const v = args[1] && (args[1].literal ?? foldedValue(args[1].expr))?.value;
      const fmt = typeof v === 'string' ? v.toLowerCase() : 'hex';
      return tolerant || args[0]!.nullable || v === null || !(fmt === 'utf-8' || fmt === 'utf8' || fmt === 'base64');
    },
  });

const MASK_ARG_NAMES = ['upperChar', 'lowerChar', 'digitChar', 'otherChar'];

/**
 * mask's arguments are STRING (or an untyped NULL) with no implicit cast, all checked first;
 * then each replacement must be a constant of exactly one character (NULL keeps that class).
 */
const checkMaskArgs = (args: readonly ArgInfo[], _t: readonly DataType[], ctx: ResolveContext): void => {
  args.forEach((a, i) => {
    if (!(a.dataType instanceof StringType || a.dataType instanceof NullType)) throw unexpectedInputType(ctx, i, '"STRING"', a.dataType);
  });
  args.slice(1).forEach((a, j) => {
    const name = MASK_ARG_NAMES[j]!;
    const folded = a.literal ?? foldedValue(a.expr);
    if (!folded) throw nonFoldableInput(ctx, j + 1, name, '"STRING"', false);
    const v = folded.value;
    if (typeof v === 'string' && [...v].length !== 1) {
      throw dataTypeMismatch(ctx, 'INPUT_SIZE_NOT_ONE', `Length of ${name} should be 1`, { exprName: name });
    }
  });
};

/**
 * elt(n, s1, s2, ...): the n-th value, null when out of range. All-BINARY choices stay BINARY
 * unless spark.sql.function.eltOutputAsString=true; otherwise each is cast to STRING.
 */
const elt: FunctionDef = {
  name: 'elt',
  kind: 'scalar',
  minArgs: 2,
  maxArgs: Infinity,
  nullIntolerant: false,
  nondeterministic: false,
  resolve(args, _call, ctx) {
    const asString = ctx.conf?.('spark.sql.function.eltOutputAsString')?.trim().toLowerCase() === 'true';
    const allBinary = !asString && args.slice(1).every((a) => a.dataType instanceof BinaryType);
    const types = args.map((_, i) => (i === 0 ? coerceArg(args, 0, INT, ctx) : allBinary ? BINARY : coerceArg(args, i, 'string', ctx)));
    return { dataType: allBinary ? BINARY : STRING, nullable: true, argTypes: castsFor(args, types) };
  },
};

const formatString = (name: string): FunctionDef =>
  fn(name, { inputs: ['string', 'any'], min: 1, max: Infinity, returns: STRING, nullable: (args) => args[0]!.nullable });

export const stringExtraDefs: readonly FunctionDef[] = [
  /** format_number(x, d): `d` decimals with thousands separators, null for negative `d`; or a DecimalFormat pattern string. */
  fn('format_number', {
    inputs: ['numeric', 'any'],
    returns: STRING,
    nullable: true,
    nullIntolerant: true,
    check: (args, _t, ctx) => {
      const d = args[1]!.dataType;
      if (d instanceof StringType) return;
      if (!implicitCast(d, 'integral')) throw unexpectedInputType(ctx, 1, '("INT" or "STRING")', d);
    },
  }),
  formatString('format_string'),
  formatString('printf'),
  fn('split_part', { inputs: ['string', 'string', INT], returns: STRING, nullable: true, nullIntolerant: true }),
  /** position(substr, str[, start = 1]): 1-based, 0 when absent. */
  fn('position', { inputs: ['string', 'string', INT], min: 2, returns: INT, nullIntolerant: true, sql: withDefaults('position', 2, ['1']) }),
  fn('char', { inputs: [LONG], returns: STRING, nullIntolerant: true }),
  fn('chr', { inputs: [LONG], returns: STRING, nullIntolerant: true }),
  fn('btrim', { inputs: ['string', 'string'], min: 1, returns: STRING, nullIntolerant: true }),
  elt,
  fn('find_in_set', { inputs: ['string', 'string'], returns: INT, nullIntolerant: true }),
  /** left is Spark's substring(str, 1, len): a binary stays binary (right casts to string). */
  fn('left', { inputs: ['string_or_binary', INT], returns: (types) => types[0]!, nullIntolerant: true }),
  /** right is `IF(str IS NULL, NULL, ...)` in Spark, hence always nullable. */
  fn('right', { inputs: ['string', INT], returns: STRING, nullable: true, nullIntolerant: true }),
  /** mask(s[, upper = 'X', lower = 'x', digit = 'n', other = NULL]): a NULL replacement keeps that class. */
  fn('mask', {
    inputs: ['any', 'any', 'any', 'any', 'any'],
    min: 1,
    returns: STRING,
    nullable: true,
    check: checkMaskArgs,
    sql: withDefaults('mask', 1, ['X', 'x', 'n', 'NULL']),
  }),
  /** space(n): n spaces, '' for n <= 0. */
  fn('space', { inputs: [INT], returns: STRING, nullIntolerant: true }),
  /** luhn_check(s): the Luhn checksum of a string of (Unicode) digits; '' and non-digits are false. */
  fn('luhn_check', { inputs: ['string'], returns: BOOLEAN, nullable: true, nullIntolerant: true }),
  byteLength('octet_length'),
  byteLength('bit_length'),
  /** replace(s, search[, replacement = '']). */
  fn('replace', { inputs: ['string', 'string', 'string'], min: 2, returns: STRING, nullIntolerant: true, sql: withDefaults('replace', 2, ['']) }),
  /** encode(str, charset) / decode(bin, charset): Java's charsets (UTF-8, US-ASCII, ISO-8859-1, UTF-16*). */
  fn('encode', { inputs: ['string', 'string'], returns: BINARY, nullIntolerant: true }),
  fn('decode', { inputs: [BINARY, 'string'], returns: STRING, nullIntolerant: true }),
  toBinary('to_binary', false),
  toBinary('try_to_binary', true),
  fn('url_encode', { inputs: ['string'], returns: STRING, nullable: true, nullIntolerant: true }),
  fn('url_decode', { inputs: ['string'], returns: STRING, nullable: true, nullIntolerant: true }),
  fn('regexp_like', { inputs: ['string', 'string'], returns: BOOLEAN, nullIntolerant: true, sql: (a) => `REGEXP_LIKE(${a.join(', ')})` }),
  fn('regexp', { inputs: ['string', 'string'], returns: BOOLEAN, nullIntolerant: true, sql: (a) => `REGEXP(${a.join(', ')})` }),
  fn('regexp_count', { inputs: ['string', 'string'], returns: INT, nullIntolerant: true }),
  fn('regexp_substr', { inputs: ['string', 'string'], returns: STRING, nullable: true, nullIntolerant: true }),
  /** regexp_instr(s, re[, idx = 0]): 1-based start of the match (or of group idx), 0 when none. */
  fn('regexp_instr', { inputs: ['string', 'string', INT], min: 2, returns: INT, nullIntolerant: true, sql: withDefaults('regexp_instr', 2, ['0']) }),
];
