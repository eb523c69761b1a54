/**
 * Tokenizer for Spark SQL text, following the lexical rules of Spark 3.5's
 * `SqlBaseLexer`: case-insensitive keywords (kept as identifiers here; the
 * parser decides what is a keyword), backquoted identifiers with ``` `` ```
 * escapes, string literals in '' or "" with backslash escapes, numeric
 * literals with the `L S Y D F BD` suffixes and exponents, `X'..'` binary
 * literals, raw strings `r'..'` (no escape processing), `--` and nested `/* *\/` comments.
 */
import { readQuotedIdentifier, unescapeSqlChar } from '../types/ddl-lexer.js';
import { sqlParseError } from './errors.js';

export type TokenKind =
  /** A word: keyword or unquoted identifier. */
  | 'ident'
  /** A backquoted identifier. */
  | 'quoted'
  /** A string literal (`value` is unescaped). */
  | 'string'
  /** A numeric literal (`value` is the text without suffix; `suffix` set). */
  | 'number'
  /** `X'0A'` (value: the hex digits). */
  | 'binary'
  | 'op'
  | 'eof';

export interface Token {
  readonly kind: TokenKind;
  /** Source text as written. */
  readonly text: string;
  /** Identifier name, unescaped string value, number text or operator. */
  readonly value: string;
  /** Upper-cased text, for keyword tests on `ident` tokens. */
  readonly upper: string;
  readonly start: number;
  readonly end: number;
  /** Numeric literals: `L`, `S`, `Y`, `D`, `F`, `BD` or ''. */
  readonly suffix?: string;
  /** Numeric literals: `int` (digits only), `decimal` (has a point) or `exponent`. */
  readonly numberForm?: 'int' | 'decimal' | 'exponent';
}

/** Multi-character operators, longest first (no `::`: the cast shorthand is Spark 4.0 syntax, 3.5 reads two colons). */
const OPERATORS = ['<=>', '<>', '!=', '<=', '>=', '==', '||', '->', '=>', '&&', '!'];
const SINGLE = new Set(['(', ')', ',', '.', '[', ']', '{', '}', ';', '+', '-', '*', '/', '%', '<', '>', '=', '&', '|', '^', '~', ':', '?']);

const isIdentStart = (c: string): boolean => /[A-Za-z_]/.test(c) || c.charCodeAt(0) > 127;
const isIdentPart = (c: string): boolean => /[A-Za-z0-9_]/.test(c) || c.charCodeAt(0) > 127;
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

function tok(kind: TokenKind, src: string, start: number, end: number, value: string, extra: Partial<Token> = {}): Token {
  const text = src.slice(start, end);
  return { kind, text, value, upper: kind === 'ident' ? text.toUpperCase() : value, start, end, ...extra };
}

export interface LexerOptions {
  /**
   * `spark.sql.ansi.doubleQuotedIdentifiers` under ANSI mode: `"..."` is a quoted identifier
   * (`""` inside stands for one quote), no string literal.
   */
  readonly doubleQuotedIdentifiers?: boolean;
}

