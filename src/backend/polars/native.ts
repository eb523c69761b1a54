/**
 * Lazy loader and minimal typings for nodejs-polars' native (napi) binding.
 *
 * The public `pl.*` API wraps every expression in a JS object whose
 * construction costs about a millisecond; the native methods themselves cost
 * microseconds. So this backend talks to the binding directly, and only the
 * methods it uses are typed here (signatures follow nodejs-polars 0.24.1; calls
 * whose signature changed in 0.26 go through binding-compat.ts).
 *
 * Nothing is loaded at import time: the binary is required on first use, so
 * importing the backend (or the whole library) never touches native code.
 */
import { createRequire } from 'node:module';
import { BackendException } from '../../errors/index.js';
import { useBindingVersion } from './binding-compat.js';

/** A Polars dtype as the binding reads it (`{ variant, inner?, fields?, timeUnit?, timeZone? }`; `timeZone` must be present, null for none). */
export type NativeDType =
  | { readonly variant: 'Int8' | 'Int16' | 'Int32' | 'Int64' | 'UInt32' | 'UInt64' | 'Float32' | 'Float64' | 'Bool' | 'String' | 'Date' }
  | { readonly variant: 'Datetime'; readonly timeUnit: 'us' | 'ms' | 'ns'; readonly timeZone: string | null }
  | { readonly variant: 'Decimal'; readonly inner: readonly [number, number] }
  | { readonly variant: 'List'; readonly inner: readonly [NativeDType] }
  | { readonly variant: 'Struct'; readonly fields: readonly { readonly name: string; readonly dtype: NativeDType }[] };

/** `Wrap<Expr>` arguments are read from an object's `_expr` field. */
export interface WrappedExpr {
  readonly _expr: NativeExpr;
}

