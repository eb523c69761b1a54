/**
 * `pyspark.sql.functions` in TypeScript (exported as `functions` and `F`).
 * Every function builds an unresolved `Call`; the registry definition with the
 * same name types it during analysis. Arguments named `col` accept a column
 * name or a Column; other parameters take plain values, as in PySpark.
 *
 * @example
 * ```ts
 * import { functions as F } from 'sparkless';
 * df.select(F.upper('name'), F.round(F.col('salary').multiply(1.1), 2))
 * ```
 */
import { requireNumber, requireStr } from '../api/arg-checks.js';
import { Column, toColumnExpr, typeName, type ColumnOrLiteral, type ColumnOrName } from '../api/column.js';
import { AnalysisException, PySparkTypeError } from '../errors/index.js';
import { DOUBLE } from '../types/data-types.js';
import { E } from '../expr/nodes.js';
import { exprSql } from '../expr/naming.js';
import { parseExpression } from '../sql/parse.js';
import { L, aliasCall, aliasOf, c, call, colOrLit, flat, intArg, nullary, numOrCol, unary, type Cols } from './call.js';

// ---- columns and literals ---------------------------------------------------

/** A column by name (`'name'`, `'t.name'`, `'struct.field'`, `'*'`). */
export function col(name: string): Column {
  if (typeof name !== 'string') {
    throw new PySparkTypeError(`Argument \`col\` should be a str, got ${typeof name}.`, { errorClass: 'NOT_STR' });
  }
  return new Column(toColumnExpr(name));
}
export const column = col;

/** A literal (a Column passes through unchanged). */
export function lit(value: ColumnOrLiteral): Column {
  return Column.isColumn(value) ? value : new Column(L(value));
}

/** A SQL expression as a Column: `expr("a + 1")`, `expr("CASE WHEN x > 0 THEN 'p' END AS sign")`. */
export function expr(sqlText: string): Column {
  requireStr('str', sqlText);
  return new Column(parseExpression(sqlText));
}

export const asc = (col: ColumnOrName): Column => new Column(c(col)).asc();
export const desc = (col: ColumnOrName): Column => new Column(c(col)).desc();
export const asc_nulls_first = (col: ColumnOrName): Column => new Column(c(col)).asc_nulls_first();
export const asc_nulls_last = (col: ColumnOrName): Column => new Column(c(col)).asc_nulls_last();
export const desc_nulls_first = (col: ColumnOrName): Column => new Column(c(col)).desc_nulls_first();
export const desc_nulls_last = (col: ColumnOrName): Column => new Column(c(col)).desc_nulls_last();

// ---- conditional and null handling -------------------------------------------

/** Starts a CASE WHEN chain: `when(cond, value).when(...).otherwise(...)`. */
export function when(condition: Column, value: ColumnOrLiteral): Column {
  if (!Column.isColumn(condition)) {
    throw new PySparkTypeError(`Argument \`condition\` should be a Column, got ${typeof condition}.`, { errorClass: 'NOT_COLUMN' });
  }
  return new Column(E.caseWhen([{ when: condition.expr, then: colOrLit(value) }]));
}
export const coalesce = (...cols: Cols): Column => call('coalesce', ...flat(cols).map(c));
export const isnull = unary('is_null');
export const isnotnull = unary('is_not_null');
export const isnan = unary('isnan');
export const nanvl = (col1: ColumnOrName, col2: ColumnOrName): Column => call('nanvl', c(col1), c(col2));
export const greatest = (...cols: Cols): Column => call('greatest', ...flat(cols).map(c));
export const least = (...cols: Cols): Column => call('least', ...flat(cols).map(c));

// ---- math ------------------------------------------------------------------------

export const abs = unary('abs');
export const round = (col: ColumnOrName, scale = 0): Column => call('round', c(col), L(scale));
export const bround = (col: ColumnOrName, scale = 0): Column => call('bround', c(col), L(scale));
/** floor/ceil(col[, scale]): with a scale (an int, or a column), Spark rounds to a decimal of that scale. */
const floorCeil =
  (fn: string, calledAs?: string) =>
  (col: ColumnOrName, scale?: ColumnOrName | number): Column => {
    const args = scale === undefined ? [c(col)] : [c(col), numOrCol(scale)];
    return calledAs ? aliasCall(fn, calledAs, args) : call(fn, ...args);
  };
