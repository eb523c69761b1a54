/**
 * Expression IR. Every node is a frozen plain object with a string `kind`.
 *
 * The API layer (`Column`, `functions`) builds *unresolved* trees (`ColumnRef`
 * by name, untyped `Call`s). The analyzer rewrites them into *resolved* trees:
 * every column reference becomes a `BoundRef` (an ordinal into the input row),
 * every node carries `dataType` and `nullable`, and implicit casts are explicit
 * `Cast` nodes. Backends only ever see resolved trees.
 */
import { wellFormed } from '../types/well-formed.js';
import type { DataType } from '../types/data-types.js';

/** Typing the analyzer attaches to every resolved node. */
export interface Typed {
  readonly dataType?: DataType;
  readonly nullable?: boolean;
}

/** Unresolved reference by name. `name` may be qualified (`t.col`) or nested (`s.field`). */
export interface ColumnRef extends Typed {
  readonly kind: 'ColumnRef';
  readonly name: string;
  /** Set by `df.col(name)`: the id of the DataFrame's plan the column must come from. */
  readonly planId?: number;
  /** `col("`a.b`")` style: treat the whole name as one identifier. */
  readonly quoted?: boolean;
}

/** Resolved reference: position `index` in the input row (for joins: left columns then right). */
export interface BoundRef extends Typed {
  readonly kind: 'BoundRef';
  readonly index: number;
  readonly name: string;
  readonly dataType: DataType;
  readonly nullable: boolean;
}

/** A constant. `value` is in the internal representation of `dataType` (see data-types.ts). */
export interface Literal extends Typed {
  readonly kind: 'Literal';
  readonly value: unknown;
  readonly dataType: DataType;
}

export interface Alias extends Typed {
  readonly kind: 'Alias';
  readonly child: Expr;
  readonly name: string;
  readonly metadata?: Readonly<Record<string, unknown>>;
  /**
   * Written by the user (`Column.alias`): nested in another expression it is
   * named `child AS name`, as Spark's Alias.sql (`struct(1 AS f)`). Without it
   * the alias stands for its name (the SQL front end's naming aliases).
   */
  readonly written?: boolean;
  /**
   * A `TIMESTAMP '...'` literal whose text names its own zone or offset: the instant
   * (microseconds since epoch). Spark names it by rendering the instant in the session
   * time zone, which only the analyzer knows.
   */
  readonly timestampLiteral?: number;
  /** Names a SQL typed literal (`TIMESTAMP '...'`): a cast of it keeps its own SQL name, unlike a cast of a named column. */
  readonly typedLiteral?: boolean;
  /**
   * A zone-less `TIMESTAMP '...'` literal (not `TIMESTAMP_LTZ`): its type is the session's
   * spark.sql.timestampType, which only the analyzer knows.
   */
  readonly sessionTimestampType?: boolean;
}

export interface Cast extends Typed {
  readonly kind: 'Cast';
  readonly child: Expr;
  readonly to: DataType;
  /** True when the analyzer inserted it (type coercion): it does not show in column names. */
  readonly implicit?: boolean;
  /** True for a typed literal's text the parser already validated (`TIMESTAMP '...'`): it never gives null. */
  readonly validLiteral?: boolean;
  /** TRY_CAST: invalid input gives null even under spark.sql.ansi.enabled. */
  readonly tryCast?: boolean;
  /**
   * An implicit cast of a string that ANSI mode's own coercion chose (a function argument,
   * PromoteStrings next to a typed operand, a common type): it runs with ANSI cast
   * semantics, where other implicit string-to-number casts are refused (their ANSI types
   * are not modelled).
   */
  readonly ansiCoercion?: boolean;
  /**
   * A cast-alias function (`int(x)`): implicit in its naming (Spark names it as its child, in
   * column names and in ANSI mode's cast errors) but checked as the explicit cast it is.
   */
  readonly castFunction?: boolean;
  /**
   * percentile_cont/disc's input, holding the aggregate's SQL for errors: an ANSI interval stays an
   * interval, and a type Spark's Percentile does not take (boolean, date, ...) is UNEXPECTED_INPUT_TYPE.
   */
  readonly percentileOf?: string;
}

/**
 * A function application: every operator (`add`, `eq`, `and`, ...), scalar
 * function, aggregate, window function and generator is a `Call` to a
 * registered function (see functions/registry.ts).
 */
export interface Call extends Typed {
  readonly kind: 'Call';
  readonly fn: string;
  readonly args: readonly Expr[];
  /** For aggregates: `count(DISTINCT x)`. */
  readonly distinct?: boolean;
  /** For aggregates: `agg(x) FILTER (WHERE cond)`, a row mask (rows where it is not true are not fed). */
  readonly filter?: Expr;
  /** Non-expression parameters (e.g. a date format already validated). */
  readonly options?: Readonly<Record<string, unknown>>;
}

