/**
 * Operators (what Column methods build): arithmetic with Java wrap-around,
 * comparisons with Spark's NaN rules, three-valued logic, IN, LIKE/RLIKE,
 * bitwise operators; string predicates (string-predicates.ts) and nested-field
 * access (nested-access.ts) join the same table.
 */
import { nestedAccessImpls } from './nested-access.js';
import { stringPredicateImpls } from './string-predicates.js';
import type { Call } from '../../../expr/nodes.js';
import {
  ArrayType,
  BinaryType,
  DecimalType,
  DoubleType,
  FloatType,
  MapType,
  StringType,
  StructType,
} from '../../../types/data-types.js';
import { comparatorFor, equalityFor, isPrimitiveKeyType } from '../runtime/compare.js';
import { divHalfUp, fitsPrecision, pow10, rescale } from '../runtime/decimal.js';
import { addLong, divLong, mulLong, negLong, normLong, remLong, subLong, toBigInt, type Long } from '../runtime/long.js';
import type { FunctionImpl, RowFn, ScalarImpl } from './types.js';
import { argType, binary, compiled, intWrap, literalArg, numericKind, resultType, unary } from './util.js';

// --- arithmetic ------------------------------------------------------------

type DecimalOp = (x: bigint, sx: number, y: bigint, sy: number, rs: number) => bigint | null;

/** Decimal arithmetic on operands of (possibly different) scales into the result type. */
function decimalArith(call: Call, a: RowFn, b: RowFn, op: DecimalOp): RowFn {
  const rt = resultType(call) as DecimalType;
  const sx = (argType(call, 0) as DecimalType).scale;
  const sy = (argType(call, 1) as DecimalType).scale;
  return binary(a, b, (x: bigint, y: bigint) => {
    const r = op(x, sx, y, sy, rt.scale);
    return r !== null && fitsPrecision(r, rt.precision) ? r : null;
  });
}

const alignAdd = (sign: 1n | -1n): DecimalOp => (x, sx, y, sy, rs) => {
  const s = Math.max(sx, sy);
  return rescale(x * pow10(s - sx) + sign * y * pow10(s - sy), s, rs);
};

const add = compiled((args, call) => {
  const [a, b] = args as [RowFn, RowFn];
  const t = resultType(call);
  switch (numericKind(t)) {
    case 'int': {
      const wrap = intWrap(t);
      return binary(a, b, (x: number, y: number) => wrap(x + y));
    }
    case 'long':
      return binary(a, b, addLong);
    case 'float':
      return binary(a, b, (x: number, y: number) => Math.fround(x + y));
    case 'double':
      return binary(a, b, (x: number, y: number) => x + y);
    case 'decimal':
      return decimalArith(call, a, b, alignAdd(1n));
  }
});

const subtract = compiled((args, call) => {
  const [a, b] = args as [RowFn, RowFn];
  const t = resultType(call);
  switch (numericKind(t)) {
    case 'int': {
      const wrap = intWrap(t);
      return binary(a, b, (x: number, y: number) => wrap(x - y));
    }
    case 'long':
      return binary(a, b, subLong);
    case 'float':
      return binary(a, b, (x: number, y: number) => Math.fround(x - y));
    case 'double':
      return binary(a, b, (x: number, y: number) => x - y);
    case 'decimal':
      return decimalArith(call, a, b, alignAdd(-1n));
  }
});

const multiply = compiled((args, call) => {
  const [a, b] = args as [RowFn, RowFn];
  const t = resultType(call);
  switch (numericKind(t)) {
    case 'int': {
      const wrap = intWrap(t);
      return binary(a, b, (x: number, y: number) => wrap(Math.imul(x, y)));
    }
    case 'long':
      return binary(a, b, mulLong);
    case 'float':
      return binary(a, b, (x: number, y: number) => Math.fround(x * y));
    case 'double':
      return binary(a, b, (x: number, y: number) => x * y);
    case 'decimal':
      return decimalArith(call, a, b, (x, sx, y, sy, rs) => rescale(x * y, sx + sy, rs));
  }
});