export const floor = floorCeil('floor');
export const ceil = floorCeil('ceil');
export const ceiling = floorCeil('ceil', 'ceiling');
export const sqrt = unary('sqrt');
export const cbrt = unary('cbrt');
export const exp = unary('exp');
export const expm1 = unary('expm1');
export const log10 = unary('log10');
export const log2 = unary('log2');
export const log1p = unary('log1p');
export const ln = unary('ln');
/** `log(col)` is the natural log; `log(base, col)` a logarithm in `base`. */
export function log(arg1: ColumnOrName | number, arg2?: ColumnOrName): Column {
  if (arg2 === undefined) return call('ln', c(arg1 as ColumnOrName));
  return call('log', typeof arg1 === 'number' ? L(arg1) : c(arg1), c(arg2));
}
export const pow = (col1: ColumnOrName | number, col2: ColumnOrName | number): Column =>
  call('pow', typeof col1 === 'number' ? L(col1) : c(col1), typeof col2 === 'number' ? L(col2) : c(col2));
export const power = pow;
export const atan2 = (col1: ColumnOrName | number, col2: ColumnOrName | number): Column =>
  call('atan2', typeof col1 === 'number' ? L(col1) : c(col1), typeof col2 === 'number' ? L(col2) : c(col2));
export const hypot = (col1: ColumnOrName | number, col2: ColumnOrName | number): Column =>
  call('hypot', typeof col1 === 'number' ? L(col1) : c(col1), typeof col2 === 'number' ? L(col2) : c(col2));
export const sin = unary('sin');
export const cos = unary('cos');
export const tan = unary('tan');
export const asin = unary('asin');
export const acos = unary('acos');
export const atan = unary('atan');
export const sinh = unary('sinh');
export const cosh = unary('cosh');
export const tanh = unary('tanh');
export const asinh = unary('asinh');
export const acosh = unary('acosh');
export const atanh = unary('atanh');
export const degrees = unary('degrees');
export const radians = unary('radians');
export const signum = unary('signum');
export const rint = unary('rint');
export const factorial = unary('factorial');
export const bitwise_not = unary('bitwise_not');
export const bitwiseNOT = bitwise_not;
export const pi = nullary('pi');
export const e = nullary('e');
/** Seeded random numbers; without a seed one is drawn, as in PySpark. */
export const rand = (seed?: number): Column => call('rand', L(seed ?? randomSeed()));
export const randn = (seed?: number): Column => call('randn', L(seed ?? randomSeed()));
const randomSeed = (): number => Math.floor(Math.random() * 2 ** 31);

// ---- strings -----------------------------------------------------------------------

export const upper = unary('upper');
export const lower = unary('lower');
export const initcap = unary('initcap');
export const reverse = unary('reverse');
export const trim = unary('trim');
export const ltrim = unary('ltrim');
export const rtrim = unary('rtrim');
export const length = unary('length');
export const ascii = unary('ascii');
export const soundex = unary('soundex');
export const md5 = unary('md5');
export const sha1 = unary('sha1');
export const sha2 = (col: ColumnOrName, numBits: number): Column => call('sha2', c(col), L(numBits));
export const crc32 = unary('crc32');
export const base64 = unary('base64');
export const unbase64 = unary('unbase64');
export const hex = unary('hex');
export const concat = (...cols: Cols): Column => call('concat', ...flat(cols).map(c));
export const concat_ws = (sep: string, ...cols: Cols): Column => call('concat_ws', L(sep), ...flat(cols).map(c));
/** 1-based `substring(str, pos, len)`. */
export const substring = (str: ColumnOrName, pos: number | Column, len: number | Column): Column =>
  call('substring', c(str), colOrLit(pos), colOrLit(len));
export const split = (str: ColumnOrName, pattern: string, limit = -1): Column => call('split', c(str), L(pattern), L(limit));
export const regexp_replace = (str: ColumnOrName, pattern: string | Column, replacement: string | Column): Column =>
  call('regexp_replace', c(str), colOrLit(pattern), colOrLit(replacement), L(1));
export const regexp_extract = (str: ColumnOrName, pattern: string, idx: number): Column =>
  call('regexp_extract', c(str), L(pattern), L(idx));
export const lpad = (col: ColumnOrName, len: number, pad: string): Column => call('lpad', c(col), L(len), L(pad));
export const rpad = (col: ColumnOrName, len: number, pad: string): Column => call('rpad', c(col), L(len), L(pad));
export const repeat = (col: ColumnOrName, n: number): Column => call('repeat', c(col), L(n));
export const instr = (str: ColumnOrName, substr: string): Column => call('instr', c(str), L(substr));
export const locate = (substr: string, str: ColumnOrName, pos = 1): Column => call('locate', L(substr), c(str), L(pos));
export const substring_index = (str: ColumnOrName, delim: string, count: number): Column =>
  call('substring_index', c(str), L(delim), L(count));
