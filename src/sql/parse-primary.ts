/**
 * Primary expressions and what follows them: literals (numbers, strings,
 * binary, INTERVAL), parameter markers, `*`, and the postfix forms `x[i]`,
 * `x.field`; type names as Spark writes them. Identifiers and
 * calls are in parse-calls.ts.
 */
import { E, type Expr } from '../expr/nodes.js';
import type { DataType } from '../types/data-types.js';
import { parseDataType } from '../types/ddl.js';
import { sqlParseError } from './errors.js';
import { fromToInterval, isIntervalUnit, multiUnitInterval, typedInterval, type IntervalPart } from './interval-literal.js';
import type { Token } from './lexer.js';
import { binaryLiteral, numberLiteral, stringLiteral } from './literals.js';
import { functionCall, identPrimary, lambda, parenthesized, qualifiedCall } from './parse-calls.js';
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
      const regex = quoted && e.kind === 'ColumnRef' ? columnRegex(p, field, e.name) : undefined;
      if (regex) {
        e = regex;
        continue;
      }
      e = e.kind === 'ColumnRef' ? E.col(`${e.name}.${quotePart(field, quoted)}`) : E.call('get_field', [e], { options: { field } });
    } else {
      return e;
    }
  }
}

/**
 * `` `re` `` / `` t.`re` `` under spark.sql.parser.quotedRegexColumnNames: inside a SELECT item, a backquoted name
 * holding anything but letters, digits and `_` selects the columns whose names match (Spark's UnresolvedRegex).
 */
function columnRegex(p: SqlParser, name: string, target?: string): Expr | undefined {
  if (!p.options.quotedRegexColumnNames || p.selectItemDepth === 0 || /^[\p{L}\p{N}_]*$/u.test(name)) return undefined;
  return Object.freeze({ ...E.star(target), regex: name });
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
    case 'quoted': {
      // `` `f`(..) `` calls f, as Spark's functionName takes a quoted identifier
      if (p.isOp('(', p.peek())) return functionCall(p);
      const call = p.isOp('.', p.peek()) ? qualifiedCall(p) : undefined;
      if (call) return call;
      p.pos++;
      if (p.isOp('->')) return lambda(p, [t.value]);
      return columnRegex(p, t.value) ?? E.col(quotePart(t.value, true));
    }
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

/**
 * `INTERVAL '<text>' <unit> TO <unit>`, `INTERVAL <value> <unit> [<value> <unit> ...]` or the
 * typed literal `INTERVAL '<text>'` (see interval-literal.ts).
 */
export function intervalLiteral(p: SqlParser): Expr {
  const start = p.cur;
  p.pos++;
  const parts: IntervalPart[] = [];
  let fromTo: [IntervalPart, string] | undefined;
  for (;;) {
    const signed = p.isOp('-') || p.isOp('+');
    const v = p.peek(signed ? 1 : 0);
    const u = p.peek(signed ? 2 : 1);
    if (v.kind !== 'string' && v.kind !== 'number') break;
    // Spark's grammar takes unit keywords only: `INTERVAL '1' DAY + 'x' b` ends before the `+`.
    if (u.kind !== 'ident' || !isIntervalUnit(u.value)) {
      if (parts.length === 0 && !signed && v.kind === 'string') {
        p.pos++;
        return typedInterval(p.src, start.start, p.src.slice(start.start, v.end), v.value);
      }
      if (signed && (parts.length > 0 || fromTo)) break;
      p.pos += signed ? 2 : 1;
      throw p.syntaxError();
    }
    const at = p.cur.start;
    const sign = signed ? p.cur.value : '';
    p.pos += signed ? 3 : 2;
    const part: IntervalPart = { raw: v.kind === 'string' ? v.value : v.text, quoted: v.kind === 'string', negative: sign === '-', sign, unit: u.value, at };
    // Only one from-to pair, with nothing before or after it.
    if (fromTo || (parts.length > 0 && p.isKw('TO'))) throw singleFromTo(p, at);
    if (p.isKw('TO') && p.peek().kind === 'ident') {
      fromTo = [part, p.peek().value];
      p.pos += 2;
      continue;
    }
    parts.push(part);
  }
  if (fromTo) return fromToInterval(p.src, ...fromTo);
  if (parts.length === 0) throw p.syntaxError();
  return multiUnitInterval(p.src, start.start, p.src.slice(start.start, p.tokens[p.pos - 1]!.end), parts);
}

const singleFromTo = (p: SqlParser, at: number): Error =>
  sqlParseError(p.src, at, '_LEGACY_ERROR_TEMP_0024', 'Can only have a single from-to unit in the interval literal syntax.', {});
