/**
 * Expression resolution: binds column references to input ordinals, types
 * every node through the function registry, and makes implicit casts explicit.
 */
import { wrongNumArgs } from '../errors/analysis-errors.js';
import { assertOrderable } from './map-checks.js';
import { AnalysisException, ambiguousReference, unresolvedColumn } from '../errors/index.js';
import { E, typeOf, type Call, type CaseWhen, type Expr, type WindowExpr } from '../expr/nodes.js';
import { defaultFrame, exprSql, isComplexType } from '../expr/naming.js';
import { checkRangeFrame, checkRequiredFrame } from './window-checks.js';
import { ansiCastMismatch } from './ansi-casts.js';
import { dataDiffTypes, dataTypeMismatch, sqlTypeName, unexpectedInputType } from '../functions/define.js';
import { hasFunction, lookupFunction, type ArgInfo, type FunctionDef, type ResolveContext } from '../functions/registry.js';
import { checkUnitFormCall } from '../functions/defs/timestamp-units.js';
import { bindRegisteredUdf } from './resolve-udf.js';
import { javaMatcher } from '../backend/memory/runtime/regex.js';
import { withAggregateFilter } from './aggregate-filter.js';
import { canCast, castForcesNull, findWiderCommonTypeOf } from '../types/coercion.js';
import {
  ArrayType,
  BOOLEAN,
  BooleanType,
  NullType,
  StringType,
  StructType,
  type DataType,
} from '../types/data-types.js';
import { parseIdentifier } from './identifiers.js';
import { formatTimestamp } from '../format/value-string.js';
import { narrowDecimalLiterals, rewriteOperator } from './operator-coercion.js';
import { isAnsiInterval } from '../types/intervals.js';
import { tryCastNullable } from '../types/try-cast-nullability.js';
import { extractValueByType } from './extract-value.js';
import { stringLiteralCoercion } from './string-literal-coercion.js';
import { originOf, withOrigin } from '../expr/origin.js';
import { positionAnalysisError } from '../errors/query-context.js';
import { resolveHigherOrder, resolveLambdaVar, type LambdaScope } from './resolve-lambda.js';
import { namesEqual, type AnalyzerContext, type Attribute } from './scope.js';

export interface ExprScope extends LambdaScope {
  readonly attrs: readonly Attribute[];
  readonly ctx: AnalyzerContext;
}

/**
 * Resolves an expression against the input attributes. What a node resolves to keeps its
 * SQL-text origin (Spark runs its rules under the rewritten expression's origin).
 */
export function resolveExpr(e: Expr, scope: ExprScope): Expr {
  const origin = originOf(e);
  if (!origin) return resolveNode(e, scope);
  let out: Expr;
  try {
    out = resolveNode(e, scope);
  } catch (err) {
    positionAnalysisError(err, origin);
    throw err;
  }
  return out !== e ? withOrigin(out, origin) : out;
}

