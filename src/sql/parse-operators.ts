/**
 * The operator grammar, lowest precedence first: OR, AND, NOT, predicates
 * (BETWEEN, IN, LIKE / ILIKE / RLIKE with ESCAPE and ANY / ALL, IS [NOT]
 * NULL / TRUE / DISTINCT FROM, ...), comparisons, | ^ &, + - ||, * / % DIV
 * and unary - + ~. Each takes the `SqlParser` and reads one precedence level.
 */
import { E, type Expr } from '../expr/nodes.js';
import { BOOLEAN as BOOL } from '../types/data-types.js';
import { named, prettySql } from './functions.js';
import { numberLiteral } from './literals.js';
import { SUBQUERY, type SqlParser } from './parser.js';

const COMPARISON: Record<string, string> = { '=': 'eq', '==': 'eq', '<': 'lt', '<=': 'lte', '>': 'gt', '>=': 'gte', '<=>': 'eq_null_safe' };

export function or(p: SqlParser): Expr {
  let left = p.and();
  while (p.acceptKw('OR')) left = E.call('or', [left, p.and()]);
  return left;
}

export function and(p: SqlParser): Expr {
  let left = p.not();
  while (p.acceptKw('AND')) left = E.call('and', [left, p.not()]);
  return left;
}

export function not(p: SqlParser): Expr {
  if (p.acceptKw('NOT') || p.acceptOp('!')) return E.call('not', [p.not()]);
  if (p.isKw('EXISTS') && p.isOp('(', p.peek()) && p.looksLikeQuery(2)) return p.existsSubquery();
  return p.predicated();
}

export function predicated(p: SqlParser): Expr {
  let e = p.comparison();
  for (;;) {
    // Spark's predicate context starts at the predicate's keyword (or NOT): `a BETWEEN 1 AND 2` is located at BETWEEN.
    const save = p.pos;
    const negated = p.acceptKw('NOT');
    if (p.acceptKw('BETWEEN')) {
      const lo = p.comparison();
      p.expectKw('AND');
      const hi = p.comparison();
      // Spark 3.5 expands BETWEEN, and names the column after the expansion: `((a >= 1) AND (a <= 2))`.
      const between = E.call('and', [p.operator('gte', e, lo), p.operator('lte', e, hi)]);
      e = negated ? E.call('not', [between]) : between;
      e = p.located(save, e);
      continue;
    }
    if (p.acceptKw('IN')) {
      p.expectOp('(');
      if (p.looksLikeQuery()) {
        const query = p.query();
        p.expectOp(')');
        const inSub = E.call(SUBQUERY.in, [e], { options: { query } });
        e = negated ? E.call('not', [inSub]) : inSub;
        e = p.located(save, e);
      continue;
      }
      const list = [p.expression()];
      while (p.acceptOp(',')) list.push(p.expression());
      p.expectOp(')');
      const inCall = E.call('in', [e, ...list]);
      e = negated ? E.call('not', [inCall]) : inCall;
      e = p.located(save, e);
      continue;
    }
    const likeKw = ['LIKE', 'ILIKE', 'RLIKE', 'REGEXP'].find((k) => p.isKw(k));
    if (likeKw) {
      p.pos++;
      e = p.likePredicate(e, likeKw, negated);
      e = p.located(save, e);
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
        const other = p.comparison();
        const ns = E.call('eq_null_safe', [e, other]);
        r = isNot ? ns : E.call('not', [ns]);
      } else throw p.syntaxError();
      e = r;
      e = p.located(save, e);
      continue;
    }
    p.pos = save;
    return e;
  }
}

