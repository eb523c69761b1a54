/** String functions (Spark's stringExpressions; the regex-driven ones are in string-regex.ts). Lengths and positions count code points. */
import { decodeCharset, encodeCharset } from '../runtime/charset.js';
import { createHash } from 'node:crypto';
import type { Call } from '../../../expr/nodes.js';
import { ArrayType, BinaryType, StringType } from '../../../types/data-types.js';
import { castToString } from '../../../format/value-string.js';
import { toBigInt, type Long } from '../runtime/long.js';
import type { FunctionImpl, RowFn } from './types.js';
import { argType, charLength, codePoints, compiled, hasSurrogates, resultType, scalar, scalarWithNulls, unary, utf16Index } from './util.js';
import { regexStringImpls } from './string-regex.js';
import { byteSubstring, sqlSubstring, sqlSubstringOf } from './string-predicates.js';
import { checkRepeat, checkStringLength } from '../../limits.js';

const encoder = new TextEncoder();

/** UTF-8 bytes of a string, or the bytes themselves for binary input. */
export const bytesOf = (v: unknown): Uint8Array => (v instanceof Uint8Array ? v : encoder.encode(String(v)));

const str1 = (f: (s: string) => unknown): FunctionImpl => scalar((a) => f(a[0] as string));

/** `initcap`: lower-case, then upper-case the first letter of each space-separated word. */
function initcap(s: string): string {
  const lower = s.toLowerCase();
  let out = '';
  let start = true;
  for (const ch of lower) {
    out += start ? ch.toUpperCase() : ch;
    start = ch === ' ';
  }
  return out;
}

const SOUNDEX = '01230120022455012623010202';
function soundex(s: string): string {
  if (s.length === 0) return s;
  let first = s.charCodeAt(0);
  if (first >= 97 && first <= 122) first -= 32;
  else if (first < 65 || first > 90) return s;
  let out = String.fromCharCode(first);
  let last = SOUNDEX[first - 65]!;
  for (let i = 1; i < s.length && out.length < 4; i++) {
    let c = s.charCodeAt(i);
    if (c >= 97 && c <= 122) c -= 32;
    else if (c < 65 || c > 90) {
      last = '0';
      continue;
    }
    const code = SOUNDEX[c - 65]!;
    if (code === '7') continue;
    if (code !== '0' && code !== last) out += code;
    last = code;
  }
  return out.padEnd(4, '0');
}

const hexDigest = (algo: string) => (v: unknown): string => createHash(algo).update(bytesOf(v)).digest('hex');

/** `hex`: integers as two's-complement hex (Long.toHexString), strings/binary byte by byte; upper case. */
const hex = compiled((args, call) => {
  const t = argType(call, 0);
  if (t instanceof StringType || t instanceof BinaryType) {
    return unary(args[0]!, (v: unknown) => Buffer.from(bytesOf(v)).toString('hex').toUpperCase());
  }
  return unary(args[0]!, (v: Long) => BigInt.asUintN(64, toBigInt(v)).toString(16).toUpperCase());
});

/** Strips `chars` (default: the space character only, as Spark does) from one or both ends. */
function trimmer(left: boolean, right: boolean): FunctionImpl {
  return scalar((a) => {
    const s = a[0] as string;
    const set = a.length > 1 ? new Set(codePoints(a[1] as string)) : undefined;
    const chars = set ? codePoints(s) : undefined;
    if (!set) {
      let i = 0;
      let j = s.length;
      if (left) while (i < j && s.charCodeAt(i) === 32) i++;
      if (right) while (j > i && s.charCodeAt(j - 1) === 32) j--;
      return s.slice(i, j);
    }
    let i = 0;
    let j = chars!.length;
    if (left) while (i < j && set.has(chars![i]!)) i++;
    if (right) while (j > i && set.has(chars![j - 1]!)) j--;
    return chars!.slice(i, j).join('');
  });
}

function pad(left: boolean): FunctionImpl {
  return scalar((a) => {
    if (a[0] instanceof Uint8Array) return padBytes(left, a[0], a[1] as number, a.length > 2 ? (a[2] as Uint8Array) : new Uint8Array([0]));
    const s = a[0] as string;
    const len = a[1] as number;
    const p = a.length > 2 ? (a[2] as string) : ' ';
    const cps = codePoints(s);
    const spaces = len - cps.length;
    if (len <= 0) return '';
    if (spaces <= 0 || p.length === 0) return cps.slice(0, len).join('');
    const pcs = codePoints(p);
    // Whole repeats of the pad, then its first code points: `spaces` code points in all.
    const whole = Math.floor(spaces / pcs.length);
    checkStringLength(left ? 'lpad' : 'rpad', s.length + whole * p.length + pcs.length);
    const fill = p.repeat(whole) + pcs.slice(0, spaces % pcs.length).join('');
    return left ? fill + s : s + fill;
  });
}

