/**
 * String scalar functions on the Polars backend: native where Polars matches Spark exactly (Java
 * regexes translated to Rust), delegated otherwise.
 */
import { typeOf } from '../../../expr/nodes.js';
import { STRING, StringType } from '../../../types/data-types.js';
import { delegate } from '../delegation.js';
import { MAX_STRING_LENGTH } from '../../limits.js';
import { i64, ifElse, nullOf, str } from '../nx.js';
import { PL } from '../type-mapper.js';
import { captureGroupCount, javaRegexToRust, javaReplacementToRust } from './regex.js';
import type { FunctionTable, ScalarLowering } from './types.js';
import { litString, litInt, tr0 } from './scalar-args.js';

const trimFn =
  (start: boolean, end: boolean): ScalarLowering =>
  (call, ctx) => {
    if (call.args.length === 1) return tr0(call, ctx).strStripChars(str(' '), start, end);
    const chars = litString(call, 1);
    if (chars === undefined) delegate(`${call.fn} with non-literal characters`);
    if (chars === null) return nullOf(STRING);
    if (chars === '') return tr0(call, ctx);
    return tr0(call, ctx).strStripChars(str(chars), start, end);
  };

const concat: ScalarLowering = (call, ctx) => {
  if (call.args.length === 0) return str('');
  if (!(call.dataType instanceof StringType)) delegate('concat of arrays or binaries');
  return ctx.pl.concatStr(call.args.map((a) => ctx.tr(a)), '', false);
};

const concatWs: ScalarLowering = (call, ctx) => {
  const sep = litString(call, 0);
  if (sep === undefined) delegate('concat_ws with a non-literal separator');
  if (sep === null) return nullOf(STRING);
  if (call.args.length === 1) return str('');
  for (const a of call.args.slice(1)) if (!(typeOf(a) instanceof StringType)) delegate('concat_ws over arrays');
  return ctx.pl.concatStr(call.args.slice(1).map((a) => ctx.tr(a)), sep, true);
};

/** A regex that is really a literal string (`,`, `\.`, `ab`), unescaped; undefined otherwise. */
function plainRegexLiteral(p: string): string | undefined {
  let out = '';
  for (let i = 0; i < p.length; i++) {
    const c = p[i]!;
    if (c === '\\') {
      const n = p[i + 1];
      if (n === undefined || /[A-Za-z0-9]/.test(n)) return undefined;
      out += n;
      i++;
    } else if ('.[]{}()*+?^$|'.includes(c)) return undefined;
    else out += c;
  }
  return out;
}

const split: ScalarLowering = (call, ctx) => {
  const p = litString(call, 1);
  const limit = call.args.length > 2 ? litInt(call, 2) : -1;
  if (p === undefined || limit === undefined) delegate('split with non-literal arguments');
  if (p === null || limit === null) return nullOf(call.dataType!);
  const plain = plainRegexLiteral(p);
  if (plain === undefined || plain === '' || limit > 0) delegate(`split by /${p}/ with limit ${limit}`);
  return tr0(call, ctx).strSplit(str(plain), false);
};

const regexpReplace: ScalarLowering = (call, ctx) => {
  const p = litString(call, 1);
  const r = litString(call, 2);
  const pos = call.args.length > 3 ? litInt(call, 3) : 1;
  if (p === undefined || r === undefined || pos !== 1) delegate('regexp_replace with non-literal arguments or a position');
  if (p === null || r === null) return nullOf(STRING);
  const re = javaRegexToRust(p);
  if (re === undefined || re === '') delegate(`regexp_replace pattern /${p}/ uses Java-only regex features`);
  const rep = javaReplacementToRust(r, captureGroupCount(re));
  if (rep === undefined) delegate(`regexp_replace replacement '${r}' uses named groups or groups the pattern lacks`);
  return tr0(call, ctx).strReplaceAll(str(re), str(rep), false);
};

