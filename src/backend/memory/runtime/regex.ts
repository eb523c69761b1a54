/**
 * Java regular expressions (what Spark's rlike, regexp_* and split take)
 * translated to JavaScript RegExp in unicode mode. Covers the constructs
 * users write: inline flags `(?i)`/`(?s)`/`(?m)`/`(?x)`, `\Q...\E` quoting,
 * `\A \z \Z`, POSIX classes (`\p{Alpha}`...), possessive quantifiers and
 * atomic groups, Java replacement strings (`$1`, `${name}`, `\$`).
 * Possessive/atomic parts are exact in `javaMatcher` (a lookahead capture and
 * back-reference, `(?=(X))\1`, which adds groups); where group numbers matter
 * (`javaRegex`) they are approximated as greedy/non-capturing.
 */
import { ExecutionException } from '../../../errors/index.js';

const POSIX: Record<string, string> = {
  Lower: 'a-z',
  Upper: 'A-Z',
  ASCII: '\\x00-\\x7F',
  Alpha: 'a-zA-Z',
  Digit: '0-9',
  Alnum: 'a-zA-Z0-9',
  Punct: '!-\\/:-@\\[-`{-~',
  Graph: '!-~',
  Print: ' -~',
  Blank: ' \\t',
  Cntrl: '\\x00-\\x1F\\x7F',
  XDigit: '0-9a-fA-F',
  Space: ' \\t\\n\\x0B\\f\\r',
  javaLowerCase: '\\p{Lowercase}',
  javaUpperCase: '\\p{Uppercase}',
  javaWhitespace: '\\s',
  javaDigit: '\\p{Nd}',
  javaLetter: '\\p{L}',
  javaLetterOrDigit: '\\p{L}\\p{Nd}',
  javaAlphabetic: '\\p{Alphabetic}',
};

const HSPACE = ' \\t\\xA0\\u1680\\u180e\\u2000-\\u200a\\u202f\\u205f\\u3000';
const VSPACE = '\\n\\x0B\\f\\r\\x85\\u2028\\u2029';

/** The JS class body for `\p{name}` (without brackets), or undefined when unknown. */
function propertyBody(name: string): string | undefined {
  if (POSIX[name]) return POSIX[name];
  const n = name.startsWith('Is') ? name.slice(2) : name;
  if (/^[A-Z][a-z]?$/.test(n)) return `\\p{${n}}`; // general category, e.g. L, Lu, Nd
  if (n === 'Alphabetic' || n === 'Letter') return '\\p{Alphabetic}';
  if (n === 'Uppercase' || n === 'Lowercase' || n === 'White_Space' || n === 'Emoji') return `\\p{${n}}`;
  if (/^[A-Z][a-z]+$/.test(n)) return `\\p{Script=${n}}`; // IsLatin, IsGreek
  return undefined;
}

const hex = (cp: number): string => `\\u{${cp.toString(16)}}`;

function escapeLiteral(s: string): string {
  let out = '';
  for (const ch of s) out += /[A-Za-z0-9 ]/.test(ch) ? ch : hex(ch.codePointAt(0)!);
  return out;
}

interface Translated {
  readonly source: string;
  readonly flags: string;
}

function syntaxError(pattern: string, detail: string): ExecutionException {
  return new ExecutionException(`${detail} near index 0\n${pattern}`, {
    errorClass: 'INVALID_PARAMETER_VALUE.PATTERN',
    messageParameters: { parameter: '`regexp`', functionName: '`regexp`', value: `'${pattern}'` },
  });
}

/**
 * Translates a Java regex into JS source + flags (always unicode mode).
 * `exactAtomic`: possessive quantifiers and atomic groups become `(?=(?<_aN>X))\k<_aN>` (exact, adds groups).
 */
