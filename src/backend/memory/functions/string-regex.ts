/** Regex-driven string functions: split, regexp_replace, regexp_extract, regexp_extract_all (Java regex semantics). */
import { ExecutionException } from '../../../errors/index.js';
import { allMatches, javaRegex, javaReplacement } from '../runtime/regex.js';
import type { FunctionImpl, RowFn } from './types.js';
import { codePoints, compiled, scalar, utf16Index } from './util.js';

/** Java's String.split(regex, limit) with Spark's tweaks (limit <= 0 keeps trailing empties). */
export function javaSplit(s: string, pattern: string, limit: number): string[] {
  if (pattern.length === 0) {
    if (s.length === 0) return [''];
    const cps = codePoints(s);
    // Spark splits into single characters and keeps only the first `limit`: the rest is dropped, not joined.
    const n = limit > 0 && limit < cps.length ? limit : cps.length;
    return cps.slice(0, n);
  }
  if (s.length === 0) return [''];
  const re = javaRegex(pattern, 'g');
  const out: string[] = [];
  let index = 0;
  for (const m of allMatches(re, s)) {
    if (limit > 0 && out.length >= limit - 1) break;
    if (m[0].length === 0) {
      if (m.index === 0 || m.index >= s.length) continue;
    }
    out.push(s.slice(index, m.index));
    index = m.index + m[0].length;
  }
  out.push(s.slice(index));
  return out;
}

const split = compiled((args) => {
  const [s, p, l] = args as [RowFn, RowFn, RowFn | undefined];
  return (i) => {
    const x = s(i);
    const pat = p(i);
    if (x === null || x === undefined || pat === null || pat === undefined) return null;
    const limit = l ? l(i) : -1;
    if (limit === null || limit === undefined) return null;
    return javaSplit(x as string, pat as string, limit as number);
  };
});

const regexpReplace = scalar((a) => {
  const s = a[0] as string;
  const re = javaRegex(a[1] as string, 'g');
  const build = javaReplacement(a[2] as string);
  const pos = a.length > 3 ? (a[3] as number) : 1;
  if (pos <= 0) {
    throw new ExecutionException(`The value of parameter(s) \`position\` in \`regexp_replace\` is invalid: Expects a positive value, but got ${pos}.`, {
      errorClass: 'INVALID_PARAMETER_VALUE.REGEX_POSITION',
    });
  }
  const from = utf16Index(s, pos - 1);
  if (from > s.length) return s;
  let out = s.slice(0, from);
  let last = from;
  re.lastIndex = from;
  for (;;) {
    const m = re.exec(s);
    if (!m) break;
    out += s.slice(last, m.index) + build(m);
    last = m.index + m[0].length;
    if (m[0].length === 0) {
      if (re.lastIndex >= s.length) break;
      re.lastIndex += s.codePointAt(re.lastIndex)! > 0xffff ? 2 : 1;
    }
  }
  return out + s.slice(last);
});

function groupCount(re: RegExp): number {
  return new RegExp(`${re.source}|`, re.flags.replace('g', '')).exec('')!.length - 1;
}

function checkGroup(re: RegExp, idx: number, fnName: string): void {
  const count = groupCount(re);
  if (idx < 0 || idx > count) {
    throw new ExecutionException(
      `The value of parameter(s) \`idx\` in \`${fnName}\` is invalid: Expects group index between 0 and ${count}, but got ${idx}.`,
      { errorClass: 'INVALID_PARAMETER_VALUE.REGEX_GROUP_INDEX' },
    );
  }
}

const regexpExtract = scalar((a) => {
  const s = a[0] as string;
  const re = javaRegex(a[1] as string);
  const idx = a.length > 2 ? (a[2] as number) : 1;
  checkGroup(re, idx, 'regexp_extract');
  const m = re.exec(s);
  if (!m) return '';
  return m[idx] ?? '';
});

const regexpExtractAll = scalar((a) => {
  const s = a[0] as string;
  const re = javaRegex(a[1] as string, 'g');
  const idx = a.length > 2 ? (a[2] as number) : 1;
  checkGroup(re, idx, 'regexp_extract_all');
  const out: string[] = [];
  for (const m of allMatches(re, s)) out.push(m[idx] ?? '');
  return out;
});

export const regexStringImpls: Record<string, FunctionImpl> = {
  split,
  regexp_replace: regexpReplace,
  regexp_extract: regexpExtract,
  regexp_extract_all: regexpExtractAll,
};