export interface CaseWhen extends Typed {
  readonly kind: 'CaseWhen';
  readonly branches: readonly { readonly when: Expr; readonly then: Expr }[];
  readonly otherwise?: Expr;
  /** Written as `if(c, a, b)` or `nvl2`: Spark's If, whose type errors name `(IF(c, a, b))` and `if`. */
  readonly ifForm?: boolean;
}

export interface SortOrder extends Typed {
  readonly kind: 'SortOrder';
  readonly child: Expr;
  readonly ascending: boolean;
  /** Spark's default: nulls first when ascending, last when descending. */
  readonly nullsFirst: boolean;
}

export type FrameBoundary =
  | { readonly type: 'unboundedPreceding' }
  | { readonly type: 'unboundedFollowing' }
  | { readonly type: 'currentRow' }
  /**
   * Negative = preceding, positive = following. `interval`: a RANGE offset
   * that is an interval of this type (value in months or microseconds).
   * `literal`: given as a plain number through the DataFrame API (rowsBetween/rangeBetween),
   * which Spark keeps as a signed literal and names `-1 FOLLOWING`, not `1 PRECEDING`.
   * `castTo`: the integral/decimal ORDER BY key type an `interval` offset is cast to
   * (Spark's WindowFrameCoercion), which counts the interval's end field.
   */
  | { readonly type: 'offset'; readonly value: number; readonly interval?: DataType; readonly literal?: true; readonly castTo?: DataType };

export interface WindowFrame {
  readonly frameType: 'rows' | 'range';
  readonly lower: FrameBoundary;
  readonly upper: FrameBoundary;
}

export interface WindowSpecDef {
  readonly partitionBy: readonly Expr[];
  readonly orderBy: readonly SortOrder[];
  /** Absent: Spark's default frame (whole partition without ORDER BY; RANGE UNBOUNDED PRECEDING..CURRENT ROW with it). */
  readonly frame?: WindowFrame;
}

export interface WindowExpr extends Typed {
  readonly kind: 'WindowExpr';
  /** A `Call` to an aggregate or window function. */
  readonly fn: Expr;
  readonly spec: WindowSpecDef;
}

/** `*` or `t.*`; expanded by the analyzer. */
export interface Star extends Typed {
  readonly kind: 'Star';
  readonly target?: string;
  readonly planId?: number;
  /** `df.colRegex('`re`')`: only the columns whose whole name matches this Java regex. */
  readonly regex?: string;
  /** Written in SQL text as a function call's argument (`coalesce(*)`), where Spark expands it (sql/star-usage.ts). */
  readonly callArgument?: true;
}

/** Lambda for higher-order functions (`transform(arr, x => x + 1)`). */
export interface Lambda extends Typed {
  readonly kind: 'Lambda';
  readonly params: readonly string[];
  readonly body: Expr;
  /** A plain value passed where a function goes (`transform(a, 0)`): named as the value alone. */
  readonly hidden?: boolean;
}

/** A lambda parameter inside a Lambda body. */
export interface LambdaVar extends Typed {
  readonly kind: 'LambdaVar';
  readonly name: string;
}

export type Expr =
  | ColumnRef
  | BoundRef
  | Literal
  | Alias
  | Cast
  | Call
  | CaseWhen
  | SortOrder
  | WindowExpr
  | Star
  | Lambda
  | LambdaVar;

export type ExprKind = Expr['kind'];
export type ExprOfKind<K extends ExprKind> = Extract<Expr, { kind: K }>;

const freeze = <T extends object>(o: T): T => Object.freeze(o);

/** Factories: the only way the rest of the code creates nodes. */
export const E = {
  col: (name: string, planId?: number, quoted?: boolean): ColumnRef =>
    freeze({ kind: 'ColumnRef', name, ...(planId !== undefined ? { planId } : {}), ...(quoted ? { quoted } : {}) }),
  bound: (index: number, name: string, dataType: DataType, nullable: boolean): BoundRef =>
    freeze({ kind: 'BoundRef', index, name, dataType, nullable }),
  lit: (value: unknown, dataType: DataType): Literal =>
    freeze({ kind: 'Literal', value: typeof value === 'string' ? wellFormed(value) : value, dataType, nullable: value === null }),
  alias: (child: Expr, name: string, metadata?: Record<string, unknown>): Alias =>
    freeze({ kind: 'Alias', child, name, ...(metadata ? { metadata } : {}) }),
  cast: (child: Expr, to: DataType, implicit = false): Cast =>
    freeze({ kind: 'Cast', child, to, ...(implicit ? { implicit } : {}) }),
  call: (fn: string, args: readonly Expr[], extra: { distinct?: boolean; filter?: Expr; options?: Record<string, unknown> } = {}): Call =>
    freeze({ kind: 'Call', fn, args: Object.freeze([...args]), ...extra }),
  caseWhen: (branches: readonly { when: Expr; then: Expr }[], otherwise?: Expr): CaseWhen =>
    freeze({ kind: 'CaseWhen', branches: Object.freeze([...branches]), ...(otherwise ? { otherwise } : {}) }),
  sort: (child: Expr, ascending = true, nullsFirst = ascending): SortOrder =>
    freeze({ kind: 'SortOrder', child, ascending, nullsFirst }),
  window: (fn: Expr, spec: WindowSpecDef): WindowExpr => freeze({ kind: 'WindowExpr', fn, spec }),
  star: (target?: string, planId?: number): Star =>
    freeze({ kind: 'Star', ...(target !== undefined ? { target } : {}), ...(planId !== undefined ? { planId } : {}) }),
  lambda: (params: readonly string[], body: Expr): Lambda => freeze({ kind: 'Lambda', params, body }),
  lambdaVar: (name: string): LambdaVar => freeze({ kind: 'LambdaVar', name }),
} as const;

