/**
 * Spark's ApplyCharTypePadding: a CHAR(n)
 * column compared with a constant string (`=`, `<=>`, `<`, `<=`, `>`, `>=`, IN) compares both padded
 * with spaces to the longer length, so `c = 'ab'` holds for the stored `'ab   '`.
 */
import { E, typeOf, type Call, type Expr } from '../expr/nodes.js';
import { foldedValue } from '../optimizer/rules/constant-folding.js';
import { charVarcharOf } from '../types/char-varchar.js';
import { INT, STRING, StringType } from '../types/data-types.js';
import type { Attribute } from './scope.js';

const COMPARISONS = new Set(['eq', 'eq_null_safe', 'lt', 'lte', 'gt', 'gte']);

type Resolve = (call: Call, args: readonly Expr[]) => Expr;

/** The declared CHAR length of a column reference, if it reads one. */
function charLength(e: Expr, attrs: readonly Attribute[]): number | undefined {
  if (e.kind !== 'BoundRef' || !(e.dataType instanceof StringType)) return undefined;
  const a = attrs[e.index];
  if (!a) return undefined;
  const cv = charVarcharOf(a);
  return cv?.kind === 'char' ? cv.length : undefined;
}

/** A constant non-null string's value and length in characters. */
function constantString(e: Expr): { value: string; length: number } | undefined {
  if (!(typeOf(e) instanceof StringType)) return undefined;
  const folded = foldedValue(e);
  if (!folded || typeof folded.value !== 'string') return undefined;
  return { value: folded.value, length: [...folded.value].length };
}

const padded = (s: { value: string; length: number }, to: number): Expr => E.lit(s.value + ' '.repeat(Math.max(0, to - s.length)), STRING);

/** The column padded to `to` characters (only when the constant is longer than its declared length). */
const padColumn = (col: Expr, n: number, to: number, resolve: Resolve): Expr => {
  if (to <= n) return col;
  const args = [col, E.lit(to, INT), E.lit(' ', STRING)];
  return resolve(E.call('rpad', args), args);
};

/** The comparison's operands padded as Spark pads them, or undefined when the rule does not apply. */
export function charTypePadding(fn: string, args: readonly Expr[], attrs: readonly Attribute[], resolve: Resolve): Expr[] | undefined {
  if (COMPARISONS.has(fn) && args.length === 2) {
    for (const [c, k] of [[0, 1], [1, 0]] as const) {
      const n = charLength(args[c]!, attrs);
      const lit = n === undefined ? undefined : constantString(args[k]!);
      if (n === undefined || !lit || lit.length === n) continue;
      const to = Math.max(n, lit.length);
      const out = [...args];
      out[c] = padColumn(args[c]!, n, to, resolve);
      out[k] = lit.length < to ? padded(lit, to) : args[k]!;
      return out;
    }
    return undefined;
  }
  if (fn === 'in' && args.length >= 2) {
    const n = charLength(args[0]!, attrs);
    if (n === undefined) return undefined;
    const list = args.slice(1).map((a) => (typeOf(a) instanceof StringType ? foldedValue(a) : undefined));
    if (list.some((v) => v === undefined)) return undefined;
    const strings = list.map((v) => (typeof v!.value === 'string' ? { value: v!.value, length: [...v!.value].length } : undefined));
    const to = Math.max(n, ...strings.map((s) => s?.length ?? 0));
    return [padColumn(args[0]!, n, to, resolve), ...args.slice(1).map((a, i) => (strings[i] && strings[i].length < to ? padded(strings[i], to) : a))];
  }
  return undefined;
}