export interface NativeExpr {
  alias(name: string): NativeExpr;
  cast(dtype: NativeDType, strict: boolean): NativeExpr;
  add(o: NativeExpr): NativeExpr;
  sub(o: NativeExpr): NativeExpr;
  mul(o: NativeExpr): NativeExpr;
  /** Floor division (integer `//`). */
  div(o: NativeExpr): NativeExpr;
  trueDiv(o: NativeExpr): NativeExpr;
  /** Python-style remainder (sign of the divisor). */
  rem(o: NativeExpr): NativeExpr;
  eq(o: NativeExpr): NativeExpr;
  neq(o: NativeExpr): NativeExpr;
  gt(o: NativeExpr): NativeExpr;
  gtEq(o: NativeExpr): NativeExpr;
  lt(o: NativeExpr): NativeExpr;
  ltEq(o: NativeExpr): NativeExpr;
  and(o: NativeExpr): NativeExpr;
  or(o: NativeExpr): NativeExpr;
  xor(o: NativeExpr): NativeExpr;
  not(): NativeExpr;
  isNull(): NativeExpr;
  isNotNull(): NativeExpr;
  isNan(): NativeExpr;
  isNotNan(): NativeExpr;
  isFinite(): NativeExpr;
  isInfinite(): NativeExpr;
  isIn(other: NativeExpr, nullsEqual: boolean): NativeExpr;
  fillNull(o: NativeExpr): NativeExpr;
  fillNan(o: NativeExpr): NativeExpr;
  abs(): NativeExpr;
  floor(): NativeExpr;
  ceil(): NativeExpr;
  round(decimals: number, mode: 'halftoeven' | 'halfawayfromzero'): NativeExpr;
  pow(exponent: number | NativeExpr): NativeExpr;
  sqrt?(): NativeExpr;
  exp(): NativeExpr;
  log(base: number): NativeExpr;
  log1p(): NativeExpr;
  sin(): NativeExpr;
  cos(): NativeExpr;
  tan(): NativeExpr;
  arcsin(): NativeExpr;
  arccos(): NativeExpr;
  arctan(): NativeExpr;
  arctan2(y: NativeExpr): NativeExpr;
  sinh(): NativeExpr;
  cosh(): NativeExpr;
  tanh(): NativeExpr;
  arcsinh(): NativeExpr;
  arccosh(): NativeExpr;
  arctanh(): NativeExpr;
  degrees(): NativeExpr;
  radians(): NativeExpr;
  // aggregations
  sum(): NativeExpr;
  mean(): NativeExpr;
  min(): NativeExpr;
  max(): NativeExpr;
  count(): NativeExpr;
  nUnique(): NativeExpr;
  first(): NativeExpr;
  last(): NativeExpr;
  std(ddof: number): NativeExpr;
  var(ddof: number): NativeExpr;
  median(): NativeExpr;
  product(): NativeExpr;
  skew(bias: boolean): NativeExpr;
  kurtosis(fisher: boolean, bias: boolean): NativeExpr;
  implode(): NativeExpr;
  any(dropNulls: boolean): NativeExpr;
  all(dropNulls: boolean): NativeExpr;
  unique(): NativeExpr;
  uniqueStable(): NativeExpr;
  dropNulls(): NativeExpr;
  dropNans(): NativeExpr;
  filter(predicate: NativeExpr): NativeExpr;
  head(n: number): NativeExpr;
  // windows / ordering
  over(partitionBy: readonly NativeExpr[]): NativeExpr;
  rank(method: 'average' | 'min' | 'max' | 'dense' | 'ordinal', descending: boolean, seed?: number): NativeExpr;
  sortBy(by: readonly NativeExpr[], descending: readonly boolean[]): NativeExpr;
  sortWith(descending: boolean, nullsLast: boolean, maintainOrder: boolean): NativeExpr;
  shift(periods: NativeExpr): NativeExpr;
  cumSum(reverse: boolean): NativeExpr;
  cumCount(reverse: boolean): NativeExpr;
  cumMax(reverse: boolean): NativeExpr;
  cumMin(reverse: boolean): NativeExpr;
  forwardFill(): NativeExpr;
  backwardFill(): NativeExpr;
  gather(idx: NativeExpr): NativeExpr;
  reverse(): NativeExpr;
  explode(): NativeExpr;
  // strings
  strToUppercase(): NativeExpr;
  strToLowercase(): NativeExpr;
  strLengths(): NativeExpr;
  strSlice(offset: NativeExpr, length: NativeExpr): NativeExpr;
  strStartsWith(s: NativeExpr): NativeExpr;
  strEndsWith(s: NativeExpr): NativeExpr;
  strContains(pat: NativeExpr, literal: boolean, strict: boolean): NativeExpr;
  strReplaceAll(pat: NativeExpr, val: NativeExpr, literal: boolean): NativeExpr;
  strReplace(pat: NativeExpr, val: NativeExpr, literal: boolean, n: number): NativeExpr;
  strStripChars(pat: NativeExpr, start: boolean, end: boolean): NativeExpr;
  strExtract(pat: NativeExpr, group: number): NativeExpr;
  strSplit(by: NativeExpr, inclusive?: boolean): NativeExpr;
  strConcat(separator: string, ignoreNulls: boolean): NativeExpr;
  strPadStart(length: NativeExpr, fill: string): NativeExpr;
  strPadEnd(length: NativeExpr, fill: string): NativeExpr;
  strToDate(format: string | undefined, strict: boolean, exact: boolean, cache: boolean): NativeExpr;
  strftime(fmt: string): NativeExpr;
  strHexEncode(): NativeExpr;
  // temporal
  year(): NativeExpr;
  month(): NativeExpr;
  day(): NativeExpr;
  hour(): NativeExpr;
  minute(): NativeExpr;
  second(): NativeExpr;
  weekday(): NativeExpr;
  week(): NativeExpr;
  ordinalDay(): NativeExpr;
  dtReplaceTimeZone(tz: string | undefined, ambiguous: NativeExpr, nonExistent: string): NativeExpr;
  dtConvertTimeZone(tz: string): NativeExpr;
  // lists / structs
  listLengths(): NativeExpr;
  listGet(index: NativeExpr, nullOnOob: boolean): NativeExpr;
  listContains(item: NativeExpr, nullsEqual?: boolean): NativeExpr;
  listMax(): NativeExpr;
  listMin(): NativeExpr;
  listSum(): NativeExpr;
  listJoin(separator: NativeExpr, ignoreNulls: boolean): NativeExpr;
  listSort(descending: boolean): NativeExpr;
  listReverse(): NativeExpr;
  listSlice(offset: NativeExpr, length: NativeExpr): NativeExpr;
  listEval(expr: NativeExpr, parallel?: boolean): NativeExpr;
  structFieldByName(name: string): NativeExpr;
  structFieldByIndex(index: number): NativeExpr;
  structRenameFields(names: readonly string[]): NativeExpr;
  toString(): string;
}

export interface NativeWhen {
  then(e: NativeExpr): NativeThen;
}
export interface NativeThen {
  when(cond: NativeExpr): NativeWhen;
  otherwise(e: NativeExpr): NativeExpr;
}

export interface NativeLazyGroupBy {
  agg(aggs: readonly NativeExpr[]): NativeLazyFrame;
}

export type NativeJoinHow = 'inner' | 'left' | 'right' | 'full' | 'semi' | 'anti' | 'cross';