function resolveNode(e: Expr, scope: ExprScope): Expr {
  switch (e.kind) {
    case 'ColumnRef':
      return resolveColumn(e.name, e.planId, e.quoted ?? false, scope);
    case 'BoundRef': {
      const a = scope.attrs[e.index];
      if (!a) throw new AnalysisException(`internal: ordinal ${e.index} out of range`, { errorClass: 'INTERNAL_ERROR' });
      return E.bound(e.index, a.name, a.dataType, a.nullable);
    }
    case 'Literal':
      return e;
    case 'Alias': {
      const child = resolveExpr(e.child, scope);
      // Spark renders a zoned TIMESTAMP literal's instant in the session zone for its name.
      const name = e.timestampLiteral === undefined ? e.name : `TIMESTAMP '${formatTimestamp(e.timestampLiteral, scope.ctx.timeZone ?? 'UTC')}'`;
      return Object.freeze({ ...e, child, name, dataType: typeOf(child), nullable: child.nullable ?? true });
    }
    case 'Cast': {
      const child = resolveExpr(e.child, scope);
      if (e.keepsIntervals && isAnsiInterval(typeOf(child))) return child;
      if ((scope.ctx.ansiEnabled || e.tryCast) && (!e.implicit || e.castFunction)) {
        const sql = e.castFunction ? exprSql(child) : `${e.tryCast ? 'TRY_CAST' : 'CAST'}(${exprSql(child)} AS ${e.to.simpleString().toUpperCase()})`;
        const mismatch = ansiCastMismatch(typeOf(child), e.to, sql, e.tryCast === true);
        if (mismatch) throw mismatch;
      }
      const cast = e.implicit ? coerceTo(child, e.to, scope.ctx.ansiEnabled === true) : castTo(child, e.to, false, e.tryCast === true);
      if (cast.kind !== 'Cast') return cast;
      // Spark's TIMESTAMP literal is a non-null constant; here it is a cast of checked text, so equally never null.
      // TRY_CAST stays marked: under ANSI mode it still gives NULL where CAST raises.
      // An implicit cast written before analysis (`int(s)`, percentile_cont's DOUBLE input) is, under
      // ANSI, Spark's ANSI cast; an ANSI coercion resolved again (a USING join's condition) stays one.
      const marks = {
        ...(e.validLiteral ? { validLiteral: true, nullable: false } : {}),
        ...(e.tryCast ? { tryCast: true } : {}),
        ...(e.tryCast ? { nullable: tryCastNullable(typeOf(child), e.to, child.nullable ?? true) } : {}),
        ...(e.ansiCoercion || cast.ansiCoercion ? { ansiCoercion: true } : {}),
      };
      return Object.keys(marks).length > 0 ? Object.freeze({ ...cast, ...marks }) : cast;
    }
    case 'Call': {
      const bound = bindRegisteredUdf(e, scope.ctx.udfs);
      if (bound !== e) return resolveExpr(bound, scope);
      checkUnitFormCall(e);
      if (hasFunction(e.fn)) {
        const def = lookupFunction(e.fn);
        if (def.lambdaParams) return resolveHigherOrder(e, def, scope, resolveExpr, argInfo, callResolver(scope));
      }
      // `struct('*')`, `hash(*)`: a star argument stands for the input columns (Spark's ResolveReferences).
      const starred = e.args.some((a) => a.kind === 'Star') ? expandStars(e.args, scope.attrs, scope.ctx) : e.args;
      const resolved = starred.map((a) => resolveExpr(a, scope));
      const args = stringLiteralCoercion(e.fn, resolved, scope.ctx.ansiEnabled === true) ?? resolved;
      const resolve = callResolver(scope);
      const plain = e.filter ? Object.freeze({ ...e, filter: undefined }) : e;
      const unmasked = rewriteOperator(plain, args, resolve, scope.ctx.ansiEnabled === true) ?? resolve(plain, args);
      const call = e.filter ? withAggregateFilter(unmasked, e.fn, resolveExpr(e.filter, scope)) : unmasked;
      // Window functions are resolved by resolveWindow; anywhere else they lack their OVER clause.
      if (call.kind === 'Call' && lookupFunction(call.fn).kind === 'window') throw windowWithoutOver(call);
      return call;
    }
    case 'CaseWhen':
      return resolveCaseWhen(e, scope);
    case 'SortOrder': {
      const child = resolveExpr(e.child, scope);
      return Object.freeze({ ...e, child, dataType: typeOf(child), nullable: child.nullable ?? true });
    }
    case 'WindowExpr':
      return resolveWindow(e, scope);
    case 'Star':
      throw new AnalysisException(`Invalid usage of '*' in expression.`, { errorClass: 'INVALID_USAGE_OF_STAR_OR_REGEX' });
    case 'LambdaVar':
      return resolveLambdaVar(e.name, scope);
    case 'Lambda':
      throw new AnalysisException('A lambda function should only be used in a higher order function.', {
        errorClass: 'INVALID_LAMBDA_FUNCTION_CALL.NON_HIGHER_ORDER_FUNCTION',
      });
  }
}

