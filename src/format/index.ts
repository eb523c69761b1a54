export {
  castToString,
  prettyString,
  valueToString,
  javaDoubleToString,
  javaFloatToString,
  javaBigDecimalToString,
  decimalToPlainString,
  formatDate,
  formatTimestamp,
  binaryToHex,
  type ValueStringOptions,
} from './value-string.js';
export { formatShow, truncateCell, escapeMetaCharacters, stringHalfWidth, type ShowOptions } from './show.js';
export { formatSchemaTree } from './print-schema.js';
