/**
 * Compares a collected result with a parity fixture's expected output and
 * returns every difference as a readable line (empty = parity).
 *
 * Schema: column names in order, each type (the fixture writes `long`,
 * `LongType()`, `integer`, `array`, ...; compared with the engine's
 * `typeName()`, so `array`/`map`/`struct` check only the outer type) and each
 * `nullable` flag, which Spark reports as part of the schema.
 *
 * Rows: the row count, then the values, in order when the operation sorts and
 * as a multiset otherwise (each expected row is matched with a distinct actual
 * row). What the fixture cannot express is not compared:
 * - with duplicate column names (joins on a condition) the fixture's `data`
 *   dicts kept only the last value of each name (Python's `Row.asDict`), so the
 *   collected rows are reduced the same way (`Row.asDict()` keeps the last
 *   value too) and the earlier same-named columns' values are not checked;
 *   their names and types still are, through `field_names`/`fields`.
 * Value rules:
 * - doubles/floats: equal within `tolerance` relative to max(1, |a|, |e|)
 *   (so an expected 0.0 accepts |actual| <= tolerance); NaN equals NaN;
 * - integral values: exact (bigint or number);
 * - dates: the fixture's ISO `YYYY-MM-DD` against the collected JS Date (UTC
 *   midnight); timestamps: the ISO text (no offset = UTC, the harness's session
 *   time zone) against the Date's instant, to the millisecond;
 * - maps (JS Map) against the fixture's JSON object, structs (Row) by field;
 * - arrays in order, or as multisets for the case's `unorderedArrayColumns`;
 * - strings exactly (describe()/summary() statistics included: Spark's text
 *   of a double is part of the result).
 */
import type { Row } from '../../src/data/row.js';
import {
  ArrayType,
  DataType,
  DateType,
  DoubleType,
  FloatType,
  MapType,
  StructType,
  TimestampNTZType,
  TimestampType,
} from '../../src/types/data-types.js';
import type { ExpectedOutput } from './load.js';

export interface CompareOptions {
  /** Compare rows in order (the operation sorts). Default: as a multiset. */
  readonly ordered?: boolean;
  /** Array-valued columns whose element order is not defined by Spark (e.g. `collect_set`). */
  readonly unorderedArrayColumns?: readonly string[];
  /** Relative tolerance for doubles (default 1e-9). */
  readonly tolerance?: number;
}

export const DEFAULT_TOLERANCE = 1e-9;

/** PySpark repr / JSON / simpleString spellings → Spark's JSON type name (`typeName()`). */
const REPR_NAMES: Readonly<Record<string, string>> = {
  Null: 'void',
  String: 'string',
  Binary: 'binary',
  Boolean: 'boolean',
  Date: 'date',
  Timestamp: 'timestamp',
  TimestampNTZ: 'timestamp_ntz',
  Byte: 'byte',
  Short: 'short',
  Integer: 'integer',
  Long: 'long',
  Float: 'float',
  Double: 'double',
  Decimal: 'decimal',
  Array: 'array',
  Map: 'map',
  Struct: 'struct',
};
const SIMPLE_NAMES: Readonly<Record<string, string>> = {
  bigint: 'long',
  int: 'integer',
  smallint: 'short',
  tinyint: 'byte',
  null: 'void',
};

/**
 * A fixture type as a comparable name: `LongType()` → `long`, `bigint` → `long`,
 * `DecimalType(10,2)` → `decimal(10,2)`, `ArrayType(StringType(), True)` → `array`,
 * `array<string>` → `array`.
 */
export function normalizeFixtureType(t: string): string {
  const s = t.trim();
  const repr = /^([A-Za-z]+)Type\((.*)\)$/s.exec(s);
  if (repr) {
    const name = REPR_NAMES[repr[1]!] ?? repr[1]!.toLowerCase();
    if (name === 'decimal') {
      const args = repr[2]!.replace(/\s/g, '');
      return args === '' ? 'decimal(10,0)' : `decimal(${args})`;
    }
    return name;
  }
  const lower = s.toLowerCase();
  const head = /^(array|map|struct)\s*</.exec(lower);
  if (head) return head[1]!;
  if (lower.startsWith('decimal')) return lower.replace(/\s/g, '');
  return SIMPLE_NAMES[lower] ?? lower;
}

/** The engine's type as the same comparable name. */
export function actualTypeName(t: DataType): string {
  return normalizeFixtureType(t.typeName());
}

export interface SchemaLike {
  readonly fields: readonly { readonly name: string; readonly dataType: DataType; readonly nullable: boolean }[];
}