/**
 * Binary lpad/rpad: the first `len` bytes when long enough (or when the pad is empty), else
 * filled with whole repeats of the pad and its first bytes. A negative length gives empty
 * bytes (Spark 3.5.7 fails there with a Java NegativeArraySizeException).
 */
function padBytes(left: boolean, s: Uint8Array, len: number, p: Uint8Array): Uint8Array {
  if (len <= 0) return new Uint8Array(0);
  if (len <= s.length || p.length === 0) return s.slice(0, len);
  checkStringLength(left ? 'lpad' : 'rpad', len);
  const out = new Uint8Array(len);
  const fill = len - s.length;
  for (let i = 0; i < fill; i++) out[left ? i : s.length + i] = p[i % p.length]!;
  out.set(s, left ? fill : 0);
  return out;
}

/** 1-based code-point index of `sub` in `s` at or after code point `from` (0-based); 0 when absent. */
function indexOfChars(s: string, sub: string, from: number): number {
  if (!hasSurrogates(s)) {
    const i = s.indexOf(sub, from);
    return i < 0 ? 0 : i + 1;
  }
  const i = s.indexOf(sub, utf16Index(s, from));
  return i < 0 ? 0 : charLength(s.slice(0, i)) + 1;
}

const locate = compiled((args) => {
  const [sub, s, p] = args as [RowFn, RowFn, RowFn | undefined];
  return (i) => {
    const a = sub(i);
    const b = s(i);
    if (a === null || a === undefined || b === null || b === undefined) return null;
    const pos = p ? p(i) : 1;
    if (pos === null || pos === undefined) return 0;
    if ((pos as number) < 1) return 0;
    // Spark finds an empty substring at the very start, whatever the (positive) start position.
    if ((a as string).length === 0) return 1;
    if (charLength(b as string) < (pos as number) - 1) return 0;
    return indexOfChars(b as string, a as string, (pos as number) - 1);
  };
});

function substringIndex(s: string, delim: string, count: number): string {
  if (delim.length === 0 || count === 0) return '';
  if (count > 0) {
    let idx = -1;
    for (let k = 0; k < count; k++) {
      idx = s.indexOf(delim, idx + (k === 0 ? 0 : delim.length));
      if (idx < 0) return s;
    }
    return s.slice(0, idx);
  }
  let idx = s.length;
  for (let k = 0; k < -count; k++) {
    idx = idx - 1 < 0 ? -1 : s.lastIndexOf(delim, idx - 1);
    if (idx < 0) return s;
  }
  return s.slice(idx + delim.length);
}

function translate(s: string, from: string, to: string): string {
  const map = new Map<string, string>();
  const f = codePoints(from);
  const t = codePoints(to);
  f.forEach((ch, k) => {
    if (!map.has(ch)) map.set(ch, k < t.length ? t[k]! : '');
  });
  let out = '';
  for (const ch of s) {
    const r = map.get(ch);
    out += r === undefined ? ch : r;
  }
  return out;
}

export function levenshtein(a: string, b: string): number {
  const x = codePoints(a);
  const y = codePoints(b);
  if (x.length === 0) return y.length;
  if (y.length === 0) return x.length;
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[y.length]!;
}

function overlay<T extends string | Uint8Array>(input: T, replace: T, pos: number, len: number): T {
  if (input instanceof Uint8Array) {
    const r = replace as Uint8Array;
    const length = len >= 0 ? len : r.length;
    const head = byteSubstring(input, 1, pos - 1);
    const tail = byteSubstring(input, pos + length, 2147483647);
    const out = new Uint8Array(head.length + r.length + tail.length);
    out.set(head);
    out.set(r, head.length);
    out.set(tail, head.length + r.length);
    return out as T;
  }
  const length = len >= 0 ? len : charLength(replace as string);
  return (sqlSubstring(input as string, 1, pos - 1) + replace + sqlSubstring(input as string, pos + length, 2147483647)) as T;
}