export function translateJavaRegex(pattern: string, exactAtomic = false): Translated {
  const flags = new Set<string>(['u']);
  let extended = false;
  let out = '';
  let i = 0;
  let inClass = 0;
  const n = pattern.length;
  // Where the last complete atom starts in `out`, and the open groups' starts (atomic ones flagged).
  let atomStart = 0;
  const groups: { start: number; atomic: boolean }[] = [];
  let helpers = 0;
  const atomic = (from: number): void => {
    if (!exactAtomic) return;
    const name = `_a${helpers++}`;
    out = `${out.slice(0, from)}(?=(?<${name}>${out.slice(from)}))\\k<${name}>`;
  };
  while (i < n) {
    const ch = pattern[i]!;
    if (ch === '\\') {
      const [text, next] = translateEscape(pattern, i + 1, inClass > 0);
      if (inClass === 0) atomStart = out.length;
      out += text;
      i = next;
      continue;
    }
    if (inClass > 0) {
      if (ch === '[') {
        // Java's nested class union `[a[bc]]`: flatten the inner class.
        if (pattern[i + 1] === '^') throw syntaxError(pattern, 'Nested negated character classes are not supported');
        inClass++;
        i++;
        continue;
      }
      if (ch === ']') {
        inClass--;
        if (inClass === 0) out += ']';
        i++;
        continue;
      }
      if (ch === '&' && pattern[i + 1] === '&') throw syntaxError(pattern, 'Character class intersection is not supported');
      out += ch === '-' || /[A-Za-z0-9 ^]/.test(ch) ? ch : hex(ch.codePointAt(0)!);
      i += ch.length;
      continue;
    }
    if (extended && /\s/.test(ch)) {
      i++;
      continue;
    }
    if (extended && ch === '#') {
      while (i < n && pattern[i] !== '\n') i++;
      continue;
    }
    switch (ch) {
      case '[': {
        inClass = 1;
        atomStart = out.length;
        out += '[';
        i++;
        if (pattern[i] === '^') {
          out += '^';
          i++;
        }
        // A `]` right after the opening bracket is a literal in Java.
        if (pattern[i] === ']') {
          out += '\\]';
          i++;
        }
        continue;
      }
      case ']':
      case '}':
        out += `\\${ch}`;
        i++;
        continue;
      case '(': {
        if (pattern[i + 1] === '?') {
          const rest = pattern.slice(i + 2);
          const inline = /^([idmsuxU]*)(?:-([idmsuxU]*))?([):])/.exec(rest);
          if (inline && (inline[1] || inline[2] !== undefined)) {
            for (const f of inline[1]!) {
              if (f === 'i') flags.add('i');
              else if (f === 's') flags.add('s');
              else if (f === 'm') flags.add('m');
              else if (f === 'x') extended = true;
            }
            for (const f of inline[2] ?? '') {
              if (f === 'i') flags.delete('i');
              else if (f === 's') flags.delete('s');
              else if (f === 'm') flags.delete('m');
              else if (f === 'x') extended = false;
            }
            i += 2 + inline[0].length;
            if (inline[3] === ':') {
              groups.push({ start: out.length, atomic: false });
              out += '(?:';
            }
            continue;
          }
          if (pattern[i + 2] === '>') {
            groups.push({ start: out.length, atomic: true });
            out += '(?:';
            i += 3;
            continue;
          }
        }
        groups.push({ start: out.length, atomic: false });
        out += '(';
        i++;
        continue;
      }
      case ')': {
        const g = groups.pop();
        out += ')';
        i++;
        if (g) {
          atomStart = g.start;
          if (g.atomic) atomic(g.start);
        }
        continue;
      }
      case '*':
      case '+':
      case '?': {
        out += ch;
        i++;
        // Possessive quantifier (`X*+`): the quantified atom, matched atomically.
        if (pattern[i] === '+') {
          i++;
          atomic(atomStart);
        }
        continue;
      }
      case '{': {
        const m = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(i));
        if (m) {
          out += m[0];
          i += m[0].length;
          if (pattern[i] === '+') {
            i++;
            atomic(atomStart);
          }
          continue;
        }
        throw syntaxError(pattern, 'Illegal repetition');
      }
      default: {
        const cp = pattern.codePointAt(i)!;
        const s = String.fromCodePoint(cp);
        atomStart = out.length;
        out += s;
        i += s.length;
      }
    }
  }
  if (inClass > 0) throw syntaxError(pattern, 'Unclosed character class');
  return { source: out, flags: [...flags].sort().join('') };
}

