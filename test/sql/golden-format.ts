/**
 * Reading Spark's SQL golden files (`*.sql.out`) and rendering sparkless
 * results the way those files print them (Spark's `HiveResult` strings:
 * `NULL` for a top-level null, `[1,2]`, `{"a":1}`, `{1:2}`).
 */
import { readFileSync } from 'node:fs';
import { castToString, decimalToPlainString } from '../../src/format/value-string.js';
import {
  DayTimeIntervalType,
  YearMonthIntervalType,
  ArrayType,
  BinaryType,
  DataType,
  DecimalType,
  DoubleType,
  FloatType,
  MapType,
  StringType,
  StructType,
} from '../../src/types/data-types.js';

export interface GoldenBlock {
  /** 0-based position in the file. */
  readonly index: number;
  readonly sql: string;
  /** `struct<...>` text. */
  readonly schema: string;
  /** Output lines (empty for commands). */
  readonly output: readonly string[];
  /** Set when the output is an exception: its (simple) class name. */
  readonly error?: string;
}

export interface GoldenFile {
  readonly name: string;
  /** Spark 2.x-era files number their queries (`-- !query 3`); their column names predate Spark 3. */
  readonly numbered: boolean;
  readonly blocks: readonly GoldenBlock[];
}

const HEADER = /^-- !query(?: (\d+))?(?: (schema|output))?$/;

export function readGoldenFile(path: string, name: string): GoldenFile {
  const lines = readFileSync(path, 'utf8').split('\n');
  const blocks: GoldenBlock[] = [];
  let numbered = false;
  let i = 0;
  const isHeader = (l: string | undefined): RegExpExecArray | null => (l === undefined ? null : HEADER.exec(l));
  while (i < lines.length) {
    const h = isHeader(lines[i]);
    if (!h || h[2]) {
      i++;
      continue;
    }
    if (h[1] !== undefined) numbered = true;
    i++;
    const sql: string[] = [];
    while (i < lines.length && !isHeader(lines[i])) sql.push(lines[i++]!);
    // schema
    i++;
    const schemaLines: string[] = [];
    while (i < lines.length && !isHeader(lines[i])) schemaLines.push(lines[i++]!);
    // output
    i++;
    const out: string[] = [];
    while (i < lines.length && !(isHeader(lines[i]) && !isHeader(lines[i])![2])) out.push(lines[i++]!);
    while (out.length > 0 && out[out.length - 1] === '') out.pop();
    while (out.length > 0 && out[0] === '' && out.every((l) => l === '')) out.shift();
    const schema = schemaLines.join('\n').trim();
    const first = out[0] ?? '';
    const error = schema === 'struct<>' && /^(org\.apache\.spark|java\.|scala\.)[\w.$]*(Exception|Error)$/.test(first) ? first.split('.').pop() : undefined;
    blocks.push({ index: blocks.length, sql: sql.join('\n').trim(), schema, output: out, ...(error ? { error } : {}) });
  }
  return { name, numbered, blocks };
}

/** `struct<a:int,(a + b):int>` → `[['a', 'int'], ['(a + b)', 'int']]` (names may hold `:`, `,`, `<` inside parentheses). */
export function parseSchemaText(text: string): [string, string][] {
  const m = /^struct<([\s\S]*)>$/.exec(text.trim());
  if (!m) return [];
  const body = m[1]!;
  if (body === '') return [];
  const fields: string[] = [];
  let paren = 0;
  let angle = 0;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c === '(' || c === '[' || c === '{') paren++;
    else if (c === ')' || c === ']' || c === '}') paren--;
    else if (paren === 0 && c === '<') angle++;
    else if (paren === 0 && c === '>') angle--;
    else if (c === ',' && paren === 0 && angle === 0) {
      fields.push(body.slice(start, i));
      start = i + 1;
    }
  }
  fields.push(body.slice(start));
  return fields.map((f) => {
    // the type starts after the last top-level ':' outside parentheses and angle brackets
    let p = 0;
    let a = 0;
    let at = -1;
    for (let i = 0; i < f.length; i++) {
      const c = f[i]!;
      if (c === '(' || c === '[' || c === '{') p++;
      else if (c === ')' || c === ']' || c === '}') p--;
      else if (p === 0 && c === '<') a++;
      else if (p === 0 && c === '>') a--;
      else if (c === ':' && p === 0 && a === 0) at = i;
    }
    return [f.slice(0, at), f.slice(at + 1)];
  });
}

/**
 * A top-level cell as Spark's golden files print it. `legacy` (Spark 2.x
 * files): decimals print as Hive decimals, without trailing zeros.
 */
export function renderCell(value: unknown, t: DataType, timeZone: string, legacy = false): string {
  if (value === null || value === undefined) return 'NULL';
  if (t instanceof ArrayType || t instanceof MapType || t instanceof StructType) return renderNested(value, t, timeZone);
  if (t instanceof DecimalType) {
    const plain = decimalToPlainString(value as bigint, t.scale);
    return legacy && plain.includes('.') ? plain.replace(/0+$/, '').replace(/\.$/, '') : plain;
  }
  if (t instanceof BinaryType) return new TextDecoder().decode(value as Uint8Array);
  return castToString(value, t, timeZone);
}

function renderNested(value: unknown, t: DataType, timeZone: string): string {
  if (value === null || value === undefined) return 'null';
  if (t instanceof StringType) return `"${String(value)}"`;
  if (t instanceof ArrayType) return `[${(value as unknown[]).map((v) => renderNested(v, t.elementType, timeZone)).join(',')}]`;
  if (t instanceof MapType) {
    const entries = [...(value as Map<unknown, unknown>).entries()];
    return `{${entries.map(([k, v]) => `${renderNested(k, t.keyType, timeZone)}:${renderNested(v, t.valueType, timeZone)}`).join(',')}}`;
  }
  if (t instanceof StructType) {
    const vals = value as unknown[];
    return `{${t.fields.map((f, i) => `"${f.name}":${renderNested(vals[i], f.dataType, timeZone)}`).join(',')}}`;
  }
  if (t instanceof YearMonthIntervalType || t instanceof DayTimeIntervalType) return hiveInterval(value, t);
  return renderCell(value, t, timeZone);
}

/** Spark's HIVE_STYLE interval text inside nested values: `100-0`, `12 20:04:00.000000000`. */
function hiveInterval(value: unknown, t: YearMonthIntervalType | DayTimeIntervalType): string {
  const v = BigInt(value as number | bigint);
  const sign = v < 0n ? '-' : '';
  const a = v < 0n ? -v : v;
  if (t instanceof YearMonthIntervalType) return `${sign}${a / 12n}-${a % 12n}`;
  const pad = (x: bigint): string => String(x).padStart(2, '0');
  const day = 86_400_000_000n;
  const secs = (a % 60_000_000n) / 1_000_000n;
  const nanos = String((a % 1_000_000n) * 1000n).padStart(9, '0');
  return `${sign}${a / day} ${pad((a % day) / 3_600_000_000n)}:${pad((a % 3_600_000_000n) / 60_000_000n)}:${pad(secs)}.${nanos}`;
}

/** Cells equal, doubles/floats within a relative tolerance (Spark and JS may differ in the last digits). */
export function cellsEqual(actual: string, expected: string, t: DataType | undefined): boolean {
  if (actual === expected) return true;
  if (t instanceof DoubleType || t instanceof FloatType) {
    const a = Number(actual);
    const e = Number(expected);
    if (Number.isNaN(a) || Number.isNaN(e)) return false;
    return Math.abs(a - e) <= 1e-9 * Math.max(1, Math.abs(e));
  }
  return false;
}
