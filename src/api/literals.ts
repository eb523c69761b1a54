/**
 * PySpark's `lit()` typing for JS values: integers that fit in 32 bits are
 * IntegerType (Python's `lit(1)` is an int literal), larger integers and
 * bigints within the long range LongType (bigints beyond it are an error, as
 * in PySpark), other numbers (also whole ones beyond the long range) DoubleType, Date a TimestampType, arrays
 * `array(...)`, Maps `map(...)`.
 */
import { PySparkTypeError, PySparkValueError } from '../errors/index.js';
import { E, type Expr } from '../expr/nodes.js';
import { BINARY, BOOLEAN, DOUBLE, INT, LONG, NULL, STRING, TIMESTAMP } from '../types/data-types.js';

const INT_MIN = -2147483648;
const INT_MAX = 2147483647;
const LONG_MIN = -9223372036854775808n;
const LONG_MAX = 9223372036854775807n;

export function literalExpr(v: unknown): Expr {
  if (v === null || v === undefined) return E.lit(null, NULL);
  switch (typeof v) {
    case 'boolean':
      return E.lit(v, BOOLEAN);
    case 'string':
      return E.lit(v, STRING);
    case 'bigint':
      // PySpark refuses a Python int outside the long range (VALUE_NOT_BETWEEN) rather than wrap it.
      if (v < LONG_MIN || v > LONG_MAX) {
        throw new PySparkValueError(`Value for \`value\` must be between ${LONG_MIN} and ${LONG_MAX}.`, {
          errorClass: 'VALUE_NOT_BETWEEN',
          messageParameters: { arg_name: 'value', min: String(LONG_MIN), max: String(LONG_MAX) },
        });
      }
      return E.lit(Number.isSafeInteger(Number(v)) ? Number(v) : v, LONG);
    case 'number':
      if (Number.isInteger(v) && !Object.is(v, -0)) {
        if (v >= INT_MIN && v <= INT_MAX) return E.lit(v, INT);
        // A whole double in the long range is a long (kept as a bigint past 2^53, the internal form);
        // beyond it (1e20) the number can only be the double it is.
        if (v >= -(2 ** 63) && v < 2 ** 63) return E.lit(Number.isSafeInteger(v) ? v : BigInt(v), LONG);
      }
      return E.lit(v, DOUBLE);
    case 'object':
      if (v instanceof Date) {
        if (Number.isNaN(v.getTime())) throw new PySparkTypeError('Invalid Date cannot be used as a literal.', { errorClass: 'UNSUPPORTED_LITERAL' });
        return E.lit(v.getTime() * 1000, TIMESTAMP);
      }
      if (v instanceof Uint8Array) return E.lit(v, BINARY);
      if (Array.isArray(v)) return E.call('array', v.map(literalExpr));
      if (v instanceof Map) return E.call('create_map', [...v.entries()].flatMap(([k, x]) => [literalExpr(k), literalExpr(x)]));
      break;
  }
  throw new PySparkTypeError(`Unsupported Literal Type [${typeof v === 'object' ? (v as object).constructor?.name : typeof v}].`, {
    errorClass: 'UNSUPPORTED_LITERAL',
  });
}
