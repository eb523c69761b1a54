/**
 * Resolved expression → native Polars expression.
 *
 * Column references are positional: `BoundRef(i)` reads column `c{i}` of the
 * node's input frame (see plan-translator.ts), so duplicate Spark names never
 * collide. Every produced expression has the Polars dtype of the node's Spark
 * `dataType` (type-mapper.ts). Anything without an exact native lowering
 * throws a DelegateSignal, which delegates the enclosing plan node.
 */
import type { Call, Expr } from '../../expr/nodes.js';
import { exprKeyWithNullability } from '../../expr/key.js';
import { typeOf } from '../../expr/nodes.js';
import { hasFunction, lookupFunction } from '../../functions/registry.js';
import { AtomicType, BinaryType, DecimalType, StringType, type DataType, type StructType } from '../../types/data-types.js';
import { castValue } from '../memory/expressions/cast.js';
import { castCannotFail, castDecimalLiteral, castExpr, castIntegralLiteral, isUtc } from './cast.js';
import { delegate } from './delegation.js';
import { lookupPolarsFunction } from './functions/index.js';
import type { FnContext } from './functions/types.js';
import { colName } from './input.js';
import { native, type NativeExpr, type PolarsNative } from './native.js';
import { PL } from './type-mapper.js';
import { colRef, literal, nullOf } from './nx.js';

export interface TranslateOptions {
  /** Session time zone (IANA id). */
  readonly timeZone: string;
  /** The query's fixed "now" (µs since the epoch) for current_timestamp()/current_date(). */
  readonly now?: number;
  /**
   * Double sums must add in row order (Spark's one-partition order, as the
   * interpreter does): true when the query's inputs are small enough
   * (`DataMaterializer.sequentialSumMaxRows`). Default true.
   */
  readonly sequentialSums?: boolean;
  /** spark.default.parallelism > 1: double sums merge per-partition partials (the interpreter models them). */
  readonly partitionedSums?: boolean;
}

/** True when `name` is an aggregate function. */
export function isAggregateFunction(name: string): boolean {
  if (hasFunction(name)) return lookupFunction(name).kind === 'aggregate';
  return lookupPolarsFunction(name)?.aggregate !== undefined;
}

/**
 * Translates expressions over one input schema.
 * Mode `row`: one value per input row. Mode `agg`: inside a group-by
 * aggregation, where aggregate calls aggregate their (row-mode) arguments
 * and bare column references read the group's first row.
 */
export class ExprTranslator implements FnContext {
  readonly pl: PolarsNative;
  readonly timeZone: string;
  readonly now: number | undefined;
  readonly sequentialSums: boolean;
  readonly partitionedSums: boolean;
  private rowMode?: ExprTranslator;
  /** Pooled per-group aggregations (Aggregate nodes only): key → column name and expression. */
  private pool: Map<string, { name: string; expr: NativeExpr; ref: NativeExpr }> | undefined;
  /** keyOf results per expression node (nodes are immutable). */
  private keys: WeakMap<object, string> | undefined;
  private owner: ExprTranslator | undefined;

  constructor(
    readonly input: StructType,
    readonly options: TranslateOptions,
    readonly mode: 'row' | 'agg' = 'row',
    private readonly nameOf: (index: number) => string = colName,
  ) {
    this.pl = native();
    this.timeZone = options.timeZone;
    this.now = options.now;
    this.sequentialSums = options.sequentialSums ?? true;
    this.partitionedSums = options.partitionedSums ?? false;
  }

  /** A translator over the same input in row mode (for aggregate arguments); its `part` feeds this one's pool. */
  row(): ExprTranslator {
    if (this.mode === 'row') return this;
    if (!this.rowMode) {
      this.rowMode = new ExprTranslator(this.input, this.options, 'row', this.nameOf);
      this.rowMode.owner = this;
    }
    return this.rowMode;
  }

  private cols: NativeExpr[] = [];

  /** `col(c{i})`, built once per translator. */
  colExpr(i: number): NativeExpr {
    return (this.cols[i] ??= colRef(this.nameOf(i)));
  }

