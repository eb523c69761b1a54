/**
 * Java regex / SQL LIKE patterns → Rust `regex` syntax (what Polars runs).
 *
 * Only a conservative subset is translated; anything whose Java meaning the
 * Rust engine cannot reproduce (lookaround, back-references, possessive or
 * atomic groups, Java-only escapes, word boundaries) returns undefined and
 * the caller delegates.
 */

const RUST_META = new Set(['\\', '.', '+', '*', '?', '(', ')', '|', '[', ']', '{', '}', '^', '$', '#', '&', '-', '~']);

/** Escapes one character for use outside a class. */
export function escapeRegexChar(c: string): string {
  return RUST_META.has(c) ? '\\' + c : c;
}

export function escapeRegex(s: string): string {
  let out = '';
  for (const c of s) out += escapeRegexChar(c);
  return out;
}

/** SQL LIKE (escape `\`) → anchored regex; undefined for an invalid pattern (let the interpreter raise). */
export function likeToRegex(pattern: string, escape = '\\'): string | undefined {
  let out = '(?s)^';
  const chars = [...pattern];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (c === escape) {
      const next = chars[i + 1];
      if (next === undefined) return undefined;
      if (next !== '_' && next !== '%' && next !== escape) return undefined;
      out += escapeRegexChar(next);
      i++;
    } else if (c === '%') out += '.*';
    else if (c === '_') out += '.';
    else out += escapeRegexChar(c);
  }
  return out + '$';
}

const SIMPLE_ESCAPES_OUTSIDE: Record<string, string> = {
  d: '[0-9]',
  D: '[^0-9]',
  w: '[0-9A-Za-z_]',
  W: '[^0-9A-Za-z_]',
  s: '[\\t\\n\\x0B\\f\\r ]',
  S: '[^\\t\\n\\x0B\\f\\r ]',
  t: '\\t',
  n: '\\n',
  r: '\\r',
  f: '\\f',
};
const SIMPLE_ESCAPES_INSIDE: Record<string, string> = {
  d: '0-9',
  w: '0-9A-Za-z_',
  s: '\\t\\n\\x0B\\f\\r ',
  t: '\\t',
  n: '\\n',
  r: '\\r',
  f: '\\f',
};

/**
 * A Java regex in Rust syntax with the same matches, or undefined when the
 * pattern uses a construct outside the translated subset.
 */
export function javaRegexToRust(p: string): string | undefined {
  let out = '';
  let inClass = false;
  const chars = [...p];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (c === '\\') {
      const n = chars[++i];
      if (n === undefined) return undefined;
      const table = inClass ? SIMPLE_ESCAPES_INSIDE : SIMPLE_ESCAPES_OUTSIDE;
      if (table[n] !== undefined) out += table[n];
      else if (!inClass && (n === 'b' || n === 'B')) out += `(?-u:\\${n})`; // ASCII word boundary, as in JS
      else if (/[A-Za-z0-9]/.test(n)) return undefined; // \b \B \p \Q \1 \z \G ...: not translated
      else out += '\\' + n;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      else if (c === '[' ) return undefined; // nested classes / unions / POSIX classes
      else if (c === '&' && chars[i + 1] === '&') return undefined;
      out += c === '~' || c === '&' ? '\\' + c : c;
      continue;
    }
    if (c === '[') {
      inClass = true;
      out += c;
      if (chars[i + 1] === '^') out += chars[++i];
      if (chars[i + 1] === ']') out += '\\' + chars[++i];
      continue;
    }
    if (c === '(' && chars[i + 1] === '?') {
      // Only non-capturing groups and simple inline flags.
      const rest = chars.slice(i + 2, i + 6).join('');
      if (rest.startsWith(':')) {
        out += '(?:';
        i += 2;
        continue;
      }
      const m = /^([imx]+)\)/.exec(rest);
      if (m) {
        out += `(?${m[1]})`;
        i += 1 + m[0].length;
        continue;
      }
      return undefined;
    }
    if ((c === '+' || c === '*' || c === '?' || c === '}') && chars[i + 1] === '+') return undefined; // possessive
    if (c === '.') {
      // Java's `.` excludes all line terminators, Rust's only `\n`.
      out += '[^\\n\\r\\u0085\\u2028\\u2029]';
      continue;
    }
    // `$` is the end of input, as in the interpreter's JS translation (Java also
    // accepts a final line terminator before it).
    if (c === '$') {
      out += '$';
      continue;
    }
    out += c === '#' || c === '&' || c === '~' ? '\\' + c : c;
  }
  return inClass ? undefined : out;
}

/** Number of capturing groups of a pattern in Rust syntax (as produced by `javaRegexToRust`). */
export function captureGroupCount(rust: string): number {
  let n = 0;
  let inClass = false;
  for (let i = 0; i < rust.length; i++) {
    const c = rust[i]!;
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') {
      inClass = true;
      if (rust[i + 1] === '^') i++;
      if (rust[i + 1] === ']') i++;
    } else if (c === '(' && rust[i + 1] !== '?') n++;
  }
  return n;
}

/**
 * A Java `Matcher.replaceAll` replacement string in Rust syntax (`$1` →
 * `${1}`, `\x` → literal), or undefined for named groups and for references
 * to groups the pattern lacks (Java raises "No group N" on the first match;
 * the caller delegates so the interpreter raises it). As in Java, `$12` is
 * group 12 only when there are that many groups, else group 1 then `2`.
 */
export function javaReplacementToRust(r: string, groups: number): string | undefined {
  let out = '';
  const chars = [...r];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (c === '\\') {
      const n = chars[++i];
      if (n === undefined) return undefined;
      out += n === '$' ? '$$' : n;
    } else if (c === '$') {
      let j = i + 1;
      if (j >= chars.length || !/[0-9]/.test(chars[j]!)) return undefined;
      let ref = Number(chars[j++]);
      if (ref > groups) return undefined;
      while (j < chars.length && /[0-9]/.test(chars[j]!) && ref * 10 + Number(chars[j]) <= groups) ref = ref * 10 + Number(chars[j++]);
      out += '${' + ref + '}';
      i = j - 1;
    } else out += c;
  }
  return out;
}
