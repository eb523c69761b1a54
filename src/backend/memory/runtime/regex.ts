/**
 * Java regular expressions (what Spark's rlike, regexp_* and split take) run as JavaScript
 * RegExp: compiled and cached from their translation (java-regex-syntax.ts), Java's find loop
 * and replacement strings (`$1`, `${name}`, `\$`), and SQL LIKE patterns.
 * Possessive/atomic parts are exact in `javaMatcher` (a lookahead capture and
 * back-reference, `(?=(X))\1`, which adds groups); where group numbers matter
 * (`javaRegex`) they are approximated as greedy/non-capturing.
 */
import { ExecutionException } from '../../../errors/index.js';
import { codePointEscape, syntaxError, translateJavaRegex } from './java-regex-syntax.js';

const regexCache = new Map<string, RegExp>();

/** A compiled JS RegExp for a Java pattern (cached; `extraFlags` e.g. `g`). */
export function javaRegex(pattern: string, extraFlags = ''): RegExp {
  return compileJava(pattern, extraFlags, false);
}

/**
 * As `javaRegex`, with possessive quantifiers and atomic groups exact, for
 * match tests only (rlike, colRegex): the emulation adds capturing groups.
 */
export function javaMatcher(pattern: string, extraFlags = ''): RegExp {
  return compileJava(pattern, extraFlags, true);
}

function compileJava(pattern: string, extraFlags: string, exactAtomic: boolean): RegExp {
  const key = `${exactAtomic ? 'x' : ''}${extraFlags}\u0000${pattern}`;
  let re = regexCache.get(key);
  if (!re) {
    // Numbered back-references would count the added groups: keep the approximation there.
    const t = translateJavaRegex(pattern, exactAtomic && !/\\[1-9]/.test(pattern));
    try {
      re = new RegExp(t.source, t.flags + extraFlags);
    } catch (e) {
      throw syntaxError(pattern, (e as Error).message);
    }
    if (regexCache.size > 1000) regexCache.clear();
    regexCache.set(key, re);
  }
  if (re.global || re.sticky) re.lastIndex = 0;
  return re;
}

/**
 * A Java replacement string (`$1`, `${name}`, `\$`) turned into a function
 * building the replacement from a match (so `$` in JS syntax has no effect).
 */
export function javaReplacement(replacement: string): (match: RegExpExecArray) => string {
  if (!/[$\\]/.test(replacement)) return () => replacement;
  const parts: (string | number | { name: string })[] = [];
  let lit = '';
  for (let i = 0; i < replacement.length; i++) {
    const ch = replacement[i]!;
    if (ch === '\\') {
      i++;
      if (i >= replacement.length) throw new ExecutionException('character to be escaped is missing');
      lit += replacement[i];
    } else if (ch === '$') {
      if (replacement[i + 1] === '{') {
        const end = replacement.indexOf('}', i + 2);
        if (end < 0) throw new ExecutionException("named capturing group is missing trailing '}'");
        if (lit) parts.push(lit);
        lit = '';
        parts.push({ name: replacement.slice(i + 2, end) });
        i = end;
      } else {
        const m = /^\d/.exec(replacement.slice(i + 1));
        if (!m) throw new ExecutionException('Illegal group reference');
        if (lit) parts.push(lit);
        lit = '';
        parts.push(Number(m[0]));
        i += 1;
      }
    } else {
      lit += ch;
    }
  }
  if (lit) parts.push(lit);
  return (match) => {
    let s = '';
    for (const part of parts) {
      if (typeof part === 'string') s += part;
      else if (typeof part === 'number') {
        if (part >= match.length) throw new ExecutionException(`No group ${part}`);
        s += match[part] ?? '';
      } else {
        const g = match.groups?.[part.name];
        if (match.groups === undefined || !(part.name in match.groups)) throw new ExecutionException(`No group with name {${part.name}}`);
        s += g ?? '';
      }
    }
    return s;
  };
}

/** Java's `Matcher.find` loop: all matches of a global regex, advancing past empty matches. */
export function* allMatches(re: RegExp, s: string): Generator<RegExpExecArray> {
  re.lastIndex = 0;
  for (;;) {
    const m = re.exec(s);
    if (!m) return;
    yield m;
    if (m[0].length === 0) {
      const cp = s.codePointAt(re.lastIndex);
      re.lastIndex += cp !== undefined && cp > 0xffff ? 2 : 1;
      if (re.lastIndex > s.length) return;
    }
  }
}

/**
 * Converts a SQL LIKE pattern (`%`, `_`, escape char, default `\`) into a
 * RegExp matching the whole string.
 */
export function likeRegex(pattern: string, escape = '\\', ignoreCase = false): RegExp {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === escape) {
      const next = pattern[i + 1];
      if (next === undefined) {
        throw new ExecutionException(`the pattern '${pattern}' is invalid, it is not allowed to end with the escape character`, {
          errorClass: 'INVALID_FORMAT.ESC_AT_THE_END',
        });
      }
      if (next !== '_' && next !== '%' && next !== escape) {
        throw new ExecutionException(`the pattern '${pattern}' is invalid, the escape character is not allowed to precede '${next}'`, {
          errorClass: 'INVALID_FORMAT.ESC_IN_THE_MIDDLE',
        });
      }
      out += codePointEscape(next.codePointAt(0)!);
      i++;
    } else if (ch === '%') {
      out += '[\\s\\S]*';
    } else if (ch === '_') {
      out += '[\\s\\S]';
    } else {
      const cp = pattern.codePointAt(i)!;
      out += /[A-Za-z0-9 ]/.test(ch) ? ch : codePointEscape(cp);
      if (cp > 0xffff) i++;
    }
  }
  return new RegExp(`^(?:${out})$`, ignoreCase ? 'iu' : 'u');
}