export const translate = (srcCol: ColumnOrName, matching: string, replace: string): Column =>
  call('translate', c(srcCol), L(matching), L(replace));
/** Edit distance; with `threshold`, -1 when the distance is larger than it. */
export const levenshtein = (left: ColumnOrName, right: ColumnOrName, threshold?: number): Column =>
  threshold === undefined ? call('levenshtein', c(left), c(right)) : call('levenshtein', c(left), c(right), L(intArg(threshold, 'threshold')));
export const overlay = (src: ColumnOrName, replace: ColumnOrName, pos: ColumnOrName | number, len: ColumnOrName | number = -1): Column =>
  call('overlay', c(src), c(replace), numOrCol(pos), numOrCol(len));

// ---- dates and timestamps -------------------------------------------------------------

export const current_date = nullary('current_date');
export const current_timestamp = nullary('current_timestamp');
export const to_date = (col: ColumnOrName, format?: string): Column =>
  format === undefined ? call('to_date', c(col)) : call('to_date', c(col), L(format));
export const to_timestamp = (col: ColumnOrName, format?: string): Column =>
  format === undefined ? call('to_timestamp', c(col)) : call('to_timestamp', c(col), L(format));
export const date_format = (date: ColumnOrName, format: string): Column => call('date_format', c(date), L(format));
export const year = unary('year');
export const quarter = unary('quarter');
export const month = unary('month');
export const dayofmonth = unary('dayofmonth');
export const dayofweek = unary('dayofweek');
export const dayofyear = unary('dayofyear');
export const weekofyear = unary('weekofyear');
export const hour = unary('hour');
export const minute = unary('minute');
export const second = unary('second');
export const last_day = unary('last_day');
export const date_add = (start: ColumnOrName, days: ColumnOrName | number): Column => call('date_add', c(start), numOrCol(days));
export const date_sub = (start: ColumnOrName, days: ColumnOrName | number): Column => call('date_sub', c(start), numOrCol(days));
export const add_months = (start: ColumnOrName, months: ColumnOrName | number): Column => call('add_months', c(start), numOrCol(months));
export const datediff = (end: ColumnOrName, start: ColumnOrName): Column => call('datediff', c(end), c(start));
export const months_between = (date1: ColumnOrName, date2: ColumnOrName, roundOff = true): Column =>
  call('months_between', c(date1), c(date2), L(roundOff));
export const trunc = (date: ColumnOrName, format: string): Column => call('trunc', c(date), L(format));
export const date_trunc = (format: string, timestamp: ColumnOrName): Column => call('date_trunc', L(format), c(timestamp));
export const unix_timestamp = (timestamp?: ColumnOrName, format = 'yyyy-MM-dd HH:mm:ss'): Column =>
  call('unix_timestamp', timestamp === undefined ? E.call('current_timestamp', []) : c(timestamp), L(format));
export const from_unixtime = (timestamp: ColumnOrName, format = 'yyyy-MM-dd HH:mm:ss'): Column =>
  call('from_unixtime', c(timestamp), L(format));
export const timestamp_seconds = unary('timestamp_seconds');
export const from_utc_timestamp = (timestamp: ColumnOrName, tz: string | Column): Column =>
  call('from_utc_timestamp', c(timestamp), colOrLit(tz));
export const to_utc_timestamp = (timestamp: ColumnOrName, tz: string | Column): Column =>
  call('to_utc_timestamp', c(timestamp), colOrLit(tz));

// ---- aggregates --------------------------------------------------------------------------

const agg = (fn: string) => (col: ColumnOrName): Column => call(fn, c(col));
/** `count('*')` (or `count(expr('*'))`) counts rows (named `count(1)`), `count(col)` non-null values. */
export function count(col: ColumnOrName): Column {
  const star = col === '*' || (Column.isColumn(col) && col.expr.kind === 'Star' && col.expr.target === undefined);
  return star ? call('count', L(1)) : call('count', c(col));
}
export function count_distinct(col: ColumnOrName, ...cols: ColumnOrName[]): Column {
  return new Column(E.call('count', [col, ...cols].map(c), { distinct: true }));
}
export const countDistinct = count_distinct;
export const sum = agg('sum');
export const sum_distinct = (col: ColumnOrName): Column => new Column(E.call('sum', [c(col)], { distinct: true }));
export const sumDistinct = sum_distinct;
export const avg = agg('avg');
export const mean = avg;
export const min = agg('min');
export const max = agg('max');
/**
 * An `ignoreNulls` argument: a boolean, or a Column holding a boolean literal
 * (PySpark accepts both); anything else is an error, never silently false.
 */
