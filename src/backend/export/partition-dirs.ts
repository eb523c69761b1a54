/**
 * Hive-style partition directories (`col=value/`): splitting rows into them on write, and
 * discovering their columns and values on read, as Spark's partition discovery does.
 */
import { dirname, relative, sep } from 'node:path';
import { makeBatch, type Batch } from '../../data/batch.js';
import { AnalysisException } from '../../errors/index.js';
import { castToString } from '../../format/value-string.js';
import { ArrayType, DataType, DecimalType, MapType, StructField, StructType, DATE, DOUBLE, INT, LONG, STRING } from '../../types/data-types.js';
import { createExecContext } from '../memory/context.js';
import { castValue, nullSafe } from '../memory/expressions/cast.js';
import type { SourceOptions } from './options.js';
import { INT_MAX, INT_MIN, LONG_MAX, LONG_MIN, TemporalText, parseJavaBigDecimal, parseJavaDouble, parseJavaIntegral } from './text-values.js';

/** Hive's name for a null partition value. */
export const DEFAULT_PARTITION_NAME = '__HIVE_DEFAULT_PARTITION__';

// ---------------------------------------------------------------- writing

/** Hive's path escaping for partition values. */
function escapePathName(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if (c < 0x20 || c === 0x7f || '"#%\'*/:=?\\{[]^'.includes(ch)) out += '%' + c.toString(16).toUpperCase().padStart(2, '0');
    else out += ch;
  }
  return out;
}

/** Rows grouped by partition values (first-seen order); partition columns removed from the data. */
export function partitionRows(batch: Batch, partitionBy: readonly string[]): { dir: string; batch: Batch }[] {
  const fields = batch.schema.fields;
  const idx = partitionBy.map((name) => {
    const i = fields.findIndex((f) => f.name.toLowerCase() === name.toLowerCase());
    if (i < 0) {
      throw new AnalysisException(`Partition column \`${name}\` not found in schema ${batch.schema.toDDL()}.`, {
        errorClass: '_LEGACY_ERROR_TEMP_1122',
      });
    }
    const t = fields[i]!.dataType;
    if (t instanceof ArrayType || t instanceof MapType || t instanceof StructType) {
      throw new AnalysisException(`Cannot use ${t.simpleString()} for partition column`, { errorClass: '_LEGACY_ERROR_TEMP_1153' });
    }
    return i;
  });
  if (idx.length === fields.length) {
    throw new AnalysisException('Cannot use all columns for partition columns', { errorClass: '_LEGACY_ERROR_TEMP_1154' });
  }
  const keep = fields.map((_, i) => i).filter((i) => !idx.includes(i));
  const dataSchema = new StructType(keep.map((i) => fields[i]!));
  const groups = new Map<string, number[]>();
  for (let r = 0; r < batch.numRows; r++) {
    const dir = idx
      .map((i) => {
        const v = batch.columns[i]![r];
        const text = v === null || v === undefined ? DEFAULT_PARTITION_NAME : escapePathName(castToString(v, fields[i]!.dataType, 'UTC'));
        return `${escapePathName(fields[i]!.name)}=${text === '' ? DEFAULT_PARTITION_NAME : text}`;
      })
      .join('/');
    let rows = groups.get(dir);
    if (!rows) groups.set(dir, (rows = []));
    rows.push(r);
  }
  return [...groups].map(([dir, rows]) => ({
    dir,
    batch: makeBatch(dataSchema, keep.map((i) => rows.map((r) => batch.columns[i]![r]))),
  }));
}

// ---------------------------------------------------------------- discovery

export interface PartitionInfo {
  readonly columns: readonly StructField[];
  /** Per input file, one internal value per partition column. */
  readonly values: readonly (readonly unknown[])[];
}

/**
 * Partition columns from `col=value` directories between the root and each
 * file. Types come from the user schema when it names the column, else are
 * inferred as Spark does (int, long, decimal, double, date, else string;
 * `__HIVE_DEFAULT_PARTITION__` is null).
 */
export function discoverPartitions(root: string | undefined, files: readonly string[], opts: SourceOptions, userSchema: StructType | undefined): PartitionInfo {
  if (root === undefined) return { columns: [], values: [] };
  const perFile: [string, string | null][][] = files.map((f) => {
    const rel = relative(root, dirname(f));
    if (rel === '' || rel.startsWith('..')) return [];
    const segs = rel.split(sep);
    const pairs: [string, string | null][] = [];
    for (const s of segs) {
      const eq = s.indexOf('=');
      if (eq <= 0) return [];
      const raw = unescapePathName(s.slice(eq + 1));
      pairs.push([unescapePathName(s.slice(0, eq)), raw === DEFAULT_PARTITION_NAME ? null : raw]);
    }
    return pairs;
  });
  const names = perFile.find((p) => p.length > 0)?.map(([k]) => k) ?? [];
  if (names.length === 0) return { columns: [], values: [] };
  const temporal = new TemporalText(opts);
  const infer = opts.bool('partitionColumnTypeInference', true);
  const columns = names.map((name, c) => {
    const given = userSchema?.fields.find((f) => f.name.toLowerCase() === name.toLowerCase());
    if (given) return new StructField(name, given.dataType, true);
    let t: DataType | undefined;
    for (const p of perFile) {
      const v = p[c]?.[1] ?? null;
      if (v === null) continue;
      const vt = infer ? inferPartitionType(v, temporal) : STRING;
      t = t === undefined ? vt : widenPartitionType(t, vt);
    }
    return new StructField(name, t ?? STRING, true);
  });
  const ctx = createExecContext({ timeZone: opts.timeZone() });
  const convs = columns.map((f) => nullSafe(castValue(STRING, f.dataType, ctx)));
  const values = perFile.map((p) => columns.map((_, c) => {
    const v = p[c]?.[1] ?? null;
    return v === null ? null : convs[c]!(v);
  }));
  return { columns, values };
}

function unescapePathName(s: string): string {
  return s.replace(/%([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

function inferPartitionType(v: string, temporal: TemporalText): DataType {
  if (parseJavaIntegral(v, INT_MIN, INT_MAX) !== undefined) return INT;
  if (parseJavaIntegral(v, LONG_MIN, LONG_MAX) !== undefined) return LONG;
  const d = parseJavaBigDecimal(v);
  if (d && d.scale === 0 && d.precision <= DecimalType.MAX_PRECISION) return new DecimalType(d.precision, 0);
  if (parseJavaDouble(v) !== undefined && !/[fFdD]$/.test(v)) return DOUBLE;
  if (temporal.isDate(v)) return DATE;
  return STRING;
}

function widenPartitionType(a: DataType, b: DataType): DataType {
  if (a.equals(b)) return a;
  const order = ['integer', 'long', 'double'];
  const ia = order.indexOf(a.typeName());
  const ib = order.indexOf(b.typeName());
  if (ia >= 0 && ib >= 0) return ia > ib ? a : b;
  return STRING;
}

export function appendPartitionColumns(data: Batch, parts: PartitionInfo, perFile: readonly number[]): Batch {
  const existing = new Set(data.schema.fields.map((f) => f.name.toLowerCase()));
  const add = parts.columns.map((f, c) => ({ f, c })).filter(({ f }) => !existing.has(f.name.toLowerCase()));
  const cols = add.map(({ c }) => {
    const out: unknown[] = [];
    perFile.forEach((n, fi) => {
      const v = parts.values[fi]?.[c] ?? null;
      for (let k = 0; k < n; k++) out.push(v);
    });
    return out;
  });
  return makeBatch(new StructType([...data.schema.fields, ...add.map(({ f }) => f)]), [...data.columns, ...cols]);
}
