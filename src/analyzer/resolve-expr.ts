/**
 * Expression resolution: binds column references to input ordinals, types
 * every node through the function registry, and makes implicit casts explicit.
 */
import { charTypePadding } from './char-padding.js';
import { assertOrderable } from './map-checks.js';
import { AnalysisException } from '../errors/index.js';
import { withoutPosition } from '../errors/query-context.js';
import { E, typeOf, type Call, type CaseWhen, type Expr, type WindowExpr } from '../expr/nodes.js';
import { defaultFrame, exprSql } from '../expr/naming.js';
import { checkRangeFrame, checkRequiredFrame, checkWholePartitionAggregate } from './window-checks.js';
import { ansiCastMismatch } from './ansi-casts.js';
import { dataDiffTypes, dataTypeMismatch, implicitCast, sqlTypeName, unexpectedInputType } from '../functions/define.js';
import { lookupFunction } from '../functions/registry.js';
import { ORDERED_SET_INTERNALS } from './interval-functions.js';
import { checkUnitFormCall } from '../functions/defs/timestamp-units.js';
import { bindRegisteredUdf } from './resolve-udf.js';
import { withAggregateFilter } from './aggregate-filter.js';
import { findWiderCommonTypeOf } from '../types/coercion.js';
import {
  BOOLEAN,
  BooleanType,
  DOUBLE,
  NullType,
  } from '../types/data-types.js';
import { formatTimestamp } from '../format/value-string.js';
import { rewriteOperator } from './operator-coercion.js';
import { isAnsiInterval } from '../types/intervals.js';
import { tryCastNullable } from '../types/try-cast-nullability.js';
import { stringLiteralCoercion } from './string-literal-coercion.js';
import { originOf, withOrigin } from '../expr/origin.js';
import { columnFirstName } from '../expr/column-first.js';
import { identifierClauseParts, routineNotFound } from '../expr/identifier-clause.js';
import { sessionTimestampCall, sessionTimestampLiteral } from './session-timestamp-type.js';
import { checkSourceTimeParserPolicy, checkTimeParserPolicy } from './time-parser-policy.js';
import { deferPosition, positionAt } from './deferred-positions.js';
import { resolveHigherOrder, resolveLambdaVar, type LambdaScope } from './resolve-lambda.js';
import { type AnalyzerContext, type Attribute } from './scope.js';
import { argInfo, callResolver, castTo, coerceTo } from './resolve-call.js';
import { expandStars, resolveColumn } from './resolve-column.js';

/** The input types of Spark's Percentile (percentile_cont/disc), as its UNEXPECTED_INPUT_TYPE names them. */
const PERCENTILE_INPUT = '("NUMERIC" or "INTERVAL DAY TO SECOND" or "INTERVAL YEAR TO MONTH")';

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
  let out: Expr;
  depth++;
  try {
    out = resolveNode(e, scope);
  } catch (err) {
    positionAt(err, e, depth);
    throw err;
  } finally {
    depth--;
  }
  return origin && out !== e ? withOrigin(out, origin) : out;
}

/** How deep the current resolveExpr call is (1: an operator's top-level expression). */
let depth = 0;

