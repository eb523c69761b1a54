/**
 * Compiles resolved expression trees into closures, once per plan node:
 * `compileExpr(expr, env)` returns `(row) => value`, where `row` is a row
 * position of the input relation (`env.columns`, each column reading through
 * its own selection vector). Evaluating a row never walks the tree again.
 */
import type { Call, CaseWhen, Expr, Lambda } from '../../../expr/nodes.js';
import { InternalError } from '../../../errors/index.js';
import type { ExecContext } from '../context.js';
import { lookupImpl } from '../functions/index.js';
import { hasFunction, lookupFunction } from '../../../functions/registry.js';
import type { CompileInput, RowFn, ScalarImpl } from '../functions/types.js';
import { castValue } from './cast.js';
import { ansiCast, tryCastValue } from './ansi-cast.js';
import { colReader, type Col } from '../operators/relation.js';
import { originOf } from '../../../expr/origin.js';
import { attachQueryContext, type SqlOrigin } from '../../../errors/query-context.js';

/** A mutable slot holding a lambda parameter's current value. */
interface LambdaSlot {
  value: unknown;
}

export interface CompileEnv {
  /** The input columns BoundRefs index into. */
  readonly columns: readonly Col[];
  readonly ctx: ExecContext;
  /**
   * Called for every `Call` before the function table: lets the Aggregate
   * operator substitute aggregate results. Return undefined to compile normally.
   */
  readonly callHook?: (call: Call, env: CompileEnv) => RowFn | undefined;
  /** Lambda parameters in scope, innermost first. */
  readonly lambdas?: ReadonlyMap<string, LambdaSlot>;
  /**
   * Overrides how a BoundRef reads its column (joins evaluate residual
   * conditions over a (left row, right row) pair this way).
   */
  readonly resolveBound?: (index: number) => RowFn | undefined;
  /** The origin of the nearest enclosing expression written in SQL text (see expr/origin.ts). */
  readonly origin?: SqlOrigin;
}

/** Functions whose errors take a query context outside ANSI mode too (INTERVAL_DIVIDED_BY_ZERO). */
const CONTEXT_WITHOUT_ANSI = new Set(['interval_divide']);

export function compileExpr(e: Expr, env: CompileEnv): RowFn {
  const own = originOf(e);
  const origin = own ?? env.origin;
  if (!origin) return compileNode(e, env);
  const inner = compileNode(e, own && own !== env.origin ? { ...env, origin: own } : env);
  // Only the expressions that can raise an error Spark reports with a context are wrapped.
  const raises = (e.kind === 'Cast' && !e.tryCast && env.ctx.ansiEnabled) || (e.kind === 'Call' && (env.ctx.ansiEnabled || CONTEXT_WITHOUT_ANSI.has(e.fn)));
  if (!raises) return inner;
  return (i) => {
    try {
      return inner(i);
    } catch (err) {
      attachQueryContext(err, origin);
      throw err;
    }
  };
}

function compileNode(e: Expr, env: CompileEnv): RowFn {
  switch (e.kind) {
    case 'BoundRef': {
      const custom = env.resolveBound?.(e.index);
      if (custom) return custom;
      const col = env.columns[e.index];
      if (!col) throw new InternalError(`BoundRef ${e.name}#${e.index} is out of range (${env.columns.length} input columns)`);
      return colReader(col);
    }
    case 'Literal': {
      const v = e.value === undefined ? null : e.value;
      return () => v;
    }
    case 'Alias':
      return compileExpr(e.child, env);
    case 'SortOrder':
      return compileExpr(e.child, env);
    case 'Cast': {
      const from = e.child.dataType;
      if (!from) throw new InternalError('Cast of an unresolved expression');
      const child = compileExpr(e.child, env);
      if (from.equals(e.to)) return child;
      const conv = env.ctx.ansiEnabled && !e.tryCast ? ansiCast(e, from, env.ctx) : e.tryCast ? tryCastValue(from, e.to, env.ctx) : castValue(from, e.to, env.ctx);
      return (i) => {
        const v = child(i);
        return v === null || v === undefined ? null : conv(v);
      };
    }
    case 'CaseWhen':
      return compileCaseWhen(e, env);
    case 'Call':
      return compileCall(e, env);
    case 'Lambda':
      return compileLambda(e, env);
    case 'LambdaVar': {
      const slot = env.lambdas?.get(e.name);
      if (!slot) throw new InternalError(`lambda variable ${e.name} is not in scope`);
      return () => slot.value;
    }
    case 'WindowExpr':
      throw new InternalError('a window expression outside a Window plan node');
    case 'ColumnRef':
    case 'Star':
      throw new InternalError(`unresolved ${e.kind} reached the memory backend`);
  }
}

