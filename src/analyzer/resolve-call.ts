/**
 * Typing one function call through the registry: argument checks, implicit casts (coercion) and
 * the call's result type and nullability.
 */
import { wrongNumArgs } from '../errors/analysis-errors.js';
import { E, typeOf, type Call, type Expr } from '../expr/nodes.js';
import { exprSql, isComplexType } from '../expr/naming.js';
import { dataTypeMismatch, sqlTypeName } from '../functions/define.js';
import { lookupFunction, type ArgInfo, type FunctionDef, type ResolveContext } from '../functions/registry.js';
import { canCast, castForcesNull } from '../types/coercion.js';
import {
  ArrayType,
  StringType,
  StructType,
  type DataType,
} from '../types/data-types.js';
import { narrowDecimalLiterals } from './operator-coercion.js';
import { extractValueByType } from './extract-value.js';
import type { ExprScope } from './resolve-expr.js';

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

export function argInfo(a: Expr): ArgInfo {
  const name = a.kind === 'BoundRef' || a.kind === 'Alias' || a.kind === 'LambdaVar' ? a.name : a.kind === 'Call' && a.fn === 'get_field' ? String(a.options?.field) : undefined;
  // Optional fields set only when present (as the spreads of `{}` did), without a temporary object each.
  const info: { -readonly [K in keyof ArgInfo]: ArgInfo[K] } = { expr: a, dataType: typeOf(a), nullable: a.nullable ?? true };
  if (name !== undefined) info.name = name;
  if (a.kind === 'Literal') info.literal = { value: a.value };
  return info;
}

/** resolveCall under the scope's ANSI setting. */
export const callResolver =
  (scope: ExprScope) =>
  (call: Call, args: readonly Expr[]): Call =>
    resolveCall(call, args, scope.ctx.ansiEnabled === true, scope.ctx.conf);

/**
 * What a definition's `resolve` gets: the SQL texts only go into error messages, so they are
 * built on first use. A class (getters on the prototype) because an object literal with
 * getters costs a dictionary-mode object and two closures per call, for every call resolved.
 * A spread would drop the getters: a definition reporting the call under other text uses
 * `withSql` (functions/resolve-context.ts).
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
  // Fields in the order a spread of `{ options }` would give them (exprKey reads keys in order), without its temporary object.
  const out: { -readonly [K in keyof Call]: Call[K] } = { ...call, args: Object.freeze(casted) };
  if (options) out.options = options;
  out.dataType = res.dataType;
  out.nullable = nullable;
  return Object.freeze(out);
}
