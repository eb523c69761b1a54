/**
 * A small JSON reader that keeps number tokens as written (so longs and
 * decimals stay exact, which JSON.parse would lose) and preserves object
 * key order. Invalid input gives undefined.
 * `readJson` is the one reader; the file source (backend/export/json-parse.ts)
 * builds its own nodes with it.
 */
export type JsonValue =
  | null
  | boolean
  | string
  | { readonly num: string }
  | readonly JsonValue[]
  | { readonly entries: readonly (readonly [string, JsonValue])[] };

export const isJsonNumber = (v: JsonValue): v is { readonly num: string } => typeof v === 'object' && v !== null && 'num' in v;
export const isJsonObject = (v: JsonValue): v is { readonly entries: readonly (readonly [string, JsonValue])[] } =>
  // Arrays have an `entries` method too.
  typeof v === 'object' && v !== null && !Array.isArray(v) && 'entries' in v;

/**
 * How `readJson` builds values, and which of Jackson's relaxations it allows
 * (each reader states the settings of the Spark feature it serves).
 */
export interface JsonReader<T> {
  object(entries: [string, T][]): T;
  array(items: T[]): T;
  string(value: string): T;
  /** A number token as written; `integral` when it has neither fraction nor exponent (NaN/Infinity are not). */
  number(text: string, integral: boolean): T;
  boolean(value: boolean): T;
  null(): T;
  /** ALLOW_SINGLE_QUOTES: strings and field names in '...', and the `\'` escape. */
  readonly singleQuotes?: boolean;
  /** ALLOW_NON_NUMERIC_NUMBERS: `NaN`, `Infinity`, `+Infinity`, `-Infinity`, `INF`, `+INF`, `-INF`. */
  readonly nonNumericNumbers?: boolean;
  /** ALLOW_UNESCAPED_CONTROL_CHARS: raw characters below U+0020 inside strings. */
  readonly controlChars?: boolean;
  /** Longest number token accepted (default: any length). */
  readonly maxNumberLength?: number;
  /** Read the first value only and ignore what follows it, as a Jackson parser asked for one value does. */
  readonly firstValueOnly?: boolean;
  /** ALLOW_COMMENTS: `/* ... *\/` and `// ...` wherever whitespace may stand. */
  readonly comments?: boolean;
  /** ALLOW_UNQUOTED_FIELD_NAMES: names of Java identifier characters and `@#*+-`. */
  readonly unquotedFieldNames?: boolean;
  /** ALLOW_LEADING_ZEROS_FOR_NUMBERS: `007` reads as `7`. */
  readonly leadingZeros?: boolean;
  /** ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER: `\q` reads as `q`. */
  readonly anyEscape?: boolean;
}

/** Thrown by `readJson` for text that is not one JSON document. */
export class JsonSyntaxError extends Error {}

