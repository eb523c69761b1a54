/** Aggregate functions (usable in `agg` and over windows). */
import { ArrayType, BOOLEAN, DataType, DecimalType, DOUBLE, DoubleType, LONG, isIntegral } from '../../types/data-types.js';
import { boundedDecimal } from '../../types/coercion.js';
import { castsFor, coerceArg, dataTypeMismatch, fn, nonFoldableInput } from '../define.js';
import type { Expr } from '../../expr/nodes.js';
import { AnalysisException } from '../../errors/index.js';
import type { FunctionDef } from '../registry.js';

/** sum: integral → bigint, decimal(p,s) → decimal(p+10,s), floating/string → double. */
export function sumType(t: DataType): DataType {
  if (t instanceof DecimalType) return boundedDecimal(t.precision + 10, t.scale);
  if (isIntegral(t)) return LONG;
  return DOUBLE;
}

/** avg: decimal(p,s) → decimal(p+4,s+4), everything else double. */
export function avgType(t: DataType): DataType {
  if (t instanceof DecimalType) return boundedDecimal(t.precision + 4, t.scale + 4);
  return DOUBLE;
}

/** A foldable percentage: a number literal, or array() of them (implicit casts allowed). */
export function percentages(e: Expr): number[] | undefined {
  if (e.kind === 'Literal') {
    // Decimal literals (SQL's 0.25) hold their unscaled value.
    if (typeof e.value === 'bigint') return [Number(`${e.value}e-${e.dataType instanceof DecimalType ? e.dataType.scale : 0}`)];
    return typeof e.value === 'number' ? [e.value] : undefined;
  }
  if (e.kind === 'Cast') return percentages(e.child);
  if (e.kind === 'Call' && e.fn === 'array') {
    const parts = e.args.map(percentages);
    return parts.every((p) => p?.length === 1) ? parts.map((p) => p![0]!) : undefined;
  }
  return undefined;
}

/**
 * percentile(x, percentage[, frequency = 1]): exact, interpolated; `percentage`
 * a foldable double in [0, 1] or an array of them (then an array result).
 */
const percentileDef: FunctionDef = {
  name: 'percentile',
  kind: 'aggregate',
  minArgs: 2,
  maxArgs: 3,
  resolve(args, _call, ctx) {
    const x = coerceArg(args, 0, DOUBLE, ctx);
    const pct = args[1]!;
    const isArray = pct.dataType instanceof ArrayType;
    const ps = percentages(pct.expr);
    if (!ps) {
      throw nonFoldableInput(ctx, 1, 'percentage', '"DOUBLE"', false);
    }
    const bad = ps.find((p) => !(p >= 0 && p <= 1));
    if (bad !== undefined) {
      throw dataTypeMismatch(ctx, 'VALUE_OUT_OF_RANGE', `The percentage must be between [0.0, 1.0] (current value = ${bad}D)`, {
        currentValue: `${bad}D`,
      });
    }
    const pType = isArray ? new ArrayType(DOUBLE, false) : DOUBLE;
    const freq = args[2] ? coerceArg(args, 2, 'integral', ctx) : undefined;
    return {
      dataType: pType,
      nullable: true,
      argTypes: castsFor(args, freq ? [x, pType, freq] : [x, pType]),
    };
  },
  sql: (a) => `percentile(${[...a, ...(a.length < 3 ? ['1'] : [])].join(', ')})`,
};

/** approx_count_distinct's relative standard deviation: a non-null DOUBLE or DECIMAL literal (Spark's validateDoubleLiteral). */
export function relativeSD(e: Expr | undefined): number | undefined {
  if (e === undefined) return 0.05;
  if (e.kind !== 'Literal' || e.value === null || e.value === undefined) return undefined;
  if (e.dataType instanceof DecimalType && typeof e.value === 'bigint') return Number(`${e.value}e-${e.dataType.scale}`);
  return e.dataType instanceof DoubleType && typeof e.value === 'number' ? e.value : undefined;
}

/** HyperLogLog++ precision (register address bits) for a relative standard deviation. */
export const hllPrecision = (rsd: number): number => Math.ceil((2.0 * Math.log(1.106 / rsd)) / Math.log(2.0));

/**
 * approx_count_distinct(x[, rsd = 0.05]): HyperLogLog++ (runtime/hll/hllpp.ts). Spark names the
 * call after x alone and refuses an rsd that leaves fewer than 4 bits of register address.
 */
