/**
 * The operator grammar, lowest precedence first: OR, AND, NOT, predicates
 * (BETWEEN, IN, LIKE / ILIKE / RLIKE with ESCAPE and ANY / ALL, IS [NOT]
 * NULL / TRUE / DISTINCT FROM, ...), comparisons, | ^ &, + - ||, * / % DIV
 * and unary - + ~. Each takes the `SqlParser` and reads one precedence level.
 */
import { E, type Expr } from '../expr/nodes.js';
import { BOOLEAN as BOOL, STRING } from '../types/data-types.js';
import { sqlParseError } from './errors.js';
import { named, prettySql } from './functions.js';
import { numberLiteral } from './literals.js';
import { postfix, primaryWithPostfix } from './parse-primary.js';
import { looksLikeQuery, query } from './parse-query.js';
import { existsSubquery } from './parse-special-forms.js';
import { SUBQUERY } from './parsed-expressions.js';
import type { Token } from './lexer.js';
import type { SqlParser } from './parser.js';

const COMPARISON: Record<string, string> = { '=': 'eq', '==': 'eq', '<': 'lt', '<=': 'lte', '>': 'gt', '>=': 'gte', '<=>': 'eq_null_safe' };

// Each precedence level's result carries its origin (the text from the level's first token to its
// last), as Spark's parser records one per expression for the query contexts of errors.
const located =
  (rule: (p: SqlParser) => Expr) =>
  (p: SqlParser): Expr => {
    const start = p.pos;
    return p.located(start, rule(p));
  };
export const or = located(orRule);
export const and = located(andRule);
export const not = located(notRule);
export const predicated = located(predicatedRule);
export const comparison = located(comparisonRule);
export const bitOr = located(bitOrRule);
export const bitXor = located(bitXorRule);
export const bitAnd = located(bitAndRule);
export const unary = located(unaryRule);

/** A full (boolean) expression. */
export function expression(p: SqlParser): Expr {
  return or(p);
}

function orRule(p: SqlParser): Expr {
  const operands = [and(p)];
  while (p.acceptKw('OR')) operands.push(and(p));
  return balanced('or', operands, 0, operands.length - 1);
}

function andRule(p: SqlParser): Expr {
  const operands = [not(p)];
  while (p.acceptKw('AND')) operands.push(not(p));
  return balanced('and', operands, 0, operands.length - 1);
}

/**
 * Spark's parser turns a chain `a AND b AND c AND d` into a balanced tree split
 * at the middle (`((a AND b) AND (c AND d))`; `a AND b AND c` is `((a AND b) AND c)`),
 * which shows in the generated column names.
 */
function balanced(fn: string, operands: Expr[], low: number, high: number): Expr {
  if (low === high) return operands[low]!;
  if (high - low === 1) return E.call(fn, [operands[low]!, operands[high]!]);
  const mid = low + Math.floor((high - low) / 2);
  return E.call(fn, [balanced(fn, operands, low, mid), balanced(fn, operands, mid + 1, high)]);
}

function notRule(p: SqlParser): Expr {
  if (p.acceptKw('NOT') || p.acceptOp('!')) return E.call('not', [not(p)]);
  if (p.isKw('EXISTS') && p.isOp('(', p.peek()) && looksLikeQuery(p, 2)) return existsSubquery(p);
  return predicated(p);
}