export function likePredicate(p: SqlParser, e: Expr, kw: string, negated: boolean): Expr {
  const fn = kw === 'LIKE' ? 'like' : kw === 'ILIKE' ? 'ilike' : 'rlike';
  if ((kw === 'LIKE' || kw === 'ILIKE') && (p.isKw('ANY') || p.isKw('SOME') || p.isKw('ALL'))) {
    const quant = p.tokens[p.pos++]!.upper;
    p.expectOp('(');
    const patterns = [p.expression()];
    while (p.acceptOp(',')) patterns.push(p.expression());
    p.expectOp(')');
    const parts = patterns.map((p) => {
      const c = E.call(fn, [e, p]);
      return negated ? E.call('not', [c]) : c;
    });
    return parts.reduce((a, b) => E.call(quant === 'ALL' ? 'and' : 'or', [a, b]));
  }
  const pattern = p.comparison();
  if (p.acceptKw('ESCAPE')) {
    const esc = p.cur;
    if (esc.kind !== 'string') throw p.syntaxError();
    p.pos++;
    if (esc.value !== '\\') throw p.notSupported('LIKE ... ESCAPE with a custom escape character');
  }
  let call: Expr = E.call(fn, [e, pattern]);
  if (kw === 'REGEXP') call = named(call, () => `REGEXP(${prettySql(e)}, ${prettySql(pattern)})`);
  return negated ? E.call('not', [call]) : call;
}

export function comparison(p: SqlParser): Expr {
  let left = p.bitOr();
  for (;;) {
    const t = p.cur;
    if (t.kind !== 'op') return left;
    const fn = COMPARISON[t.value];
    if (fn) {
      p.pos++;
      left = p.operator(fn, left, p.bitOr());
    } else if (t.value === '<>' || t.value === '!=') {
      p.pos++;
      left = E.call('not', [E.call('eq', [left, p.bitOr()])]);
    } else return left;
  }
}

export function bitOr(p: SqlParser): Expr {
  let left = p.bitXor();
  while (p.isOp('|')) {
    p.pos++;
    left = E.call('bitwise_or', [left, p.bitXor()]);
  }
  return left;
}

export function bitXor(p: SqlParser): Expr {
  let left = p.bitAnd();
  while (p.isOp('^')) {
    p.pos++;
    left = E.call('bitwise_xor', [left, p.bitAnd()]);
  }
  return left;
}

export function bitAnd(p: SqlParser): Expr {
  let left = p.additive();
  while (p.isOp('&')) {
    p.pos++;
    left = E.call('bitwise_and', [left, p.additive()]);
  }
  return left;
}

export function additive(p: SqlParser): Expr {
  // Each application is located from the level's start: `a + b + c`'s inner `a + b` has its own origin.
  const start = p.pos;
  let left = p.multiplicative();
  for (;;) {
    if (p.acceptOp('+')) left = p.operator('add', left, p.multiplicative());
    else if (p.acceptOp('-')) left = p.operator('subtract', left, p.multiplicative());
    else if (p.acceptOp('||')) {
      const right = p.multiplicative();
      const l = left;
      left = named(E.call('concat', [l, right]), () => `concat(${prettySql(l)}, ${prettySql(right)})`);
    } else return left;
    left = p.located(start, left);
  }
}

export function multiplicative(p: SqlParser): Expr {
  const start = p.pos;
  let left = p.unary();
  for (;;) {
    // `*` and `/` carry ANALYZED_NAME for interval operands (`3 * i` is named `(i * 3)` in queries).
    if (p.acceptOp('*')) left = p.operator('multiply', left, p.unary());
    else if (p.acceptOp('/')) left = p.operator('divide', left, p.unary());
    else if (p.acceptOp('%')) left = E.call('remainder', [left, p.unary()]);
    else if (p.acceptKw('DIV')) left = integralDivide(left, p.unary());
    else return left;
    left = p.located(start, left);
  }
}

export function unary(p: SqlParser): Expr {
  if (p.isOp('-')) {
    if (p.peek().kind === 'number') {
      p.pos++;
      const n = p.tokens[p.pos++]!;
      return p.postfix(numberLiteral(p.src, n, true));
    }
    p.pos++;
    return E.call('negate', [p.unary()]);
  }
  if (p.acceptOp('+')) {
    const x = p.unary();
    return named(x, () => `(+ ${prettySql(x)})`);
  }
  if (p.acceptOp('~')) return E.call('bitwise_not', [p.unary()]);
  return p.primaryWithPostfix();
}

/** `a DIV b`: integral division truncating toward zero, as a bigint, named `(a div b)`. */
function integralDivide(a: Expr, b: Expr): Expr {
  // typed and lowered to arithmetic by the analyzer (operator-coercion.ts)
  return named(E.call('div', [a, b]), () => `(${prettySql(a)} div ${prettySql(b)})`);
}
