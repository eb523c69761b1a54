/**
 * `df.na` (and `fillna`/`dropna`/`replace`): null handling with PySpark's
 * rules for which columns a value applies to (numbers fill numeric columns,
 * strings fill string columns, booleans fill boolean columns).
 */
import { PySparkTypeError, PySparkValueError, unresolvedColumn } from '../errors/index.js';
import { E, type Expr } from '../expr/nodes.js';
import { plan } from '../plan/nodes.js';
import { BooleanType, StringType, isNumeric, type DataType, type StructField } from '../types/data-types.js';
import { literalExpr } from './literals.js';
import { typeName } from './column.js';
import { safeString } from './arg-checks.js';
import type { DataFrame } from './dataframe.js';

export type FillScalar = number | string | boolean;
export type FillValue = FillScalar | Readonly<Record<string, FillScalar>>;
export type ReplaceValue = FillScalar | null | readonly (FillScalar | null)[] | Readonly<Record<string, FillScalar | null>>;

/** Whether PySpark applies `value` to a column of type `t`. */
function applies(value: unknown, t: DataType): boolean {
  if (typeof value === 'boolean') return t instanceof BooleanType;
  if (typeof value === 'number' || typeof value === 'bigint') return isNumeric(t);
  if (typeof value === 'string') return t instanceof StringType;
  return value === null;
}

/**
 * The lower-cased names of a `subset` argument, each checked against the
 * frame's columns: Spark resolves them and fails on an unknown one rather than
 * silently touching nothing.
 */
function subsetNames(subset: string | readonly string[] | undefined | null, fields: readonly StructField[]): readonly string[] | undefined {
  if (subset === undefined || subset === null) return undefined;
  const list: readonly unknown[] | undefined = typeof subset === 'string' ? [subset] : Array.isArray(subset) ? subset : undefined;
  if (!list || !list.every((s) => typeof s === 'string')) {
    throw new PySparkTypeError(`Argument \`subset\` should be a list, str or tuple, got ${typeName(subset)}.`, {
      errorClass: 'NOT_LIST_OR_STR_OR_TUPLE',
      messageParameters: { arg_name: 'subset', arg_type: typeName(subset) },
    });
  }
  const known = new Set(fields.map((f) => f.name.toLowerCase()));
  for (const name of list as readonly string[]) {
    if (!known.has(name.toLowerCase())) throw unresolvedColumn(name, fields.map((f) => f.name));
  }
  return (list as readonly string[]).map((s) => s.toLowerCase());
}

export class DataFrameNaFunctions {
  constructor(private readonly df: DataFrame) {}

  /** Replaces nulls: `fill(0)`, `fill('n/a', ['name'])`, `fill({ age: 0, name: 'x' })`. */
  fill(value: FillValue, subset?: string | readonly string[]): DataFrame {
    const fields = this.df.schema.fields;
    let perColumn: Map<string, FillScalar>;
    if (typeof value === 'object' && value !== null) {
      subsetNames(Object.keys(value), fields);
      perColumn = new Map(Object.entries(value).map(([k, v]) => [k.toLowerCase(), v]));
    } else if (['number', 'string', 'boolean'].includes(typeof value)) {
      const names = subsetNames(subset, fields);
      perColumn = new Map(fields.filter((f) => !names || names.includes(f.name.toLowerCase())).map((f) => [f.name.toLowerCase(), value]));
    } else {
      throw new PySparkTypeError(`Argument \`value\` should be a bool, dict, float, int or str, got ${typeName(value)}.`, {
        errorClass: 'NOT_BOOL_OR_DICT_OR_FLOAT_OR_INT_OR_STR',
      });
    }
    return this.#mapColumns((f, ref) => {
      const v = perColumn.get(f.name.toLowerCase());
      if (v === undefined || !applies(v, f.dataType)) return undefined;
      return E.call('coalesce', [ref, E.cast(literalExpr(v), f.dataType)]);
    });
  }

  /** Drops rows with nulls: `how` 'any'/'all', or keep rows with at least `thresh` non-nulls. */
  drop(how: 'any' | 'all' = 'any', thresh?: number, subset?: string | readonly string[]): DataFrame {
    if (how !== 'any' && how !== 'all') {
      throw new PySparkValueError(`Argument \`how\` should be 'any' or 'all', got ${safeString(how)}.`, { errorClass: 'VALUE_NOT_ANY_OR_ALL' });
    }
    if (thresh !== undefined && thresh !== null && !Number.isInteger(thresh)) {
      throw new PySparkTypeError(`Argument \`thresh\` should be an int, got ${typeName(thresh)}.`, {
        errorClass: 'NOT_INT',
        messageParameters: { arg_name: 'thresh', arg_type: typeName(thresh) },
      });
    }
    const fields = this.df.schema.fields;
    const names = subsetNames(subset, fields);
    const cols = fields.map((f, i) => ({ f, i })).filter(({ f }) => !names || names.includes(f.name.toLowerCase()));
    const min = thresh ?? (how === 'any' ? cols.length : 1);
    if (cols.length === 0) return this.df;
    // Count non-null columns per row and keep rows reaching the threshold.
    const flags: Expr[] = cols.map(({ f, i }) =>
      E.caseWhen([{ when: E.call('is_not_null', [E.bound(i, f.name, f.dataType, f.nullable)]), then: literalExpr(1) }], literalExpr(0)),
    );
    const nonNull = flags.reduce((a, b) => E.call('add', [a, b]));
    return this.df.withPlan(plan('Filter', { input: this.df.plan, condition: E.call('gte', [nonNull, literalExpr(min)]) }));
  }

  /** Replaces values: `replace(1, 2)`, `replace(['a','b'], ['x','y'])`, `replace({ a: 'x' })`. */
  replace(toReplace: ReplaceValue, value?: unknown, subset?: string | readonly string[]): DataFrame {
    let pairs: [unknown, unknown][];
    if (typeof toReplace === 'object' && toReplace !== null && !Array.isArray(toReplace)) {
      pairs = Object.entries(toReplace);
    } else if (Array.isArray(toReplace)) {
      const values = Array.isArray(value) ? value : toReplace.map(() => value);
      if (values.length !== toReplace.length) {
        throw new PySparkValueError(`to_replace and value lists should be of the same length. Got ${toReplace.length} and ${values.length}`, {
          errorClass: 'LENGTH_SHOULD_BE_THE_SAME',
        });
      }
      pairs = toReplace.map((k, i) => [k, values[i]]);
    } else {
      pairs = [[toReplace, value ?? null]];
    }
    const names = subsetNames(subset, this.df.schema.fields);
    return this.#mapColumns((f, ref) => {
      if (names && !names.includes(f.name.toLowerCase())) return undefined;
      const branches = pairs
        .filter(([from]) => from !== null && applies(from, f.dataType))
        .map(([from, to]) => ({ when: E.call('eq', [ref, literalExpr(from)]), then: E.cast(literalExpr(to), f.dataType) }));
      return branches.length === 0 ? undefined : E.caseWhen(branches, ref);
    });
  }

  /** Projects every column, rewriting those `f` returns an expression for (keeping names and order). */
  #mapColumns(f: (field: StructField, ref: Expr) => Expr | undefined): DataFrame {
    const exprs = this.df.schema.fields.map((field, i) => {
      const ref = E.bound(i, field.name, field.dataType, field.nullable);
      const rewritten = f(field, ref);
      return rewritten ? E.alias(rewritten, field.name) : ref;
    });
    return this.df.withPlan(plan('Project', { input: this.df.plan, exprs }));
  }
}