  /** Starts pooling aggregations (an Aggregate node's translation); see `pooled()`. */
  startPool(): void {
    this.pool = new Map();
  }

  /** The pooled aggregations, aliased to their column names, in first-use order. */
  pooled(): NativeExpr[] {
    return [...(this.pool?.values() ?? [])].map((p) => p.expr.alias(p.name));
  }

  part(key: string, e: NativeExpr | (() => NativeExpr)): NativeExpr {
    const host = this.owner ?? this;
    const pool = host.pool;
    if (!pool) return typeof e === 'function' ? e() : e;
    let p = pool.get(key);
    if (!p) {
      // Build first: the thunk may pool parts of its own, which come first (as when `e` is an argument).
      const expr = typeof e === 'function' ? e() : e;
      const name = `_p${pool.size}`;
      pool.set(key, (p = { name, expr, ref: colRef(name) }));
    }
    return p.ref;
  }

  /** Columns bound while a node that can compute them first translates its expressions (see `binding`). */
  private bindings: NativeExpr[] | undefined;

  /**
   * `x` computed once per row as a column of its own, when the node being translated allows it
   * (projections and filters, see `binding`), else `x` itself. For lowerings that read an
   * expression several times: Polars expands every read when planning, so nested conversions
   * that each read their input three times planned in time exponential in their depth.
   */
  readonly bind = (x: NativeExpr): NativeExpr => {
    const b = this.bindings;
    if (!b) return x;
    const name = `_b${b.length}`;
    b.push(x.alias(name));
    return colRef(name);
  };

  /**
   * Runs `f` (which translates a node's expressions) with `bind` on; returns its result and the
   * bound columns, in order: each may read earlier ones, so the node adds them one at a time.
   */
  binding<T>(f: () => T): { value: T; bound: NativeExpr[] } {
    const saved = this.bindings;
    const bound: NativeExpr[] = [];
    // In UTC no conversion is a large expression: reads stay cheap, and a column of its own costs a copy.
    this.bindings = isUtc(this.timeZone) ? undefined : bound;
    try {
      return { value: f(), bound };
    } finally {
      this.bindings = saved;
    }
  }

  /** Pool key of an expression: structural, with nullability marks (lowerings differ by them). */
  keyOf(e: Expr): string {
    const keys = (this.keys ??= new WeakMap());
    let k = keys.get(e);
    if (k === undefined) keys.set(e, (k = exprKeyWithNullability(e)));
    return k;
  }

  cast(x: NativeExpr, from: DataType, to: DataType): NativeExpr {
    return castExpr(x, from, to, this);
  }

  /**
   * `e` as a column of the frame's height. A Polars expression that reads no
   * column is one scalar: aggregated, shifted or counted it acts on one value,
   * where Spark has one value per row (`count(CAST('1' AS INT))`, `lag(5)`).
   */
  column(e: Expr): NativeExpr {
    const x = this.exact(e);
    return isConstant(e) ? broadcast(this.pl, x) : x;
  }

  /** True while translating an aggregate argument's subexpressions (see `tr`). */
  private nested = false;

  tr(e: Expr): NativeExpr {
    // An aggregate argument (the row translator of an aggregation) is a per-row column; its parts need not be.
    if (!this.owner || this.nested) return this.exact(e);
    this.nested = true;
    try {
      return this.column(e);
    } finally {
      this.nested = false;
    }
  }

