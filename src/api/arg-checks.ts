/**
 * Argument checks for the public API, with PySpark's error classes
 * (NOT_STR, NOT_INT, NOT_CALLABLE, NOT_LIST, NOT_DICT): a wrong type names
 * the argument instead of surfacing as a raw TypeError deep inside.
 */
import { IllegalArgumentException, PySparkTypeError } from '../errors/index.js';
import { typeName } from './column.js';

export function requireStr(arg: string, v: unknown): asserts v is string {
  if (typeof v !== 'string') throw new PySparkTypeError(`Argument \`${arg}\` should be a str, got ${typeName(v)}.`, { errorClass: 'NOT_STR', messageParameters: { arg_name: arg, arg_type: typeName(v) } });
}

/** `String(v)` for messages, never throwing (symbols, prototype-less objects, a throwing toString). */
export function safeString(v: unknown): string {
  try {
    return typeof v === 'symbol' ? v.toString() : String(v);
  } catch {
    return `<${typeName(v)}>`;
  }
}

/** A JS number (PySpark's int or float), e.g. a window frame boundary. */
export function requireNumber(arg: string, v: unknown): asserts v is number {
  if (typeof v !== 'number') throw new PySparkTypeError(`Argument \`${arg}\` should be an int or float, got ${typeName(v)}.`, { errorClass: 'NOT_FLOAT_OR_INT', messageParameters: { arg_name: arg, arg_type: typeName(v) } });
}

export function requireStrs(arg: string, vs: readonly unknown[]): asserts vs is readonly string[] {
  for (const v of vs) requireStr(arg, v);
}

export function requireInt(arg: string, v: unknown): asserts v is number {
  if (typeof v !== 'number' || !Number.isInteger(v)) throw new PySparkTypeError(`Argument \`${arg}\` should be an int, got ${typeName(v)}.`, { errorClass: 'NOT_INT', messageParameters: { arg_name: arg, arg_type: typeName(v) } });
}

export function requireCallable(arg: string, v: unknown): asserts v is (...a: never[]) => unknown {
  if (typeof v !== 'function') throw new PySparkTypeError(`Argument \`${arg}\` should be a callable, got ${typeName(v)}.`, { errorClass: 'NOT_CALLABLE', messageParameters: { arg_name: arg, arg_type: typeName(v) } });
}

export function requireList(arg: string, v: unknown): asserts v is readonly unknown[] {
  if (!Array.isArray(v)) throw new PySparkTypeError(`Argument \`${arg}\` should be a list, got ${typeName(v)}.`, { errorClass: 'NOT_LIST', messageParameters: { arg_name: arg, arg_type: typeName(v) } });
}

export function requireDict(arg: string, v: unknown): asserts v is Record<string, unknown> {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) throw new PySparkTypeError(`Argument \`${arg}\` should be a dict, got ${typeName(v)}.`, { errorClass: 'NOT_DICT', messageParameters: { arg_name: arg, arg_type: typeName(v) } });
}

/** A partition count (range, repartition): an int, and positive as Spark requires. */
export function requirePositivePartitions(v: unknown): asserts v is number {
  requireInt('numPartitions', v);
  if (v <= 0) throw new IllegalArgumentException('Positive number of partitions required', {});
}
