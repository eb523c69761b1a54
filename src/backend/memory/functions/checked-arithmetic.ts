/**
 * pmod and the try_* arithmetic (try_add, try_subtract, try_multiply, try_divide,
 * try_sum, try_avg): null where the plain operation would wrap or fail, with the
 * integral result ranges the ANSI checks share.
 */
import type { Call } from '../../../expr/nodes.js';
import type { DecimalType } from '../../../types/data-types.js';
import type { ExecContext } from '../context.js';
import { fitsPrecision, pow10, rescale } from '../runtime/decimal.js';
import { normLong, remLong, toBigInt, type Long } from '../runtime/long.js';
import { aggregateImpls } from './aggregate.js';
import { operatorImpls } from './operators.js';
import type { AggregateImpl, FunctionImpl, RowFn } from './types.js';
import { aggregate, argType, binary, compiled, isNullish, numericKind, resultType } from './util.js';

/** Integral result ranges by type name (try_* arithmetic, ANSI overflow checks). */
export const INT_RANGES: Record<string, [bigint, bigint]> = {
  byte: [-128n, 127n],
  short: [-32768n, 32767n],
  integer: [-2147483648n, 2147483647n],
  long: [-(2n ** 63n), 2n ** 63n - 1n],
};

/** pmod: a positive remainder ((a % n) + n) % n; `pmod(x, 0)` is null. */
const pmod = compiled((args, call) => {
  const [a, b] = args as [RowFn, RowFn];
  const t = resultType(call);
  switch (numericKind(t)) {
    case 'int':
    case 'long':
      return binary(a, b, (x: Long, y: Long) => {
        if (y === 0) return null;
        const r = remLong(x, y);
        return r < 0 ? remLong(normLong(toBigInt(r) + toBigInt(y)), y) : r;
      });
    case 'float':
    case 'double':
      return binary(a, b, (x: number, y: number) => {
        if (y === 0) return null;
        const r = x % y;
        return r < 0 ? (r + y) % y : r;
      });
    case 'decimal': {
      const rt = t as DecimalType;
      const sx = (argType(call, 0) as DecimalType).scale;
      const sy = (argType(call, 1) as DecimalType).scale;
      return binary(a, b, (x: bigint, y: bigint) => {
        if (y === 0n) return null;
        const s = Math.max(sx, sy);
        const xs = x * pow10(s - sx);
        const ys = y * pow10(s - sy);
        let r = xs % ys;
        if (r < 0n) r = (r + ys) % ys;
        const out = rescale(r, s, rt.scale);
        return fitsPrecision(out, rt.precision) ? out : null;
      });
    }
  }
});

/** try_add / try_subtract / try_multiply: null instead of wrapping on integral overflow. */
function tryArith(op: 'add' | 'subtract' | 'multiply'): FunctionImpl {
  const base = operatorImpls[op]!;
  return compiled((args, call, ctx) => {
    const t = resultType(call);
    const range = INT_RANGES[t.typeName()];
    if (!range) return (base as { compile: (a: readonly RowFn[], c: Call, x: ExecContext) => RowFn }).compile(args, call, ctx);
    const [lo, hi] = range;
    return binary(args[0]!, args[1]!, (x: Long, y: Long) => {
      const bx = toBigInt(x);
      const by = toBigInt(y);
      const r = op === 'add' ? bx + by : op === 'subtract' ? bx - by : bx * by;
      return r < lo || r > hi ? null : normLong(r);
    });
  });
}

/** try_sum: like sum, but null when an integral sum leaves the 64-bit range. */
const trySum = aggregate((call) => {
  const base = (aggregateImpls['sum'] as AggregateImpl).create(call, { timeZone: 'UTC', now: 0 });
  if (resultType(call).typeName() !== 'long') return base;
  let acc = 0n;
  let seen = false;
  return {
    add: (a) => {
      if (isNullish(a[0])) return;
      acc += toBigInt(a[0] as Long);
      seen = true;
    },
    result: () => (!seen ? null : acc < -(2n ** 63n) || acc > 2n ** 63n - 1n ? null : normLong(acc)),
  };
});

export const checkedArithmeticImpls: Record<string, FunctionImpl> = {
  pmod,
  try_add: tryArith('add'),
  try_subtract: tryArith('subtract'),
  try_multiply: tryArith('multiply'),
  try_divide: operatorImpls['divide']!,
  try_sum: trySum,
  try_avg: aggregateImpls['avg']!,
};
