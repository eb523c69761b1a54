/**
 * Tokens of Spark type strings and DDL schemas, and Spark's ParseException layout
 * (`(line l, pos p)` and the `== SQL ==` excerpt) that the DDL and SQL parsers share.
 */
import { ParseException } from '../errors/exceptions.js';

export type TokenKind = 'ident' | 'quoted' | 'int' | 'number' | 'string' | 'punct' | 'eof' | 'error';

export interface Token {
  readonly kind: TokenKind;
  /** Source text as written (with quotes/backquotes), used in error messages. */
  readonly text: string;
  /** Identifier name (backquotes removed), string value (unescaped) or punctuation. */
  readonly value: string;
  readonly start: number;
}

export function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const start = i;
    if (/[A-Za-z0-9_]/.test(c)) {
      while (i < src.length && /[A-Za-z0-9_]/.test(src[i]!)) i++;
      let text = src.slice(start, i);
      if (/^\d+$/.test(text)) {
        const frac = /^\.\d*(?:[eE][+-]?\d+)?/.exec(src.slice(i));
        if (frac) {
          i += frac[0].length;
          text = src.slice(start, i);
          tokens.push({ kind: 'number', text, value: text, start });
        } else {
          tokens.push({ kind: 'int', text, value: text, start });
        }
      } else {
        tokens.push({ kind: 'ident', text, value: text, start });
      }
      continue;
    }
    if (c === '`') {
      const id = readQuotedIdentifier(src, i);
      if (!id) {
        tokens.push({ kind: 'error', text: src.slice(start), value: '', start });
        break;
      }
      i = id.end;
      tokens.push({ kind: 'quoted', text: src.slice(start, i), value: id.value, start });
      continue;
    }
    if (c === "'" || c === '"') {
      const lit = readStringLiteral(src, i);
      if (!lit) {
        tokens.push({ kind: 'error', text: src.slice(start), value: '', start });
        break;
      }
      i = lit.end;
      tokens.push({ kind: 'string', text: src.slice(start, i), value: lit.value, start });
      continue;
    }
    if (c === '<' && src[i + 1] === '>') {
      tokens.push({ kind: 'punct', text: '<>', value: '<>', start });
      i += 2;
      continue;
    }
    tokens.push({ kind: 'punct', text: c, value: c, start });
    i++;
  }
  tokens.push({ kind: 'eof', text: '<EOF>', value: '', start: src.length });
  return tokens;
}

/** A backquoted identifier starting at `at` (``` `` ``` stands for a backquote); undefined when it is not closed. */
export function readQuotedIdentifier(src: string, at: number): { value: string; end: number } | undefined {
  let value = '';
  let i = at + 1;
  while (i < src.length) {
    if (src[i] === '`') {
      if (src[i + 1] !== '`') return { value, end: i + 1 };
      value += '`';
      i += 2;
      continue;
    }
    value += src[i];
    i++;
  }
  return undefined;
}

const SQL_ESCAPES: Readonly<Record<string, string>> = { n: '\n', t: '\t', r: '\r', b: '\b', '0': '\0', Z: '\x1a', '%': '\\%', _: '\\_' };

/**
 * Spark's `unescapeSQLString` for a backslash followed by `c`: `\n`, `\t`, `\r`,
 * `\b`, `\0`, `\Z`; `\%` and `\_` keep their backslash (for LIKE); any other
 * character stands for itself.
 */
export function unescapeSqlChar(c: string): string {
  return SQL_ESCAPES[c] ?? c;
}

/** A SQL string literal with backslash escapes (Spark's `unescapeSQLString`); `''` also stands for a quote. */
function readStringLiteral(src: string, at: number): { value: string; end: number } | undefined {
  const quote = src[at]!;
  let value = '';
  let i = at + 1;
  while (i < src.length) {
    const c = src[i]!;
    if (c === '\\' && i + 1 < src.length) {
      value += unescapeSqlChar(src[i + 1]!);
      i += 2;
      continue;
    }
    if (c === quote) {
      if (src[i + 1] === quote) {
        value += quote;
        i += 2;
        continue;
      }
      return { value, end: i + 1 };
    }
    value += c;
    i++;
  }
  return undefined;
}

/** ANTLR's token display: `'text'`, or `end of input` at EOF. */
export function display(t: Token): string {
  return t.kind === 'eof' ? 'end of input' : `'${t.text}'`;
}

/**
 * A ParseException in Spark's `getMessage` layout:
 * `msg(line l, pos p)\n\n== SQL ==\n<text>\n---^^^\n`.
 */
export function parseError(src: string, offset: number, errorClass: string, message: string, params: Record<string, string>): ParseException {
  const before = src.slice(0, offset);
  const line = before.split('\n').length;
  const pos = offset - (before.lastIndexOf('\n') + 1);
  const lines = src.split('\n');
  let text = `${message}(line ${line}, pos ${pos})\n\n== SQL ==\n`;
  for (const l of lines.slice(0, line)) text += l + '\n';
  text += '-'.repeat(pos) + '^^^\n';
  for (const l of lines.slice(line)) text += l + '\n';
  // Spark's legacy parse errors (an empty class here) carry no error class at all.
  return new ParseException(text, { ...(errorClass ? { errorClass } : {}), messageParameters: params });
}