/** Differences between the engine's schema and the fixture's (names, types, nullability). */
export function compareSchema(actual: SchemaLike, expected: ExpectedOutput): string[] {
  const problems: string[] = [];
  const names = actual.fields.map((f) => f.name);
  if (JSON.stringify(names) !== JSON.stringify(expected.fieldNames)) {
    problems.push(`column names: expected ${JSON.stringify(expected.fieldNames)}, got ${JSON.stringify(names)}`);
  }
  const n = Math.min(actual.fields.length, expected.fields.length);
  for (let i = 0; i < n; i++) {
    const a = actual.fields[i]!;
    const e = expected.fields[i]!;
    const et = normalizeFixtureType(e.type);
    const at = actualTypeName(a.dataType);
    const typeOk = et === at || (et === 'decimal' && at.startsWith('decimal'));
    if (!typeOk) problems.push(`column ${i} (${e.name}): expected type ${e.type} (${et}), got ${a.dataType.simpleString()} (${at})`);
    if (a.nullable !== e.nullable) problems.push(`column ${i} (${e.name}): expected nullable=${e.nullable}, got nullable=${a.nullable}`);
  }
  return problems;
}

/** A collected row reduced to what the fixture's dicts hold: last value per name (PySpark's `asDict`). */
export function rowToFixtureDict(row: Row): Record<string, unknown> {
  return row.asDict();
}

interface Ctx {
  readonly tol: number;
  readonly unorderedArrays: ReadonlySet<string>;
}

/** Types by column name (last of duplicated names, matching the dicts). */
function typesByName(schema: SchemaLike): Map<string, DataType> {
  const m = new Map<string, DataType>();
  for (const f of schema.fields) m.set(f.name, f.dataType);
  return m;
}

/** Differences between collected rows and the fixture's rows. */
export function compareRows(rows: readonly Row[], schema: SchemaLike, expected: ExpectedOutput, options: CompareOptions = {}): string[] {
  const problems: string[] = [];
  const ctx: Ctx = {
    tol: options.tolerance ?? DEFAULT_TOLERANCE,
    unorderedArrays: new Set(options.unorderedArrayColumns ?? []),
  };
  if (expected.data.length !== expected.rowCount) {
    problems.push(`fixture inconsistency: row_count ${expected.rowCount} but ${expected.data.length} data rows`);
  }
  if (rows.length !== expected.data.length) problems.push(`row count: expected ${expected.data.length}, got ${rows.length}`);
  const types = typesByName(schema);
  const actual = rows.map(rowToFixtureDict);
  const rowDiff = (a: Record<string, unknown>, e: Record<string, unknown>): string[] => {
    const diffs: string[] = [];
    for (const [name, ev] of Object.entries(e)) {
      if (!Object.prototype.hasOwnProperty.call(a, name)) {
        diffs.push(`${name}: missing`);
        continue;
      }
      const d = valueDiff(a[name], ev, types.get(name), ctx, name, ctx.unorderedArrays.has(name));
      if (d !== undefined) diffs.push(d);
    }
    return diffs;
  };

  if (options.ordered) {
    const n = Math.max(actual.length, expected.data.length);
    for (let i = 0; i < n; i++) {
      const a = actual[i];
      const e = expected.data[i];
      if (a === undefined) problems.push(`row ${i}: expected ${show(e)}, got no row`);
      else if (e === undefined) problems.push(`row ${i}: unexpected extra row ${show(a)}`);
      else {
        const d = rowDiff(a, e);
        if (d.length > 0) problems.push(`row ${i}: ${d.join('; ')} (expected ${show(e)}, got ${show(a)})`);
      }
    }
    return problems;
  }

  // Multiset: match each expected row with the first still-unmatched equal actual row.
  const used = new Array<boolean>(actual.length).fill(false);
  const missing: Record<string, unknown>[] = [];
  for (const e of expected.data) {
    const k = actual.findIndex((a, i) => !used[i] && rowDiff(a, e).length === 0);
    if (k < 0) missing.push(e);
    else used[k] = true;
  }
  const extra = actual.filter((_, i) => !used[i]);
  for (const e of missing) problems.push(`missing row ${show(e)}`);
  for (const a of extra) problems.push(`unexpected row ${show(a)}`);
  // Point at the closest actual row for a single mismatch: the usual "one value is off" case.
  if (missing.length === 1 && extra.length === 1) problems.push(`  difference: ${rowDiff(extra[0]!, missing[0]!).join('; ')}`);
  return problems;
}

