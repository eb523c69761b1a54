/**
 * Operators (what Column methods build): arithmetic with Java wrap-around,
 * comparisons with Spark's NaN rules, three-valued logic, IN, LIKE/RLIKE,
 * string predicates, bitwise operators and nested-field access.
 */
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
import { InternalError } from '../../../errors/index.js';
import { comparatorFor, equalityFor, hashKey, isPrimitiveKeyType } from '../runtime/compare.js';
import { divHalfUp, fitsPrecision, pow10, rescale } from '../runtime/decimal.js';
import { addLong, divLong, mulLong, negLong, normLong, remLong, subLong, toBigInt, type Long } from '../runtime/long.js';
import { javaMatcher, likeRegex } from '../runtime/regex.js';
import type { FunctionImpl, RowFn, ScalarImpl } from './types.js';
import { argType, binary, charLength, codePoints, compiled, hasSurrogates, intWrap, literalArg, numericKind, resultType, unary } from './util.js';
import { compileFieldUpdate, fieldUpdates, updatedType } from '../../../functions/defs/update-fields.js';

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

// --- string predicates -------------------------------------------------------

/** A predicate whose second argument is a pattern: compiled once when it is a literal. */
function patternPredicate(build: (pattern: string, call: Call) => (s: string) => boolean): ScalarImpl {
  return compiled((args, call) => {
    const [a, b] = args as [RowFn, RowFn];
    const lit = literalArg(call, 1);
    if (lit && typeof lit.value === 'string') {
      const test = build(lit.value, call);
      return unary(a, test);
    }
    let lastPattern: string | undefined;
    let lastTest: ((s: string) => boolean) | undefined;
    return binary(a, b, (s: string, p: string) => {
      if (p !== lastPattern) {
        lastPattern = p;
        lastTest = build(p, call);
      }
      return lastTest!(s);
    });
  });
}

const escapeOf = (call: Call): string => {
  const e = call.options?.escapeChar ?? call.options?.escape;
  return typeof e === 'string' && e.length > 0 ? e : '\\';
};

const like = patternPredicate((p, call) => {
  const re = likeRegex(p, escapeOf(call));
  return (s) => re.test(s);
});

const ilike = patternPredicate((p, call) => {
  const re = likeRegex(p.toLowerCase(), escapeOf(call));
  return (s) => re.test(s.toLowerCase());
});

const rlike = patternPredicate((p) => {
  const re = javaMatcher(p);
  return (s) => re.test(s);
});

/** Whether `p` occurs in `s` at byte offset `at`. */
const bytesAt = (s: Uint8Array, p: Uint8Array, at: number): boolean => {
  if (at < 0 || at + p.length > s.length) return false;
  for (let i = 0; i < p.length; i++) if (s[at + i] !== p[i]) return false;
  return true;
};

/** startswith/endswith/contains over strings, or over the bytes of two binaries. */
const substringPredicate = (onString: (s: string, p: string) => boolean, onBytes: (s: Uint8Array, p: Uint8Array) => boolean) =>
  compiled((args) =>
    binary(args[0]!, args[1]!, (s: string | Uint8Array, p: string | Uint8Array) =>
      s instanceof Uint8Array ? onBytes(s, p as Uint8Array) : onString(s, p as string),
    ),
  );
const startswith = substringPredicate((s, p) => s.startsWith(p), (s, p) => bytesAt(s, p, 0));
const endswith = substringPredicate((s, p) => s.endsWith(p), (s, p) => bytesAt(s, p, s.length - p.length));
const contains = substringPredicate(
  (s, p) => s.includes(p),
  (s, p) => {
    for (let at = 0; at + p.length <= s.length; at++) if (bytesAt(s, p, at)) return true;
    return false;
  },
);

/** Spark's substringSQL: 1-based; 0 is treated as 1; negative counts from the end. */
export function sqlSubstring(s: string, pos: number, len: number): string {
  const surrogates = hasSurrogates(s);
  const n = surrogates ? charLength(s) : s.length;
  let start = pos > 0 ? pos - 1 : pos < 0 ? n + pos : 0;
  const end = Math.min(start + len, 2147483647);
  start = Math.max(start, 0);
  if (start >= end) return '';
  if (!surrogates) return s.slice(start, end);
  return codePoints(s).slice(start, end).join('');
}

/** substringSQL over bytes: the same 1-based / from-the-end positions, counted in bytes. */
export function byteSubstring(b: Uint8Array, pos: number, len: number): Uint8Array {
  let start = pos > 0 ? pos - 1 : pos < 0 ? b.length + pos : 0;
  const end = Math.min(start + len, 2147483647);
  start = Math.max(start, 0);
  return start >= end ? new Uint8Array(0) : b.slice(start, end);
}

