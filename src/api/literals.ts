/**
 * PySpark's `lit()` typing for JS values: integers that fit in 32 bits are
 * IntegerType (Python's `lit(1)` is an int literal), larger integers and
 * bigints LongType, other numbers DoubleType, Date a TimestampType, arrays
 * `array(...)`, Maps `map(...)`.
 */
import { PySparkTypeError } from '../errors/index.js';
import { E, type Expr } from '../expr/nodes.js';
import { BINARY, BOOLEAN, DOUBLE, INT, LONG, NULL, STRING, TIMESTAMP } from '../types/data-types.js';

const INT_MIN = -2147483648;
const INT_MAX = 2147483647;

export function literalExpr(v: unknown): Expr {
  if (v === null || v === undefined) return E.lit(null, NULL);
  switch (typeof v) {
    case 'boolean':
      return E.lit(v, BOOLEAN);
    case 'string':
      return E.lit(v, STRING);
    case 'bigint':
      return E.lit(Number.isSafeInteger(Number(v)) ? Number(v) : v, LONG);
    case 'number':
      if (Number.isInteger(v) && !Object.is(v, -0)) return E.lit(v, v >= INT_MIN && v <= INT_MAX ? INT : LONG);
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
