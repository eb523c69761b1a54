/**
 * Names and calls in expressions: identifiers and qualified columns (with
 * the typed literals and keyword forms they may start), function calls
 * (DISTINCT, FILTER, IGNORE NULLS, WITHIN GROUP, OVER), lambdas
 * (`x -> ...`, `(x, y) -> ...`) and parenthesized expressions / structs /
 * scalar subqueries. Each takes the `SqlParser` at the token it reads.
 */
import { fromIdentifierClause } from '../expr/identifier-clause.js';
import { asCallArgument } from './star-usage.js';
import { AnalysisException } from '../errors/index.js';
import { positionAnalysisError } from '../errors/query-context.js';
import { E, type Expr } from '../expr/nodes.js';
import { withColumnFirst } from '../expr/column-first.js';
import { BOOLEAN as BOOL, NULL as NULL_T } from '../types/data-types.js';
import { parseIdentifier } from '../analyzer/identifiers.js';
import { bindNamedArguments, type NamedArgument } from './named-arguments.js';
import { ORDERED_SET_FUNCTIONS, orderedSetAggregate } from './ordered-set.js';
import { inLambdaScope, named, prettySql, sqlFunctionCall } from './functions.js';
import type { Token } from './lexer.js';
import { typedLiteral } from './literals.js';
import { expression } from './parse-operators.js';
import { dataType, intervalLiteral } from './parse-primary.js';
import { isIntervalUnit } from './interval-literal.js';
import { looksLikeQuery, query } from './parse-query.js';
import { selectItem } from './parse-select.js';
import { caseExpr, datetimeUnitCall, existsSubquery, extract, isDatetimeUnitName, overlay, position, substring, trim } from './parse-special-forms.js';
import { sortItem, windowExpr, windowSpec } from './parse-window.js';
import { lastPart, mapExpr, namedWindowRefs, quotePart, SUBQUERY } from './parsed-expressions.js';
import type { SqlParser } from './parser.js';

export function parenthesized(p: SqlParser): Expr {
  p.expectOp('(');
  if (looksLikeQuery(p)) {
    const q = query(p);
    p.expectOp(')');
    return E.call(SUBQUERY.scalar, [], { options: { query: q } });
  }
  // `(a, b) -> ...` lambda
  if (p.isIdentifier()) {
    let k = p.pos;
    const names: string[] = [];
    while (p.isIdentifier(p.tokens[k]!) && (p.isOp(',', p.tokens[k + 1]!) || p.isOp(')', p.tokens[k + 1]!))) {
      names.push(p.tokens[k]!.value);
      if (p.isOp(')', p.tokens[k + 1]!)) {
        if (p.isOp('->', p.tokens[k + 2]!)) {
          for (let j = p.pos; j <= k; j += 2) p.checkNotReserved(p.tokens[j]!);
          p.pos = k + 3;
          return lambdaBody(p, names);
        }
        break;
      }
      k += 2;
    }
  }
  const first = expression(p);
  if (p.acceptOp(')')) return first;
  // `(a, b)` / `(0 AS sum, 0 AS n)`: a struct, named `named_struct(a, a, b, b)` as Spark names it
  const items = [first];
  if (p.acceptKw('AS')) items[0] = E.alias(first, p.identifier());
  while (p.acceptOp(',')) {
    const e = expression(p);
    items.push(p.acceptKw('AS') ? E.alias(e, p.identifier()) : e);
  }
  p.expectOp(')');
  return named(E.call('struct', items), () => {
    const parts = items.map((it, i) => {
      const fieldName = it.kind === 'Alias' ? it.name : it.kind === 'ColumnRef' ? lastPart(it.name) : `col${i + 1}`;
      // Spark keeps an item's alias in the name: `(1 AS v)` is `named_struct(v, 1 AS v)`.
      return `${fieldName}, ${it.kind === 'Alias' ? `${prettySql(it.child)} AS ${it.name}` : prettySql(it)}`;
    });
    return `named_struct(${parts.join(', ')})`;
  });
}