/** substring of a string (characters) or a binary (bytes). */
export function sqlSubstringOf<T extends string | Uint8Array>(x: T, pos: number, len: number): T {
  return (x instanceof Uint8Array ? byteSubstring(x, pos, len) : sqlSubstring(x as string, pos, len)) as T;
}

const substring = compiled((args) => {
  const [s, p, l] = args as [RowFn, RowFn, RowFn | undefined];
  if (!l) return binary(s, p, (x: string | Uint8Array, pos: number) => sqlSubstringOf(x, pos, 2147483647));
  return (i) => {
    const x = s(i);
    if (x === null || x === undefined) return null;
    const pos = p(i);
    if (pos === null || pos === undefined) return null;
    const len = l(i);
    if (len === null || len === undefined) return null;
    return sqlSubstringOf(x as string | Uint8Array, pos as number, len as number);
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

// --- nested access ---------------------------------------------------------

/** Looks a key up in a map value, comparing complex keys structurally. */
export function mapLookup(m: Map<unknown, unknown>, key: unknown, keyType: import('../../../types/data-types.js').DataType): unknown {
  if (isPrimitiveKeyType(keyType)) {
    const v = m.get(key);
    return v === undefined ? null : v;
  }
  const target = hashKey(key, keyType);
  for (const [k, v] of m) if (hashKey(k, keyType) === target) return v ?? null;
  return null;
}

const getItem = compiled((args, call) => {
  const [a, b] = args as [RowFn, RowFn];
  const t = argType(call, 0);
  if (t instanceof ArrayType) {
    return binary(a, b, (arr: unknown[], idx: number) => {
      const v = idx >= 0 && idx < arr.length ? arr[idx] : null;
      return v === undefined ? null : v;
    });
  }
  if (t instanceof MapType) {
    const kt = t.keyType;
    return binary(a, b, (m: Map<unknown, unknown>, k: unknown) => mapLookup(m, k, kt));
  }
  throw new InternalError(`get_item on ${t.simpleString()}`);
});

function fieldIndex(call: Call, t: StructType, name: unknown): number {
  const idx = call.options?.index;
  if (typeof idx === 'number') return idx;
  const n = String(name);
  let i = t.fields.findIndex((f) => f.name === n);
  if (i < 0) i = t.fields.findIndex((f) => f.name.toLowerCase() === n.toLowerCase());
  if (i < 0) throw new InternalError(`struct field ${n} not found`);
  return i;
}

const getField = compiled((args, call) => {
  const a = argType(call, 0);
  const t = (a instanceof ArrayType ? a.elementType : a) as StructType;
  const i = fieldIndex(call, t, call.options?.field);
  const field = (s: unknown[] | null | undefined): unknown => (s === null || s === undefined ? null : (s[i] ?? null));
  // An array of structs gives each element's field (NULL for a NULL element).
  if (a instanceof ArrayType) return unary(args[0]!, (xs: (unknown[] | null)[]) => xs.map(field));
  return unary(args[0]!, field);
});

const withField = compiled((args, call) => {
  const [a, b] = args as [RowFn, RowFn];
  const update = compileFieldUpdate(argType(call, 0) as StructType, fieldUpdates(call)[0]!);
  return (i) => {
    const s = a(i) as unknown[] | null | undefined;
    return s === null || s === undefined ? null : update(s, b(i));
  };
});

const dropFields = compiled((args, call) => {
  let t = argType(call, 0) as StructType;
  const steps = fieldUpdates(call).map((u) => {
    const step = compileFieldUpdate(t, u);
    t = updatedType(t, u, undefined, '', '', true);
    return step;
  });
  return unary(args[0]!, (s: unknown[]) => steps.reduce<unknown[]>((row, step) => step(row, undefined), s));
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
  like,
  rlike,
  ilike,
  startswith,
  endswith,
  contains,
  substring,
  bitwise_and: bitwise((x, y) => x & y, (x, y) => x & y),
  bitwise_or: bitwise((x, y) => x | y, (x, y) => x | y),
  bitwise_xor: bitwise((x, y) => x ^ y, (x, y) => x ^ y),
  bitwise_not: bitwiseNot,
  /** `a div b`: integral division truncating toward zero; `div 0` is null. */
  div: compiled((args) => binary(args[0]!, args[1]!, integralDivide)),
  get_item: getItem,
  get_field: getField,
  with_field: withField,
  drop_fields: dropFields,
};
