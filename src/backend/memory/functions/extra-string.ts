/** More string functions: regexp_* family, split_part, elt, find_in_set, format_number/format_string, url and mask helpers. */
import { parseDecimalPattern, formatWithPattern, type DecimalPattern } from '../runtime/decimal-format.js';
import { ExecutionException } from '../../../errors/index.js';
import { checkStringLength } from '../../limits.js';
import type { DataType } from '../../../types/data-types.js';
import { formatNumberValue, javaFormat } from '../runtime/java-format.js';
import { allMatches, javaRegex } from '../runtime/regex.js';
import type { FunctionImpl, RowFn } from './types.js';
import { argType, charLength, codePoints, compiled, isNullish, scalar, scalarWithNulls, indexOfZeroError } from './util.js';
import { buildMap } from './map-functions.js';
import { operatorImpls } from './operators.js';


const regexpCount = scalar((a) => {
  let n = 0;
  for (const _ of allMatches(javaRegex(a[1] as string, 'g'), a[0] as string)) n++;
  return n;
});

/** regexp_substr: the first match; null when there is none or it is empty (Spark: nullif(regexp_extract(s, re, 0), '')). */
const regexpSubstr = scalar((a) => {
  const m = javaRegex(a[1] as string).exec(a[0] as string);
  return m && m[0] !== '' ? m[0] : null;
});

/**
 * regexp_instr: 1-based position of the first match, 0 when none. Spark 3.5
 * returns the start of the whole match whatever `idx` is (checked against
 * Spark 3.5.7: `regexp_instr('ab', '(a)(b)', 2)` is 1), so `idx` only makes
 * a null result when it is null.
 */
const regexpInstr = scalar((a) => {
  const s = a[0] as string;
  const m = javaRegex(a[1] as string).exec(s);
  if (!m) return 0;
  return charLength(s.slice(0, m.index)) + 1;
});

/** split_part(str, delim, n): 1-based field (negative from the end); '' when out of range. */
const splitPart = scalar((a) => {
  const s = a[0] as string;
  const delim = a[1] as string;
  const n = a[2] as number;
  if (n === 0) {
    throw indexOfZeroError();
  }
  const parts = delim.length === 0 ? [s] : s.split(delim);
  const k = n > 0 ? n - 1 : parts.length + n;
  return k >= 0 && k < parts.length ? parts[k]! : '';
});

/** elt(n, s1, s2, ...): the n-th argument (1-based), null out of range. */
const elt = scalarWithNulls((a) => {
  const n = a[0];
  if (isNullish(n)) return null;
  const k = n as number;
  return k >= 1 && k < a.length ? (a[k] ?? null) : null;
});

const findInSet = scalar((a) => {
  const s = a[0] as string;
  if (s.includes(',')) return 0;
  const idx = (a[1] as string).split(',').indexOf(s);
  return idx + 1;
});

/**
 * format_number(x, d): HALF_EVEN to d decimals with thousands separators (Java DecimalFormat), null
 * for a negative d; format_number(x, 'pattern') formats with that DecimalFormat pattern ('' = `#,##0`).
 */
const formatNumber = compiled((args, call) => {
  const t = argType(call, 0);
  const [x, d] = args as [RowFn, RowFn];
  let cached: { text: string; pattern: DecimalPattern } | undefined;
  return (i) => {
    const v = x(i);
    const places = d(i);
    if (isNullish(v) || isNullish(places)) return null;
    if (typeof places === 'string') {
      if (cached?.text !== places) cached = { text: places, pattern: parseDecimalPattern(places === '' ? '#,###,###,###,###,###,##0' : places) };
      return formatWithPattern(v, t, cached.pattern);
    }
    if (typeof places !== 'number') return null;
    if (places < 0) return null;
    return formatNumberValue(v, t, places);
  };
});

const formatString = compiled((args, call, ctx) => {
  const types = call.args.map((_, i) => argType(call, i)).slice(1);
  return (i) => {
    const fmt = args[0]!(i);
    if (isNullish(fmt)) return null;
    const values = args.slice(1).map((f) => f(i) ?? null);
    return javaFormat(fmt as string, values, types, ctx.timeZone);
  };
});

/** Java URLEncoder (UTF-8): space as '+', only [A-Za-z0-9.*_-] kept. */
function urlEncode(s: string): string {
  let out = '';
  for (const byte of new TextEncoder().encode(s)) {
    const ch = String.fromCharCode(byte);
    if (/[A-Za-z0-9.*_-]/.test(ch)) out += ch;
    else if (byte === 0x20) out += '+';
    else out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

function urlDecode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    throw new ExecutionException(`The provided URL cannot be decoded: ${s}. Please ensure that the URL is properly formatted and try again.`, {
      errorClass: 'CANNOT_DECODE_URL',
      messageParameters: { url: s },
    });
  }
}

