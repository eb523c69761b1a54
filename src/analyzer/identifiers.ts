import { ParseException } from '../errors/index.js';

/**
 * Splits a column reference into name parts: `a.b` → [a, b]; backquotes
 * protect dots (`` `a.b`.c `` → [a.b, c]) and ``` `` ``` escapes a backquote.
 */
export function parseIdentifier(text: string): string[] {
  const parts: string[] = [];
  let cur = '';
  let quoted = false;
  let wasQuoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '`') {
        if (text[i + 1] === '`') {
          cur += '`';
          i++;
        } else {
          quoted = false;
        }
      } else {
        cur += ch;
      }
    } else if (ch === '`') {
      quoted = true;
      wasQuoted = true;
    } else if (ch === '.') {
      parts.push(cur);
      cur = '';
      wasQuoted = false;
    } else {
      cur += ch;
    }
  }
  if (quoted) {
    throw new ParseException(`Syntax error at or near '${text}': unclosed backquote.`, { errorClass: 'PARSE_SYNTAX_ERROR' });
  }
  if (cur !== '' || wasQuoted || parts.length > 0) parts.push(cur);
  return parts;
}