let CRC_TABLE: Uint32Array | undefined;
export function crc32(bytes: Uint8Array): number {
  if (!CRC_TABLE) {
    CRC_TABLE = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      CRC_TABLE[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) crc = CRC_TABLE[(crc ^ bytes[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** concat: strings, binaries or arrays (null if any argument is null). */
const concat = compiled((args, call) => {
  const rt = resultType(call);
  const n = args.length;
  if (rt instanceof ArrayType) {
    return (i) => {
      const out: unknown[] = [];
      for (let k = 0; k < n; k++) {
        const v = args[k]!(i);
        if (v === null || v === undefined) return null;
        for (const x of v as unknown[]) out.push(x);
      }
      return out;
    };
  }
  if (rt instanceof BinaryType) {
    return (i) => {
      const parts: Uint8Array[] = [];
      for (let k = 0; k < n; k++) {
        const v = args[k]!(i);
        if (v === null || v === undefined) return null;
        parts.push(v as Uint8Array);
      }
      return Uint8Array.from(parts.flatMap((p) => [...p]));
    };
  }
  return (i) => {
    let s = '';
    for (let k = 0; k < n; k++) {
      const v = args[k]!(i);
      if (v === null || v === undefined) return null;
      s += v as string;
    }
    return s;
  };
});

/** concat_ws: skips null values (and flattens string arrays); a null separator gives null. */
const concatWs = scalarWithNulls((a, ctx, call: Call) => {
  const sep = a[0];
  if (sep === null) return null;
  const parts: string[] = [];
  for (let k = 1; k < a.length; k++) {
    const v = a[k];
    if (v === null) continue;
    if (Array.isArray(v)) {
      for (const x of v) if (x !== null && x !== undefined) parts.push(String(x));
    } else {
      const t = argType(call, k);
      parts.push(typeof v === 'string' ? v : castToString(v, t, ctx.timeZone));
    }
  }
  return parts.join(sep as string);
});

const reverse = compiled((args, call) => {
  if (argType(call, 0) instanceof ArrayType) return unary(args[0]!, (v: unknown[]) => v.slice().reverse());
  return unary(args[0]!, (s: string) => codePoints(s).reverse().join(''));
});

const length = compiled((args, call) => {
  const t = argType(call, 0);
  if (t instanceof BinaryType) return unary(args[0]!, (b: Uint8Array) => b.length);
  return unary(args[0]!, (s: string) => charLength(s));
});

const sha2 = scalar((a) => {
  const bits = a[1] as number;
  const algo = bits === 0 || bits === 256 ? 'sha256' : bits === 224 ? 'sha224' : bits === 384 ? 'sha384' : bits === 512 ? 'sha512' : undefined;
  return algo ? hexDigest(algo)(a[0]) : null;
});

const unhex = str1((s) => {
  const t = s.length % 2 === 1 ? `0${s}` : s;
  if (!/^[0-9a-fA-F]*$/.test(t)) return null;
  return Uint8Array.from(Buffer.from(t, 'hex'));
});

export const stringImpls: Record<string, FunctionImpl> = {
  upper: str1((s) => s.toUpperCase()),
  lower: str1((s) => s.toLowerCase()),
  initcap: str1(initcap),
  reverse,
  soundex: str1(soundex),
  md5: scalar((a) => hexDigest('md5')(a[0])),
  sha1: scalar((a) => hexDigest('sha1')(a[0])),
  sha2,
  base64: scalar((a) => Buffer.from(bytesOf(a[0])).toString('base64')),
  unbase64: str1((s) => Uint8Array.from(Buffer.from(s, 'base64'))),
  hex,
  unhex,
  trim: trimmer(true, true),
  ltrim: trimmer(true, false),
  rtrim: trimmer(false, true),
  length,
  char_length: length,
  character_length: length,
  octet_length: scalar((a) => bytesOf(a[0]).length),
  bit_length: scalar((a) => bytesOf(a[0]).length * 8),
  ascii: str1((s) => (s.length === 0 ? 0 : s.codePointAt(0)!)),
  concat,
  concat_ws: concatWs,
  ...regexStringImpls,
  lpad: pad(true),
  rpad: pad(false),
  repeat: scalar((a) => {
    const [s, n] = a as [string, number];
    if (n <= 0) return '';
    checkRepeat(s, n);
    return s.repeat(n);
  }),
  instr: scalar((a) => indexOfChars(a[0] as string, a[1] as string, 0)),
  locate,
  substring_index: scalar((a) => substringIndex(a[0] as string, a[1] as string, a[2] as number)),
  translate: scalar((a) => translate(a[0] as string, a[1] as string, a[2] as string)),
  levenshtein: scalar((a) => {
    const d = levenshtein(a[0] as string, a[1] as string);
    return a.length > 2 && d > (a[2] as number) ? -1 : d;
  }),
  overlay: scalar((a) => overlay(a[0] as string | Uint8Array, a[1] as string | Uint8Array, a[2] as number, a.length > 3 ? (a[3] as number) : -1)),
  crc32: scalar((a) => crc32(bytesOf(a[0]))),
  left: scalar((a) => sqlSubstringOf(a[0] as string | Uint8Array, 1, a[1] as number)),
  right: scalar((a) => ((a[1] as number) <= 0 ? '' : sqlSubstring(a[0] as string, -(a[1] as number), 2147483647))),
  decode: scalar((a) => decodeCharset(bytesOf(a[0]), a[1] as string)),
  encode: scalar((a) => encodeCharset(a[0] as string, a[1] as string)),
};