/** parse_url(url, part[, key]) with java.net.URI's pieces; null for an invalid URL or a missing part. */
const parseUrl = scalar((a) => {
  const url = a[0] as string;
  const part = a[1] as string;
  const m = /^(?:([a-zA-Z][a-zA-Z0-9+.-]*):)?(?:\/\/(?:([^@/?#]*)@)?([^:/?#]*)(?::(\d*))?)?([^?#]*)(?:\?([^#]*))?(?:#(.*))?$/.exec(url);
  if (!m || /\s/.test(url)) return null;
  const [, protocol, userInfo, host, port, path, query, ref] = m;
  switch (part) {
    case 'HOST':
      return host || null;
    case 'PATH':
      return path ?? '';
    case 'QUERY': {
      if (query === undefined) return null;
      if (a.length < 3) return query;
      const key = a[2] as string;
      const hit = new RegExp(`(?:^|&)${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}=([^&]*)`).exec(query);
      return hit ? hit[1]! : null;
    }
    case 'REF':
      return ref ?? null;
    case 'PROTOCOL':
      return protocol ?? null;
    case 'FILE':
      return query !== undefined ? `${path}?${query}` : (path ?? '');
    case 'AUTHORITY':
      return host ? `${userInfo ? `${userInfo}@` : ''}${host}${port ? `:${port}` : ''}` : null;
    case 'USERINFO':
      return userInfo ?? null;
    default:
      return null;
  }
});

/**
 * Spark's ExpressionImplUtils.isLuhnNumber: every character must be a digit (Java's
 * Character.isDigit, so any Unicode decimal digit), doubled from the right every second one.
 */
function isLuhnNumber(s: string): boolean {
  const digits = [...s];
  if (digits.length === 0) return false;
  let sum = 0;
  for (let k = digits.length - 1, second = false; k >= 0; k--, second = !second) {
    const d = decimalDigitValue(digits[k]!);
    if (d === undefined) return false;
    const v = second ? d * 2 : d;
    sum += v > 9 ? v - 9 : v;
  }
  return sum % 10 === 0;
}

const DECIMAL_DIGIT = /^\p{Nd}$/u;

/** The value of a Unicode decimal digit: Nd code points come in runs of ten, zero first. */
function decimalDigitValue(ch: string): number | undefined {
  if (!DECIMAL_DIGIT.test(ch)) return undefined;
  let start = ch.codePointAt(0)!;
  while (DECIMAL_DIGIT.test(String.fromCodePoint(start - 1))) start--;
  return (ch.codePointAt(0)! - start) % 10;
}

/** mask(str, upper='X', lower='x', digit='n', other=null): null replacement chars keep the original. */
const mask = scalarWithNulls((a) => {
  const s = a[0];
  if (isNullish(s)) return null;
  const pick = (k: number, dflt: string | null): string | null => (a.length > k ? ((a[k] as string | null) ?? null) : dflt);
  const upper = pick(1, 'X');
  const lower = pick(2, 'x');
  const digit = pick(3, 'n');
  const other = pick(4, null);
  let out = '';
  for (const ch of s as string) {
    // Java's Character.isUpperCase / isLowerCase / isDigit: Unicode classes, not only ASCII.
    if (/\p{Lu}/u.test(ch)) out += upper ?? ch;
    else if (/\p{Ll}/u.test(ch)) out += lower ?? ch;
    else if (/\p{Nd}/u.test(ch)) out += digit ?? ch;
    else out += other ?? ch;
  }
  return out;
});

/** str_to_map(text, pairDelim = ',', keyValueDelim = ':'), delimiters are regexes. */
const strToMap = scalar((a, ctx, call) => {
  const pairs = (a[0] as string).split(javaRegex(a.length > 1 ? (a[1] as string) : ','));
  const kv = javaRegex(a.length > 2 ? (a[2] as string) : ':');
  const entries = pairs.map((p) => {
    const m = kv.exec(p);
    return m ? ([p.slice(0, m.index), p.slice(m.index + m[0].length)] as const) : ([p, null] as const);
  });
  const mt = call.dataType as { keyType?: DataType } | undefined;
  return buildMap(entries, mt?.keyType ?? argType(call, 0), ctx.mapKeyDedupPolicy);
});

const replace = scalar((a) => {
  const search = a[1] as string;
  if (search.length === 0) return a[0];
  return (a[0] as string).split(search).join(a.length > 2 ? (a[2] as string) : '');
});

const chr = scalar((a) => {
  const n = typeof a[0] === 'bigint' ? Number(a[0]) : (a[0] as number);
  if (n < 0) return '';
  return String.fromCharCode(n % 256);
});

export const extraStringImpls: Record<string, FunctionImpl> = {
  regexp: operatorImpls['rlike']!,
  regexp_like: operatorImpls['rlike']!,
  regexp_count: regexpCount,
  regexp_substr: regexpSubstr,
  regexp_instr: regexpInstr,
  split_part: splitPart,
  elt,
  find_in_set: findInSet,
  format_number: formatNumber,
  format_string: formatString,
  printf: formatString,
  url_encode: scalar((a) => urlEncode(a[0] as string)),
  url_decode: scalar((a) => urlDecode(a[0] as string)),
  parse_url: parseUrl,
  mask,
  space: scalar((a) => {
    const n = Math.max(0, a[0] as number);
    checkStringLength('space', n);
    return ' '.repeat(n);
  }),
  luhn_check: scalar((a) => isLuhnNumber(a[0] as string)),
  str_to_map: strToMap,
  replace,
  char: chr,
  chr,
  btrim: scalar((a) => {
    const s = a[0] as string;
    const set = new Set(codePoints(a.length > 1 ? (a[1] as string) : ' '));
    const cps = codePoints(s);
    let i = 0;
    let j = cps.length;
    while (i < j && set.has(cps[i]!)) i++;
    while (j > i && set.has(cps[j - 1]!)) j--;
    return cps.slice(i, j).join('');
  }),
};
