/**
 * PySpark 3.5's runtime exception classes: their names (branded, so bundled
 * builds keep them), their place in the hierarchy, Spark Connect errors mapped
 * onto them from the JVM class hierarchy as PySpark does, and local runtime
 * errors raised as the class Spark raises.
 */
import { describe, expect, it } from 'vitest';
import {
  ArithmeticException,
  ArrayIndexOutOfBoundsException,
  DateTimeException,
  ExecutionException,
  F,
  IllegalArgumentException,
  NumberFormatException,
  SparkNoSuchElementException,
  SparkRuntimeException,
  SparkSession,
  SparkUpgradeException,
} from '../../src/index.js';
import { serverError } from '../../src/backend/connect/errors.js';
import { encodeMessage } from '../../src/backend/connect/proto/codec.js';

const CLASSES = [
  [SparkRuntimeException, 'SparkRuntimeException'],
  [ArithmeticException, 'ArithmeticException'],
  [NumberFormatException, 'NumberFormatException'],
  [DateTimeException, 'DateTimeException'],
  [SparkUpgradeException, 'SparkUpgradeException'],
  [ArrayIndexOutOfBoundsException, 'ArrayIndexOutOfBoundsException'],
  [SparkNoSuchElementException, 'SparkNoSuchElementException'],
] as const;

/** A failure as the Connect server reports it: ErrorInfo with the JVM class hierarchy and error class. */
function failure(classes: readonly string[], errorClass: string, message: string) {
  const info = encodeMessage('google.rpc.ErrorInfo', {
    reason: classes[0],
    domain: 'org.apache.spark',
    metadata: { classes: JSON.stringify(classes), errorClass, messageParameters: JSON.stringify({ a: '1' }) },
  });
  const statusDetails = encodeMessage('google.rpc.Status', { code: 13, message, details: [{ type_url: 'type.googleapis.com/google.rpc.ErrorInfo', value: info }] });
  return { code: 13, details: `[${errorClass}] ${message}`, statusDetails };
}

describe('runtime exception classes', () => {
  it.each(CLASSES.map(([Cls, name]) => ({ Cls, name })))('$name carries its name, error class and parameters', ({ Cls, name }) => {
    const e = new Cls('boom', { errorClass: 'X_Y', messageParameters: { k: 'v' } });
    expect(e.name).toBe(name);
    expect(e.message).toBe('[X_Y] boom');
    expect(e.errorClass).toBe('X_Y');
    expect(e.messageParameters).toEqual({ k: 'v' });
    expect((Cls as unknown as Record<string, (x: unknown) => boolean>)[`is${name}`]!(e)).toBe(true);
  });

  it('NumberFormatException is an IllegalArgumentException; the others are execution errors', () => {
    expect(new NumberFormatException('x')).toBeInstanceOf(IllegalArgumentException);
    expect(IllegalArgumentException.isIllegalArgumentException(new NumberFormatException('x'))).toBe(true);
    for (const [Cls, name] of CLASSES) if (name !== 'NumberFormatException') expect(new Cls('x')).toBeInstanceOf(ExecutionException);
  });

  it('maps Spark Connect errors by their JVM class hierarchy, most specific first', () => {
    const cases: [readonly string[], string, string][] = [
      [['org.apache.spark.SparkArithmeticException', 'java.lang.ArithmeticException', 'java.lang.RuntimeException'], 'DIVIDE_BY_ZERO', 'ArithmeticException'],
      [['org.apache.spark.SparkNumberFormatException', 'java.lang.NumberFormatException', 'java.lang.IllegalArgumentException'], 'CAST_INVALID_INPUT', 'NumberFormatException'],
      [['org.apache.spark.SparkDateTimeException', 'java.time.DateTimeException'], 'CAST_INVALID_INPUT', 'DateTimeException'],
      [['org.apache.spark.SparkArrayIndexOutOfBoundsException', 'java.lang.ArrayIndexOutOfBoundsException'], 'INVALID_ARRAY_INDEX', 'ArrayIndexOutOfBoundsException'],
      [['org.apache.spark.SparkRuntimeException', 'java.lang.RuntimeException'], 'NULL_MAP_KEY', 'SparkRuntimeException'],
      [['org.apache.spark.SparkUpgradeException', 'java.lang.RuntimeException'], 'INCONSISTENT_BEHAVIOR_CROSS_VERSION.PARSE_DATETIME_BY_NEW_PARSER', 'SparkUpgradeException'],
      [['org.apache.spark.SparkNoSuchElementException', 'java.util.NoSuchElementException'], 'MAP_KEY_DOES_NOT_EXIST', 'SparkNoSuchElementException'],
    ];
    for (const [classes, errorClass, name] of cases) {
      const e = serverError(failure(classes, errorClass, 'msg'));
      expect(e.name).toBe(name);
      expect(e.errorClass).toBe(errorClass);
      expect(e.messageParameters).toEqual({ a: '1' });
    }
  });

  it('raises NULL_MAP_KEY as SparkRuntimeException and bad bit positions and format conversions as IllegalArgumentException locally', () => {
    for (const backendType of ['memory', 'polars'] as const) {
      const spark = new SparkSession('errors', { backendType });
      const df = spark.createDataFrame([[null]], 'k string');
      expect(() => df.select(F.create_map('k', F.lit(1))).collect()).toThrow(SparkRuntimeException);
      expect(() => spark.sql("SELECT format_string('%d', 'x')").collect()).toThrow(IllegalArgumentException);
      expect(() => spark.sql('SELECT getbit(1, 100)').collect()).toThrow(IllegalArgumentException);
      // Spark 3.5.7's messages, without an error class.
      expect(() => spark.sql('SELECT getbit(11L, -1)').collect()).toThrow(/^Invalid bit position: -1 is less than zero$/);
      expect(() => spark.sql('SELECT bit_get(11Y, 8)').collect()).toThrow(/^Invalid bit position: 8 exceeds the bit upper limit$/);
      // Java's format exceptions and slice's legacy errors carry no error class in Spark 3.5.7.
      for (const [q, msg] of [
        ["SELECT format_string('%.2f', 2.555)", 'f != org.apache.spark.sql.types.Decimal'],
        ["SELECT format_string('%y', 1)", "Conversion = 'y'"],
        ["SELECT format_string('%e', 1)", 'e != java.lang.Integer'],
      ]) {
        const e = (() => { try { spark.sql(q!).collect(); } catch (err) { return err as IllegalArgumentException; } })();
        expect(e).toBeInstanceOf(IllegalArgumentException);
        expect([e!.message, e!.errorClass]).toEqual([msg, undefined]);
      }
      const sliceError = (() => { try { spark.sql('SELECT slice(array(1), 0, 1)').collect(); } catch (err) { return err as SparkRuntimeException; } })();
      expect(sliceError).toBeInstanceOf(SparkRuntimeException);
      expect([sliceError!.message, sliceError!.errorClass]).toEqual(['Unexpected value for start in function slice: SQL array indices start at 1.', undefined]);
      spark.stop();
    }
  });
});