/** A `struct(...)` argument may carry an alias, which Spark keeps in the call's name (`struct(1 AS v, 2)`). */
function structArgument(p: SqlParser): Expr {
  const arg = selectItem(p);
  return arg.kind === 'Alias' ? { ...arg, written: true } : arg;
}

export function lambda(p: SqlParser, params: string[]): Expr {
  p.expectOp('->');
  return lambdaBody(p, params);
}

export function lambdaBody(p: SqlParser, params: string[]): Expr {
  const body = inLambdaScope(params, () => expression(p));
  const lower = new Set(params.map((p) => p.toLowerCase()));
  const bind = (e: Expr): Expr => {
    if (e.kind === 'ColumnRef') {
      // `acc.sum`: a field of the lambda variable `acc`
      const [first, ...fields] = e.quoted ? [e.name] : parseIdentifier(e.name);
      if (first !== undefined && lower.has(first.toLowerCase())) {
        return fields.reduce<Expr>((acc, field) => E.call('get_field', [acc], { options: { field } }), E.lambdaVar(first));
      }
    }
    return mapExpr(e, bind);
  };
  return E.lambda(params, bind(body));
}

export function identPrimary(p: SqlParser, t: Token): Expr {
  const next = p.peek();
  const upper = t.upper;
  // literals
  if (upper === 'NULL') {
    p.pos++;
    return E.lit(null, NULL_T);
  }
  if (upper === 'TRUE' || upper === 'FALSE') {
    p.pos++;
    return E.lit(upper === 'TRUE', BOOL);
  }
  // A sign after INTERVAL starts a literal only when a value and a unit follow (Spark's grammar
  // backtracks otherwise): `INTERVAL - 1` is a column named INTERVAL minus 1.
  const signedLiteral = (): boolean => {
    const [v, u] = [p.peek(2), p.peek(3)];
    return (v.kind === 'string' || v.kind === 'number') && u.kind === 'ident' && isIntervalUnit(u.value);
  };
  if (upper === 'INTERVAL' && (next.kind === 'string' || next.kind === 'number' || ((p.isOp('-', next) || p.isOp('+', next)) && signedLiteral()))) {
    return intervalLiteral(p);
  }
  if (upper === 'CASE') return caseExpr(p);
  if (p.isOp('.', next)) {
    const call = qualifiedCall(p);
    if (call) return call;
  }
  // Any word before one string is a typed literal (`DATE '..'`, `X '0A'`; `TIME '..'` is unsupported), as in Spark's grammar.
  if (next.kind === 'string') {
    p.pos += 2;
    // A typed literal takes exactly one string (Spark rejects the text before building the literal).
    if (p.cur.kind === 'string') throw p.extraInput();
    return typedLiteral(p.src, t, next, next.value);
  }
  if (upper === 'IDENTIFIER' && p.isOp('(', next)) {
    const parts = p.identifierClause();
    if (p.isOp('(')) {
      const call = functionCall(p, parts.join('.'));
      return call.kind === 'Call' ? fromIdentifierClause(call, parts) : call;
    }
    return E.col(parts.map((p) => quotePart(p, true)).join('.'));
  }
  if (p.isOp('->', next)) {
    p.checkNotReserved(t);
    p.pos++;
    return lambda(p, [t.value]);
  }
  if (p.isOp('(', next)) {
    switch (upper) {
      case 'CAST':
      case 'TRY_CAST': {
        p.pos += 2;
        const x = expression(p);
        p.expectKw('AS');
        const type = dataType(p);
        p.expectOp(')');
        const cast = E.cast(x, type);
        return upper === 'TRY_CAST' ? Object.freeze({ ...cast, tryCast: true }) : cast;
      }
      case 'EXTRACT':
        return extract(p);
      case 'SUBSTRING':
      case 'SUBSTR':
        return substring(p, t);
      case 'TRIM':
        return trim(p);
      case 'POSITION':
        return position(p);
      case 'OVERLAY':
        return overlay(p);
      case 'EXISTS':
        if (looksLikeQuery(p, 2)) return existsSubquery(p);
        break;
      default:
        if (isDatetimeUnitName(upper)) {
          const unitForm = datetimeUnitCall(p, t);
          if (unitForm) return unitForm;
        }
        break;
    }
    return functionCall(p);
  }
  if (['CURRENT_DATE', 'CURRENT_TIMESTAMP', 'CURRENT_USER', 'USER', 'SESSION_USER', 'CURRENT_TIME'].includes(upper)) {
    p.pos++;
    const call = E.call(upper.toLowerCase(), []);
    // Unless ANSI reserves the keywords, Spark's parser reads the word as a column first (the function if none resolves).
    return upper === 'CURRENT_TIME' || p.options.reservedKeywords ? call : withColumnFirst(call, t.value);
  }
  p.checkNotReserved(t);
  p.pos++;
  return E.col(quotePart(t.value, false));
}

