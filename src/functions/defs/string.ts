/** String functions. Non-string atomic arguments are cast to string implicitly, as in Spark. */
import { ArrayType, BinaryType, NullType, StringType, BINARY, INT, LONG, STRING, isIntegral } from '../../types/data-types.js';
import { fn, unexpectedInputType } from '../define.js';
import type { FunctionDef } from '../registry.js';

const strToStr = (name: string): FunctionDef => fn(name, { inputs: ['string'], returns: STRING, nullIntolerant: true });

export const stringDefs: readonly FunctionDef[] = [
  strToStr('upper'),
  strToStr('lower'),
  strToStr('initcap'),
  strToStr('reverse'),
  strToStr('soundex'),
  strToStr('md5'),
  strToStr('sha1'),
  strToStr('base64'),
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
  fn('trim', { inputs: ['string', 'string'], min: 1, returns: STRING, nullIntolerant: true }),
  fn('ltrim', { inputs: ['string', 'string'], min: 1, returns: STRING, nullIntolerant: true }),
  fn('rtrim', { inputs: ['string', 'string'], min: 1, returns: STRING, nullIntolerant: true }),
  fn('length', { inputs: ['string'], returns: INT, nullIntolerant: true }),
  fn('ascii', { inputs: ['string'], returns: INT, nullIntolerant: true }),
  fn('concat', { inputs: ['string'], min: 0, max: Infinity, returns: STRING, nullIntolerant: true }),
  /** concat_ws skips nulls; only a null separator gives null. */
  fn('concat_ws', {
    inputs: ['string'],
    min: 1,
    max: Infinity,
    returns: STRING,
    nullable: (args) => args[0]!.nullable,
  }),
  fn('split', {
    inputs: ['string', 'string', INT],
    min: 3,
    returns: new ArrayType(STRING, true),
    nullIntolerant: true,
  }),
  fn('regexp_replace', { inputs: ['string', 'string', 'string', INT], min: 4, returns: STRING, nullIntolerant: true }),
  fn('regexp_extract', { inputs: ['string', 'string', INT], min: 3, returns: STRING, nullIntolerant: true }),
  fn('lpad', { inputs: ['string', INT, 'string'], min: 3, returns: STRING, nullIntolerant: true }),
  fn('rpad', { inputs: ['string', INT, 'string'], min: 3, returns: STRING, nullIntolerant: true }),
  fn('repeat', { inputs: ['string', INT], returns: STRING, nullIntolerant: true }),
  fn('instr', { inputs: ['string', 'string'], returns: INT, nullIntolerant: true }),
  /** locate(substr, str, pos): 1-based; 0 when not found. */
  fn('locate', { inputs: ['string', 'string', INT], min: 3, returns: INT, nullIntolerant: true }),
  fn('substring_index', { inputs: ['string', 'string', INT], returns: STRING, nullIntolerant: true }),
  fn('translate', { inputs: ['string', 'string', 'string'], returns: STRING, nullIntolerant: true }),
  fn('levenshtein', { inputs: ['string', 'string'], returns: INT, nullIntolerant: true }),
  fn('overlay', { inputs: ['string', 'string', INT, INT], min: 4, returns: STRING, nullIntolerant: true }),
  fn('sha2', { inputs: ['string', INT], returns: STRING, nullIntolerant: true }),
  fn('crc32', { inputs: [BINARY], returns: LONG, nullIntolerant: true }),
  fn('unbase64', { inputs: ['string'], returns: BINARY, nullIntolerant: true }),
];
