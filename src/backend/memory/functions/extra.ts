/**
 * Further Spark functions: aliases of functions implemented elsewhere (try_to_timestamp,
 * equal_null, sha, position, date_diff, nvl...), cot/sec/csc, positive, localtimestamp,
 * the regression aggregates with regr_r2, and typeof. The other former residents have
 * their own modules: checked-arithmetic.ts, bitwise.ts, number-base.ts, width-bucket.ts,
 * date-part.ts, make-timestamp.ts, raise-error.ts, session-info.ts.
 */
import { sessionZone } from '../context.js';
import { toLocalMicros } from '../runtime/datetime.js';
import { javaCos, javaSin, javaTan } from '../runtime/java-trig.js';
import { bivariate } from './moments.js';
import { conditionalImpls } from './conditional.js';
import { datetimeImpls } from './datetime.js';
import { operatorImpls } from './operators.js';
import { regressionImpls } from './regression.js';
import { stringImpls } from './string.js';
import type { FunctionImpl } from './types.js';
import { argType, compiled, scalar } from './util.js';

const typeofFn = compiled((_args, call) => {
  const name = argType(call, 0).simpleString();
  return () => name;
});

const unaryDouble = (f: (x: number) => number): FunctionImpl => scalar((a) => f(a[0] as number));

export const extraImpls: Record<string, FunctionImpl> = {
  // Spark: 1 / java.lang.Math.tan (cos, sin)
  cot: unaryDouble((x) => 1 / javaTan(x)),
  sec: unaryDouble((x) => 1 / javaCos(x)),
  csc: unaryDouble((x) => 1 / javaSin(x)),
  positive: compiled((args) => args[0]!),
  // UnwrapUDT yields a user-defined type's underlying value; the analyzer rejects every
  // input (no UDTs exist locally), so this identity is never reached with data.
  unwrap_udt: compiled((args) => args[0]!),
  equal_null: operatorImpls['eq_null_safe']!,
  sha: stringImpls['sha1']!,
  position: stringImpls['locate']!,
  date_diff: datetimeImpls['datediff']!,
  dateadd: datetimeImpls['date_add']!,
  curdate: datetimeImpls['current_date']!,
  localtimestamp: compiled((_a, _c, ctx) => {
    const v = toLocalMicros(ctx.now, sessionZone(ctx));
    return () => v;
  }),
  to_timestamp_ltz: datetimeImpls['to_timestamp']!,
  try_to_timestamp: datetimeImpls['to_timestamp']!,
  ...regressionImpls,
  // Spark's RegrR2: null without variance in y, 1 without variance in x, else the squared correlation.
  // It is a PearsonCorrelation over (y, x), merged per partition like corr; the square is corr * corr.
  regr_r2: bivariate((_n, ck, yMk, xMk) => {
    if (yMk === 0) return null;
    if (xMk === 0) return 1;
    const corr = ck / Math.sqrt(yMk * xMk);
    return corr * corr;
  }),
  typeof: typeofFn,
  nvl: conditionalImpls['coalesce']!,
};
