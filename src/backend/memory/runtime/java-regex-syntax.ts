/**
 * Java regex syntax translated to JavaScript RegExp source in unicode mode. Covers the constructs
 * users write: inline flags `(?i)`/`(?s)`/`(?m)`/`(?x)`, `\Q...\E` quoting, `\A \z \Z`,
 * POSIX classes (`\p{Alpha}`...), possessive quantifiers and atomic groups.
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

/** A code point as a unicode-mode RegExp escape, `\\u{...}`. */
export const codePointEscape = (cp: number): string => `\\u{${cp.toString(16)}}`;

function escapeLiteral(s: string): string {
  let out = '';
  for (const ch of s) out += /[A-Za-z0-9 ]/.test(ch) ? ch : codePointEscape(ch.codePointAt(0)!);
  return out;
}

export interface Translated {
  readonly source: string;
  readonly flags: string;
}

export function syntaxError(pattern: string, detail: string): ExecutionException {
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
      out += ch === '-' || /[A-Za-z0-9 ^]/.test(ch) ? ch : codePointEscape(ch.codePointAt(0)!);
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
      return [codePointEscape(parseInt(digits || '0', 8)), i + 1 + digits.length];
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
  return [codePointEscape(cp), i + String.fromCodePoint(cp).length];
}
