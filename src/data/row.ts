/**
 * `Row`: one collected record, like PySpark's `pyspark.sql.Row`.
 *
 * Fields are readable as properties (`row.name`), by position or name
 * (`row.get(0)`, `row.get('name')`), and by iteration over the values.
 * Each field is an own, enumerable, read-only property, so Vitest/Jest
 * `toEqual` compares a Row with a plain object: `expect(row).toEqual({ id: 1, name: 'a' })`.
 * Limits of that comparison (and of property access):
 * - a field whose name is a Row member or an `Object.prototype` member
 *   (`get`, `length`, `fields`, `asDict`, `toArray`, `toJSON`, `toString`,
 *   `constructor`, `valueOf`, `hasOwnProperty`, ...) is not a property; read it
 *   with `row.get('length')` or compare `row.asDict()` instead;
 * - with duplicate names only the first field is a property (as `row['x']` in
 *   PySpark), while `asDict()` keeps the last value (as PySpark's `asDict`);
 * - `toStrictEqual` fails against a plain object (different prototype).
 */
import { PySparkValueError } from '../errors/exceptions.js';
import { definePublicName } from '../util/public-name.js';

const ROW_MARKER = Symbol.for('sparkless.row');

/** Set only for the next constructor call by `ownedRow`. */
let handingOver = false;
/** The layout of `names`, when `ownedRows` already looked it up for all rows. */
let handedLayout: Layout | undefined;

export class Row implements Iterable<unknown> {
  static {
    definePublicName(this, 'Row');
  }

  /**
   * The values, kept only when some field is not a property (a duplicate or
   * reserved name): otherwise the own properties are the values, and a row
   * holds no second array (collect() of many rows: half the memory and GC).
   */
  readonly #values: readonly unknown[] | undefined;
  readonly #layout: Layout;
  [key: string]: unknown;

  /**
   * A row of `values` named `names` (same length). Without names the fields are
   * `_1, _2, ...`, the names PySpark infers for tuples.
   */
  constructor(values: readonly unknown[], names?: readonly string[]) {
    // `collect()` passes a fresh array it never touches again (see `ownedRow`): no copy needed.
    // The values array is private and never handed out (iteration goes through an
    // iterator, toArray copies), so it needs no freezing: one less freeze per row.
    const owned = handingOver;
    handingOver = false;
    const layout = handedLayout ?? (names ? layoutOf(names) : makeLayout(Array.from(values, (_, i) => `_${i + 1}`)));
    handedLayout = undefined;
    if (layout.names.length !== values.length) {
      throw new PySparkValueError(`names and values should be of the same length, got ${layout.names.length} and ${values.length}.`, {
        errorClass: 'LENGTH_SHOULD_BE_THE_SAME',
        messageParameters: {
          arg1: 'names',
          arg2: 'values',
          arg1_length: String(layout.names.length),
          arg2_length: String(values.length),
        },
      });
    }
    this.#layout = layout;
    this.#values = layout.complete ? undefined : owned ? values : [...values];
    // Plain assignment then freeze: fields become own, enumerable, read-only properties.
    const { propIndex, propName } = layout;
    for (let k = 0; k < propIndex.length; k++) this[propName[k]!] = values[propIndex[k]!];
    Object.freeze(this);
  }

