/**
 * `Column`: an immutable, unresolved expression, built with PySpark's method
 * names. Nothing is evaluated or checked until a DataFrame using it is
 * analyzed, exactly like PySpark.
 *
 * @example
 * ```ts
 * df.select(col('salary').multiply(1.1).alias('raised'))
 * df.filter(col('age').gt(30).and(col('dept').eq('IT')))
 * ```
 */
import { PySparkTypeError, PySparkValueError } from '../errors/index.js';
import { E, type CaseWhen, type Expr, type SortOrder, type WindowSpecDef } from '../expr/nodes.js';
import { exprSql, windowSpecSql } from '../expr/naming.js';
import { parseDataType } from '../types/ddl.js';
import { DataType } from '../types/data-types.js';
import { literalExpr } from './literals.js';
import { definePublicName } from '../util/public-name.js';

const COLUMN = Symbol.for('sparkless.column');

/** A column name or a Column, as PySpark's `ColumnOrName`. */
export type ColumnOrName = Column | string;

/** Anything PySpark accepts where a literal may stand: a Column or a plain value. */
export type ColumnOrLiteral = Column | string | number | bigint | boolean | null | Date | Uint8Array | readonly unknown[];

/** Something `over()` accepts: a WindowSpec (kept structural to avoid an import cycle). */
export interface WindowSpecLike {
  readonly spec: WindowSpecDef;
}

export class Column {
  static {
    definePublicName(this, 'Column');
  }

  readonly [COLUMN] = true;
  readonly #expr: Expr;

  constructor(expr: Expr) {
    this.#expr = expr;
  }

  /** The unresolved expression tree (internal; used by DataFrame and functions). */
  get expr(): Expr {
    return this.#expr;
  }

  static isColumn(x: unknown): x is Column {
    return typeof x === 'object' && x !== null && (x as Record<symbol, unknown>)[COLUMN] === true;
  }