function ignoreFlag(v: boolean | Column, fnName: string): boolean {
  if (typeof v === 'boolean') return v;
  if (Column.isColumn(v)) {
    const e = v.expr;
    if (e.kind === 'Literal' && typeof e.value === 'boolean') return e.value;
    throw new AnalysisException(`The second argument in ${fnName} should be a boolean literal.`, {
      errorClass: 'DATATYPE_MISMATCH.NON_FOLDABLE_INPUT',
    });
  }
  throw new PySparkTypeError(`Argument \`ignoreNulls\` should be a bool or Column, got ${typeof v}.`, {
    errorClass: 'NOT_BOOL_OR_COLUMN',
    messageParameters: { arg_name: 'ignoreNulls', arg_type: typeof v },
  });
}
const firstLike =
  (fn: string, calledAs?: string) =>
  (col: ColumnOrName, ignoreNulls: boolean | Column = false): Column => {
    const options = { ignoreNulls: ignoreFlag(ignoreNulls, calledAs ?? fn) };
    return calledAs ? aliasCall(fn, calledAs, [c(col)], options) : new Column(E.call(fn, [c(col)], { options }));
  };
export const first = firstLike('first');
export const last = firstLike('last');
/** `any_value(col, ignoreNulls)`: some value of the group, a non-null one when `ignoreNulls`. */
export const any_value = firstLike('any_value');
export const collect_list = agg('collect_list');
export const collect_set = agg('collect_set');
export const stddev = aliasOf('stddev_samp', 'stddev');
export const std = aliasOf('stddev_samp', 'std');
export const stddev_samp = agg('stddev_samp');
export const stddev_pop = agg('stddev_pop');
export const variance = agg('var_samp');
export const var_samp = agg('var_samp');
export const var_pop = agg('var_pop');
export const skewness = agg('skewness');
export const kurtosis = agg('kurtosis');
export const product = agg('product');
export const median = agg('median');
export const corr = (col1: ColumnOrName, col2: ColumnOrName): Column => call('corr', c(col1), c(col2));
export const covar_pop = (col1: ColumnOrName, col2: ColumnOrName): Column => call('covar_pop', c(col1), c(col2));
export const covar_samp = (col1: ColumnOrName, col2: ColumnOrName): Column => call('covar_samp', c(col1), c(col2));
/** `rsd`: the maximum relative standard deviation (default 0.05), sent as a DOUBLE literal as PySpark's float is. */
export function approx_count_distinct(col: ColumnOrName, rsd?: number | null): Column {
  if (rsd === undefined || rsd === null) return call('approx_count_distinct', c(col));
  requireNumber('rsd', rsd);
  return call('approx_count_distinct', c(col), E.lit(rsd, DOUBLE));
}
export const approxCountDistinct = approx_count_distinct;

// ---- window functions ------------------------------------------------------------------------

export const row_number = nullary('row_number');
export const rank = nullary('rank');
export const dense_rank = nullary('dense_rank');
export const percent_rank = nullary('percent_rank');
export const cume_dist = nullary('cume_dist');
export const ntile = (n: number): Column => call('ntile', L(n));
export const lag = (col: ColumnOrName, offset = 1, defaultValue: unknown = null): Column =>
  call('lag', c(col), L(offset), L(defaultValue));
export const lead = (col: ColumnOrName, offset = 1, defaultValue: unknown = null): Column =>
  call('lead', c(col), L(offset), L(defaultValue));
export const nth_value = (col: ColumnOrName, offset: number, ignoreNulls = false): Column =>
  new Column(E.call('nth_value', [c(col), L(offset)], { options: { ignoreNulls } }));

// ---- arrays, maps, structs ---------------------------------------------------------------------

export const array = (...cols: Cols): Column => call('array', ...flat(cols).map(c));
export const struct = (...cols: Cols): Column => call('struct', ...flat(cols).map(c));
/** `create_map(k1, v1, k2, v2, ...)`. */
export const create_map = (...cols: Cols): Column => call('create_map', ...flat(cols).map(c));
export const size = unary('size');
export const explode = unary('explode');
export const explode_outer = unary('explode_outer');
export const posexplode = unary('posexplode');
export const posexplode_outer = unary('posexplode_outer');
export const array_contains = (col: ColumnOrName, value: unknown): Column => call('array_contains', c(col), colOrLit(value as ColumnOrLiteral));
/** 1-based array index, or a map key. */
export const element_at = (col: ColumnOrName, extraction: unknown): Column => call('element_at', c(col), colOrLit(extraction as ColumnOrLiteral));
export const array_max = unary('array_max');
export const array_min = unary('array_min');
export const array_distinct = unary('array_distinct');
export const sort_array = (col: ColumnOrName, asc = true): Column => call('sort_array', c(col), L(asc));
export const array_join = (col: ColumnOrName, delimiter: string, nullReplacement?: string): Column =>
  nullReplacement === undefined
    ? call('array_join', c(col), L(delimiter))
    : call('array_join', c(col), L(delimiter), L(nullReplacement));