function predicatedRule(p: SqlParser): Expr {
  let e = comparison(p);
  for (;;) {
    // Spark's predicate context starts at the predicate's keyword (or NOT): `a BETWEEN 1 AND 2` is located at BETWEEN.
    const save = p.pos;
    const negated = p.acceptKw('NOT');
    if (p.acceptKw('BETWEEN')) {
      const lo = comparison(p);
      p.expectKw('AND');
      const hi = comparison(p);
      // Spark 3.5 expands BETWEEN, and names the column after the expansion: `((a >= 1) AND (a <= 2))`.
      const between = E.call('and', [p.operator('gte', e, lo), p.operator('lte', e, hi)]);
      e = p.located(save, negated ? E.call('not', [between]) : between);
      continue;
    }
    if (p.acceptKw('IN')) {
      p.expectOp('(');
      if (looksLikeQuery(p)) {
        const q = query(p);
        p.expectOp(')');
        const inSub = E.call(SUBQUERY.in, [e], { options: { query: q } });
        e = p.located(save, negated ? E.call('not', [inSub]) : inSub);
        continue;
      }
      const list = [expression(p)];
      while (p.acceptOp(',')) list.push(expression(p));
      p.expectOp(')');
      const inCall = E.call('in', [e, ...list]);
      e = p.located(save, negated ? E.call('not', [inCall]) : inCall);
      continue;
    }
    const likeKw = ['LIKE', 'ILIKE', 'RLIKE', 'REGEXP'].find((k) => p.isKw(k));
    if (likeKw) {
      p.pos++;
      e = p.located(save, likePredicate(p, e, likeKw, negated, p.tokens[save]!));
      continue;
    }
    if (!negated && p.acceptKw('IS')) {
      const isNot = p.acceptKw('NOT');
      let r: Expr;
      if (p.acceptKw('NULL')) r = E.call(isNot ? 'is_not_null' : 'is_null', [e]);
      else if (p.acceptKw('TRUE') || p.isKw('FALSE')) {
        const value = p.tokens[p.pos - 1]!.upper === 'TRUE' ? true : (p.pos++, false);
        const cmp = E.call('eq_null_safe', [e, E.lit(value, BOOL)]);
        r = isNot ? E.call('not', [cmp]) : cmp;
      } else if (p.acceptKw('UNKNOWN')) r = E.call(isNot ? 'is_not_null' : 'is_null', [e]);
      else if (p.acceptKw('DISTINCT', 'FROM')) {
        const other = comparison(p);
        const ns = E.call('eq_null_safe', [e, other]);
        r = isNot ? ns : E.call('not', [ns]);
      } else throw p.syntaxError();
      e = p.located(save, r);
      continue;
    }
    p.pos = save;
    return e;
  }
}

/** `[NOT] LIKE|ILIKE|RLIKE|REGEXP ...` after its keyword; `at` is the predicate's first token (NOT or the keyword). */
export function likePredicate(p: SqlParser, e: Expr, kw: string, negated: boolean, at: Token): Expr {
  const fn = kw === 'LIKE' ? 'like' : kw === 'ILIKE' ? 'ilike' : 'rlike';
  if ((kw === 'LIKE' || kw === 'ILIKE') && (p.isKw('ANY') || p.isKw('SOME') || p.isKw('ALL'))) return likeQuantified(p, e, fn, negated, at);
  const pattern = comparison(p);
  let escapeChar: string | undefined;
  if ((kw === 'LIKE' || kw === 'ILIKE') && p.acceptKw('ESCAPE')) {
    const esc = p.cur;
    if (esc.kind !== 'string') throw p.syntaxError();
    p.pos++;
    if ([...esc.value].length !== 1) {
      throw sqlParseError(p.src, at.start, 'INVALID_ESC', `Found an invalid escape string: '${esc.value}'. The escape string must contain only one character.`, {
        invalidEscape: `'${esc.value}'`,
      });
    }
    // The escape character does not show in the column name (`a LIKE a#%b`).
    if (esc.value !== '\\') escapeChar = esc.value;
  }
  let call: Expr = E.call(fn, [e, pattern], escapeChar === undefined ? {} : { options: { escapeChar } });
  if (kw === 'REGEXP') call = named(call, () => `REGEXP(${prettySql(e)}, ${prettySql(pattern)})`);
  return negated ? E.call('not', [call]) : call;
}

/**
 * `[NOT] LIKE|ILIKE ANY|SOME|ALL (p1, ...)`: the OR (ANY) or AND (ALL) of the
 * single predicates. When every pattern is a string constant Spark builds one
 * LikeAny / LikeAll expression instead, named `likeany(a)` (`notlikeall(a)`,
 * `likeany(lower(a))` for ILIKE) and nullable whatever its inputs.
 */
function likeQuantified(p: SqlParser, e: Expr, fn: string, negated: boolean, at: Token): Expr {
  const quant = p.tokens[p.pos++]!.upper;
  p.expectOp('(');
  // Spark's own (class-less) parse error for the empty list, at the predicate.
  if (p.isOp(')')) throw sqlParseError(p.src, at.start, '', "\nExpected something between '(' and ')'..", {});
  const patterns = [expression(p)];
  while (p.acceptOp(',')) patterns.push(expression(p));
  p.expectOp(')');
  const parts = patterns.map((pattern) => {
    const c = E.call(fn, [e, pattern]);
    return negated ? E.call('not', [c]) : c;
  });
  const all = quant === 'ALL';
  const expansion = parts.reduce((a, b) => E.call(all ? 'and' : 'or', [a, b]));
  if (!patterns.every(stringConstant)) return expansion;
  const name = `${negated ? 'not' : ''}like${all ? 'all' : 'any'}`;
  // A CASE without ELSE gives the same values and Spark's always-nullable result.
  const nullable = E.caseWhen([{ when: E.lit(true, BOOL), then: expansion }]);
  return named(nullable, () => `${name}(${fn === 'ilike' ? `lower(${prettySql(e)})` : prettySql(e)})`);
}