const approxCountDistinctDef: FunctionDef = {
  name: 'approx_count_distinct',
  kind: 'aggregate',
  minArgs: 1,
  maxArgs: 2,
  resolve(args) {
    const rsd = relativeSD(args[1]?.expr);
    if (rsd === undefined) throw new AnalysisException('The second argument should be a double literal.', { errorClass: '_LEGACY_ERROR_TEMP_1104' });
    if (!(hllPrecision(rsd) >= 4)) {
      throw new AnalysisException(
        "Failed preparing of the function `approx_count_distinct` for call. Please, double check function's arguments.",
        { errorClass: 'FAILED_FUNCTION_CALL', messageParameters: { funcName: '`approx_count_distinct`' } },
      );
    }
    return { dataType: LONG, nullable: false, argTypes: args.map((a) => a.dataType) };
  },
  sql: (a, call) => `approx_count_distinct(${call.distinct ? 'DISTINCT ' : ''}${a[0]})`,
};

const agg = (name: string, spec: Omit<Parameters<typeof fn>[1], 'kind'>): FunctionDef => fn(name, { ...spec, kind: 'aggregate' });
const doubleAgg = (name: string, arity = 1): FunctionDef =>
  agg(name, { inputs: Array.from({ length: arity }, () => DOUBLE), returns: DOUBLE });

export const aggregateDefs: readonly FunctionDef[] = [
  /** count(x) counts non-null values; `count(*)` is built as `count(1)`. Distinct keeps Spark's `count(x)` name. */
  agg('count', { inputs: ['any'], max: Infinity, returns: LONG, nullable: false }),
  agg('sum', { inputs: ['summable'], returns: (t) => sumType(t[0]!) }),
  agg('avg', { inputs: ['summable'], returns: (t) => avgType(t[0]!) }),
  agg('min', { inputs: ['orderable'], returns: (t) => t[0]! }),
  agg('max', { inputs: ['orderable'], returns: (t) => t[0]! }),
  /** first/last: `options.ignoreNulls`. */
  agg('first', { inputs: ['any'], returns: (t) => t[0]! }),
  agg('last', { inputs: ['any'], returns: (t) => t[0]! }),
  agg('any_value', { inputs: ['any'], returns: (t) => t[0]! }),
  agg('collect_list', { inputs: ['any'], returns: (t) => new ArrayType(t[0]!, false), nullable: false }),
  agg('collect_set', { inputs: ['any'], returns: (t) => new ArrayType(t[0]!, false), nullable: false }),
  doubleAgg('stddev_samp'),
  doubleAgg('stddev_pop'),
  doubleAgg('var_samp'),
  doubleAgg('var_pop'),
  doubleAgg('skewness'),
  doubleAgg('kurtosis'),
  doubleAgg('corr', 2),
  doubleAgg('covar_pop', 2),
  doubleAgg('covar_samp', 2),
  approxCountDistinctDef,
  agg('product', { inputs: [DOUBLE], returns: DOUBLE }),
  agg('median', { inputs: [DOUBLE], returns: DOUBLE }),
  percentileDef,
  /** count_if(cond): rows where cond is true (0 for no rows). */
  agg('count_if', { inputs: ['boolean'], returns: LONG, nullable: false }),
  /** bool_and/every and bool_or/some/any: AND / OR of the non-null booleans; null for none. */
  ...['bool_and', 'every', 'bool_or', 'some', 'any'].map((name) => agg(name, { inputs: ['boolean'], returns: BOOLEAN })),
  /** bit_and/bit_or/bit_xor keep the integral input type. */
  ...['bit_and', 'bit_or', 'bit_xor'].map((name) => agg(name, { inputs: ['integral'], returns: (t) => t[0]! })),
  /** max_by(x, ord) / min_by(x, ord): x at the row with the largest / smallest non-null ord. */
  agg('max_by', { inputs: ['any', 'orderable'], returns: (t) => t[0]! }),
  agg('min_by', { inputs: ['any', 'orderable'], returns: (t) => t[0]! }),
  /** regr_*(y, x): linear regression of y on x over the rows where both are non-null. */
  agg('regr_count', { inputs: ['numeric', 'numeric'], returns: LONG, nullable: false }),
  ...['regr_avgx', 'regr_avgy', 'regr_sxx', 'regr_syy', 'regr_sxy', 'regr_slope', 'regr_intercept', 'regr_r2'].map((name) =>
    agg(name, { inputs: [DOUBLE, DOUBLE], returns: DOUBLE }),
  ),
  /** mode(x): the most frequent non-null value. */
  agg('mode', { inputs: ['orderable'], returns: (t) => t[0]! }),
];

