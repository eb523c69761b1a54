/**
 * Building blocks of the `functions` modules: a call to a registry function
 * from PySpark-style arguments (column names or Columns, plain values as
 * literals), alias calls named as the user called them, and PySpark's
 * checks of plain parameters. Internal: not part of the public `F` namespace.
 */
import { Column, toColumnExpr, toExpr, type ColumnOrLiteral, type ColumnOrName } from '../api/column.js';
import { literalExpr } from '../api/literals.js';
import { PySparkTypeError } from '../errors/index.js';
import { E, type Expr } from '../expr/nodes.js';

export type Cols = (ColumnOrName | readonly ColumnOrName[])[];
export const flat = (cols: Cols): ColumnOrName[] => cols.flatMap((x) => (Array.isArray(x) ? x : [x as ColumnOrName]));
export const c = toColumnExpr;
export const L = literalExpr;
export const call = (fn: string, ...args: Expr[]): Column => new Column(E.call(fn, args));
export const unary = (fn: string) => (col: ColumnOrName): Column => call(fn, c(col));
export const nullary = (fn: string) => (): Column => call(fn);
export const colOrLit = (v: ColumnOrLiteral): Expr => toExpr(v);
/** A `Union[ColumnOrName, int]` parameter: a number is a literal, a string names a column (as in PySpark). */
export const numOrCol = (v: ColumnOrName | number): Expr => (typeof v === 'number' ? L(v) : c(v));
/** A call to registry function `fn` that Spark names after the alias the user called (`negative(id)`). */
export const aliasCall = (fn: string, calledAs: string, args: readonly Expr[], options: Record<string, unknown> = {}): Column =>
  new Column(E.call(fn, args, { options: { ...options, calledAs } }));
export const aliasOf = (fn: string, calledAs: string) => (col: ColumnOrName): Column => aliasCall(fn, calledAs, [c(col)]);

/** A plain integer parameter, checked as PySpark checks an `int`. */
export function intArg(v: unknown, name: string): number {
  if (typeof v !== 'number' || !Number.isInteger(v)) {
    throw new PySparkTypeError(`Argument \`${name}\` should be an int, got ${typeof v}.`, {
      errorClass: 'NOT_INT',
      messageParameters: { arg_name: name, arg_type: typeof v },
    });
  }
  return v;
}
