/** More string functions: regexp_* family, split_part, elt, find_in_set, format_number/format_string, url and mask helpers. */
import { ExecutionException } from '../../../errors/index.js';
import { DecimalType, type DataType } from '../../../types/data-types.js';
import { castToString, javaDoubleToString } from '../../../format/value-string.js';
import { divHalfEven, parseDecimal, pow10 } from '../runtime/decimal.js';
import { allMatches, javaRegex } from '../runtime/regex.js';
import type { FunctionImpl, RowFn } from './types.js';
import { argType, charLength, codePoints, compiled, isNullish, scalar, scalarWithNulls } from './util.js';
import { buildMap } from './collection.js';
import { operatorImpls } from './operators.js';


const regexpCount = scalar((a) => {
  let n = 0;
  for (const _ of allMatches(javaRegex(a[1] as string, 'g'), a[0] as string)) n++;
  return n;
});

/** regexp_substr: the first match, or null when there is none. */
const regexpSubstr = scalar((a) => {
  const m = javaRegex(a[1] as string).exec(a[0] as string);
  return m ? m[0] : null;
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
    throw new ExecutionException('The index 0 is invalid. An index shall be either < 0 or > 0 (the first element has index 1).', {
      errorClass: 'INVALID_INDEX_OF_ZERO',
    });
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

/** Java DecimalFormat-style grouping of an integer digit string. */
function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** format_number(x, d): HALF_EVEN to d decimals with thousands separators (Java DecimalFormat). */
const formatNumber = compiled((args, call) => {
  const t = argType(call, 0);
  const [x, d] = args as [RowFn, RowFn];
  return (i) => {
    const v = x(i);
    const places = d(i);
    if (isNullish(v) || isNullish(places)) return null;
    if (typeof places !== 'number') return null;
    if (places < 0) return null;
    return formatNumberValue(v, t, places);
  };
});

export function formatNumberValue(v: unknown, t: DataType, places: number): string {
  let text: string;
  if (t instanceof DecimalType) text = `${v as bigint}e${-t.scale}`;
  else if (typeof v === 'number') {
    if (Number.isNaN(v)) return '\uFFFD';
    if (!Number.isFinite(v)) return v > 0 ? '\u221E' : '-\u221E';
    text = javaDoubleToString(v);
  } else text = String(v);
  const p = parseDecimal(text);
  if (!p) return text;
  let unscaled = p.unscaled;
  let scale = p.scale;
  if (scale > places) {
    unscaled = divHalfEven(unscaled, pow10(scale - places));
    scale = places;
  }
  if (scale < 0) {
    unscaled *= pow10(-scale);
    scale = 0;
  }
  const neg = unscaled < 0n;
  const digits = (neg ? -unscaled : unscaled).toString().padStart(scale + 1, '0');
  const intPart = digits.slice(0, digits.length - scale);
  const frac = digits.slice(digits.length - scale).padEnd(places, '0');
  const body = groupThousands(intPart) + (places > 0 ? `.${frac}` : '');
  return neg && /[1-9]/.test(digits) ? `-${body}` : body;
}

/**
 * A subset of java.util.Formatter: %s %S %d %f %e %x %X %o %c %b %n %%,
 * with flags (-, 0, +, space, ',') width and precision, and `n$` indexes.
 */
export function javaFormat(format: string, args: readonly unknown[], types: readonly DataType[], timeZone: string): string {
  let next = 0;
  return format.replace(/%(\d+\$)?([-#+ 0,(]*)(\d+)?(\.\d+)?([a-zA-Z%])/g, (_m, index: string | undefined, flags: string, width: string | undefined, prec: string | undefined, conv: string) => {
    if (conv === '%') return '%';
    if (conv === 'n') return '\n';
    const k = index ? Number(index.slice(0, -1)) - 1 : next++;
    const v = args[k];
    const t = types[k];
    const precision = prec ? Number(prec.slice(1)) : undefined;
    let s: string;
    const num = (): number => (typeof v === 'bigint' ? Number(v) : t instanceof DecimalType ? Number(`${v as bigint}e${-t.scale}`) : Number(v));
    switch (conv) {
      case 's':
      case 'S':
        s = isNullish(v) ? 'null' : typeof v === 'string' ? v : t ? castToString(v, t, timeZone) : String(v);
        if (precision !== undefined) s = s.slice(0, precision);
        if (conv === 'S') s = s.toUpperCase();
        break;
      case 'b':
      case 'B':
        s = isNullish(v) ? 'false' : typeof v === 'boolean' ? String(v) : 'true';
        break;
      case 'd': {
        if (isNullish(v)) {
          s = 'null';
          break;
        }
        const big = typeof v === 'bigint' ? v : BigInt(Math.trunc(num()));
        s = (big < 0n ? -big : big).toString();
        if (flags.includes(',')) s = groupThousands(s);
        s = sign(big < 0n, flags) + s;
        break;
      }
      case 'f':
      case 'e':
      case 'E': {
        if (isNullish(v)) {
          s = 'null';
          break;
        }
        const x = num();
        if (!Number.isFinite(x)) {
          s = Number.isNaN(x) ? 'NaN' : x > 0 ? 'Infinity' : '-Infinity';
          break;
        }
        const p = precision ?? 6;
        if (conv === 'f') {
          s = formatNumberValue(Math.abs(x), t ?? ({} as DataType), p).replace(/,/g, '');
          const [ip, fp] = s.split('.');
          s = (flags.includes(',') ? groupThousands(ip!) : ip!) + (fp !== undefined ? `.${fp}` : '');
        } else {
          s = Math.abs(x).toExponential(p).replace(/e([+-])(\d)$/, 'e$10$2');
          if (conv === 'E') s = s.toUpperCase();
        }
        s = sign(x < 0 || Object.is(x, -0), flags) + s;
        break;
      }
      case 'x':
      case 'X':
      case 'o': {
        if (isNullish(v)) {
          s = 'null';
          break;
        }
        const bits = typeof v === 'bigint' || (t && t.typeName() === 'long') ? 64 : 32;
        const u = BigInt.asUintN(bits, typeof v === 'bigint' ? v : BigInt(Math.trunc(num())));
        s = u.toString(conv === 'o' ? 8 : 16);
        if (conv === 'X') s = s.toUpperCase();
        break;
      }
      case 'c':
        s = isNullish(v) ? 'null' : typeof v === 'number' ? String.fromCodePoint(v) : String(v);
        break;
      default:
        throw new ExecutionException(`Conversion = '${conv}'`, { errorClass: 'UNKNOWN_FORMAT_CONVERSION' });
    }
    const w = width ? Number(width) : 0;
    if (s.length < w) {
      if (flags.includes('-')) s = s.padEnd(w, ' ');
      else if (flags.includes('0') && /^[-+ ]?\d/.test(s)) {
        const signChar = /^[-+ ]/.test(s) ? s[0]! : '';
        s = signChar + s.slice(signChar.length).padStart(w - signChar.length, '0');
      } else s = s.padStart(w, ' ');
    }
    return s;
  });
}

const sign = (negative: boolean, flags: string): string => (negative ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '');

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
    throw new ExecutionException(`Cannot decode the URL: ${s}`, { errorClass: 'CANNOT_DECODE_URL' });
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
    if (/[A-Z]/.test(ch)) out += upper ?? ch;
    else if (/[a-z]/.test(ch)) out += lower ?? ch;
    else if (/[0-9]/.test(ch)) out += digit ?? ch;
    else out += other ?? ch;
  }
  return out;
});

/** str_to_map(text, pairDelim = ',', keyValueDelim = ':'), delimiters are regexes. */
const strToMap = scalar((a, _ctx, call) => {
  const pairs = (a[0] as string).split(javaRegex(a.length > 1 ? (a[1] as string) : ','));
  const kv = javaRegex(a.length > 2 ? (a[2] as string) : ':');
  const entries = pairs.map((p) => {
    const m = kv.exec(p);
    return m ? ([p.slice(0, m.index), p.slice(m.index + m[0].length)] as const) : ([p, null] as const);
  });
  const mt = call.dataType as { keyType?: DataType } | undefined;
  return buildMap(entries, mt?.keyType ?? argType(call, 0));
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