const NUMBER = /-?(?:0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
const ZEROS_NUMBER = /-?\d+(\.\d+)?([eE][+-]?\d+)?/y;
/** Jackson's unquoted-name characters: Java identifier parts (ignorable controls included) and `@#*+-`. */
const NAME_CHAR = /[\p{L}\p{Nl}\p{Nd}\p{Mn}\p{Mc}\p{Pc}\p{Sc}\p{Cf}\u007f-\u009f@#*+-]/u;
const NON_NUMERIC = /(?:NaN|[+-]?Infinity|[+-]?INF)/y;

/**
 * Reads one JSON document, keeping number tokens as written (so longs and
 * decimals stay exact) and object members in order. Throws JsonSyntaxError.
 */
export function readJson<T>(text: string, r: JsonReader<T>): T {
  let i = 0;
  const n = text.length;
  const fail = (): never => {
    throw new JsonSyntaxError(`Unexpected character at ${i}`);
  };
  const ws = (): void => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) i++;
      else if (c === 0x2f && r.comments && text[i + 1] === '*') {
        const end = text.indexOf('*/', i + 2);
        if (end < 0) fail();
        i = end + 2;
      } else if (c === 0x2f && r.comments && text[i + 1] === '/') {
        while (i < n && text[i] !== '\n' && text[i] !== '\r') i++;
      } else break;
    }
  };
  const unquotedName = (): string => {
    const from = i;
    while (i < n && NAME_CHAR.test(text[i]!)) i++;
    if (i === from) fail();
    return text.slice(from, i);
  };
  const isQuote = (c: string | undefined): boolean => c === '"' || (c === "'" && r.singleQuotes === true);
  const str = (q: string): string => {
    i++; // opening quote
    let out = '';
    let from = i;
    for (;;) {
      if (i >= n) fail();
      const c = text[i]!;
      if (c === q) {
        out += text.slice(from, i);
        i++;
        return out;
      }
      if (c.charCodeAt(0) < 0x20 && !r.controlChars) fail();
      if (c === '\\') {
        out += text.slice(from, i);
        const e = text[i + 1];
        i += 2;
        switch (e) {
          case "'":
            if (!r.singleQuotes && !r.anyEscape) fail();
            out += e;
            break;
          case '"':
          case '\\':
          case '/':
            out += e;
            break;
          case 'b':
            out += '\b';
            break;
          case 'f':
            out += '\f';
            break;
          case 'n':
            out += '\n';
            break;
          case 'r':
            out += '\r';
            break;
          case 't':
            out += '\t';
            break;
          case 'u': {
            const hex = text.slice(i, i + 4);
            if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail();
            out += String.fromCharCode(parseInt(hex, 16));
            i += 4;
            break;
          }
          default:
            if (!r.anyEscape || e === undefined) fail();
            out += e;
        }
        from = i;
        continue;
      }
      i++;
    }
  };
  const value = (): T => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      const entries: [string, T][] = [];
      ws();
      if (text[i] === '}') {
        i++;
        return r.object(entries);
      }
      for (;;) {
        ws();
        const k = isQuote(text[i]) ? str(text[i]!) : r.unquotedFieldNames ? unquotedName() : fail();
        ws();
        if (text[i] !== ':') fail();
        i++;
        entries.push([k, value()]);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return r.object(entries);
        }
        fail();
      }
    }
    if (c === '[') {
      i++;
      const items: T[] = [];
      ws();
      if (text[i] === ']') {
        i++;
        return r.array(items);
      }
      for (;;) {
        items.push(value());
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return r.array(items);
        }
        fail();
      }
    }
    if (isQuote(c)) return r.string(str(c!));
    if (text.startsWith('true', i)) {
      i += 4;
      return r.boolean(true);
    }
    if (text.startsWith('false', i)) {
      i += 5;
      return r.boolean(false);
    }
    if (text.startsWith('null', i)) {
      i += 4;
      return r.null();
    }
    if (r.nonNumericNumbers) {
      NON_NUMERIC.lastIndex = i;
      const special = NON_NUMERIC.exec(text);
      if (special) {
        i += special[0].length;
        return r.number(special[0], false);
      }
    }
    const pattern = r.leadingZeros ? ZEROS_NUMBER : NUMBER;
    pattern.lastIndex = i;
    const m = pattern.exec(text);
    if (!m || m[0].length > (r.maxNumberLength ?? Infinity)) fail();
    i += m![0].length;
    // Jackson drops the leading zeros it allows (`-007.5` is `-7.5`, `00` is `0`).
    const token = r.leadingZeros ? m![0].replace(/^(-?)0+(?=\d)/, '$1') : m![0];
    return r.number(token, m![1] === undefined && m![2] === undefined);
  };
  const v = value();
  if (r.firstValueOnly) return v;
  ws();
  if (i !== n) fail();
  return v;
}

/** json_array_length / json_object_keys's reader: double quotes only, raw control characters allowed. */
const VALUE_READER: JsonReader<JsonValue> = {
  object: (entries) => ({ entries }),
  array: (items) => items,
  string: (value) => value,
  number: (num) => ({ num }),
  boolean: (value) => value,
  null: () => null,
  controlChars: true,
  maxNumberLength: 400,
};

/** Parses a JSON document; undefined when the text is not valid JSON. */
export function parseJson(text: string): JsonValue | undefined {
  try {
    return readJson(text, VALUE_READER);
  } catch {
    return undefined;
  }
}