/**
 * `a.b(...)` / `` `a`.b(...) ``: a call of a qualified function name, parsed as a call (its arguments'
 * syntax errors come first); sparkless has no catalog functions, so analysis reports it UNRESOLVED_ROUTINE.
 */
export function qualifiedCall(p: SqlParser): Expr | undefined {
  const parts: string[] = [];
  let i = 0;
  for (;;) {
    const t = p.peek(i);
    if (t.kind !== 'ident' && t.kind !== 'quoted') return undefined;
    parts.push(t.value);
    if (p.isOp('(', p.peek(i + 1))) break;
    if (!p.isOp('.', p.peek(i + 1))) return undefined;
    i += 2;
  }
  if (parts.length < 2) return undefined;
  p.pos += i + 1;
  return functionCall(p, parts.join('.'));
}

/** Reserved words Spark's grammar still takes as function names (`functionName`). */
const KEYWORD_FUNCTION_NAMES: ReadonlySet<string> = new Set(['FILTER', 'LEFT', 'RIGHT']);

/** `FILTER (WHERE cond)` after an aggregate call, if written. */
function aggregateFilter(p: SqlParser): Expr | undefined {
  if (!p.acceptKw('FILTER')) return undefined;
  p.expectOp('(');
  p.expectKw('WHERE');
  const filter = expression(p);
  p.expectOp(')');
  return filter;
}

/** `build()`, an analysis error it raises positioned at the call starting at character `start`. */
function atCall(p: SqlParser, start: number, build: () => Expr): Expr {
  try {
    return build();
  } catch (err) {
    positionAnalysisError(err, { source: p.source, startIndex: start, stopIndex: p.tokens[p.pos - 1]!.end - 1 });
    throw err;
  }
}

// Spark 3.5.7's legacy error: no error class.
const windowWithFilter = (): AnalysisException => new AnalysisException('Window aggregate function with filter predicate is not supported yet.');