/** Expands `*` / `t.*` into bound references to the matching input columns. */
export function expandStars(exprs: readonly Expr[], attrs: readonly Attribute[], ctx: AnalyzerContext): Expr[] {
  return exprs.flatMap((e) => {
    if (e.kind !== 'Star') return [e];
    // colRegex: the whole name must match, case-insensitively unless spark.sql.caseSensitive (as Spark's `(?i)` prefix).
    const re = e.regex === undefined ? undefined : javaMatcher(`^(?:${e.regex})$`, ctx.caseSensitive ? '' : 'i');
    const matching = attrs
      .map((a, i) => ({ a, i }))
      .filter(({ a }) => (e.planId === undefined || a.planIds.has(e.planId)) && (e.target === undefined || a.qualifiers.some((q) => namesEqual(q, e.target!, ctx.caseSensitive))))
      .filter(({ a }) => re === undefined || fullMatch(re, a.name));
    // `*` skips the hidden USING-join keys; `t.*` lists t's hidden keys first, as Spark does.
    const visible = matching.filter(({ a }) => !a.hidden);
    const picked = e.target === undefined ? visible : [...matching.filter(({ a }) => a.hidden), ...visible];
    if (picked.length === 0 && e.target !== undefined && re === undefined) {
      const fields = structStar(e.target, e.planId, attrs, ctx);
      if (fields) return fields;
    }
    // A column regex matching nothing selects nothing (Spark), even under an unknown qualifier.
    if (picked.length === 0 && e.target !== undefined && re === undefined) {
      const q = (n: string): string => '`' + n.replace(/`/g, '``') + '`';
      const targetString = parseIdentifier(e.target).map(q).join('.');
      const columns = attrs.filter((a) => !a.hidden).map((a) => q(a.name)).join(', ');
      const err = new AnalysisException(
        `Cannot resolve ${targetString}.* given input columns ${columns}. Please check that the specified table or struct exists and is accessible in the input columns.`,
        { errorClass: 'CANNOT_RESOLVE_STAR_EXPAND', messageParameters: { targetString, columns } },
      );
      const origin = originOf(e);
      if (origin) positionAnalysisError(err, origin);
      throw err;
    }
    return picked.map(({ a, i }) => E.bound(i, a.name, a.dataType, a.nullable));
  });
}

/** `s.*` for a struct column `s` (no relation answering to `s`): its fields, each named as the field. */
function structStar(target: string, planId: number | undefined, attrs: readonly Attribute[], ctx: AnalyzerContext): Expr[] | undefined {
  let col: Expr;
  try {
    col = resolveColumn(target, planId, false, { attrs, ctx });
  } catch (err) {
    if (AnalysisException.isAnalysisException(err) && (err as AnalysisException).errorClass?.startsWith('UNRESOLVED_COLUMN')) return undefined;
    throw err;
  }
  const t = typeOf(col);
  if (!(t instanceof StructType)) {
    throw new AnalysisException(`Can only star expand struct data types. Attribute: \`ArrayBuffer(${parseIdentifier(target).join(', ')})\`.`);
  }
  return t.fields.map((f) => E.alias(resolveCall(E.call('get_field', [col], { options: { field: f.name } }), [col]), f.name));
}

/** Whether a qualifier (`t`, or `db.t` / `catalog.db.t` for a table) is the written parts. */
function qualifierMatches(qualifier: string, parts: readonly string[], cs: boolean): boolean {
  if (parts.length === 1) return namesEqual(qualifier, parts[0]!, cs);
  const own = qualifier.split('.');
  return own.length === parts.length && own.every((x, i) => namesEqual(x, parts[i]!, cs));
}

/** An attribute's name parts under its fullest qualifier (`spark_catalog`.`db`.`t`.`c`), as Spark's messages list it. */
function qualifiedName(a: Attribute): string[] {
  const longest = a.qualifiers.reduce<string | undefined>((best, q) => (best === undefined || q.split('.').length > best.split('.').length ? q : best), undefined);
  return longest === undefined ? [a.name] : [...longest.split('.'), a.name];
}

/** Binds `name` (possibly `qualifier.name` or `col.field.field`) to an input attribute. */
export function resolveColumn(name: string, planId: number | undefined, quoted: boolean, scope: ExprScope): Expr {
  const { attrs, ctx } = scope;
  const cs = ctx.caseSensitive;
  // A plain name (no dots, no backquotes) is its own single part.
  const plain = quoted || (name !== '' && !name.includes('.') && !name.includes('`'));
  if (plain && planId === undefined) {
    // The common case, without building candidate lists: exactly one visible column of that name.
    const lower = cs ? name : name.toLowerCase();
    let hit = -1;
    for (let i = 0; i < attrs.length; i++) {
      const a = attrs[i]!;
      if (a.hidden || !(a.name === name || (!cs && a.name.toLowerCase() === lower))) continue;
      if (hit >= 0) {
        hit = -2; // ambiguous: the general path below reports it
        break;
      }
      hit = i;
    }
    if (hit >= 0) {
      const a = attrs[hit]!;
      // A column matched case-insensitively takes the name as written (`ID + 1` is named `(ID + 1)`), as Spark's does.
      return E.bound(hit, name, a.dataType, a.nullable);
    }
  }
  const parts = plain ? [name] : parseIdentifier(name);
  const indexed = attrs.map((a, i) => ({ a, i }));
  let pool = indexed;
  if (planId !== undefined) {
    pool = indexed.filter((c) => c.a.planIds.has(planId));
    if (pool.length === 0) {
      throw new AnalysisException(
        `Cannot resolve dataframe column "${name}". It's probably because of illegal references like \`df1.select(df2.col("a"))\`.`,
        { errorClass: 'CANNOT_RESOLVE_DATAFRAME_COLUMN', messageParameters: { name } },
      );
    }
  }
  // Qualified match first (`t.col`), then unqualified with nested field access (`col.field`).
  let matches: typeof pool = [];
  let nested: string[] = [];
  // The longest qualifier first: `spark_catalog.db.t.col`, `db.t.col`, then `t.col` (each part compared as a name).
  for (let k = Math.min(3, parts.length - 1); k >= 1 && matches.length === 0; k--) {
    const q = parts.slice(0, k);
    matches = pool.filter((c) => c.a.qualifiers.some((x) => qualifierMatches(x, q, cs)) && namesEqual(c.a.name, parts[k]!, cs));
    nested = parts.slice(k + 1);
  }
  // Hidden USING-join keys answer only to their qualifier (or to their DataFrame, `df.col`).
  const unqualified = planId === undefined ? pool.filter((c) => !c.a.hidden) : pool;
  if (matches.length === 0) {
    matches = unqualified.filter((c) => namesEqual(c.a.name, parts[0]!, cs));
    nested = parts.slice(1);
  }
  if (matches.length === 0 && parts.length > 1) {
    // A column whose own name contains dots, referenced without backquotes.
    matches = unqualified.filter((c) => namesEqual(c.a.name, name, cs));
    nested = [];
  }
  if (matches.length > 1 && planId === undefined) {
    // The same column reached twice (e.g. through both join inputs' qualifiers) is still ambiguous in Spark.
    throw ambiguousReference(parts, matches.map((m) => qualifiedName(m.a)));
  }
  const hit = matches[0];
  if (!hit) {
    throw unresolvedColumn(parts, attrs.filter((a) => !a.hidden).map(qualifiedName));
  }
  const written = parts[parts.length - 1 - nested.length]!;
  const named = namesEqual(written, hit.a.name, false) ? written : hit.a.name;
  let expr: Expr = E.bound(hit.i, named, hit.a.dataType, hit.a.nullable);
  for (const field of nested) {
    expr = resolveCall(E.call('get_field', [expr], { options: { field } }), [expr]);
  }
  return expr;
}

/** A resolved cast of a resolved expression (no-op when already of that type). */
export function castTo(child: Expr, to: DataType, implicit: boolean, tryCast = false): Expr {
  const from = typeOf(child);
  const same = from === to || from.equals(to);
  if (implicit && same) return child;
  if (!canCast(from, to)) {
    // Spark's Cast.sql shows only the child for a cast to an array, map or struct.
    const sql = isComplexType(to) ? exprSql(child) : `${tryCast ? 'TRY_CAST' : 'CAST'}(${exprSql(child)} AS ${to.simpleString().toUpperCase()})`;
    throw dataTypeMismatch(
      { sql, argSql: [exprSql(child)] },
      'CAST_WITHOUT_SUGGESTION',
      `cannot cast ${sqlTypeName(from)} to ${sqlTypeName(to)}`,
      { srcType: sqlTypeName(from), targetType: sqlTypeName(to) },
    );
  }
  // Non-ANSI casts can produce null from non-null input (e.g. 'abc' → int).
  const nullable = (child.nullable ?? true) || castForcesNull(from, to);
  return Object.freeze({ ...E.cast(child, to, implicit), dataType: to, nullable });
}

/**
 * The implicit cast coercion inserts. Under ANSI a string cast this way follows ANSI's
 * coercion (its target type chosen by ANSI's rules), so it runs as an ANSI cast:
 * CAST_INVALID_INPUT for a malformed string (ansi-cast.ts).
 */
export function coerceTo(child: Expr, to: DataType, ansi: boolean): Expr {
  const cast = castTo(child, to, true);
  return ansi && cast.kind === 'Cast' && typeOf(child) instanceof StringType ? Object.freeze({ ...cast, ansiCoercion: true }) : cast;
}

function argInfo(a: Expr): ArgInfo {
  const name = a.kind === 'BoundRef' || a.kind === 'Alias' || a.kind === 'LambdaVar' ? a.name : a.kind === 'Call' && a.fn === 'get_field' ? String(a.options?.field) : undefined;
  return {
    expr: a,
    dataType: typeOf(a),
    nullable: a.nullable ?? true,
    ...(name !== undefined ? { name } : {}),
    ...(a.kind === 'Literal' ? { literal: { value: a.value } } : {}),
  };
}

/** resolveCall under the scope's ANSI setting. */
const callResolver =
  (scope: ExprScope) =>
  (call: Call, args: readonly Expr[]): Call =>
    resolveCall(call, args, scope.ctx.ansiEnabled === true, scope.ctx.conf);

/**
 * What a definition's `resolve` gets: the SQL texts only go into error messages, so they are
 * built on first use. A class (getters on the prototype) because an object literal with
 * getters costs a dictionary-mode object and two closures per call, for every call resolved;
 * a copy with another `sql` must therefore name `argSql` too (`{ ...ctx, argSql: ctx.argSql, sql }`).
 */
class CallContext implements ResolveContext {
  #argSql: readonly string[] | undefined;
  #sql: string | undefined;
  readonly conf?: (key: string) => string | undefined;

  constructor(
    readonly ansi: boolean,
    conf: ((key: string) => string | undefined) | undefined,
    readonly args: readonly Expr[],
    private readonly call: Call,
    private readonly def: FunctionDef,
  ) {
    if (conf) this.conf = conf;
  }

  get argSql(): readonly string[] {
    return (this.#argSql ??= this.args.map(exprSql));
  }

  get sql(): string {
    if (this.#sql !== undefined) return this.#sql;
    // An alias call (`lcase(x)`) is reported under the name the user called, as Spark does.
    const calledAs = this.call.options?.calledAs;
    if (typeof calledAs === 'string') return (this.#sql = `${calledAs}(${this.argSql.join(', ')})`);
    return (this.#sql = this.def.sql ? this.def.sql(this.argSql, this.call) : `${this.call.fn}(${this.argSql.join(', ')})`);
  }
}

/**
 * Types a call whose arguments are already resolved, inserting implicit casts. With `ansi`
 * the arguments coerce by Spark's ANSI rules, and a string cast to another type is an ANSI
 * cast at run time (CAST_INVALID_INPUT for `abs('x')`).
 */
export function resolveCall(call: Call, resolvedArgs: readonly Expr[], ansi = false, conf?: (key: string) => string | undefined): Call {
  const extract = extractValueByType(call, resolvedArgs);
  if (extract) return resolveCall(extract.call, extract.args, ansi, conf);
  const def = lookupFunction(call.fn);
  const args = narrowDecimalLiterals(call.fn, resolvedArgs);
  const withArgs: Call = { ...call, args };
  const ctx = new CallContext(ansi, conf, args, withArgs, def);
  if (args.length < def.minArgs || args.length > def.maxArgs) {
    const expected = def.minArgs === def.maxArgs ? `${def.minArgs}` : def.maxArgs === Infinity ? `> ${def.minArgs - 1}` : `[${def.minArgs}, ${def.maxArgs}]`;
    throw wrongNumArgs(call.fn, expected, args.length);
  }
  const res = def.resolve(args.map(argInfo), withArgs, ctx);
  const casted = args.map((a, i) => {
    const t = res.argTypes?.[i];
    return t ? coerceTo(a, t, ansi) : a;
  });
  let options = call.options;
  if (call.fn === 'get_field') {
    const t0 = typeOf(args[0]!);
    const st = (t0 instanceof ArrayType ? t0.elementType : t0) as StructType;
    const field = String(call.options?.field);
    const index = st.fields.findIndex((f) => f.name === field);
    options = { ...options, index: index >= 0 ? index : st.fields.findIndex((f) => f.name.toLowerCase() === field.toLowerCase()) };
  }
  // A cast that can produce null (string → number) makes a null-intolerant call nullable.
  const nullable = res.nullable || (def.nullIntolerant === true && casted.some((a) => a.nullable ?? true));
  return Object.freeze({ ...call, args: Object.freeze(casted), ...(options ? { options } : {}), dataType: res.dataType, nullable });
}

function resolveCaseWhen(e: CaseWhen, scope: ExprScope): Expr {
  const branches = e.branches.map((b) => ({ when: resolveExpr(b.when, scope), then: resolveExpr(b.then, scope) }));
  const otherwise = e.otherwise ? resolveExpr(e.otherwise, scope) : undefined;
  const values = [...branches.map((b) => b.then), ...(otherwise ? [otherwise] : [])];
  const ansi = scope.ctx.ansiEnabled === true;
  const t = findWiderCommonTypeOf(values.map(typeOf), ansi);
  const sql =
    e.ifForm && otherwise
      ? `(IF(${exprSql(branches[0]!.when)}, ${exprSql(branches[0]!.then)}, ${exprSql(otherwise)}))`
      : exprSql({ ...e, branches, ...(otherwise ? { otherwise } : {}) });
  if (!t) {
    throw dataDiffTypes({ sql, argSql: [] }, e.ifForm ? 'if' : 'casewhen', values.map(typeOf), 'list');
  }
  const typedBranches = branches.map((b, i) => {
    const wt = typeOf(b.when);
    if (!(wt instanceof BooleanType || wt instanceof NullType)) {
      throw unexpectedInputType({ sql, argSql: [] }, 2 * i, '"BOOLEAN"', wt, exprSql(b.when));
    }
    return Object.freeze({ when: castTo(b.when, BOOLEAN, true), then: coerceTo(b.then, t, ansi) });
  });
  const typedOtherwise = otherwise ? coerceTo(otherwise, t, ansi) : undefined;
  const typedValues = [...typedBranches.map((b) => b.then), ...(typedOtherwise ? [typedOtherwise] : [])];
  const nullable = !typedOtherwise || typedValues.some((v) => v.nullable ?? true);
  return Object.freeze({
    kind: 'CaseWhen',
    branches: Object.freeze(typedBranches),
    ...(typedOtherwise ? { otherwise: typedOtherwise } : {}),
    dataType: t,
    nullable,
  });
}

function windowWithoutOver(call: Expr): AnalysisException {
  const sql = exprSql(call);
  return new AnalysisException(`Window function "${sql}" requires an OVER clause.`, {
    errorClass: 'WINDOW_FUNCTION_WITHOUT_OVER_CLAUSE',
    messageParameters: { funcName: `"${sql}"` },
  });
}

function resolveWindow(e: WindowExpr, scope: ExprScope): Expr {
  const fn = e.fn.kind === 'Call' ? resolveWindowCall(e.fn, scope) : resolveExpr(e.fn, scope);
  // median / percentile of intervals: the window goes around the inner percentile, the conversion back around the window.
  if (fn.kind === 'Call' && fn.fn === 'interval_from_number' && fn.args[0]?.kind === 'Call') {
    const shown = fn.options?.['displaySql'];
    const inner = Object.freeze({ ...fn.args[0], options: { ...fn.args[0].options, displaySql: shown } });
    const win = windowOver(inner, e, scope);
    const outer = E.call(fn.fn, [win], { options: { ...fn.options, displaySql: exprSql(win) } });
    return callResolver(scope)(outer, [win]);
  }
  return windowOver(fn, e, scope);
}

/** The resolved window of `fn` (an aggregate or window function) with `e`'s spec, after Spark's checks. */
function windowOver(fn: Expr, e: WindowExpr, scope: ExprScope): Expr {
  if (fn.kind !== 'Call' || !['aggregate', 'window'].includes(lookupFunction(fn.fn).kind)) {
    throw new AnalysisException(`Expression '${exprSql(fn)}' not supported within a window function.`, {
      errorClass: 'UNSUPPORTED_EXPR_FOR_WINDOW',
      messageParameters: { sqlExpr: `"${exprSql(fn)}"` },
    });
  }
  const partitionBy = e.spec.partitionBy.map((p) => resolveExpr(p, scope));
  const orderBy = e.spec.orderBy.map((o) => resolveExpr(o, scope)) as WindowExpr['spec']['orderBy'];
  assertOrderable(orderBy);
  const def = lookupFunction(fn.fn);
  if (def.kind === 'window' && orderBy.length === 0) {
    throw new AnalysisException(
      `Window function ${exprSql(fn)} requires window to be ordered, please add ORDER BY clause. For example SELECT ${exprSql(fn)}(value_expr) OVER (PARTITION BY window_partition ORDER BY window_ordering) from table.`,
      { errorClass: 'WINDOW_FUNCTION_WITHOUT_ORDER' },
    );
  }
  const spec = { partitionBy, orderBy, frame: e.spec.frame ?? defaultFrame({ partitionBy, orderBy }, fn) };
  checkRangeFrame(spec, fn);
  checkRequiredFrame(fn, e.spec.frame);
  const windowed: WindowExpr = Object.freeze({ kind: 'WindowExpr', fn, spec, dataType: typeOf(fn), nullable: fn.nullable ?? true });
  if (fn.distinct) {
    const sql = exprSql(windowed);
    throw new AnalysisException(`Distinct window functions are not supported: "${sql}".`, {
      errorClass: 'DISTINCT_WINDOW_FUNCTION_UNSUPPORTED',
      messageParameters: { windowExpr: `"${sql}"` },
    });
  }
  return windowed;
}

/** A window's function call; an aggregate over intervals becomes its interval form (`sum(i)` → interval_sum). */
function resolveWindowCall(call: Call, scope: ExprScope): Expr {
  const args = call.args.map((a) => resolveExpr(a, scope));
  const resolve = callResolver(scope);
  return rewriteOperator(call, args, resolve, scope.ctx.ansiEnabled === true) ?? resolve(call, args);
}

/** Casts a resolved predicate to boolean or throws Spark's FILTER_NOT_BOOLEAN. */
export function requireBoolean(cond: Expr): Expr {
  const t = typeOf(cond);
  if (t instanceof BooleanType) return cond;
  if (t instanceof NullType) return castTo(cond, BOOLEAN, true);
  const sql = exprSql(cond);
  throw dataTypeMismatch({ sql, argSql: [sql] }, 'FILTER_NOT_BOOLEAN', `Filter expression "${sql}" of type ${sqlTypeName(t)} is not a boolean`, {
    filter: `"${sql}"`,
    type: sqlTypeName(t),
  });
}

function fullMatch(re: RegExp, s: string): boolean {
  const m = re.exec(s);
  return m !== null && m.index === 0 && m[0].length === s.length;
}