/** Undefined when `actual` (collected JS value) matches `expected` (fixture JSON value), else a description. */
export function valueDiff(actual: unknown, expected: unknown, type: DataType | undefined, ctx: Ctx, path: string, unorderedArray = false): string | undefined {
  const bad = (why = ''): string => `${path}: expected ${show(expected)}, got ${show(actual)}${why ? ` (${why})` : ''}`;
  if (expected === null || expected === undefined) return actual === null || actual === undefined ? undefined : bad();
  if (actual === null || actual === undefined) return bad();

  if (typeof expected === 'number') {
    const a = typeof actual === 'bigint' ? Number(actual) : actual;
    if (typeof a !== 'number') return bad(`not a number: ${typeof actual}`);
    const fractional = type instanceof DoubleType || type instanceof FloatType || type === undefined;
    if (fractional) return numbersClose(a, expected, ctx.tol) ? undefined : bad(`beyond relative tolerance ${ctx.tol}`);
    if (typeof actual === 'bigint') return actual === BigInt(expected) ? undefined : bad();
    return a === expected ? undefined : bad();
  }
  if (typeof expected === 'boolean') return actual === expected ? undefined : bad();
  if (typeof expected === 'string') {
    if (actual instanceof Date) return dateMatches(actual, expected, type) ? undefined : bad(`as ISO: ${actual.toISOString()}`);
    if (typeof actual === 'string') return actual === expected ? undefined : bad();
    if (typeof actual === 'bigint') return actual.toString() === expected ? undefined : bad();
    return bad(`a ${typeof actual} where the fixture has a string`);
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return bad('not an array');
    if (actual.length !== expected.length) return bad(`length ${actual.length} vs ${expected.length}`);
    const elemType = type instanceof ArrayType ? type.elementType : undefined;
    if (!unorderedArray) {
      for (let i = 0; i < expected.length; i++) {
        const d = valueDiff(actual[i], expected[i], elemType, ctx, `${path}[${i}]`);
        if (d !== undefined) return d;
      }
      return undefined;
    }
    const used = new Array<boolean>(actual.length).fill(false);
    for (const e of expected) {
      const k = actual.findIndex((a, i) => !used[i] && valueDiff(a, e, elemType, ctx, path) === undefined);
      if (k < 0) return bad(`no element matching ${show(e)}, comparing as a multiset`);
      used[k] = true;
    }
    return undefined;
  }
  if (typeof expected === 'object') {
    const exp = expected as Record<string, unknown>;
    if (actual instanceof Map) {
      const valueType = type instanceof MapType ? type.valueType : undefined;
      const keys = [...actual.keys()].map(String);
      if (keys.length !== Object.keys(exp).length) return bad(`${keys.length} keys vs ${Object.keys(exp).length}`);
      for (const [k, v] of actual) {
        if (!Object.prototype.hasOwnProperty.call(exp, String(k))) return bad(`unexpected key ${String(k)}`);
        const d = valueDiff(v, exp[String(k)], valueType, ctx, `${path}[${String(k)}]`);
        if (d !== undefined) return d;
      }
      return undefined;
    }
    const obj = isRowLike(actual) ? actual.asDict() : actual;
    if (typeof obj !== 'object' || obj === null) return bad('not a struct/map');
    const fieldTypes = new Map<string, DataType>(type instanceof StructType ? type.fields.map((f) => [f.name, f.dataType] as const) : []);
    const a = obj as Record<string, unknown>;
    if (Object.keys(a).length !== Object.keys(exp).length) return bad(`fields ${JSON.stringify(Object.keys(a))} vs ${JSON.stringify(Object.keys(exp))}`);
    for (const [k, v] of Object.entries(exp)) {
      const d = valueDiff(a[k], v, fieldTypes.get(k) ?? (type instanceof MapType ? type.valueType : undefined), ctx, `${path}.${k}`);
      if (d !== undefined) return d;
    }
    return undefined;
  }
  return bad(`unsupported fixture value`);
}

export function numbersClose(a: number, e: number, tol: number): boolean {
  if (Number.isNaN(a) || Number.isNaN(e)) return Number.isNaN(a) && Number.isNaN(e);
  if (!Number.isFinite(a) || !Number.isFinite(e)) return a === e;
  return Math.abs(a - e) <= tol * Math.max(1, Math.abs(a), Math.abs(e));
}

function dateMatches(actual: Date, expected: string, type: DataType | undefined): boolean {
  if (Number.isNaN(actual.getTime())) return false;
  if (type instanceof DateType || /^\d{4}-\d{2}-\d{2}$/.test(expected)) return actual.toISOString().slice(0, 10) === expected;
  if (type instanceof TimestampType || type instanceof TimestampNTZType || /^\d{4}-\d{2}-\d{2}[T ]\d/.test(expected)) {
    let text = expected.replace(' ', 'T');
    if (!/(Z|[+-]\d{2}:?\d{2})$/.test(text)) text += 'Z';
    // JS parses at most milliseconds: drop extra fraction digits.
    text = text.replace(/(\.\d{3})\d+/, '$1');
    return new Date(text).getTime() === actual.getTime();
  }
  return false;
}

function isRowLike(x: unknown): x is { asDict(): Record<string, unknown> } {
  return typeof x === 'object' && x !== null && typeof (x as { asDict?: unknown }).asDict === 'function';
}

/** JSON-ish text of a value (bigint, Date, Map, Row aware). */
export function show(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) => {
    if (typeof x === 'bigint') return `${x}n`;
    if (x instanceof Map) return Object.fromEntries([...x].map(([k, y]) => [String(k), y]));
    if (x instanceof Uint8Array) return `bytes(${[...x].join(',')})`;
    if (typeof x === 'number' && !Number.isFinite(x)) return String(x);
    return x;
  }) ?? String(v);
}