/** `name([DISTINCT|ALL] args) [WITHIN GROUP (...)] [FILTER (WHERE ...)] [IGNORE|RESPECT NULLS] [OVER ...]`. */
export function functionCall(p: SqlParser, nameFromClause?: string): Expr {
  const nameToken = nameFromClause === undefined ? p.cur : p.tokens[p.pos - 1]!;
  const name = nameFromClause ?? (p.cur.kind === 'ident' && KEYWORD_FUNCTION_NAMES.has(p.cur.upper) ? p.tokens[p.pos++]!.value : p.identifier());
  p.expectOp('(');
  let distinct = false;
  if (p.acceptKw('DISTINCT')) distinct = true;
  else if (p.isKw('ALL') && !p.isOp(')', p.peek()) && !p.isOp(',', p.peek())) p.pos++;
  let args: Expr[] = [];
  const written: (Expr | NamedArgument)[] = [];
  let star = false;
  let ignoreNulls: boolean | undefined;
  const lower = name.toLowerCase();
  let starAt = -1;
  if (p.isOp('*') && p.isOp(')', p.peek())) {
    starAt = p.pos++;
    star = true;
  } else if (!p.isOp(')')) {
    do {
      if (p.isIdentifier() && p.isOp('=>', p.peek())) {
        const argName = p.identifier();
        p.pos++;
        written.push({ name: argName, value: expression(p) });
        continue;
      }
      const arg = lower === 'struct' ? structArgument(p) : expression(p);
      args.push(arg);
      written.push(arg);
    } while (p.acceptOp(','));
    if (p.acceptKw('IGNORE', 'NULLS')) ignoreNulls = true;
    else if (p.acceptKw('RESPECT', 'NULLS')) ignoreNulls = false;
  }
  p.expectOp(')');
  if (written.length > args.length) {
    args = bindNamedArguments(name, written, { source: p.source, start: nameToken.start, stop: p.tokens[p.pos - 1]!.end - 1 });
  }
  if (star && (lower !== 'count' || distinct)) {
    // Positioned as written, for a star Spark refuses outside the select list (`WHERE coalesce(*) = 1`).
    const end = p.pos;
    p.pos = starAt + 1;
    args.push(p.located(starAt, E.star()));
    p.pos = end;
    star = false;
  }
  args = args.map(asCallArgument);
  const withinGroup = p.isKw('WITHIN') && p.isKw('GROUP', p.peek());
  // Spark's grammar has WITHIN GROUP only after percentile_cont/disc of one plain argument; after
  // anything else WITHIN is read as an alias (and a following `GROUP (` fails at the parenthesis).
  if (withinGroup && ORDERED_SET_FUNCTIONS.has(lower) && args.length === 1 && !distinct && !star) {
    p.pos += 2;
    p.expectOp('(');
    p.expectKw('ORDER');
    p.expectKw('BY');
    const order = sortItem(p);
    p.expectOp(')');
    const filter = aggregateFilter(p);
    const spec = p.acceptKw('OVER') ? windowSpec(p) : undefined;
    if (spec && filter) throw windowWithFilter();
    // Its analysis errors end with the call's `; line L pos P`, as Spark's do.
    return atCall(p, nameToken.start, () => orderedSetAggregate(lower, args[0]!, order, spec, spec !== undefined && namedWindowRefs.has(spec), filter, p.options.legacyPercentileDisc === true));
  }
  if (ORDERED_SET_FUNCTIONS.has(lower) && !withinGroup) {
    // Only the WITHIN GROUP form exists.
    const unresolved = new AnalysisException(
      `Cannot resolve function \`${lower}\` on search path [\`system\`.\`builtin\`, \`system\`.\`session\`, \`spark_catalog\`.\`default\`].`,
      { errorClass: 'UNRESOLVED_ROUTINE', messageParameters: { routineName: `\`${lower}\`` } },
    );
    return atCall(p, nameToken.start, () => {
      throw unresolved;
    });
  }
  const filter = aggregateFilter(p);
  if (p.acceptKw('IGNORE', 'NULLS')) ignoreNulls = true;
  else if (p.acceptKw('RESPECT', 'NULLS')) ignoreNulls = false;
  const call = sqlFunctionCall(name, args, {
    ...(distinct ? { distinct } : {}),
    ...(star ? { star } : {}),
    ...(filter ? { filter } : {}),
    ...(ignoreNulls !== undefined ? { ignoreNulls } : {}),
  });
  if (p.acceptKw('OVER')) {
    if (filter) throw windowWithFilter();
    const spec = windowSpec(p);
    return namedWindowRefs.has(spec) ? E.window(call, spec) : windowExpr(call, spec);
  }
  return call;
}