function compileCaseWhen(e: CaseWhen, env: CompileEnv): RowFn {
  const whens = e.branches.map((b) => compileExpr(b.when, env));
  const thens = e.branches.map((b) => compileExpr(b.then, env));
  const otherwise = e.otherwise ? compileExpr(e.otherwise, env) : () => null;
  const n = whens.length;
  if (n === 1) {
    const w = whens[0]!;
    const t = thens[0]!;
    return (i) => (w(i) === true ? t(i) : otherwise(i));
  }
  return (i) => {
    for (let k = 0; k < n; k++) if (whens[k]!(i) === true) return thens[k]!(i);
    return otherwise(i);
  };
}

/** A lambda compiles to an evaluator returning, per row, a JS function of its parameters. */
function compileLambda(e: Lambda, env: CompileEnv): RowFn {
  const slots = e.params.map(() => ({ value: null as unknown }));
  const scope = new Map(env.lambdas ?? []);
  e.params.forEach((p, k) => scope.set(p, slots[k]!));
  const body = compileExpr(e.body, { ...env, lambdas: scope });
  return (i) =>
    (...values: unknown[]) => {
      const saved = slots.map((s) => s.value);
      for (let k = 0; k < slots.length; k++) slots[k]!.value = values[k] ?? null;
      try {
        return body(i);
      } finally {
        for (let k = 0; k < slots.length; k++) slots[k]!.value = saved[k];
      }
    };
}

function compileCall(call: Call, env: CompileEnv): RowFn {
  const hooked = env.callHook?.(call, env);
  if (hooked) return hooked;
  const impl = lookupImpl(call.fn);
  if (impl.kind !== 'scalar') {
    throw new InternalError(`${impl.kind} function ${call.fn} evaluated as a scalar expression`);
  }
  const args = call.args.map((a) => compileExpr(a, env));
  const perRow = compileScalar(impl, args, call, env.ctx, { numRows: inputRows(env) });
  return isConstant(call) ? foldedOnce(perRow) : perRow;
}

/** Functions whose result varies per row even over literal arguments (in case a definition lacks the flag). */
const VARYING = new Set(['rand', 'randn', 'random', 'uuid', 'shuffle', 'udf']);

/**
 * A deterministic call over literals only (`to_date('1994-01-01')`): the same
 * value on every row. Zero-argument calls are left alone (row ids, partition ids).
 */
function isConstant(e: Expr): boolean {
  switch (e.kind) {
    case 'Literal':
      return true;
    case 'Cast':
    case 'Alias':
      return isConstant(e.child);
    case 'Call':
      if (e.args.length === 0 || VARYING.has(e.fn) || !hasFunction(e.fn)) return false;
      {
        // Aggregates over literals (`sum(1)`) differ per group.
        const def = lookupFunction(e.fn);
        return def.kind === 'scalar' && def.nondeterministic !== true && e.args.every(isConstant);
      }
    default:
      return false;
  }
}

/**
 * Evaluates a constant expression once, on first use (so an empty input never
 * evaluates it); if that throws, every row throws the same way, as before.
 */
function foldedOnce(perRow: RowFn): RowFn {
  let state: { value: unknown } | undefined;
  return (i) => {
    if (!state) state = { value: perRow(i) };
    return state.value;
  };
}

/** The input's row count when row positions are 0..n-1 of `env.columns` (not under a join's custom binding). */
function inputRows(env: CompileEnv): number | undefined {
  const col = env.columns[0];
  if (!col || env.resolveBound) return undefined;
  return col.sel ? col.sel.length : col.data.length;
}

/** Wraps a scalar implementation into a row evaluator (null short-circuit unless it handles nulls). */
export function compileScalar(impl: ScalarImpl, args: readonly RowFn[], call: Call, ctx: ExecContext, input?: CompileInput): RowFn {
  if (impl.compile) return impl.compile(args, call, ctx, input);
  const ev = impl.eval;
  if (!ev) throw new InternalError(`function ${call.fn} has neither eval nor compile`);
  const n = args.length;
  const buf: unknown[] = new Array(n).fill(null);
  if (impl.handlesNulls) {
    return (i) => {
      for (let k = 0; k < n; k++) {
        const v = args[k]!(i);
        buf[k] = v === undefined ? null : v;
      }
      return ev(buf, ctx, call);
    };
  }
  switch (n) {
    case 0:
      return () => ev(buf, ctx, call);
    case 1: {
      const a = args[0]!;
      return (i) => {
        const x = a(i);
        if (x === null || x === undefined) return null;
        buf[0] = x;
        return ev(buf, ctx, call);
      };
    }
    case 2: {
      const a = args[0]!;
      const b = args[1]!;
      return (i) => {
        const x = a(i);
        if (x === null || x === undefined) return null;
        const y = b(i);
        if (y === null || y === undefined) return null;
        buf[0] = x;
        buf[1] = y;
        return ev(buf, ctx, call);
      };
    }
    default:
      return (i) => {
        for (let k = 0; k < n; k++) {
          const v = args[k]!(i);
          if (v === null || v === undefined) return null;
          buf[k] = v;
        }
        return ev(buf, ctx, call);
      };
  }
}

/** Compiles a list of expressions against the same input. */
export function compileAll(exprs: readonly Expr[], env: CompileEnv): RowFn[] {
  return exprs.map((e) => compileExpr(e, env));
}