  // ---- comparison -------------------------------------------------------
  eq(other: ColumnOrLiteral): Column {
    return this.#binary('eq', other);
  }
  /** `!=`: Spark builds `NOT (a = b)`. */
  neq(other: ColumnOrLiteral): Column {
    return new Column(E.call('not', [this.#binary('eq', other).expr]));
  }
  eqNullSafe(other: ColumnOrLiteral): Column {
    return this.#binary('eq_null_safe', other);
  }
  gt(other: ColumnOrLiteral): Column {
    return this.#binary('gt', other);
  }
  gte(other: ColumnOrLiteral): Column {
    return this.#binary('gte', other);
  }
  geq(other: ColumnOrLiteral): Column {
    return this.gte(other);
  }
  lt(other: ColumnOrLiteral): Column {
    return this.#binary('lt', other);
  }
  lte(other: ColumnOrLiteral): Column {
    return this.#binary('lte', other);
  }
  leq(other: ColumnOrLiteral): Column {
    return this.lte(other);
  }

  // ---- arithmetic -------------------------------------------------------
  plus(other: ColumnOrLiteral): Column {
    return this.#binary('add', other);
  }
  minus(other: ColumnOrLiteral): Column {
    return this.#binary('subtract', other);
  }
  multiply(other: ColumnOrLiteral): Column {
    return this.#binary('multiply', other);
  }
  divide(other: ColumnOrLiteral): Column {
    return this.#binary('divide', other);
  }
  mod(other: ColumnOrLiteral): Column {
    return this.#binary('remainder', other);
  }
  /** Unary minus (`-col` in PySpark). */
  negate(): Column {
    return new Column(E.call('negate', [this.#expr]));
  }

  // ---- boolean ----------------------------------------------------------
  and(other: ColumnOrLiteral): Column {
    return this.#binary('and', other);
  }
  or(other: ColumnOrLiteral): Column {
    return this.#binary('or', other);
  }
  /** `~col` in PySpark. */
  not(): Column {
    return new Column(E.call('not', [this.#expr]));
  }

  bitwiseAND(other: ColumnOrLiteral): Column {
    return this.#binary('bitwise_and', other);
  }
  bitwiseOR(other: ColumnOrLiteral): Column {
    return this.#binary('bitwise_or', other);
  }
  bitwiseXOR(other: ColumnOrLiteral): Column {
    return this.#binary('bitwise_xor', other);
  }

  // ---- predicates -------------------------------------------------------
  isNull(): Column {
    return new Column(E.call('is_null', [this.#expr]));
  }
  isNotNull(): Column {
    return new Column(E.call('is_not_null', [this.#expr]));
  }
  /** `col.isin(1, 2, 3)` or `col.isin([1, 2, 3])`. */
  isin(...values: unknown[]): Column {
    const list = values.length === 1 && Array.isArray(values[0]) ? (values[0] as unknown[]) : values;
    return new Column(E.call('in', [this.#expr, ...list.map((v) => toExpr(v as ColumnOrLiteral))]));
  }
  /** `lower <= col <= upper`, named as Spark names it. */
  between(lower: ColumnOrLiteral, upper: ColumnOrLiteral): Column {
    return this.gte(lower).and(this.lte(upper));
  }
  like(pattern: string): Column {
    return this.#binary('like', pattern);
  }
  rlike(pattern: string): Column {
    return this.#binary('rlike', pattern);
  }
  ilike(pattern: string): Column {
    return this.#binary('ilike', pattern);
  }
  startswith(other: ColumnOrLiteral): Column {
    return this.#binary('startswith', other);
  }
  startsWith(other: ColumnOrLiteral): Column {
    return this.startswith(other);
  }
  endswith(other: ColumnOrLiteral): Column {
    return this.#binary('endswith', other);
  }
  endsWith(other: ColumnOrLiteral): Column {
    return this.endswith(other);
  }
  contains(other: ColumnOrLiteral): Column {
    return this.#binary('contains', other);
  }
  /** 1-based `substring(col, startPos, length)`. */
  substr(startPos: number | Column, length: number | Column): Column {
    if (typeof startPos !== typeof length && !(Column.isColumn(startPos) && Column.isColumn(length))) {
      throw new PySparkTypeError(`startPos and length must be the same type. Got ${typeName(startPos)} and ${typeName(length)}, respectively.`, {
        errorClass: 'NOT_SAME_TYPE',
      });
    }
    return new Column(E.call('substring', [this.#expr, toExpr(startPos), toExpr(length)]));
  }

  // ---- types and names --------------------------------------------------
  /** Cast to a DataType or a type string (`'int'`, `'decimal(10,2)'`). */
  cast(dataType: DataType | string): Column {
    const t = typeof dataType === 'string' ? parseDataType(dataType) : dataType;
    if (!(t instanceof DataType)) {
      throw new PySparkTypeError(`Argument \`dataType\` should be a DataType or str, got ${typeName(dataType)}.`, {
        errorClass: 'NOT_DATATYPE_OR_STR',
      });
    }
    return new Column(E.cast(this.#expr, t));
  }
  astype(dataType: DataType | string): Column {
    return this.cast(dataType);
  }
  /**
   * Names the column. Several names are for generators with several outputs
   * (`explode(map).alias('k', 'v')`); `{ metadata }` sets the field metadata.
   */
  alias(...args: (string | { metadata: Record<string, unknown> })[]): Column {
    const names = args.filter((a): a is string => typeof a === 'string');
    const opts = args.find((a): a is { metadata: Record<string, unknown> } => typeof a === 'object');
    if (names.length === 0) throw new PySparkValueError('alias() requires at least one name.', { errorClass: 'CANNOT_BE_EMPTY' });
    if (names.length > 1 && opts !== undefined) {
      throw new PySparkValueError('Argument `metadata` can only be provided for a single column.', {
        errorClass: 'ONLY_ALLOWED_FOR_SINGLE_COLUMN',
        messageParameters: { arg_name: 'metadata' },
      });
    }
    const metadata = { ...(opts?.metadata ?? {}), ...(names.length > 1 ? { multiAlias: names } : {}) };
    const alias = E.alias(this.#expr, names[0]!, Object.keys(metadata).length > 0 ? metadata : undefined);
    return new Column(Object.freeze({ ...alias, written: true }));
  }
  name(...args: (string | { metadata: Record<string, unknown> })[]): Column {
    return this.alias(...args);
  }

  // ---- sorting ----------------------------------------------------------
  asc(): Column {
    return new Column(E.sort(this.#expr, true, true));
  }
  asc_nulls_first(): Column {
    return new Column(E.sort(this.#expr, true, true));
  }
  asc_nulls_last(): Column {
    return new Column(E.sort(this.#expr, true, false));
  }
  desc(): Column {
    return new Column(E.sort(this.#expr, false, false));
  }
  desc_nulls_first(): Column {
    return new Column(E.sort(this.#expr, false, true));
  }
  desc_nulls_last(): Column {
    return new Column(E.sort(this.#expr, false, false));
  }

  // ---- nested data ------------------------------------------------------
  /** Array element (0-based) or map value. */
  getItem(key: ColumnOrLiteral): Column {
    return new Column(E.call('get_item', [this.#expr, toExpr(key)]));
  }
  getField(name: string): Column {
    return new Column(E.call('get_field', [this.#expr], { options: { field: name } }));
  }
  withField(fieldName: string, col: Column): Column {
    if (!Column.isColumn(col)) {
      throw new PySparkTypeError(`Argument \`col\` should be a Column, got ${typeName(col)}.`, { errorClass: 'NOT_COLUMN' });
    }
    return new Column(E.call('with_field', [this.#expr, col.expr], { options: { field: fieldName } }));
  }
  dropFields(...fieldNames: string[]): Column {
    return new Column(E.call('drop_fields', [this.#expr], { options: { fields: fieldNames } }));
  }

  // ---- conditional and windows --------------------------------------------
  /** Adds a branch to a `when(...)` chain. */
  when(condition: Column, value: ColumnOrLiteral): Column {
    const cw = this.#caseWhen('when');
    if (cw.otherwise) {
      throw new PySparkValueError('when() cannot be applied once otherwise() is applied.', { errorClass: 'INVALID_WHEN_USAGE' });
    }
    return new Column(E.caseWhen([...cw.branches, { when: condition.expr, then: toExpr(value) }]));
  }
  otherwise(value: ColumnOrLiteral): Column {
    const cw = this.#caseWhen('otherwise');
    if (cw.otherwise) {
      throw new PySparkValueError('otherwise() can only be applied once on a Column previously generated by when().', {
        errorClass: 'INVALID_WHEN_USAGE',
      });
    }
    return new Column(E.caseWhen(cw.branches, toExpr(value)));
  }
  /** Evaluates an aggregate or window function over a window. */
  over(window: WindowSpecLike): Column {
    if (typeof window !== 'object' || window === null || typeof window.spec !== 'object' || window.spec === null) {
      throw new PySparkTypeError(`Argument \`window\` should be a WindowSpec, got ${typeName(window)}.`, {
        errorClass: 'NOT_WINDOWSPEC',
        messageParameters: { arg_name: 'window', arg_type: typeName(window) },
      });
    }
    const e = this.#expr;
    // A SQL naming alias (`F.expr('first_value(x, true)')`) stays outside the window, as in SQL's `fn OVER (...)`.
    if (e.kind === 'Alias' && !e.written && e.metadata === undefined) {
      const w = E.window(e.child, window.spec);
      try {
        return new Column(E.alias(w, `${e.name} OVER (${windowSpecSql(window.spec, e.child)})`));
      } catch {
        return new Column(w);
      }
    }
    return new Column(E.window(e, window.spec));
  }

  toString(): string {
    return `Column<'${describe(this.#expr)}'>`;
  }

  #binary(fn: string, other: ColumnOrLiteral): Column {
    return new Column(E.call(fn, [this.#expr, toExpr(other)]));
  }

  #caseWhen(method: string): CaseWhen {
    if (this.#expr.kind !== 'CaseWhen') {
      throw new PySparkValueError(`${method}() can only be applied on a Column previously generated by when() function.`, {
        errorClass: 'INVALID_WHEN_USAGE',
      });
    }
    return this.#expr;
  }
}

/** A value where PySpark accepts a literal: Columns pass through, values become literals. */
export function toExpr(v: ColumnOrLiteral | unknown): Expr {
  if (Column.isColumn(v)) return v.expr;
  return literalExpr(v);
}

/** A column name or Column where PySpark takes `ColumnOrName`. */
export function toColumnExpr(c: ColumnOrName): Expr {
  if (Column.isColumn(c)) return c.expr;
  if (typeof c === 'string') return c === '*' ? E.star() : E.col(c);
  throw new PySparkTypeError(`Argument \`col\` should be a Column or str, got ${typeName(c)}.`, {
    errorClass: 'NOT_COLUMN_OR_STR',
    messageParameters: { arg_name: 'col', arg_type: typeName(c) },
  });
}

/** Sort key from a name or Column; bare columns sort ascending. */
export function toSortOrder(c: ColumnOrName, ascending = true): SortOrder {
  const e = toColumnExpr(c);
  if (e.kind === 'SortOrder') return e;
  return E.sort(e, ascending, ascending);
}

export function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'object') {
    try {
      const name: unknown = (v as { constructor?: { name?: unknown } }).constructor?.name;
      return typeof name === 'string' ? name : 'object';
    } catch {
      return 'object'; // a Proxy whose traps throw
    }
  }
  return typeof v;
}

function describe(e: Expr): string {
  try {
    return exprSql(e);
  } catch {
    return e.kind;
  }
}