  /** The values in field order (the properties themselves when every field is one). */
  #vals(): readonly unknown[] {
    return this.#values ?? this.#layout.names.map((n) => this[n]);
  }

  /** The value at a valid position. */
  #at(i: number): unknown {
    return this.#values ? this.#values[i] : this[this.#layout.names[i]!];
  }

  /** A row from `[name, value]` pairs, in order. */
  static fromEntries(entries: Iterable<readonly [string, unknown]>): Row {
    const names: string[] = [];
    const values: unknown[] = [];
    for (const [k, v] of entries) {
      names.push(k);
      values.push(v);
    }
    return new Row(values, names);
  }

  /** A row from an object's own enumerable properties, in insertion order (PySpark `Row(a=1, b=2)`). */
  static fromObject(obj: Readonly<Record<string, unknown>>): Row {
    return Row.fromEntries(Object.entries(obj));
  }

  /** True for any sparkless Row, also one from another copy of the library. */
  static isRow(x: unknown): x is Row {
    return typeof x === 'object' && x !== null && (x as Record<symbol, unknown>)[ROW_MARKER] === true;
  }

  /** Number of fields. */
  get length(): number {
    return this.#layout.names.length;
  }

  /** Field names, in order (PySpark's `__fields__`). */
  get fields(): string[] {
    return [...this.#layout.names];
  }

  /**
   * A value by position (negative counts from the end, as in Python) or by name
   * (first field of that name). Throws PySparkValueError for an unknown name or index.
   */
  get(key: number | string): unknown {
    if (typeof key === 'number') {
      const n = this.#layout.names.length;
      const i = key < 0 ? n + key : key;
      if (!Number.isInteger(i) || i < 0 || i >= n) {
        throw new PySparkValueError(`Row index ${key} out of range for a row of ${n} fields.`);
      }
      return this.#at(i);
    }
    const names = this.#layout.names;
    const i = names.indexOf(key);
    if (i < 0) throw new PySparkValueError(`Row has no field '${key}'; fields are [${names.join(', ')}].`);
    return this.#at(i);
  }

  /**
   * The row as a plain object (PySpark's `asDict`). With duplicate names the last
   * value wins. `recursive` also converts nested Rows, inside arrays and Maps too.
   */
  asDict(recursive = false): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const names = this.#layout.names;
    const values = this.#vals();
    for (let i = 0; i < names.length; i++) {
      const v = values[i];
      Object.defineProperty(out, names[i]!, {
        value: recursive ? toPlain(v) : v,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  }

  /** The values, in field order. */
  toArray(): unknown[] {
    return [...this.#vals()];
  }

  /** `JSON.stringify(row)` gives the object form; nested Rows serialize the same way. */
  toJSON(): Record<string, unknown> {
    return this.asDict();
  }

  /** PySpark's repr, e.g. `Row(name='Alice', age=11)`. */
  toString(): string {
    const values = this.#vals();
    return `Row(${this.#layout.names.map((n, i) => `${n}=${pyRepr(values[i])}`).join(', ')})`;
  }

  [Symbol.iterator](): Iterator<unknown> {
    return this.#vals()[Symbol.iterator]();
  }
}

Object.defineProperty(Row.prototype, ROW_MARKER, { value: true, enumerable: false });

/** Names that stay Row/Object members rather than becoming field properties. */
const RESERVED: ReadonlySet<string> = new Set([
  ...Object.getOwnPropertyNames(Row.prototype),
  ...Object.getOwnPropertyNames(Object.prototype),
]);

/** Field names plus which of them become properties (first of each name, not a Row member). */
interface Layout {
  readonly names: readonly string[];
  /** Positions and names of the fields that become properties (parallel arrays). */
  readonly propIndex: readonly number[];
  readonly propName: readonly string[];
  /** Every field is a property, in order: the properties hold all the values. */
  readonly complete: boolean;
}

// Rows collected from one result share their names array: compute its layout once.
const layouts = new WeakMap<readonly string[], Layout>();

function layoutOf(names: readonly string[]): Layout {
  let layout = layouts.get(names);
  if (!layout) {
    layout = makeLayout([...names]);
    // Only frozen arrays are cached: a mutable one could change between rows.
    if (Object.isFrozen(names)) layouts.set(names, layout);
  }
  return layout;
}

function makeLayout(names: string[]): Layout {
  const propIndex: number[] = [];
  const propName: string[] = [];
  const seen = new Set<string>();
  names.forEach((name, i) => {
    if (seen.has(name) || RESERVED.has(name)) return;
    seen.add(name);
    propIndex.push(i);
    propName.push(name);
  });
  return { names: Object.freeze(names), propIndex, propName, complete: propIndex.length === names.length };
}

/**
 * @internal A Row that takes ownership of `values` (frozen, not copied): for
 * callers that built the array for this row alone and keep no reference to it.
 */
export function ownedRow(values: unknown[], names: readonly string[]): Row {
  handingOver = true;
  try {
    return new Row(values, names);
  } finally {
    handingOver = false;
  }
}

/** @internal `ownedRow` for many rows of one field layout (`collect()`): the layout is looked up once. */
export function ownedRowMaker(names: readonly string[]): (values: unknown[]) => Row {
  const layout = layoutOf(names);
  return (values) => {
    handingOver = true;
    handedLayout = layout;
    try {
      return new Row(values, names);
    } finally {
      handingOver = false;
      handedLayout = undefined;
    }
  };
}

/** PySpark's `Row(**kwargs)`: `row({ a: 1, b: 'x' })`, fields in insertion order. */
export function row(obj: Readonly<Record<string, unknown>>): Row {
  return Row.fromObject(obj);
}

function toPlain(v: unknown): unknown {
  if (Row.isRow(v)) return v.asDict(true);
  if (Array.isArray(v)) return v.map(toPlain);
  if (v instanceof Map) return new Map([...v].map(([k, x]) => [k, toPlain(x)]));
  return v;
}

/** A Python-flavoured repr for Row.toString. */
function pyRepr(v: unknown): string {
  if (v === null || v === undefined) return 'None';
  if (typeof v === 'string') return `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  if (Row.isRow(v)) return v.toString();
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? 'Invalid Date' : v.toISOString();
  if (v instanceof Uint8Array) return `bytearray(b'${[...v].map((b) => (b >= 32 && b < 127 && b !== 39 && b !== 92 ? String.fromCharCode(b) : '\\x' + b.toString(16).padStart(2, '0'))).join('')}')`;
  if (Array.isArray(v)) return `[${v.map(pyRepr).join(', ')}]`;
  if (v instanceof Map) return `{${[...v].map(([k, x]) => `${pyRepr(k)}: ${pyRepr(x)}`).join(', ')}}`;
  if (typeof v === 'object') return `{${Object.entries(v).map(([k, x]) => `'${k}': ${pyRepr(x)}`).join(', ')}}`;
  return String(v);
}
