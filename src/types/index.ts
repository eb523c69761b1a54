export * from './data-types.js';
export * from './coercion.js';
export { parseDataType, parseTableSchema, parseTypeString, parseSchema, toDDL, fromJson } from './ddl.js';
export { inferType, inferSchemaOfRow, inferSchema, mergeType, hasNullType, jsTypeName, type InferOptions } from './infer.js';
export {
  toInternal,
  toExternal,
  rowsToBatch,
  batchToRows,
  parseDecimal,
  rescaleHalfUp,
  parseDateText,
  parseTimestampText,
  jsRepr,
  type ToInternalOptions,
} from './values.js';
export {
  daysFromCivil,
  civilFromDays,
  zoneOffsetMs,
  utcMicrosToLocal,
  localMicrosToUtc,
  checkTimeZone,
  isUtc,
  MICROS_PER_DAY,
  MICROS_PER_SECOND,
  MILLIS_PER_DAY,
} from './timezone.js';