/** Translates the escape starting after the backslash at `i`; returns the JS text and the next index. */
function translateEscape(p: string, i: number, inClass: boolean): [string, number] {
  const c = p[i];
  if (c === undefined) throw syntaxError(p, 'Unexpected internal error');
  switch (c) {
    case 'Q': {
      const end = p.indexOf('\\E', i + 1);
      const lit = end < 0 ? p.slice(i + 1) : p.slice(i + 1, end);
      return [escapeLiteral(lit), end < 0 ? p.length : end + 2];
    }
    case 'E':
      return ['', i + 1];
    case 'd':
    case 'D':
    case 'w':
    case 'W':
    case 's':
    case 'S':
    case 'n':
    case 't':
    case 'r':
    case 'f':
      return [`\\${c}`, i + 1];
    case 'b':
    case 'B':
      return [inClass ? '' : `\\${c}`, i + 1];
    case 'a':
      return ['\\x07', i + 1];
    case 'e':
      return ['\\x1B', i + 1];
    case 'h':
      return [inClass ? HSPACE : `[${HSPACE}]`, i + 1];
    case 'H':
      return [`[^${HSPACE}]`, i + 1];
    case 'v':
      return [inClass ? VSPACE : `[${VSPACE}]`, i + 1];
    case 'V':
      return [`[^${VSPACE}]`, i + 1];
    case 'R':
      return [`(?:\\r\\n|[${VSPACE}])`, i + 1];
    case 'A':
      return ['(?<![\\s\\S])', i + 1];
    case 'z':
      return ['(?![\\s\\S])', i + 1];
    case 'Z':
      return ['(?=(?:\\r\\n|[\\n\\r\\x85\\u2028\\u2029])?(?![\\s\\S]))', i + 1];
    case 'G':
      return ['', i + 1];
    case 'x': {
      if (p[i + 1] === '{') {
        const end = p.indexOf('}', i + 2);
        return [`\\u{${p.slice(i + 2, end)}}`, end + 1];
      }
      return [`\\x${p.slice(i + 1, i + 3)}`, i + 3];
    }
    case 'u':
      return [`\\u${p.slice(i + 1, i + 5)}`, i + 5];
    case 'c':
      return [`\\c${p[i + 1] ?? ''}`, i + 2];
    case '0': {
      const m = /^[0-7]{1,3}/.exec(p.slice(i + 1));
      const digits = m ? m[0] : '';
      return [hex(parseInt(digits || '0', 8)), i + 1 + digits.length];
    }
    case 'k': {
      const m = /^<([A-Za-z][A-Za-z0-9]*)>/.exec(p.slice(i + 1));
      if (m) return [`\\k<${m[1]}>`, i + 1 + m[0].length];
      throw syntaxError(p, '\\k is not followed by \'<\' for named capturing group');
    }
    case 'p':
    case 'P': {
      let name: string;
      let next: number;
      if (p[i + 1] === '{') {
        const end = p.indexOf('}', i + 2);
        name = p.slice(i + 2, end);
        next = end + 1;
      } else {
        name = p[i + 1] ?? '';
        next = i + 2;
      }
      const body = propertyBody(name);
      if (body === undefined) throw syntaxError(p, `Unknown character property name {${name}}`);
      if (c === 'p') return [inClass ? body : `[${body}]`, next];
      if (inClass) throw syntaxError(p, 'Negated properties inside character classes are not supported');
      return [`[^${body}]`, next];
    }
  }
  if (c >= '1' && c <= '9') {
    const m = /^\d+/.exec(p.slice(i))!;
    return [`\\${m[0]}`, i + m[0].length];
  }
  if (/[A-Za-z]/.test(c)) throw syntaxError(p, `Illegal/unsupported escape sequence \\${c}`);
  const cp = p.codePointAt(i)!;
  return [hex(cp), i + String.fromCodePoint(cp).length];
}

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
      out += hex(next.codePointAt(0)!);
      i++;
    } else if (ch === '%') {
      out += '[\\s\\S]*';
    } else if (ch === '_') {
      out += '[\\s\\S]';
    } else {
      const cp = pattern.codePointAt(i)!;
      out += /[A-Za-z0-9 ]/.test(ch) ? ch : hex(cp);
      if (cp > 0xffff) i++;
    }
  }
  return new RegExp(`^(?:${out})$`, ignoreCase ? 'iu' : 'u');
}