const regexpExtract: ScalarLowering = (call, ctx) => {
  const p = litString(call, 1);
  const idx = litInt(call, 2);
  if (p === undefined || idx === undefined) delegate('regexp_extract with non-literal arguments');
  if (p === null || idx === null) return nullOf(STRING);
  const re = javaRegexToRust(p);
  if (re === undefined) delegate(`regexp_extract pattern /${p}/ uses Java-only regex features`);
  const groups = captureGroupCount(re);
  if (idx < 0 || idx > groups) delegate('regexp_extract group index out of range (Spark raises)');
  const s = tr0(call, ctx);
  return ifElse(s.isNull(), nullOf(STRING), s.strExtract(str(re), idx).fillNull(str('')));
};

/** lpad/rpad with a literal length and a one-character pad: pad, or cut to length. */
const pad =
  (left: boolean): ScalarLowering =>
  (call, ctx) => {
    if (!(typeOf(call) instanceof StringType)) delegate(`${call.fn} over binary`);
    const len = litInt(call, 1);
    // SQL's two-argument form pads with a space.
    const p = call.args.length === 2 ? ' ' : litString(call, 2);
    if (len === undefined || p === undefined) delegate(`${call.fn} with non-literal length or pad`);
    if (len === null || p === null) return nullOf(STRING);
    if ([...p].length !== 1) delegate(`${call.fn} with a pad of ${[...p].length} characters`);
    const s = tr0(call, ctx);
    if (len <= 0) return ifElse(s.isNull(), nullOf(STRING), str(''));
    // Longer than a JS string holds: the interpreter raises sparkless's error (limits.ts) before Polars allocates.
    if (len > MAX_STRING_LENGTH) delegate(`${call.fn} to more characters than a JS string holds`);
    const n = i64(len);
    const padded = left ? s.strPadStart(n, p) : s.strPadEnd(n, p);
    return ifElse(s.strLengths().cast(PL.Int64, true).gtEq(n), s.strSlice(i64(0), n), padded);
  };

export const stringFunctions: FunctionTable = {
  upper: { scalar: (c, ctx) => tr0(c, ctx).strToUppercase() },
  lower: { scalar: (c, ctx) => tr0(c, ctx).strToLowercase() },
  length: {
    scalar: (c, ctx) => {
      if (!(typeOf(c.args[0]!) instanceof StringType)) delegate('length of a binary (its byte count)');
      return tr0(c, ctx).strLengths().cast(PL.Int32, true);
    },
  },
  trim: { scalar: trimFn(true, true) },
  ltrim: { scalar: trimFn(true, false) },
  rtrim: { scalar: trimFn(false, true) },
  concat: { scalar: concat },
  concat_ws: { scalar: concatWs },
  split: { scalar: split },
  regexp_replace: { scalar: regexpReplace },
  regexp_extract: { scalar: regexpExtract },
  lpad: { scalar: pad(true) },
  rpad: { scalar: pad(false) },
  hex: {
    scalar: (c, ctx) => {
      if (!(typeOf(c.args[0]!) instanceof StringType)) delegate('hex of integers and binary');
      return tr0(c, ctx).strHexEncode().strToUppercase();
    },
  },
  initcap: { delegated: 'not available in Polars' },
  reverse: { delegated: 'not exposed by the binding' },
  soundex: { delegated: 'not available in Polars' },
  md5: { delegated: 'not available in Polars' },
  sha1: { delegated: 'not available in Polars' },
  sha2: { delegated: 'not available in Polars' },
  crc32: { delegated: 'not available in Polars' },
  base64: { delegated: "Spark's MIME-chunked encoding" },
  unbase64: { delegated: 'binary results' },
  ascii: { delegated: 'not available in Polars' },
  repeat: { delegated: 'not exposed by the binding' },
  instr: { delegated: 'not exposed by the binding' },
  locate: { delegated: 'not exposed by the binding' },
  substring_index: { delegated: 'not available in Polars' },
  translate: { delegated: 'not available in Polars' },
  levenshtein: { delegated: 'not available in Polars' },
  overlay: { delegated: 'not available in Polars' },
};