  private exact(e: Expr): NativeExpr {
    switch (e.kind) {
      case 'BoundRef': {
        const c = this.colExpr(e.index);
        return this.mode === 'agg' ? this.part(`first|${e.index}`, () => c.first()) : c;
      }
      case 'Literal':
        return literal(e.value, e.dataType);
      case 'Alias':
        return this.tr(e.child);
      case 'Cast':
        if (e.tryCast && !castCannotFail(typeOf(e.child), e.to)) delegate(`TRY_CAST to ${e.to.simpleString()}`);
        if (e.child.kind === 'Literal') {
          const lit = castIntegralLiteral(e.child.value, e.child.dataType, e.to) ?? castDecimalLiteral(e.child.value, e.child.dataType, e.to) ?? this.castStringLiteral(e.child.value, e.child.dataType, e.to);
          if (lit) return lit;
        }
        return this.cast(this.tr(e.child), typeOf(e.child), e.to);
      case 'Call':
        return this.call(e);
      case 'CaseWhen': {
        const t = typeOf(e);
        if (e.branches.length === 0) return e.otherwise ? this.tr(e.otherwise) : nullOf(t);
        // Polars plans a when/then chain in time quadratic in its length (4,000 branches: tens of
        // seconds); the interpreter evaluates CASE in one linear pass per row.
        if (e.branches.length > MAX_NATIVE_CASE_BRANCHES) return delegate(`CASE WHEN with more than ${MAX_NATIVE_CASE_BRANCHES} branches`);
        let chain = this.pl.when(this.tr(e.branches[0]!.when)).then(this.tr(e.branches[0]!.then));
        for (const b of e.branches.slice(1)) chain = chain.when(this.tr(b.when)).then(this.tr(b.then));
        return chain.otherwise(e.otherwise ? this.tr(e.otherwise) : nullOf(t));
      }
      case 'SortOrder':
        return this.tr(e.child);
      case 'WindowExpr':
        return delegate('window expression outside a Window node');
      case 'Lambda':
      case 'LambdaVar':
        return delegate('higher-order function');
      case 'ColumnRef':
      case 'Star':
        return delegate(`unresolved ${e.kind}`);
    }
  }

  /**
   * A cast of a string literal, folded with the interpreter's cast (Spark
   * folds constants too): the native string parsing is a multi-step
   * expression whose literal-only parts Polars' subexpression elimination
   * mishandles after a filter ("lengths don't match").
   */
  private castStringLiteral(value: unknown, from: DataType, to: DataType): NativeExpr | undefined {
    if (!(from instanceof StringType) || !(to instanceof AtomicType) || to instanceof BinaryType || to instanceof DecimalType) return undefined;
    const ctx = { timeZone: this.timeZone, now: this.now ?? Date.now() * 1000 };
    return literal(value === null ? null : castValue(from, to, ctx)(value), to);
  }

  private call(e: Call): NativeExpr {
    const impl = lookupPolarsFunction(e.fn);
    if (!impl) return delegate(`function ${e.fn} has no Polars lowering`);
    if (impl.delegated) return delegate(`${e.fn}: ${impl.delegated}`);
    if (isAggregateFunction(e.fn)) {
      if (this.mode !== 'agg' || !impl.aggregate) return delegate(`aggregate ${e.fn} outside an aggregation`);
      if (e.filter) return delegate(`${e.fn} FILTER (WHERE ...)`);
      return impl.aggregate(e, this.row());
    }
    if (impl.scalar) return impl.scalar(e, this);
    return delegate(`${e.fn} is not a scalar function`);
  }
}

/** Longer CASE WHEN chains run in the interpreter (see CaseWhen above). */
export const MAX_NATIVE_CASE_BRANCHES = 64;

/** A scalar expression repeated to the height of its context (frame or group). */
export function broadcast(pl: PolarsNative, x: NativeExpr): NativeExpr {
  const rows = pl.intRange({ _expr: pl.lit(0) }, { _expr: pl.len() }, 1, PL.Int64);
  return pl.when(rows.gtEq(pl.lit(0))).then(x).otherwise(x);
}

/** True when the expression reads no input column (Polars would not broadcast it to the frame height). */
export function isConstant(e: Expr): boolean {
  switch (e.kind) {
    case 'BoundRef':
    case 'ColumnRef':
    case 'Star':
    case 'WindowExpr':
      return false;
    case 'Literal':
      return true;
    case 'Alias':
    case 'Cast':
    case 'SortOrder':
      return isConstant(e.child);
    case 'Call':
      return e.args.every(isConstant);
    case 'CaseWhen':
      return e.branches.every((b) => isConstant(b.when) && isConstant(b.then)) && (!e.otherwise || isConstant(e.otherwise));
    case 'Lambda':
    case 'LambdaVar':
      return false;
  }
}