/** `/`: double (or decimal) division; division by zero gives null (non-ANSI). */
const divide = compiled((args, call) => {
  const [a, b] = args as [RowFn, RowFn];
  const t = resultType(call);
  if (t instanceof DecimalType) {
    return decimalArith(call, a, b, (x, sx, y, sy, rs) => (y === 0n ? null : divHalfUp(x * pow10(sy + rs), y * pow10(sx))));
  }
  const toNum = (v: unknown): number => (typeof v === 'bigint' ? Number(v) : (v as number));
  const float = t instanceof FloatType;
  return binary(a, b, (x: unknown, y: unknown) => {
    const d = toNum(y);
    if (d === 0) return null;
    const r = toNum(x) / d;
    return float ? Math.fround(r) : r;
  });
});

/** `%`: the sign follows the dividend (Java); `% 0` gives null. */
const remainder = compiled((args, call) => {
  const [a, b] = args as [RowFn, RowFn];
  const t = resultType(call);
  switch (numericKind(t)) {
    case 'int':
      return binary(a, b, (x: number, y: number) => (y === 0 ? null : (x % y) + 0));
    case 'long':
      return binary(a, b, (x: Long, y: Long) => (y === 0 ? null : remLong(x, y)));
    case 'float':
      return binary(a, b, (x: number, y: number) => (y === 0 ? null : Math.fround(x % y)));
    case 'double':
      return binary(a, b, (x: number, y: number) => (y === 0 ? null : x % y));
    case 'decimal':
      return decimalArith(call, a, b, (x, sx, y, sy, rs) => {
        if (y === 0n) return null;
        const s = Math.max(sx, sy);
        return rescale((x * pow10(s - sx)) % (y * pow10(s - sy)), s, rs);
      });
  }
});

const negate = compiled((args, call) => {
  const a = args[0]!;
  const t = resultType(call);
  switch (numericKind(t)) {
    case 'int': {
      const wrap = intWrap(t);
      return unary(a, (x: number) => wrap(-x));
    }
    case 'long':
      return unary(a, negLong);
    case 'float':
    case 'double':
      return unary(a, (x: number) => -x);
    case 'decimal':
      return unary(a, (x: bigint) => -x);
  }
});

/** Integral division (`div`): truncates; `div 0` gives null. */
export function integralDivide(x: Long, y: Long): Long | null {
  return y === 0 ? null : divLong(x, y);
}

// --- comparison ------------------------------------------------------------

const isDoubleLike = (call: Call): boolean => {
  const t = argType(call, 0);
  return t instanceof DoubleType || t instanceof FloatType;
};

/** Whether `===` decides equality for the comparison's operand type. */
function primitiveEquality(call: Call): boolean {
  const t = argType(call, 0);
  return isPrimitiveKeyType(t) && !(t instanceof DoubleType || t instanceof FloatType);
}

const eq = compiled((args, call) => {
  const [a, b] = args as [RowFn, RowFn];
  if (primitiveEquality(call)) return binary(a, b, (x, y) => x === y);
  const e = equalityFor(argType(call, 0));
  return binary(a, b, e);
});

const eqNullSafe = compiled((args, call) => {
  const [a, b] = args as [RowFn, RowFn];
  const e = primitiveEquality(call) ? (x: unknown, y: unknown) => x === y : equalityFor(argType(call, 0));
  return (i) => {
    const x = a(i);
    const y = b(i);
    const xn = x === null || x === undefined;
    const yn = y === null || y === undefined;
    if (xn || yn) return xn && yn;
    return e(x, y);
  };
});

function ordering(test: (c: number) => boolean): ScalarImpl {
  return compiled((args, call) => {
    const [a, b] = args as [RowFn, RowFn];
    const t = argType(call, 0);
    const native = !(t instanceof StringType || isDoubleLike(call) || t instanceof BinaryType || t instanceof ArrayType || t instanceof StructType || t instanceof MapType);
    if (native) return binary(a, b, (x, y) => test(x < y ? -1 : x > y ? 1 : 0));
    const cmp = comparatorFor(t);
    return binary(a, b, (x, y) => test(cmp(x, y)));
  });
}

// --- logic -----------------------------------------------------------------