export interface NativeLazyFrame {
  filter(predicate: NativeExpr): NativeLazyFrame;
  select(exprs: readonly NativeExpr[]): NativeLazyFrame;
  withColumns(exprs: readonly NativeExpr[]): NativeLazyFrame;
  groupby(by: readonly NativeExpr[], maintainOrder: boolean): NativeLazyGroupBy;
  join(
    other: NativeLazyFrame,
    leftOn: readonly NativeExpr[],
    rightOn: readonly NativeExpr[],
    allowParallel: boolean,
    forceParallel: boolean,
    how: NativeJoinHow,
    suffix: string,
    coalesce: boolean,
    validate: 'm:m',
    a: readonly never[],
    b: readonly never[],
  ): NativeLazyFrame;
  sortByExprs(by: readonly NativeExpr[], descending: boolean, nullsLast: boolean, maintainOrder: boolean): NativeLazyFrame;
  unique(subset: readonly string[] | null, keep: 'first' | 'last' | 'any' | 'none', maintainOrder: boolean): NativeLazyFrame;
  slice(offset: number, length: number): NativeLazyFrame;
  explode(columns: readonly NativeExpr[]): NativeLazyFrame;
  withRowIndex(name: string, offset: number): NativeLazyFrame;
  collectSync(engine: 'auto' | 'in-memory' | 'streaming'): NativeDataFrame;
  describeOptimizedPlan(): string;
  describePlan(): string;
  readonly columns: string[];
}

export interface NativeSeries {
  readonly dtype: unknown;
  cast(dtype: NativeDType, strict: boolean): NativeSeries;
  nullCount(): number;
  len(): number;
  toArray(): unknown[];
  toTypedArray(): ArrayLike<number | bigint>;
  isNull(): NativeSeries;
  rename(name: string): void;
  zipWith(mask: NativeSeries, other: NativeSeries): NativeSeries;
}

export interface NativeDataFrame {
  lazy(): NativeLazyFrame;
  getColumns(): NativeSeries[];
  readonly height: number;
  readonly width: number;
  columns: string[];
  writeIpcStream(sink: { write(chunk: Buffer): boolean }, compression: 'uncompressed'): void;
  toString(): string;
}

export interface NativeSeriesStatics {
  newOptI32(name: string, values: ArrayLike<number | null>): NativeSeries;
  newOptI64(name: string, values: ArrayLike<number | null>): NativeSeries;
  newOptF64(name: string, values: ArrayLike<number | null>): NativeSeries;
  newOptStr(name: string, values: ArrayLike<string | null>): NativeSeries;
  newOptBool(name: string, values: ArrayLike<boolean | null>): NativeSeries;
  newBigint64Array(name: string, values: BigInt64Array): NativeSeries;
  newFloat64Array(name: string, values: Float64Array): NativeSeries;
  newInt32Array(name: string, values: Int32Array): NativeSeries;
}

/** The subset of the native module this backend uses. */
export interface PolarsNative {
  col(name: string): NativeExpr;
  lit(value: unknown): NativeExpr;
  litSeries(s: NativeSeries): NativeExpr;
  when(cond: NativeExpr): NativeWhen;
  len(): NativeExpr;
  intRange(start: WrappedExpr, end: WrappedExpr, step: number, dtype: NativeDType): NativeExpr;
  intRanges(start: WrappedExpr, end: WrappedExpr, step: WrappedExpr, dtype?: NativeDType): NativeExpr;
  concatStr(exprs: readonly NativeExpr[], separator: string, ignoreNulls: boolean): NativeExpr;
  concatLst(exprs: readonly NativeExpr[]): NativeExpr;
  asStruct(exprs: readonly NativeExpr[]): NativeExpr;
  element(): NativeExpr;
  minHorizontal(exprs: readonly NativeExpr[]): NativeExpr;
  maxHorizontal(exprs: readonly NativeExpr[]): NativeExpr;
  concatLf(lfs: readonly NativeLazyFrame[], how: 'vertical', rechunk: boolean, parallel: boolean, toSupertypes: boolean, maintainOrder: boolean): NativeLazyFrame;
  readIpcStream(buf: Buffer, options: Record<string, never>): NativeDataFrame;
  JsDataFrame: new (columns: NativeSeries[]) => NativeDataFrame;
  JsSeries: NativeSeriesStatics;
}

type RequireFn = (id: string) => unknown;

/** The binding versions this backend knows the signatures of (see binding-compat.ts). */
export type BindingVersion = '0.24' | '0.26';

/** nodejs-polars 0.24.1 (the dependency) and 0.26.1 (optional alias, native packages for Node >= 22 only). */
const BINDING_IDS: Record<BindingVersion, string> = {
  '0.24': 'nodejs-polars/bin/native-polars.js',
  '0.26': 'nodejs-polars-026/bin/native-polars.js',
};

const FULL: Record<BindingVersion, string> = { '0.24': '0.24.1', '0.26': '0.26.1' };

