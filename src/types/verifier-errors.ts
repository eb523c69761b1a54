/**
 * The errors of PySpark 3.5's `_make_type_verifier`, which `createDataFrame` raises for values
 * that do not fit the schema; their class names and message texts are PySpark's.
 */
import { Row } from '../data/row.js';
import { PySparkTypeError, PySparkValueError } from '../errors/exceptions.js';
import type { DataType } from './data-types.js';
import { jsTypeName } from './infer.js';

/** A Python-repr-like text of a JS value for error messages: `'a'`, `1.5`, `[1, 'x']`. */
export function jsRepr(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return 'undefined';
  if (typeof v === 'string') return `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  if (typeof v === 'bigint') return `${v}n`;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (typeof v === 'function') return `[Function ${v.name || 'anonymous'}]`;
  if (typeof v !== 'object') return String(v);
  if (Row.isRow(v)) return v.toString();
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? 'Invalid Date' : v.toISOString();
  if (v instanceof Uint8Array) return `Uint8Array [${[...v].join(', ')}]`;
  if (Array.isArray(v)) return `[${v.map(jsRepr).join(', ')}]`;
  if (v instanceof Map) return `Map {${[...v].map(([k, x]) => `${jsRepr(k)} => ${jsRepr(x)}`).join(', ')}}`;
  return `{${Object.entries(v).map(([k, x]) => `${jsRepr(k)}: ${jsRepr(x)}`).join(', ')}}`;
}

export function unacceptable(t: DataType, v: unknown, name: string | undefined): PySparkTypeError {
  const params = { data_type: t.toString(), obj: jsRepr(v), obj_type: `<class '${jsTypeName(v)}'>` };
  const text = `${params.data_type} can not accept object ${params.obj} in type ${params.obj_type}.`;
  if (name === undefined) return new PySparkTypeError(text, { errorClass: 'FIELD_DATA_TYPE_UNACCEPTABLE', messageParameters: params });
  return new PySparkTypeError(`${name}: ${text}`, {
    errorClass: 'FIELD_DATA_TYPE_UNACCEPTABLE_WITH_NAME',
    messageParameters: { field_name: name, ...params },
  });
}

export function notNullable(name: string | undefined): PySparkValueError {
  if (name === undefined) return new PySparkValueError('Field is not nullable, but got None.', { errorClass: 'FIELD_NOT_NULLABLE' });
  return new PySparkValueError(`${name}: This field is not nullable, but got None.`, {
    errorClass: 'FIELD_NOT_NULLABLE_WITH_NAME',
    messageParameters: { field_name: name },
  });
}

/** PySpark 3.5's VALUE_OUT_OF_BOUND text (it names the upper bound first). */
export function outOfBound(v: number | bigint, lower: number | bigint, upper: number | bigint): PySparkValueError {
  return new PySparkValueError(`Value for \`obj\` must be greater than ${upper} or less than ${lower}, got ${v}`, {
    errorClass: 'VALUE_OUT_OF_BOUND',
    messageParameters: { arg_name: 'obj', lower_bound: String(upper), upper_bound: String(lower), actual: String(v) },
  });
}

export function lengthMismatch(objLength: number, fieldLength: number): PySparkValueError {
  return new PySparkValueError(`obj and fields should be of the same length, got ${objLength} and ${fieldLength}.`, {
    errorClass: 'LENGTH_SHOULD_BE_THE_SAME',
    messageParameters: { arg1: 'obj', arg2: 'fields', arg1_length: String(objLength), arg2_length: String(fieldLength) },
  });
}