/** Children of a node, in a fixed order (used by generic walkers). */
/** The children of a leaf: one shared empty list, so walking a tree allocates nothing per leaf. */
const NO_CHILDREN: readonly Expr[] = Object.freeze([]);

export function children(e: Expr): readonly Expr[] {
  switch (e.kind) {
    case 'ColumnRef':
    case 'BoundRef':
    case 'Literal':
    case 'Star':
    case 'LambdaVar':
      return NO_CHILDREN;
    case 'Alias':
    case 'Cast':
    case 'SortOrder':
      return [e.child];
    case 'Call':
      return e.filter ? [...e.args, e.filter] : e.args;
    case 'CaseWhen':
      return [...e.branches.flatMap((b) => [b.when, b.then]), ...(e.otherwise ? [e.otherwise] : [])];
    case 'WindowExpr':
      return [e.fn, ...e.spec.partitionBy, ...e.spec.orderBy];
    case 'Lambda':
      return [e.body];
  }
}

/** Rebuilds a node with transformed children (same kind and fields otherwise); `e` itself when no child changed. */
export function mapChildren(e: Expr, f: (c: Expr) => Expr): Expr {
  switch (e.kind) {
    case 'ColumnRef':
    case 'BoundRef':
    case 'Literal':
    case 'Star':
    case 'LambdaVar':
      return e;
    case 'Alias':
    case 'Cast':
    case 'SortOrder': {
      const child = f(e.child);
      return child === e.child ? e : Object.freeze({ ...e, child });
    }
    case 'Call': {
      const args = mapSame(e.args, f);
      const filter = e.filter ? f(e.filter) : undefined;
      if (args === e.args && filter === e.filter) return e;
      return Object.freeze({ ...e, args: Object.freeze(args), ...(e.filter ? { filter } : {}) });
    }
    case 'CaseWhen': {
      let same = true;
      const branches = e.branches.map((b) => {
        const when = f(b.when);
        const then = f(b.then);
        same &&= when === b.when && then === b.then;
        return { when, then };
      });
      const otherwise = e.otherwise ? f(e.otherwise) : undefined;
      if (same && otherwise === e.otherwise) return e;
      return Object.freeze({ ...e, branches: Object.freeze(branches), ...(e.otherwise ? { otherwise } : {}) });
    }
    case 'WindowExpr': {
      const fn = f(e.fn);
      const partitionBy = mapSame(e.spec.partitionBy, f);
      const orderBy = mapSame(e.spec.orderBy, f) as readonly SortOrder[];
      if (fn === e.fn && partitionBy === e.spec.partitionBy && orderBy === e.spec.orderBy) return e;
      return Object.freeze({ ...e, fn, spec: { ...e.spec, partitionBy, orderBy } });
    }
    case 'Lambda': {
      const body = f(e.body);
      return body === e.body ? e : Object.freeze({ ...e, body });
    }
  }
}

/** `xs.map(f)`, or `xs` itself when `f` returned every element unchanged (nothing allocated then). */
function mapSame(xs: readonly Expr[], f: (c: Expr) => Expr): readonly Expr[] {
  let out: Expr[] | undefined;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i]!;
    const y = f(x);
    if (out) out.push(y);
    else if (y !== x) {
      out = xs.slice(0, i);
      out.push(y);
    }
  }
  return out ?? xs;
}

/** True if any node in the tree satisfies `pred` (pre-order, short-circuit). */
export function exists(e: Expr, pred: (e: Expr) => boolean): boolean {
  if (pred(e)) return true;
  // A plain loop: no closure per node (analysis walks every expression with this several times).
  const cs = children(e);
  for (let i = 0; i < cs.length; i++) if (exists(cs[i]!, pred)) return true;
  return false;
}

/** Resolved type of a node; the analyzer guarantees it is present. */
export function typeOf(e: Expr): DataType {
  if (!e.dataType) throw new Error(`internal: expression ${e.kind} was not resolved`);
  return e.dataType;
}

export function nullableOf(e: Expr): boolean {
  return e.nullable ?? true;
}
