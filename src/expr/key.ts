import { DataType } from '../types/data-types.js';
import type { Expr } from './nodes.js';

/**
 * Structural identity of an expression (types by their text, nullability
 * ignored): two expressions with the same key compute the same values.
 * Unlike the SQL text, it includes options such as `ignoreNulls`.
 *
 * The key is JSON-like text of the tree: every field of every node in order,
 * DataTypes by `simpleString()`, bigints as `"<n>n"`, `nullable` left out.
 * Written by hand rather than with `JSON.stringify` and a replacer (which
 * calls back into JS for every value): the analyzer keys every aggregate call
 * and grouping candidate of every query.
 */
export function exprKey(e: Expr): string {
  return nodeKey(e as unknown as Record<string, unknown>, false);
}

/**
 * `exprKey` that keeps every node's `nullable` mark: for lowerings that differ
 * by nullability (a backend skipping null handling for arguments proved
 * null-free), whose results must not be shared across marks.
 */
export function exprKeyWithNullability(e: Expr): string {
  return nodeKey(e as unknown as Record<string, unknown>, true);
}

function replacer(this: unknown, k: string, v: unknown): unknown {
  if (k === 'nullable') return undefined;
  return replacerKeepingNullable.call(this, k, v);
}

function replacerKeepingNullable(this: unknown, k: string, v: unknown): unknown {
  // The same rule as nodeKey's, for references nested in CASE branches, window specs and the like.
  if (k === 'name' && (this as { kind?: unknown } | undefined)?.kind === 'BoundRef') return undefined;
  if (v instanceof DataType) return v.simpleString();
  return typeof v === 'bigint' ? `${v}n` : v;
}

const isNode = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && typeof (v as { kind?: unknown }).kind === 'string' && !(v instanceof DataType);

function nodeKey(node: Record<string, unknown>, keepNullable: boolean): string {
  if (typeof (node as { toJSON?: unknown }).toJSON === 'function') return JSON.stringify(node, keepNullable ? replacerKeepingNullable : replacer);
  let out = '{';
  let first = true;
  const bound = node.kind === 'BoundRef';
  for (const k of Object.keys(node)) {
    if (k === 'nullable' && !keepNullable) continue;
    // A bound reference is its input column: the name it is displayed by (as written, `ID` for `id`) is no part of it.
    if (bound && k === 'name') continue;
    const text = valueKey(k, node[k], keepNullable);
    if (text === undefined) continue;
    out += (first ? '' : ',') + JSON.stringify(k) + ':' + text;
    first = false;
  }
  return out + '}';
}

/** Type texts, computed once per type object (types are immutable and few). */
const typeKeys = new WeakMap<DataType, string>();

/** The text of a property value (undefined: the property is left out, as JSON.stringify does). */
function valueKey(k: string, v: unknown, keepNullable: boolean): string | undefined {
  switch (typeof v) {
    case 'string':
      return JSON.stringify(v);
    case 'number':
      // Unlike JSON (where NaN and ±Infinity are all `null`), distinct numbers get distinct texts.
      return String(v);
    case 'boolean':
      return v ? 'true' : 'false';
    case 'bigint':
      return `"${v}n"`;
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
  }
  if (v instanceof DataType) {
    let t = typeKeys.get(v);
    if (t === undefined) typeKeys.set(v, (t = JSON.stringify(v.simpleString())));
    return t;
  }
  if (isNode(v)) return nodeKey(v, keepNullable);
  if (Array.isArray(v) && v.length > 0 && v.every(isNode)) {
    let out = '[';
    for (let i = 0; i < v.length; i++) out += (i > 0 ? ',' : '') + nodeKey(v[i], keepNullable);
    return out + ']';
  }
  // Anything else (literal values, options, window specs, CASE branches): JSON with the same rules.
  const rep = keepNullable ? replacerKeepingNullable : replacer;
  return JSON.stringify(v, function (this: unknown, key, x) {
    return rep.call(this, key === '' ? k : key, x);
  });
}

/**
 * A cheap summary of an expression's top levels, taken from fields the key
 * includes: expressions with equal keys have equal signatures, so different
 * signatures prove different keys without building them.
 */
function signature(e: Expr, depth = 2): string {
  switch (e.kind) {
    case 'BoundRef':
      return `#${e.index}`;
    case 'ColumnRef':
    case 'LambdaVar':
      return `${e.kind}:${e.name}`;
    case 'Literal':
      return `L:${typeof e.value}:${typeof e.value === 'number' || typeof e.value === 'string' ? e.value : ''}`;
    case 'Call': {
      let s = `${e.fn}(${e.args.length}`;
      if (depth > 0) for (const a of e.args) s += ',' + signature(a, depth - 1);
      return s + ')';
    }
    case 'Alias':
    case 'Cast':
    case 'SortOrder':
      return depth > 0 ? `${e.kind}:${signature(e.child, depth - 1)}` : e.kind;
    default:
      return e.kind;
  }
}

/**
 * Expressions by structural identity (`exprKey` equality), building keys only
 * for expressions whose signatures collide: looking up `sum(x)` among
 * `avg(x)` and `count(1)` compares three short strings.
 */
export class ExprMap<V> {
  readonly #buckets = new Map<string, { readonly expr: Expr; key?: string; readonly value: V }[]>();

  get(e: Expr): V | undefined {
    const bucket = this.#buckets.get(signature(e));
    if (!bucket) return undefined;
    // The same node is the same key (rewrites look up the very keys they were given).
    for (const entry of bucket) if (entry.expr === e) return entry.value;
    const key = exprKey(e);
    for (const entry of bucket) if ((entry.key ??= exprKey(entry.expr)) === key) return entry.value;
    return undefined;
  }

  /** Adds `e` unless an identical expression is present (the first one stays). */
  set(e: Expr, value: V): void {
    const sig = signature(e);
    const bucket = this.#buckets.get(sig);
    if (!bucket) {
      this.#buckets.set(sig, [{ expr: e, value }]);
      return;
    }
    if (this.get(e) === undefined) bucket.push({ expr: e, value });
  }
}
