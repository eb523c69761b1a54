/**
 * `GroupedData`: what `groupBy`, `rollup` and `cube` return; `agg` and the
 * shortcuts (`count`, `sum`, ...) turn it back into a DataFrame.
 */
import { pythonOnly } from './python-only.js';
import { PySparkTypeError, PySparkValueError, AnalysisException } from '../errors/index.js';
import { requireStr, requireStrs } from './arg-checks.js';
import { E, type Expr } from '../expr/nodes.js';
import { plan } from '../plan/nodes.js';
import { INT as INT_TYPE, isNumeric } from '../types/data-types.js';
import { Column, toColumnExpr, typeName, type ColumnOrName } from './column.js';
import type { DataFrame } from './dataframe.js';
import { definePublicName } from '../util/public-name.js';

type GroupKind = 'groupBy' | 'rollup' | 'cube';

/** Names PySpark's dict form `agg({'x': 'avg'})` accepts, mapped to registry functions. */
const DICT_AGGS: Record<string, string> = {
  avg: 'avg',
  mean: 'avg',
  sum: 'sum',
  min: 'min',
  max: 'max',
  count: 'count',
  first: 'first',
  last: 'last',
  stddev: 'stddev_samp',
  std: 'stddev_samp',
  stddev_samp: 'stddev_samp',
  stddev_pop: 'stddev_pop',
  variance: 'var_samp',
  var_samp: 'var_samp',
  var_pop: 'var_pop',
  collect_list: 'collect_list',
  collect_set: 'collect_set',
  skewness: 'skewness',
  kurtosis: 'kurtosis',
};

export class GroupedData {
  static {
    definePublicName(this, 'GroupedData');
  }

  readonly #df: DataFrame;
  readonly #keys: readonly Expr[];
  readonly #kind: GroupKind;
  readonly #pivot: { column: Expr; values: readonly unknown[] | undefined } | undefined;

  /** @internal */
  constructor(df: DataFrame, keys: readonly Expr[], kind: GroupKind = 'groupBy', pivot?: { column: Expr; values: readonly unknown[] | undefined }) {
    this.#df = df;
    this.#keys = keys;
    this.#kind = kind;
    this.#pivot = pivot;
  }

  /** `agg(F.sum('x'), F.max('y'))` or `agg({ x: 'sum', y: 'max' })`. */
  agg(...exprs: (Column | Readonly<Record<string, string>>)[]): DataFrame {
    if (exprs.length === 0) throw new PySparkValueError('exprs should not be empty', { errorClass: 'CANNOT_BE_EMPTY' });
    const aggs: Expr[] = [];
    for (const e of exprs) {
      if (Column.isColumn(e)) aggs.push(e.expr);
      else if (typeof e === 'object' && e !== null) for (const [col, fn] of Object.entries(e)) aggs.push(dictAgg(col, fn));
      else throw new PySparkTypeError(`Argument \`exprs\` should be a Column or dict, got ${typeName(e)}.`, { errorClass: 'NOT_COLUMN_OR_DICT' });
    }
    return this.#build(aggs);
  }

  /** Rows per group, in a column named `count`. */
  applyInPandas(..._args: unknown[]): never {
    return pythonOnly('GroupedData', 'applyInPandas');
  }

  applyInPandasWithState(..._args: unknown[]): never {
    return pythonOnly('GroupedData', 'applyInPandasWithState');
  }

  cogroup(..._args: unknown[]): never {
    return pythonOnly('GroupedData', 'cogroup');
  }

  count(): DataFrame {
    return this.#build([E.alias(E.call('count', [E.lit(1, INT_TYPE)]), 'count')]);
  }

  sum(...cols: string[]): DataFrame {
    return this.#numericAgg('sum', cols);
  }

  avg(...cols: string[]): DataFrame {
    return this.#numericAgg('avg', cols);
  }

  mean(...cols: string[]): DataFrame {
    return this.avg(...cols);
  }

  min(...cols: string[]): DataFrame {
    return this.#numericAgg('min', cols);
  }

  max(...cols: string[]): DataFrame {
    return this.#numericAgg('max', cols);
  }

  /** Spreads the distinct values of `pivotCol` (or the given `values`) into columns. */
  pivot(pivotCol: ColumnOrName, values?: readonly unknown[]): GroupedData {
    if (this.#kind !== 'groupBy') {
      throw new AnalysisException('pivot is only supported after a groupBy.', { errorClass: 'UNSUPPORTED_FEATURE.PIVOT_AFTER_GROUP_BY' });
    }
    return new GroupedData(this.#df, this.#keys, this.#kind, { column: toColumnExpr(pivotCol), values });
  }

  #numericAgg(fn: string, cols: readonly string[]): DataFrame {
    requireStrs('cols', cols);
    const names = cols.length > 0 ? cols : this.#df.schema.fields.filter((f) => isNumeric(f.dataType)).map((f) => f.name);
    if (cols.length > 0) {
      const fields = this.#df.schema.fields;
      for (const c of cols) {
        const f = fields.find((x) => x.name.toLowerCase() === c.toLowerCase());
        if (f && !isNumeric(f.dataType)) {
          throw new AnalysisException(`"${c}" is not a numeric column. Aggregation function can only be applied on a numeric column.`, {
            errorClass: 'NOT_NUMERIC_COLUMN',
          });
        }
      }
    }
    return this.#build(names.map((n) => E.call(fn, [E.col(n)])));
  }

  #build(aggs: readonly Expr[]): DataFrame {
    const input = this.#df.plan;
    if (this.#pivot) {
      const p = plan('Pivot', {
        input,
        groupBy: this.#keys,
        pivotColumn: this.#pivot.column,
        ...(this.#pivot.values ? { values: this.#pivot.values } : {}),
        aggs,
      });
      return this.#df.withPlan(p);
    }
    const groupingSets = this.#kind === 'groupBy' ? undefined : groupingSetsFor(this.#kind, this.#keys.length);
    const kind = this.#kind === 'groupBy' ? {} : { groupingKind: this.#kind };
    const p = plan('Aggregate', { input, groupBy: this.#keys, aggs, groupedDataNames: true, ...(groupingSets ? { groupingSets } : {}), ...kind });
    return this.#df.withPlan(p);
  }
}

function dictAgg(col: string, fn: string): Expr {
  // agg({ col: 'fn' }): each value names an aggregate function.
  requireStr('exprs', fn);
  const name = DICT_AGGS[fn.toLowerCase()];
  if (!name) {
    throw new AnalysisException(`Cannot resolve function \`${fn}\` on search path [\`system\`.\`builtin\`, \`system\`.\`session\`].`, {
      errorClass: 'UNRESOLVED_ROUTINE',
    });
  }
  if (name === 'count' && col === '*') return E.call('count', [E.lit(1, INT_TYPE)]);
  return E.call(name, [toColumnExpr(col)]);
}

/** Grouping sets as lists of key indices: rollup(a,b) → [a,b],[a],[]; cube → every subset. */
export function groupingSetsFor(kind: 'rollup' | 'cube', n: number): number[][] {
  const all = Array.from({ length: n }, (_, i) => i);
  if (kind === 'rollup') return Array.from({ length: n + 1 }, (_, k) => all.slice(0, n - k));
  const sets: number[][] = [];
  for (let mask = (1 << n) - 1; mask >= 0; mask--) sets.push(all.filter((i) => (mask & (1 << (n - 1 - i))) !== 0));
  return sets;
}
