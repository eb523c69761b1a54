/**
 * The casts Spark's analyzer allows without ANSI mode but rejects with it
 * (spark.sql.ansi.enabled=true): DATE to a number (CAST_WITH_FUNC_SUGGESTION,
 * use UNIX_DATE), and BOOLEAN to TIMESTAMP, an integral number to BINARY, DATE
 * or TIMESTAMP to BOOLEAN (CAST_WITH_CONF_SUGGESTION). TRY_CAST follows ANSI's rules in
 * both modes, and names no configuration to turn off (CAST_WITHOUT_SUGGESTION).
 */
import { AnalysisException } from '../errors/index.js';
import {
  BinaryType,
  BooleanType,
  ByteType,
  DateType,
  DecimalType,
  DoubleType,
  FloatType,
  IntegerType,
  LongType,
  ShortType,
  TimestampType,
  type DataType,
} from '../types/data-types.js';

const BYPASS = '"spark.sql.ansi.enabled"';
const isIntegral = (t: DataType): boolean => t instanceof ByteType || t instanceof ShortType || t instanceof IntegerType || t instanceof LongType;
const isNumeric = (t: DataType): boolean => isIntegral(t) || t instanceof FloatType || t instanceof DoubleType || t instanceof DecimalType;

function forbidden(from: DataType, to: DataType): 'func' | 'conf' | undefined {
  if (from instanceof DateType && isNumeric(to)) return 'func';
  if (from instanceof BooleanType && to instanceof TimestampType) return 'conf';
  if (isIntegral(from) && to instanceof BinaryType) return 'conf';
  if ((from instanceof DateType || from instanceof TimestampType) && to instanceof BooleanType) return 'conf';
  return undefined;
}

/** Spark's DATATYPE_MISMATCH for `sql` (e.g. `CAST(d AS INT)`) when ANSI forbids the cast, else undefined. */
export function ansiCastMismatch(from: DataType, to: DataType, sql: string, tryCast = false): AnalysisException | undefined {
  const kind = forbidden(from, to);
  if (!kind) return undefined;
  const [src, dst] = [`"${from.sql()}"`, `"${to.sql()}"`];
  if (tryCast && kind === 'conf') {
    return new AnalysisException(`Cannot resolve "${sql}" due to data type mismatch: cannot cast ${src} to ${dst}.`, {
      errorClass: 'DATATYPE_MISMATCH.CAST_WITHOUT_SUGGESTION',
      messageParameters: { sqlExpr: `"${sql}"`, srcType: src, targetType: dst },
    });
  }
  const detail =
    kind === 'func'
      ? `cannot cast ${src} to ${dst}.\nTo convert values from ${src} to ${dst}, you can use the functions \`UNIX_DATE\` instead.`
      : `cannot cast ${src} to ${dst} with ANSI mode on.\nIf you have to cast ${src} to ${dst}, you can set ${BYPASS} as 'false'.`;
  return new AnalysisException(`Cannot resolve "${sql}" due to data type mismatch: ${detail}`, {
    errorClass: `DATATYPE_MISMATCH.${kind === 'func' ? 'CAST_WITH_FUNC_SUGGESTION' : 'CAST_WITH_CONF_SUGGESTION'}`,
    messageParameters: {
      sqlExpr: `"${sql}"`,
      srcType: src,
      targetType: dst,
      ...(kind === 'func' ? { functionNames: '`UNIX_DATE`' } : { config: BYPASS, configVal: "'false'" }),
    },
  });
}