/** A pattern Spark's parser already sees as a foldable string: a string literal, or one cast to STRING. */
function stringConstant(e: Expr): boolean {
  if (e.kind === 'Literal') return e.dataType.equals(STRING);
  return e.kind === 'Cast' && e.to.equals(STRING) && e.child.kind === 'Literal';
}

function comparisonRule(p: SqlParser): Expr {
  let left = bitOr(p);
  for (;;) {
    const t = p.cur;
    if (t.kind !== 'op') return left;
    const fn = COMPARISON[t.value];
    if (fn) {
      p.pos++;
      left = p.operator(fn, left, bitOr(p));
    } else if (t.value === '<>' || t.value === '!=') {
      p.pos++;
      left = E.call('not', [E.call('eq', [left, bitOr(p)])]);
    } else return left;
  }
}

function bitOrRule(p: SqlParser): Expr {
  let left = bitXor(p);
  while (p.isOp('|')) {
    p.pos++;
    left = E.call('bitwise_or', [left, bitXor(p)]);
  }
  return left;
}

function bitXorRule(p: SqlParser): Expr {
  let left = bitAnd(p);
  while (p.isOp('^')) {
    p.pos++;
    left = E.call('bitwise_xor', [left, bitAnd(p)]);
  }
  return left;
}

function bitAndRule(p: SqlParser): Expr {
  let left = additive(p);
  while (p.isOp('&')) {
    p.pos++;
    left = E.call('bitwise_and', [left, additive(p)]);
  }
  return left;
}

export function additive(p: SqlParser): Expr {
  // Each application is located from the level's start: `a + b + c`'s inner `a + b` has its own origin.
  const start = p.pos;
  let left = multiplicative(p);
  for (;;) {
    if (p.acceptOp('+')) left = p.operator('add', left, multiplicative(p));
    else if (p.acceptOp('-')) left = p.operator('subtract', left, multiplicative(p));
    else if (p.acceptOp('||')) {
      const right = multiplicative(p);
      const l = left;
      left = named(E.call('concat', [l, right]), () => `concat(${prettySql(l)}, ${prettySql(right)})`);
    } else return left;
    left = p.located(start, left);
  }
}

export function multiplicative(p: SqlParser): Expr {
  const start = p.pos;
  let left = unary(p);
  for (;;) {
    // `*` and `/` carry ANALYZED_NAME for interval operands (`3 * i` is named `(i * 3)` in queries).
    if (p.acceptOp('*')) left = p.operator('multiply', left, unary(p));
    else if (p.acceptOp('/')) left = p.operator('divide', left, unary(p));
    else if (p.acceptOp('%')) left = E.call('remainder', [left, unary(p)]);
    else if (p.acceptKw('DIV')) left = integralDivide(left, unary(p));
    else return left;
    left = p.located(start, left);
  }
}

function unaryRule(p: SqlParser): Expr {
  if (p.isOp('-')) {
    if (p.peek().kind === 'number') {
      const minus = p.tokens[p.pos++]!;
      const n = p.tokens[p.pos++]!;
      return postfix(p, numberLiteral(p.src, n, true, minus.start));
    }
    p.pos++;
    return E.call('negate', [unary(p)]);
  }
  // Spark's UnaryPositive: typed (a string becomes a DOUBLE), not dropped.
  if (p.acceptOp('+')) return E.call('positive', [unary(p)]);
  if (p.acceptOp('~')) return E.call('bitwise_not', [unary(p)]);
  return primaryWithPostfix(p);
}

/** `a DIV b`: integral division truncating toward zero, as a bigint, named `(a div b)`. */
function integralDivide(a: Expr, b: Expr): Expr {
  // typed and lowered to arithmetic by the analyzer (operator-coercion.ts)
  return named(E.call('div', [a, b]), () => `(${prettySql(a)} div ${prettySql(b)})`);
}