export const map_keys = unary('map_keys');
export const map_values = unary('map_values');

// ---- PySpark 3.5 function-form aliases of operators and functions above ------------------------

/** `like(str, pattern[, escapeChar])`: SQL LIKE; `escapeChar` (one character) replaces the default backslash. */
export const like = (str: ColumnOrName, pattern: ColumnOrName, escapeChar?: string | Column): Column => likeCall('like', str, pattern, escapeChar);
/** `ilike(str, pattern[, escapeChar])`: case-insensitive LIKE. */
export const ilike = (str: ColumnOrName, pattern: ColumnOrName, escapeChar?: string | Column): Column => likeCall('ilike', str, pattern, escapeChar);
function likeCall(fn: string, str: ColumnOrName, pattern: ColumnOrName, escapeChar: string | Column | undefined): Column {
  if (escapeChar === undefined) return call(fn, c(str), c(pattern));
  const e = typeof escapeChar === 'string' ? L(escapeChar) : escapeChar.expr;
  if (!(e.kind === 'Literal' && typeof e.value === 'string' && [...e.value].length === 1)) {
    const shown = e.kind === 'Literal' ? String(e.value) : exprSql(e);
    throw new AnalysisException(`\`EscapeChar\` should be a string literal of length one, but got "${shown}".`, {
      errorClass: 'INVALID_ESCAPE_CHAR',
      messageParameters: { sqlExpr: `"${shown}"` },
    });
  }
  return new Column(E.call(fn, [c(str), c(pattern)], { options: { escapeChar: e.value } }));
}
export const rlike = (str: ColumnOrName, regexp: ColumnOrName): Column => call('rlike', c(str), c(regexp));
export const startswith = (str: ColumnOrName, prefix: ColumnOrName): Column => call('startswith', c(str), c(prefix));
export const endswith = (str: ColumnOrName, suffix: ColumnOrName): Column => call('endswith', c(str), c(suffix));
export const contains = (left: ColumnOrName, right: ColumnOrName): Column => call('contains', c(left), c(right));
export const negative = aliasOf('negate', 'negative');
export const negate = negative;
export const lcase = aliasOf('lower', 'lcase');
export const ucase = aliasOf('upper', 'ucase');
export const char_length = aliasOf('length', 'char_length');
export const character_length = aliasOf('length', 'character_length');
export const day = aliasOf('dayofmonth', 'day');
export const sign = aliasOf('signum', 'sign');
export const toDegrees = degrees;
export const toRadians = radians;
export const first_value = firstLike('first', 'first_value');
export const last_value = firstLike('last', 'last_value');
/** `substr(str, pos[, len])`: without `len` Spark fills in Int.MaxValue (and shows it in the name). */
export const substr = (str: ColumnOrName, pos: ColumnOrName, len?: ColumnOrName): Column =>
  aliasCall('substring', 'substr', [c(str), c(pos), len === undefined ? L(2147483647) : c(len)]);

export const sha = aliasOf('sha1', 'sha');
export const cardinality = aliasOf('size', 'cardinality');
/** PySpark's `dateadd` is `date_add` (and named so). */
export const dateadd = date_add;
export const date_diff = (end: ColumnOrName, start: ColumnOrName): Column => aliasCall('datediff', 'date_diff', [c(end), c(start)]);
/** PySpark's `curdate()` is `current_date()` (and named so). */
export const curdate = current_date;
export const now = (): Column => aliasCall('current_timestamp', 'now', []);

/** Marks a DataFrame for broadcast in joins (a hint: results are unchanged). */
export const broadcast = <T extends { hint(name: string, ...parameters: unknown[]): T }>(df: T): T => {
  if (typeof (df as { hint?: unknown } | null)?.hint !== 'function') {
    throw new PySparkTypeError(`Argument \`df\` should be a DataFrame, got ${typeName(df)}.`, { errorClass: 'NOT_DATAFRAME' });
  }
  return df.hint('broadcast');
};
