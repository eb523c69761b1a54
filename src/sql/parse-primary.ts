/**
 * Primary expressions and what follows them: literals (numbers, strings,
 * binary, INTERVAL), parameter markers, `*`, and the postfix forms `x[i]`,
 * `x.field`; type names as Spark writes them. Identifiers and
 * calls are in parse-calls.ts.
 */
import { E, type Expr } from '../expr/nodes.js';
import type { DataType } from '../types/data-types.js';
import { parseDataType } from '../types/ddl.js';
import { intervalLiteral as intervalLiteralExpr, type IntervalPart } from './interval-literal.js';
import type { Token } from './lexer.js';
import { binaryLiteral, numberLiteral, stringLiteral } from './literals.js';
import { identPrimary, lambda, parenthesized } from './parse-calls.js';
import { expression } from './parse-operators.js';
import { lastPart, quotePart } from './parsed-expressions.js';
import type { SqlParser } from './parser.js';

export function primaryWithPostfix(p: SqlParser): Expr {
  const start = p.pos;
  return postfix(p, p.located(start, primary(p)), start);
}

/** `x[i]`, `x.field` after a primary expression (read from token `start`). */
export function postfix(p: SqlParser, base: Expr, start = p.pos): Expr {
  let e = base;
  for (;;) {
    if (p.acceptOp('[')) {
      const idx = expression(p);
      p.expectOp(']');
      e = p.located(start, E.call('get_item', [e, idx]));
    } else if (p.isOp('.') && (p.isIdentifier(p.peek()) || p.isOp('*', p.peek()))) {
      p.pos++;
      if (p.acceptOp('*')) {
        if (e.kind !== 'ColumnRef') throw p.syntaxError(p.tokens[p.pos - 1]);
        e = E.star(lastPart(e.name));
        continue;
      }
      const quoted = p.cur.kind === 'quoted';
      const field = p.identifier();
      e = e.kind === 'ColumnRef' ? E.col(`${e.name}.${quotePart(field, quoted)}`) : E.call('get_field', [e], { options: { field } });
    } else {
      return e;
    }
  }
}

/** A type name as Spark writes it (`int`, `decimal(10,2)`, `array<struct<a:int>>`). */
export function dataType(p: SqlParser): DataType {
  const start = p.cur;
  if (!p.isIdentifier()) throw p.syntaxError();
  p.pos++;
  // `INTERVAL DAY TO SECOND`, `INTERVAL YEAR`: the unit words belong to the type.
  if (start.upper === 'INTERVAL') {
    const unit = (t: Token): boolean => t.kind === 'ident' && /^(YEAR|MONTH|DAY|HOUR|MINUTE|SECOND)$/.test(t.upper);
    if (unit(p.cur)) {
      p.pos++;
      if (p.isKw('TO') && unit(p.peek())) p.pos += 2;
    }
  }
  let depth = 0;
  if (p.isOp('<') || p.isOp('<>')) {
    if (p.isOp('<>')) p.pos++;
    else {
      do {
        const t = p.tokens[p.pos++]!;
        if (t.kind === 'eof') throw p.syntaxError(t);
        if (p.isOp('<', t)) depth++;
        else if (p.isOp('>', t)) depth--;
        else if (p.isOp('>=', t)) throw p.syntaxError(t);
      } while (depth > 0);
    }
  }
  if (p.isOp('(') && p.peek().kind === 'number') {
    p.pos++;
    while (!p.isOp(')')) {
      if (p.cur.kind === 'eof') throw p.syntaxError();
      p.pos++;
    }
    p.pos++;
  }
  const end = p.tokens[p.pos - 1]!.end;
  return parseDataType(p.src.slice(start.start, end));
}

function primary(p: SqlParser): Expr {
  const t = p.cur;
  switch (t.kind) {
    case 'number':
      p.pos++;
      return numberLiteral(p.src, t, false);
    case 'string': {
      p.pos++;
      let value = t.value;
      while (p.cur.kind === 'string') value += p.tokens[p.pos++]!.value;
      return stringLiteral(value);
    }
    case 'binary':
      p.pos++;
      if (p.cur.kind === 'string') throw p.extraInput();
      return binaryLiteral(p.src, t);
    case 'quoted':
      p.pos++;
      if (p.isOp('->')) return lambda(p, [t.value]);
      return E.col(quotePart(t.value, true));
    case 'op':
      if (t.value === '*') {
        p.pos++;
        return E.star();
      }
      if (t.value === '(') return parenthesized(p);
      if (t.value === '?') {
        p.pos++;
        return p.params.positional(t.start);
      }
      if (t.value === ':' && p.isIdentifier(p.peek())) {
        p.pos++;
        return p.params.named(p.identifier());
      }
      throw p.syntaxError();
    case 'eof':
      throw p.syntaxError();
    case 'ident':
      return identPrimary(p, t);
  }
}

/** `INTERVAL '<text>' <unit> [TO <unit>]` or `INTERVAL <n> <unit> [<n> <unit> ...]` (see interval-literal.ts). */
export function intervalLiteral(p: SqlParser): Expr {
  const start = p.cur;
  p.pos++;
  const parts: IntervalPart[] = [];
  let toUnit: string | undefined;
  for (;;) {
    const signed = p.isOp('-') || p.isOp('+');
    const v = p.peek(signed ? 1 : 0);
    const u = p.peek(signed ? 2 : 1);
    if ((v.kind !== 'string' && v.kind !== 'number') || u.kind !== 'ident') break;
    const negative = signed && p.cur.value === '-';
    p.pos += signed ? 3 : 2;
    const value = v.value.trim();
    parts.push({ value: negative ? (value.startsWith('-') ? value.slice(1) : `-${value}`) : value, quoted: v.kind === 'string', unit: u.value });
    if (parts.length === 1 && v.kind === 'string' && p.isKw('TO') && p.peek().kind === 'ident') {
      toUnit = p.peek().value;
      p.pos += 2;
      break;
    }
  }
  if (parts.length === 0) throw p.syntaxError();
  const text = p.src.slice(start.start, p.tokens[p.pos - 1]!.end);
  return intervalLiteralExpr(p.src, start.start, text, parts, toUnit);
}