export function tokenize(src: string, options: LexerOptions = {}): Token[] {
  const out: Token[] = [];
  let i = 0;
  const n = src.length;
  while (i < n) {
    const c = src[i]!;
    // whitespace
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    // comments
    if (c === '-' && src[i + 1] === '-') {
      while (i < n && src[i] !== '\n') i++;
      continue;
    }
    if (c === '/' && src[i + 1] === '*') {
      const start = i;
      let depth = 0;
      while (i < n) {
        if (src[i] === '/' && src[i + 1] === '*') {
          depth++;
          i += 2;
        } else if (src[i] === '*' && src[i + 1] === '/') {
          depth--;
          i += 2;
          if (depth === 0) break;
        } else {
          i++;
        }
      }
      if (depth !== 0) throw sqlParseError(src, start, 'UNCLOSED_BRACKETED_COMMENT', 'Found an unclosed bracketed comment. Please, append */ at the end of the comment.', {});
      continue;
    }
    const start = i;
    // binary literal X'..'
    if ((c === 'X' || c === 'x') && src[i + 1] === "'") {
      const close = src.indexOf("'", i + 2);
      if (close < 0) throw unclosed(src, start);
      const hex = src.slice(i + 2, close);
      i = close + 1;
      out.push(tok('binary', src, start, i, hex));
      continue;
    }
    // raw string r'..' / R"..": no escapes, and it cannot contain its quote
    if ((c === 'r' || c === 'R') && (src[i + 1] === "'" || src[i + 1] === '"')) {
      const close = src.indexOf(src[i + 1]!, i + 2);
      if (close < 0) throw unclosed(src, start);
      i = close + 1;
      out.push(tok('string', src, start, i, src.slice(start + 2, close)));
      continue;
    }
    // numbers: 12, 1.5, .5, 1e3, 1.5e-3, with suffixes
    if (isDigit(c) || (c === '.' && isDigit(src[i + 1]))) {
      const m = /^(\d*\.?\d*)(?:[eE][+-]?\d+)?/.exec(src.slice(i));
      let body = m![0];
      // "1." followed by an identifier char is still "1." in Spark (DECIMAL_VALUE: DIGIT+ '.' DIGIT*)
      let j = i + body.length;
      let suffix = '';
      const rest = src.slice(j);
      const sm = /^(BD|bd|Bd|bD|[LlSsYyDdFf])(?![A-Za-z0-9_])/.exec(rest);
      if (sm) {
        suffix = sm[1]!.toUpperCase();
        j += sm[1]!.length;
      } else if (isIdentPart(src[j] ?? ' ')) {
        // e.g. `1a` or `123abc`: an identifier that starts with digits (Spark allows these as identifiers).
        let k = j;
        while (k < n && isIdentPart(src[k]!)) k++;
        if (/^\d+$/.test(body)) {
          out.push(tok('ident', src, start, k, src.slice(start, k)));
          i = k;
          continue;
        }
      }
      const form: Token['numberForm'] = /[eE]/.test(body) ? 'exponent' : body.includes('.') ? 'decimal' : 'int';
      if (body === '.') body = '0';
      out.push(tok('number', src, start, j, body, { suffix, numberForm: form }));
      i = j;
      continue;
    }
    if (isIdentStart(c)) {
      while (i < n && isIdentPart(src[i]!)) i++;
      out.push(tok('ident', src, start, i, src.slice(start, i)));
      continue;
    }
    if (c === '`') {
      const id = readQuotedIdentifier(src, i);
      if (!id) throw unclosed(src, start);
      i = id.end;
      out.push(tok('quoted', src, start, i, id.value));
      continue;
    }
    if (c === '"' && options.doubleQuotedIdentifiers) {
      // the token ends where Spark's DOUBLEQUOTED_STRING does; its text is the name as written
      const lit = readString(src, i);
      if (!lit) throw unclosed(src, start);
      i = lit.end;
      out.push(tok('quoted', src, start, i, src.slice(start + 1, i - 1).replaceAll('""', '"')));
      continue;
    }
    if (c === "'" || c === '"') {
      const lit = readString(src, i);
      if (!lit) throw unclosed(src, start);
      i = lit.end;
      out.push(tok('string', src, start, i, lit.value));
      continue;
    }
    const op = OPERATORS.find((o) => src.startsWith(o, i));
    if (op) {
      i += op.length;
      out.push(tok('op', src, start, i, op));
      continue;
    }
    if (SINGLE.has(c)) {
      i++;
      out.push(tok('op', src, start, i, c));
      continue;
    }
    throw sqlParseError(src, start, 'PARSE_SYNTAX_ERROR', `Syntax error at or near '${c}'.`, { error: `'${c}'`, hint: '' });
  }
  out.push({ kind: 'eof', text: '<EOF>', value: '', upper: '', start: n, end: n });
  return out;
}

function unclosed(src: string, at: number): Error {
  const text = src.slice(at, at + 1);
  return sqlParseError(src, at, 'PARSE_SYNTAX_ERROR', `Syntax error at or near '${text}'.`, { error: `'${text}'`, hint: '' });
}

/**
 * Spark's `unescapeSQLString`: backslash escapes (`\n`, `\t`, `\uXXXX`, octal
 * `\ooo`, `\%` and `\_` kept with their backslash for LIKE); a quote ends the
 * literal (adjacent literals are concatenated by the parser).
 */
function readString(src: string, at: number): { value: string; end: number } | undefined {
  const quote = src[at]!;
  let value = '';
  let i = at + 1;
  while (i < src.length) {
    const c = src[i]!;
    if (c === '\\' && i + 1 < src.length) {
      const nx = src[i + 1]!;
      if (nx === 'u' && /^[0-9a-fA-F]{4}$/.test(src.slice(i + 2, i + 6))) {
        value += String.fromCharCode(parseInt(src.slice(i + 2, i + 6), 16));
        i += 6;
        continue;
      }
      if (/^[0-3][0-7]{2}$/.test(src.slice(i + 1, i + 4))) {
        value += String.fromCharCode(parseInt(src.slice(i + 1, i + 4), 8));
        i += 4;
        continue;
      }
      value += unescapeSqlChar(nx);
      i += 2;
      continue;
    }
    if (c === quote) return { value, end: i + 1 };
    value += c;
    i++;
  }
  return undefined;
}