/** Forces one binding version (e.g. for testing); unset, Node >= 22 prefers 0.26 and falls back to 0.24. */
export const POLARS_VERSION_ENV = 'SPARKLESS_POLARS_VERSION';

let cached: PolarsNative | undefined;
let cachedVersion: BindingVersion | undefined;
let requireOverride: RequireFn | undefined;

/**
 * Test hook: replaces the `require` used to load the binding (and forgets a
 * binding already loaded). Pass `undefined` to restore the default.
 */
export function setNativeRequire(fn: RequireFn | undefined): void {
  requireOverride = fn;
  cached = undefined;
  cachedVersion = undefined;
}

/** True once the native binding has been loaded in this process. */
export function isNativeLoaded(): boolean {
  return cached !== undefined;
}

/** The version of the loaded binding (loading it if needed). */
export function bindingVersion(): BindingVersion {
  native();
  return cachedVersion!;
}

function platformTag(): string {
  const { platform, arch } = process;
  if (platform === 'linux') {
    const report = (process.report?.getReport?.() ?? {}) as { header?: { glibcVersionRuntime?: string } };
    return `${platform}-${arch}-${report.header?.glibcVersionRuntime ? 'gnu' : 'musl'}`;
  }
  if (platform === 'win32') return `${platform}-${arch}-msvc`;
  return `${platform}-${arch}`;
}

/** Versions to try, in order: the env override alone, else 0.26 first on Node >= 22. */
function candidates(): BindingVersion[] {
  const forced = process.env[POLARS_VERSION_ENV]?.trim();
  if (forced) {
    if (forced === '0.24' || forced === '0.26') return [forced];
    throw new BackendException(`${POLARS_VERSION_ENV} must be '0.24' or '0.26', got '${forced}'.`, {
      errorClass: 'POLARS_NATIVE_UNAVAILABLE',
      messageParameters: { version: forced },
    });
  }
  return Number(process.versions.node.split('.')[0]) >= 22 ? ['0.26', '0.24'] : ['0.24'];
}

/**
 * Requires one binding version. 0.26's loader does not check its native
 * package's version, and on Node 20 npm skips 0.26's native packages, so the
 * loader would silently pick up 0.24's: the platform package resolved from
 * the alias must itself be 0.26.
 */
function requireBinding(version: BindingVersion, tag: string): unknown {
  if (requireOverride) return requireOverride(BINDING_IDS[version]);
  const req = createRequire(import.meta.url);
  if (version === '0.26') {
    const aliasReq = createRequire(req.resolve('nodejs-polars-026/package.json'));
    const found = (aliasReq(`nodejs-polars-${tag}/package.json`) as { version?: string }).version ?? '?';
    if (!found.startsWith('0.26.')) {
      throw new Error(`nodejs-polars-${tag} resolves to ${found}, not 0.26 (npm installs 0.26's native packages on Node >= 22 only)`);
    }
  }
  return req(BINDING_IDS[version]);
}

/** The native binding, loaded on first call; throws BackendException naming the fix. */
export function native(): PolarsNative {
  if (cached) return cached;
  const tag = platformTag();
  const tried = candidates();
  const failures: string[] = [];
  let malformed: BindingVersion | undefined;
  let lastErr: unknown;
  for (const version of tried) {
    let mod: unknown;
    try {
      mod = requireBinding(version, tag);
    } catch (err) {
      failures.push(`${version}: ${errorText(err)}`);
      lastErr = err;
      continue;
    }
    const m = mod as Partial<PolarsNative> | null;
    if (!m || typeof m.col !== 'function' || typeof m.JsDataFrame !== 'function') {
      malformed = version;
      continue;
    }
    cached = m as PolarsNative;
    cachedVersion = version;
    useBindingVersion(version);
    return cached;
  }
  if (malformed) {
    throw new BackendException(
      `nodejs-polars' native binding loaded but does not look like version ${FULL[malformed]}. ` +
        `Fix: run \`npm install nodejs-polars@0.24.1\`; or run on the 'memory' backend instead.`,
      { errorClass: 'POLARS_NATIVE_UNAVAILABLE' },
    );
  }
  throw new BackendException(
    `nodejs-polars' native binary for ${tag} could not be loaded (${failures.join('; ')}). ` +
      `Fix: run \`npm install nodejs-polars@0.24.1\` on Node ${process.versions.node.split('.')[0]} so npm fetches ` +
      `the optional package nodejs-polars-${tag}; or run on the 'memory' backend instead.`,
    { errorClass: 'POLARS_NATIVE_UNAVAILABLE', messageParameters: { platform: tag }, cause: lastErr },
  );
}

function errorText(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  return msg.split('\n')[0]!.slice(0, 300);
}
