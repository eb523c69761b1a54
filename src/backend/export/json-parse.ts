/**
 * JSON text parsed as Spark's Jackson reads it: nodes that keep numbers' text (so longs and decimals
 * stay exact), the parser relaxations the options switch (`jsonParseFlags`), and node text as
 * Jackson copies it.
 */
import { javaDoubleToString } from '../../format/value-string.js';
import { jsonBool, type SourceOptions } from './options.js';
import { readJson, type JsonReader } from '../memory/runtime/json.js';
import { javaUtf8 } from '../../types/well-formed.js';
import { jsonString, nonFiniteOr } from './json.js';

/** A parsed JSON value; numbers keep their text so longs and decimals stay exact. */
export type JsonNode =
  | { readonly kind: 'object'; readonly entries: readonly (readonly [string, JsonNode])[] }
  | { readonly kind: 'array'; readonly items: readonly JsonNode[] }
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'number'; readonly text: string; readonly integral: boolean }
  | { readonly kind: 'boolean'; readonly value: boolean }
  | { readonly kind: 'null' };

/** Spark's Jackson defaults for JSON files: single quotes and NaN/Infinity allowed, control characters escaped. */
const NODE_READER: JsonReader<JsonNode> = {
  object: (entries) => ({ kind: 'object', entries }),
  array: (items) => ({ kind: 'array', items }),
  string: (value) => ({ kind: 'string', value: javaUtf8(value) }),
  number: (text, integral) => ({ kind: 'number', text, integral }),
  boolean: (value) => ({ kind: 'boolean', value }),
  null: () => ({ kind: 'null' }),
  singleQuotes: true,
  nonNumericNumbers: true,
};

/** Parses one JSON document; throws JsonSyntaxError when the text is not valid JSON. */
export function parseJson(text: string): JsonNode {
  return readJson(text, NODE_READER);
}

/** Jackson relaxations the JSON options switch (JSONOptions). */
export interface JsonParseFlags {
  readonly singleQuotes: boolean;
  readonly nonNumericNumbers: boolean;
  readonly controlChars: boolean;
  readonly firstValueOnly?: boolean;
  readonly comments?: boolean;
  readonly unquotedFieldNames?: boolean;
  readonly leadingZeros?: boolean;
  readonly anyEscape?: boolean;
}

/** The parser relaxations of a JSON source's or function's options, with Spark's defaults. */
export function jsonParseFlags(o: SourceOptions): JsonParseFlags {
  return {
    singleQuotes: jsonBool(o, 'allowSingleQuotes', true),
    nonNumericNumbers: jsonBool(o, 'allowNonNumericNumbers', true),
    controlChars: jsonBool(o, 'allowUnquotedControlChars', false),
    comments: jsonBool(o, 'allowComments', false),
    unquotedFieldNames: jsonBool(o, 'allowUnquotedFieldNames', false),
    leadingZeros: jsonBool(o, 'allowNumericLeadingZeros', false),
    anyEscape: jsonBool(o, 'allowBackslashEscapingAnyCharacter', false),
    // Jackson reads one value and leaves what follows it (`{"a":1} x` is `{"a":1}`).
    firstValueOnly: true,
  };
}

/** Parses one JSON document with the given relaxations; throws JsonSyntaxError. */
export function parseJsonWith(text: string, flags: JsonParseFlags): JsonNode {
  return readJson(text, { ...NODE_READER, ...flags });
}

/** Compact JSON text of a node as Jackson copies it (numbers re-printed); a string column reading a non-string value, get_json_object. */
export function nodeText(node: JsonNode): string {
  switch (node.kind) {
    case 'object':
      return '{' + node.entries.map(([k, v]) => jsonString(k) + ':' + nodeText(v)).join(',') + '}';
    case 'array':
      return '[' + node.items.map(nodeText).join(',') + ']';
    case 'string':
      return jsonString(node.value);
    case 'number':
      return jacksonNumberText(node.text, node.integral);
    case 'boolean':
      return String(node.value);
    case 'null':
      return 'null';
  }
}

/**
 * A number token as Jackson's copyCurrentStructure re-prints it: integers as
 * their value (`-0` is `0`), others as doubles (`1.0e0` is `1.0`, `1e400` the
 * string `"Infinity"`).
 */
export function jacksonNumberText(text: string, integral: boolean): string {
  if (integral) return BigInt(text).toString();
  const special = specialDouble(text);
  return special !== undefined ? nonFiniteOr(special, javaDoubleToString) : nonFiniteOr(Number(text), javaDoubleToString);
}

/** Jackson's non-numeric numbers (and their string forms Spark accepts). */
export function specialDouble(text: string): number | undefined {
  switch (text) {
    case 'NaN':
      return NaN;
    case 'Infinity':
    case '+Infinity':
    case 'INF':
    case '+INF':
      return Infinity;
    case '-Infinity':
    case '-INF':
      return -Infinity;
    default:
      return undefined;
  }
}
