/**
 * Expressions with their own keyword syntax rather than a plain argument
 * list: CASE, EXISTS (subquery), EXTRACT(f FROM x), SUBSTRING(s FROM p FOR
 * l), TRIM([BOTH|LEADING|TRAILING] c FROM s), POSITION(sub IN s) and
 * OVERLAY(s PLACING r FROM p FOR l) and the unit forms TIMESTAMPADD(UNIT, n, ts) /
 * TIMESTAMPDIFF(UNIT, a, b), with the names Spark gives each form.
 */
import { E, type Expr } from '../expr/nodes.js';
import { INT as INT_T, STRING as STRING_T } from '../types/data-types.js';
import { named, prettySql } from './functions.js';
import { SUBSTRING_TO_END } from '../functions/defs/operators.js';
import { DATETIME_UNITS } from '../functions/defs/timestamp-units.js';
import { sqlParseError } from './errors.js';
import type { Token } from './lexer.js';
import { bitOr, expression } from './parse-operators.js';
import { query } from './parse-query.js';
import { SUBQUERY } from './parsed-expressions.js';
import type { SqlParser } from './parser.js';

export function existsSubquery(p: SqlParser): Expr {
  p.expectKw('EXISTS');
  p.expectOp('(');
  const q = query(p);
  p.expectOp(')');
  return E.call(SUBQUERY.exists, [], { options: { query: q } });
}

export function caseExpr(p: SqlParser): Expr {
  p.expectKw('CASE');
  let subject: Expr | undefined;
  if (!p.isKw('WHEN')) subject = expression(p);
  const branches: { when: Expr; then: Expr }[] = [];
  while (p.acceptKw('WHEN')) {
    const w = expression(p);
    p.expectKw('THEN');
    const then = expression(p);
    branches.push({ when: subject ? E.call('eq', [subject, w]) : w, then });
  }
  if (branches.length === 0) throw p.syntaxError();
  const otherwise = p.acceptKw('ELSE') ? expression(p) : undefined;
  p.expectKw('END');
  // Spark names `CASE x WHEN v ...` as the searched form `CASE WHEN (x = v) ...`.
  return E.caseWhen(branches, otherwise);
}

/** `EXTRACT(field FROM source)`: the field is an identifier, passed on as a string literal. */
export function extract(p: SqlParser): Expr {
  p.pos += 2;
  const field = p.identifier();
  p.expectKw('FROM');
  const source = expression(p);
  p.expectOp(')');
  return E.call('extract', [E.lit(field, STRING_T), source]);
}

export function substring(p: SqlParser, t: Token): Expr {
  p.pos += 2;
  const str = expression(p);
  let pos: Expr;
  let len: Expr | undefined;
  const fromForm = p.acceptKw('FROM');
  if (fromForm) {
    pos = expression(p);
    if (p.acceptKw('FOR')) len = expression(p);
  } else {
    p.expectOp(',');
    pos = expression(p);
    if (p.acceptOp(',')) len = expression(p);
  }
  p.expectOp(')');
  const args = len ? [str, pos, len] : [str, pos];
  const call = E.call('substring', args);
  // Spark names the FROM form `substring(...)` whichever keyword was written; a missing length shows as Int.MaxValue.
  if (t.upper === 'SUBSTR' && !fromForm) {
    return named(call, () => `substr(${[...args.map(prettySql), ...(len ? [] : [String(SUBSTRING_TO_END)])].join(', ')})`);
  }
  return call;
}

export function trim(p: SqlParser): Expr {
  p.pos += 2;
  let fn = 'trim';
  if (p.acceptKw('BOTH')) fn = 'trim';
  else if (p.acceptKw('LEADING')) fn = 'ltrim';
  else if (p.acceptKw('TRAILING')) fn = 'rtrim';
  let chars: Expr | undefined;
  let str: Expr;
  if (p.acceptKw('FROM')) {
    str = expression(p);
  } else {
    const first = expression(p);
    if (p.acceptKw('FROM')) {
      chars = first;
      str = expression(p);
    } else if (p.acceptOp(',')) {
      // The function form takes the characters first: trim('x', 'xax') is 'a' in Spark.
      chars = first;
      str = expression(p);
    } else {
      str = first;
    }
  }
  p.expectOp(')');
  return E.call(fn, chars ? [str, chars] : [str]);
}

export function position(p: SqlParser): Expr {
  p.pos += 2;
  const sub = bitOr(p);
  let str: Expr;
  let start: Expr = E.lit(1, INT_T);
  const inForm = p.acceptKw('IN');
  if (inForm) str = expression(p);
  else {
    p.expectOp(',');
    str = expression(p);
    if (p.acceptOp(',')) start = expression(p);
  }
  p.expectOp(')');
  // `position(sub IN str)` is Spark's locate; the function form keeps its own name (`position(bar, foobarbar, 1)`).
  return inForm ? E.call('locate', [sub, str, start]) : E.call('position', [sub, str, start]);
}

export function overlay(p: SqlParser): Expr {
  p.pos += 2;
  const input = expression(p);
  p.expectKw('PLACING');
  const replace = expression(p);
  p.expectKw('FROM');
  const pos = expression(p);
  const len = p.acceptKw('FOR') ? expression(p) : E.lit(-1, INT_T);
  p.expectOp(')');
  return E.call('overlay', [input, replace, pos, len]);
}

const ADD_NAMES = new Set(['TIMESTAMPADD', 'DATEADD', 'DATE_ADD']);
const DIFF_NAMES = new Set(['TIMESTAMPDIFF', 'DATEDIFF', 'DATE_DIFF']);
const UNITS: ReadonlySet<string> = new Set(DATETIME_UNITS);

/** Whether `name(` may start a unit form (`p` at the name). */
export const isDatetimeUnitName = (upper: string): boolean => ADD_NAMES.has(upper) || DIFF_NAMES.has(upper);

/**
 * `TIMESTAMPADD(UNIT, n, ts)` / `TIMESTAMPDIFF(UNIT, start, end)` and their
 * DATEADD/DATE_ADD and DATEDIFF/DATE_DIFF spellings, as Spark's grammar has them:
 * a unit keyword (or, an error, a string) then exactly two arguments. Anything
 * else (`date_add(d, 1)`) is a plain call: undefined, with `p` left at the name.
 */
export function datetimeUnitCall(p: SqlParser, t: Token): Expr | undefined {
  const start = p.pos;
  const unit = p.tokens[start + 2]!;
  const isUnit = unit.kind === 'ident' && UNITS.has(unit.upper);
  if ((!isUnit && unit.kind !== 'string') || !p.isOp(',', p.tokens[start + 3]!)) return undefined;
  p.pos = start + 4;
  const first = expression(p);
  const second = p.acceptOp(',') ? expression(p) : undefined;
  if (!second || !p.acceptOp(')')) {
    p.pos = start;
    return undefined;
  }
  if (!isUnit) {
    const units = DATETIME_UNITS.join(', ');
    throw sqlParseError(
      p.src,
      t.start,
      'INVALID_PARAMETER_VALUE.DATETIME_UNIT',
      `The value of parameter(s) \`unit\` in \`${t.value}\` is invalid: expects one of the units without quotes ${units}, but got the string literal ${unit.text}.`,
      { parameter: '`unit`', functionName: `\`${t.value}\``, invalidValue: unit.text },
    );
  }
  // Spark names every spelling by its canonical function, with the unit as written (`timestampadd(day, ...)`).
  return E.call(ADD_NAMES.has(t.upper) ? 'timestampadd' : 'timestampdiff', [first, second], { options: { unit: unit.text } });
}
