/**
 * String predicates and SUBSTRING as operators: LIKE/ILIKE/RLIKE with Spark's escape rules,
 * startswith/endswith/contains on strings and bytes, and SQL substring positions.
 */
import type { Call } from '../../../expr/nodes.js';
import { javaMatcher, likeRegex } from '../runtime/regex.js';
import type { FunctionImpl, RowFn, ScalarImpl } from './types.js';
import { binary, charLength, codePoints, compiled, hasSurrogates, literalArg, unary } from './util.js';

/** A predicate whose second argument is a pattern: compiled once when it is a literal. */
function patternPredicate(build: (pattern: string, call: Call) => (s: string) => boolean): ScalarImpl {
  return compiled((args, call) => {
    const [a, b] = args as [RowFn, RowFn];
    const lit = literalArg(call, 1);
    if (lit && typeof lit.value === 'string') {
      const test = build(lit.value, call);
      return unary(a, test);
    }
    let lastPattern: string | undefined;
    let lastTest: ((s: string) => boolean) | undefined;
    return binary(a, b, (s: string, p: string) => {
      if (p !== lastPattern) {
        lastPattern = p;
        lastTest = build(p, call);
      }
      return lastTest!(s);
    });
  });
}

const escapeOf = (call: Call): string => {
  const e = call.options?.escapeChar ?? call.options?.escape;
  return typeof e === 'string' && e.length > 0 ? e : '\\';
};

const like = patternPredicate((p, call) => {
  const re = likeRegex(p, escapeOf(call));
  return (s) => re.test(s);
});

const ilike = patternPredicate((p, call) => {
  const re = likeRegex(p.toLowerCase(), escapeOf(call));
  return (s) => re.test(s.toLowerCase());
});

const rlike = patternPredicate((p) => {
  const re = javaMatcher(p);
  return (s) => re.test(s);
});

/** Whether `p` occurs in `s` at byte offset `at`. */
const bytesAt = (s: Uint8Array, p: Uint8Array, at: number): boolean => {
  if (at < 0 || at + p.length > s.length) return false;
  for (let i = 0; i < p.length; i++) if (s[at + i] !== p[i]) return false;
  return true;
};

/** startswith/endswith/contains over strings, or over the bytes of two binaries. */
const substringPredicate = (onString: (s: string, p: string) => boolean, onBytes: (s: Uint8Array, p: Uint8Array) => boolean) =>
  compiled((args) =>
    binary(args[0]!, args[1]!, (s: string | Uint8Array, p: string | Uint8Array) =>
      s instanceof Uint8Array ? onBytes(s, p as Uint8Array) : onString(s, p as string),
    ),
  );
const startswith = substringPredicate((s, p) => s.startsWith(p), (s, p) => bytesAt(s, p, 0));
const endswith = substringPredicate((s, p) => s.endsWith(p), (s, p) => bytesAt(s, p, s.length - p.length));
const contains = substringPredicate(
  (s, p) => s.includes(p),
  (s, p) => {
    for (let at = 0; at + p.length <= s.length; at++) if (bytesAt(s, p, at)) return true;
    return false;
  },
);

/** Spark's substringSQL: 1-based; 0 is treated as 1; negative counts from the end. */
export function sqlSubstring(s: string, pos: number, len: number): string {
  const surrogates = hasSurrogates(s);
  const n = surrogates ? charLength(s) : s.length;
  let start = pos > 0 ? pos - 1 : pos < 0 ? n + pos : 0;
  const end = Math.min(start + len, 2147483647);
  start = Math.max(start, 0);
  if (start >= end) return '';
  if (!surrogates) return s.slice(start, end);
  return codePoints(s).slice(start, end).join('');
}

/** substringSQL over bytes: the same 1-based / from-the-end positions, counted in bytes. */
export function byteSubstring(b: Uint8Array, pos: number, len: number): Uint8Array {
  let start = pos > 0 ? pos - 1 : pos < 0 ? b.length + pos : 0;
  const end = Math.min(start + len, 2147483647);
  start = Math.max(start, 0);
  return start >= end ? new Uint8Array(0) : b.slice(start, end);
}

/** substring of a string (characters) or a binary (bytes). */
export function sqlSubstringOf<T extends string | Uint8Array>(x: T, pos: number, len: number): T {
  return (x instanceof Uint8Array ? byteSubstring(x, pos, len) : sqlSubstring(x as string, pos, len)) as T;
}

const substring = compiled((args) => {
  const [s, p, l] = args as [RowFn, RowFn, RowFn | undefined];
  if (!l) return binary(s, p, (x: string | Uint8Array, pos: number) => sqlSubstringOf(x, pos, 2147483647));
  return (i) => {
    const x = s(i);
    if (x === null || x === undefined) return null;
    const pos = p(i);
    if (pos === null || pos === undefined) return null;
    const len = l(i);
    if (len === null || len === undefined) return null;
    return sqlSubstringOf(x as string | Uint8Array, pos as number, len as number);
  };
});

export const stringPredicateImpls: Record<string, FunctionImpl> = { like, rlike, ilike, startswith, endswith, contains, substring };