function resolveNode(e: Expr, scope: ExprScope): Expr {
  switch (e.kind) {
    case 'ColumnRef':
      return inLambdaBody(scope, () => resolveColumn(e.name, e.planId, e.quoted ?? false, scope));
    case 'BoundRef': {
      const a = scope.attrs[e.index];
      if (!a) throw new AnalysisException(`internal: ordinal ${e.index} out of range`, { errorClass: 'INTERNAL_ERROR' });
      return E.bound(e.index, a.name, a.dataType, a.nullable);
    }
    case 'Literal':
      return e;
    case 'Alias': {
      if (e.sessionTimestampType) {
        const typed = sessionTimestampLiteral(e, scope.ctx);
        if (typed !== e) return resolveExpr(typed, scope);
      }
      const child = resolveExpr(e.child, scope);
      // Spark renders a zoned TIMESTAMP literal's instant in the session zone for its name.
      const name = e.timestampLiteral === undefined ? e.name : `TIMESTAMP '${formatTimestamp(e.timestampLiteral, scope.ctx.timeZone ?? 'UTC')}'`;
      return Object.freeze({ ...e, child, name, dataType: typeOf(child), nullable: child.nullable ?? true });
    }
    case 'Cast': {
      const child = resolveExpr(e.child, scope);
      if (e.percentileOf !== undefined) {
        const t = typeOf(child);
        if (isAnsiInterval(t)) return child;
        // Spark's Percentile input: numbers, ANSI intervals, or what casts implicitly to a number (a string).
        if (!implicitCast(t, DOUBLE, scope.ctx.ansiEnabled === true)) {
          throw unexpectedInputType({ sql: e.percentileOf, argSql: [exprSql(child)] }, 0, PERCENTILE_INPUT, t);
        }
      }
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
      const asColumn = columnFirstName(e);
      if (asColumn !== undefined && columnInScope(asColumn, scope)) return resolveExpr(E.col(asColumn), scope);
      checkTimeParserPolicy(e, scope.ctx);
      const typed = sessionTimestampCall(e, scope.ctx);
      if (typed !== e) return resolveExpr(typed, scope);
      const bound = bindRegisteredUdf(e, scope.ctx.udfs);
      if (bound !== e) return resolveExpr(bound, scope);
      checkUnitFormCall(e);
      // Spark looks a function up before resolving its arguments: `nosuch(FOO)` is UNRESOLVED_ROUTINE, not FOO's
      // UNRESOLVED_COLUMN (lookupFunction throws for an unknown name).
      const def = ORDERED_SET_INTERNALS.has(e.fn) ? undefined : lookupCalled(e, scope.ctx);
      if (def?.lambdaParams) {
        const typeCall = callResolver(scope);
        // The call's own type checks are reported at the clause (deferred-positions.ts).
        const checked = (call: Call, args: readonly Expr[]): Expr => {
          try {
            return typeCall(call, args);
          } catch (err) {
            throw deferPosition(err, 'clause');
          }
        };
        return resolveHigherOrder(e, def, scope, resolveExpr, argInfo, checked);
      }
      // `struct('*')`, `hash(*)`: a star argument stands for the input columns (Spark's ResolveReferences).
      const starred = e.args.some((a) => a.kind === 'Star') ? expandStars(e.args, scope.attrs, scope.ctx) : e.args;
      const resolved = starred.map((a) => resolveExpr(a, scope));
      const coerced = stringLiteralCoercion(e.fn, resolved, scope.ctx.ansiEnabled === true) ?? resolved;
      const resolve = callResolver(scope);
      const padded = charTypePadding(e.fn, coerced, scope.attrs, resolve);
      const args = padded ?? coerced;
      const unfiltered = e.filter ? Object.freeze({ ...e, filter: undefined }) : e;
      // A padded comparison keeps the name of the comparison as written (Spark pads after naming).
      const plain = padded ? Object.freeze({ ...unfiltered, options: { ...unfiltered.options, displaySql: exprSql(E.call(e.fn, coerced, unfiltered.options ? { options: unfiltered.options } : {})) } }) : unfiltered;
      const unmasked = rewriteOperator(plain, args, resolve, scope.ctx.ansiEnabled === true) ?? resolve(plain, args);
      const call = e.filter ? withAggregateFilter(unmasked, e.fn, resolveExpr(e.filter, scope)) : unmasked;
      checkSourceTimeParserPolicy(call, args, scope.ctx);
      // Window functions are resolved by resolveWindow; anywhere else they lack their OVER clause.
      if (call.kind === 'Call' && lookupFunction(call.fn).kind === 'window') throw deferPosition(windowWithoutOver(call), 'parent');
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
      return inLambdaBody(scope, () => resolveLambdaVar(e.name, scope));
    case 'Lambda':
      throw new AnalysisException('A lambda function should only be used in a higher order function.', {
        errorClass: 'INVALID_LAMBDA_FUNCTION_CALL.NON_HIGHER_ORDER_FUNCTION',
      });
  }
}

/** Whether a bare `current_date`-like keyword names an input column (Spark prefers the column, SPARK-22333). */
function columnInScope(name: string, scope: ExprScope): boolean {
  const { ctx } = scope;
  if (ctx.ansiEnabled === true && ctx.conf?.('spark.sql.ansi.enforceReservedKeywords')?.trim().toLowerCase() === 'true') return false;
  const lower = name.toLowerCase();
  return scope.attrs.some((a) => !a.hidden && (ctx.caseSensitive ? a.name === name : a.name.toLowerCase() === lower));
}

/**
 * An unresolved name in a lambda's body is reported at the clause (Spark 3.5.7 rebuilds the
 * lambda under the operator's origin before its CheckAnalysis finds the name).
 */
function inLambdaBody(scope: ExprScope, resolve: () => Expr): Expr {
  if (!scope.lambdas?.size) return resolve();
  try {
    return resolve();
  } catch (err) {
    const cls = (err as { errorClass?: string }).errorClass;
    throw cls?.startsWith('UNRESOLVED_COLUMN') ? deferPosition(err, 'clause') : err;
  }
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
    throw new AnalysisException(`Expression "${exprSql(fn)}" not supported within a window function.`, {
      errorClass: 'UNSUPPORTED_EXPR_FOR_WINDOW',
      messageParameters: { sqlExpr: `"${exprSql(fn)}"` },
    });
  }
  const partitionBy = e.spec.partitionBy.map((p) => resolveExpr(p, scope));
  const orderBy = e.spec.orderBy.map((o) => resolveExpr(o, scope)) as WindowExpr['spec']['orderBy'];
  assertOrderable(orderBy);
  const def = lookupFunction(fn.fn);
  if (def.kind === 'window' && orderBy.length === 0) {
    // A legacy error in Spark 3.5.7: no error class, no position.
    throw withoutPosition(new AnalysisException(
      `Window function ${exprSql(fn)} requires window to be ordered, please add ORDER BY clause. For example SELECT ${exprSql(fn)}(value_expr) OVER (PARTITION BY window_partition ORDER BY window_ordering) from table.`,
    ));
  }
  checkRangeFrame({ ...e.spec, partitionBy, orderBy }, fn);
  const spec = { partitionBy, orderBy, frame: e.spec.frame ?? defaultFrame({ partitionBy, orderBy }, fn) };
  checkRequiredFrame(fn, e.spec.frame);
  const windowed: WindowExpr = Object.freeze({ kind: 'WindowExpr', fn, spec, dataType: typeOf(fn), nullable: fn.nullable ?? true });
  if (fn.distinct) {
    const sql = exprSql(windowed);
    throw new AnalysisException(`Distinct window functions are not supported: "${sql}".`, {
      errorClass: 'DISTINCT_WINDOW_FUNCTION_UNSUPPORTED',
      messageParameters: { windowExpr: `"${sql}"` },
    });
  }
  if (fn.fn === 'median') checkWholePartitionAggregate(exprSql(fn), orderBy, e.spec.frame);
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

/** The function a call names; one written with the IDENTIFIER clause is looked up as Spark's catalog does. */
function lookupCalled(e: Call, ctx: AnalyzerContext): ReturnType<typeof lookupFunction> {
  const parts = identifierClauseParts(e);
  if (parts === undefined) return lookupFunction(e.fn);
  try {
    return lookupFunction(e.fn);
  } catch (err) {
    if (!(err instanceof AnalysisException) || err.errorClass !== 'UNRESOLVED_ROUTINE') throw err;
    throw routineNotFound(parts, ctx.currentDatabase ?? 'default');
  }
}