const and = compiled((args) => {
  const [a, b] = args as [RowFn, RowFn];
  return (i) => {
    const x = a(i);
    if (x === false) return false;
    const y = b(i);
    if (y === false) return false;
    if (x === null || x === undefined || y === null || y === undefined) return null;
    return true;
  };
});

const or = compiled((args) => {
  const [a, b] = args as [RowFn, RowFn];
  return (i) => {
    const x = a(i);
    if (x === true) return true;
    const y = b(i);
    if (y === true) return true;
    if (x === null || x === undefined || y === null || y === undefined) return null;
    return false;
  };
});

const not = compiled((args) => unary(args[0]!, (x: boolean) => !x));

const isNull = compiled((args) => {
  const a = args[0]!;
  return (i) => {
    const v = a(i);
    return v === null || v === undefined;
  };
});

const isNotNull = compiled((args) => {
  const a = args[0]!;
  return (i) => {
    const v = a(i);
    return v !== null && v !== undefined;
  };
});

/** `x IN (v1, ...)`: true on a match; otherwise null if x or any list value is null; else false. */
const inOp = compiled((args, call) => {
  const [value, ...list] = args as [RowFn, ...RowFn[]];
  const t = argType(call, 0);
  const literals = call.args.slice(1).map((_, k) => literalArg(call, k + 1));
  if (isPrimitiveKeyType(t) && literals.every((l) => l !== undefined)) {
    const set = new Set<unknown>();
    let hasNull = false;
    for (const l of literals) {
      if (l!.value === null || l!.value === undefined) hasNull = true;
      else set.add(l!.value);
    }
    return (i) => {
      const x = value(i);
      if (x === null || x === undefined) return null;
      if (set.has(x)) return true;
      return hasNull ? null : false;
    };
  }
  const e = equalityFor(t);
  return (i) => {
    const x = value(i);
    if (x === null || x === undefined) return null;
    let sawNull = false;
    for (const f of list) {
      const y = f(i);
      if (y === null || y === undefined) sawNull = true;
      else if (e(x, y)) return true;
    }
    return sawNull ? null : false;
  };
});

// --- bitwise ---------------------------------------------------------------

const INT32 = (x: unknown): boolean => typeof x === 'number' && x >= -2147483648 && x <= 2147483647;

function bitwise(intOp: (x: number, y: number) => number, bigOp: (x: bigint, y: bigint) => bigint): ScalarImpl {
  return compiled((args, call) => {
    const [a, b] = args as [RowFn, RowFn];
    const t = resultType(call);
    if (numericKind(t) === 'int') {
      const wrap = intWrap(t);
      return binary(a, b, (x: number, y: number) => wrap(intOp(x, y)));
    }
    return binary(a, b, (x: Long, y: Long) =>
      INT32(x) && INT32(y) ? intOp(x as number, y as number) : normLong(bigOp(toBigInt(x), toBigInt(y))),
    );
  });
}

export const bitwiseNot = compiled((args, call) => {
  const t = resultType(call);
  if (numericKind(t) === 'int') {
    const wrap = intWrap(t);
    return unary(args[0]!, (x: number) => wrap(~x));
  }
  return unary(args[0]!, (x: Long) => subLong(negLong(x), 1));
});

export const operatorImpls: Record<string, FunctionImpl> = {
  add,
  subtract,
  multiply,
  divide,
  remainder,
  negate,
  eq,
  eq_null_safe: eqNullSafe,
  gt: ordering((c) => c > 0),
  gte: ordering((c) => c >= 0),
  lt: ordering((c) => c < 0),
  lte: ordering((c) => c <= 0),
  and,
  or,
  not,
  is_null: isNull,
  is_not_null: isNotNull,
  in: inOp,
  ...stringPredicateImpls,
  bitwise_and: bitwise((x, y) => x & y, (x, y) => x & y),
  bitwise_or: bitwise((x, y) => x | y, (x, y) => x | y),
  bitwise_xor: bitwise((x, y) => x ^ y, (x, y) => x ^ y),
  bitwise_not: bitwiseNot,
  /** `a div b`: integral division truncating toward zero; `div 0` is null. */
  div: compiled((args) => binary(args[0]!, args[1]!, integralDivide)),
  ...nestedAccessImpls,
};
