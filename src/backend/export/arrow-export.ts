/**
 * The export backend shared by every execution backend: Arrow tables and
 * Spark-style file output (Parquet, CSV, JSON Lines) and input.
 *
 * `writeFile` produces what Spark produces: a directory at `path` with
 * `part-00000-<uuid>-c000.<ext>` and an empty `_SUCCESS`, with partition
 * subdirectories (`col=value/`) under `partitionBy`. Save modes:
 * `errorifexists`/`error` (default) fail with PATH_ALREADY_EXISTS, `ignore`
 * leaves an existing path alone, `overwrite` replaces it, `append` adds new
 * part files. Content is built before anything on disk changes and moved into
 * place at the end, so a failing write leaves the previous output intact.
 *
 * `readFile` reads a file, a directory of part files or a glob (`dir/*.csv`);
 * partition directories become columns, as Spark's partition discovery does
 * (relative to the `basePath` option when given). Every column read from a
 * file is nullable, as in Spark.
 *
 * Parquet goes through nodejs-polars' native binding, or parquet-wasm without it. Spark keeps its exact
 * schema in the Parquet footer; Polars cannot write footer metadata, so the
 * Spark schema is kept beside the parts in `_sparkless_schema.json` (skipped
 * by Spark and every Hadoop-style reader, like `_SUCCESS`) and used when it
 * matches a file's physical layout — that is what brings maps (stored as
 * list<struct<key,value>>) back as maps.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import type { Table as ArrowTable } from 'apache-arrow';
import { makeBatch, type Batch } from '../../data/batch.js';
import { AnalysisException, IllegalArgumentException } from '../../errors/index.js';
import { castToString } from '../../format/value-string.js';
import {
  ArrayType,
  DataType,
  DecimalType,
  MapType,
  NullType,
  StructField,
  StructType,
  DATE,
  DOUBLE,
  INT,
  LONG,
  STRING,
} from '../../types/data-types.js';
import { createExecContext } from '../memory/context.js';
import { castValue, nullSafe } from '../memory/expressions/cast.js';
import type { ExportBackend, FileFormat, SaveMode, WriteOptions } from '../protocols.js';
import { arrowSchemaToSpark, arrowTableToBatch, asNullable, batchToArrowTable } from './arrow-table.js';
import { readCsvTexts, unsupportedDataType, writeCsvText } from './csv.js';
import { writeFileAtomically } from './fs-atomic.js';
import { readTextFiles, writeTextText } from './text.js';
import { writeJsonText } from './json.js';
import { readJsonFiles } from './json-read.js';
import { SourceOptions } from './options.js';
import { isGlob, listInputFiles, partFileName, writeOutputDirectory, type OutputFile } from './output-dir.js';
import { PARQUET_ENGINE_OPTION, parquetCodec, parquetCodecInfix, parquetEngine, readParquetArrow, writeParquetFile, type ParquetEngine } from './parquet.js';
import { INT_MAX, INT_MIN, LONG_MAX, LONG_MIN, TemporalText, parseJavaBigDecimal, parseJavaDouble, parseJavaIntegral } from './text-values.js';

/** Sidecar holding the Spark schema of a Parquet output directory. */
export const PARQUET_SCHEMA_FILE = '_sparkless_schema.json';

/** Hive's name for a null partition value. */
export const DEFAULT_PARTITION_NAME = '__HIVE_DEFAULT_PARTITION__';

export class ArrowExportBackend implements ExportBackend {
  constructor(readonly backendType: string) {}

  /** The batch as an Arrow Table with Spark's exact Arrow types (see arrow-table.ts). */
  toArrow(batch: Batch): ArrowTable {
    return batchToArrowTable(batch);
  }

  writeFile(batch: Batch, path: string, format: FileFormat, options: WriteOptions = {}): void {
    const opts = new SourceOptions(options);
    const mode: SaveMode = options.mode ?? 'errorifexists';
    checkWritableSchema(batch.schema);
    const partitionBy = options.partitionBy ?? [];
    const groups = partitionBy.length > 0 ? partitionRows(batch, partitionBy) : [{ dir: '', batch }];
    const files: OutputFile[] = groups.map((g) => {
      const file = encodePart(format, g.batch, opts, opts.get('compression'));
      return { name: g.dir ? join(g.dir, file.name) : file.name, write: file.write };
    });
    if (format === 'parquet') {
      const dataSchema = groups[0]?.batch.schema ?? batch.schema;
      const json = JSON.stringify(dataSchema.jsonValue()) + '\n';
      files.push({ name: PARQUET_SCHEMA_FILE, write: (p) => writeFileAtomically(p, json) });
    }
    writeOutputDirectory(path, mode, files);
  }

  readFile(path: string, format: FileFormat, schema?: StructType, options: Record<string, unknown> = {}, rowsPerFile?: { file: string; rows: number }[]): Batch {
    const opts = new SourceOptions(options);
    const files = listInputFiles(path);
    // Partition directories are read relative to the `basePath` option, else to the path read
    // (a glob has no single root: its matches are read without partition columns).
    const base = opts.get('basePath');
    const root = base !== undefined ? resolve(base) : isGlob(path) && !existsSync(resolve(path)) ? undefined : resolve(path);
    if (!schema && !files.some((f) => isDataFile(resolve(path), f))) throw unableToInferSchema(format);
    const userSchema = schema ? (asNullable(schema) as StructType) : undefined;
    const partitions = discoverPartitions(root, files, opts, userSchema);
    // A user schema may name partition columns too; they are filled from the directories.
    const partNames = new Set(partitions.columns.map((c) => c.name.toLowerCase()));
    const dataSchema = userSchema ? new StructType(userSchema.fields.filter((f) => !partNames.has(f.name.toLowerCase()))) : undefined;
    let data: Batch;
    const perFile: number[] = [];
    switch (format) {
      case 'parquet':
        data = readParquetFiles(files, dataSchema, perFile, opts.bool('mergeSchema', false), parquetEngine(opts.get(PARQUET_ENGINE_OPTION)));
        break;
      case 'csv':
      case 'json': {
        const res = format === 'csv' ? readCsvTexts(files.map(readText), dataSchema, opts) : readJsonFiles(files.map(readBytes), dataSchema, opts);
        data = res.batch;
        perFile.push(...res.rowsPerText);
        break;
      }
      case 'text': {
        const res = readTextFiles(files.map(readText), dataSchema, opts);
        data = res.batch;
        perFile.push(...res.rowsPerText);
        break;
      }
      default:
        throw new IllegalArgumentException(`Unsupported file format: ${String(format)}`);
    }
    rowsPerFile?.push(...files.map((file, i) => ({ file, rows: perFile[i] ?? 0 })));
    const withParts = partitions.columns.length === 0 ? data : appendPartitionColumns(data, partitions, perFile);
    return userSchema ? reorderTo(withParts, userSchema) : withParts;
  }
}

/** Spark's error when a read has no data files and no schema. */
function unableToInferSchema(format: FileFormat): AnalysisException {
  const name = format === 'parquet' ? 'Parquet' : format === 'text' ? 'Text' : format.toUpperCase();
  return new AnalysisException(`Unable to infer schema for ${name}. It must be specified manually.`, {
    errorClass: 'UNABLE_TO_INFER_SCHEMA',
    messageParameters: { format: name },
  });
}

/** A non-empty file (Spark skips empty files when it infers a schema), or the path itself. */
function isDataFile(root: string, file: string): boolean {
  return file === root || statSync(file).size > 0;
}

// ---------------------------------------------------------------- writing

function checkWritableSchema(schema: StructType): void {
  if (schema.fields.length === 0) {
    throw new AnalysisException(
      'Datasource does not support writing empty or nested empty schemas. Please make sure the data schema has at least one or more column(s).',
      { errorClass: '_LEGACY_ERROR_TEMP_1142' },
    );
  }
  const seen = new Set<string>();
  for (const f of schema.fields) {
    const k = f.name.toLowerCase();
    if (seen.has(k)) {
      throw new AnalysisException(`The column \`${f.name}\` already exists. Consider to choose another name or rename the existing column.`, {
        errorClass: 'COLUMN_ALREADY_EXISTS',
        messageParameters: { columnName: '`' + f.name + '`' },
      });
    }
    seen.add(k);
  }
}

/** The content of one part file, encoded now (so type errors surface before the disk changes). */
function encodePart(format: FileFormat, batch: Batch, opts: SourceOptions, compression: string | undefined): OutputFile {
  if (format === 'parquet') {
    for (const f of batch.schema.fields) if (containsVoid(f.dataType)) throw unsupportedDataType('Parquet', f);
    const codec = parquetCodec(compression ?? opts.getAny('compression', 'codec'));
    const engine = parquetEngine(opts.get(PARQUET_ENGINE_OPTION));
    return { name: partFileName(`${parquetCodecInfix(codec)}.parquet`), write: (p) => writeParquetFile(batch, p, codec, batch.schema.names, engine) };
  }
  const text = format === 'csv' ? writeCsvText(batch, opts) : format === 'text' ? writeTextText(batch, opts) : writeJsonText(batch, opts);
  const codec = textCodec(compression ?? opts.getAny('compression', 'codec'));
  const bytes = codec === 'gzip' ? gzipSync(Buffer.from(text, 'utf8')) : Buffer.from(text, 'utf8');
  const ext = `.${format === 'text' ? 'txt' : format}${codec === 'gzip' ? '.gz' : ''}`;
  return { name: partFileName(ext), write: (p) => writeFileAtomically(p, bytes) };
}

function containsVoid(t: DataType): boolean {
  if (t instanceof NullType) return true;
  if (t instanceof ArrayType) return containsVoid(t.elementType);
  if (t instanceof MapType) return containsVoid(t.keyType) || containsVoid(t.valueType);
  if (t instanceof StructType) return t.fields.some((f) => containsVoid(f.dataType));
  return false;
}

function textCodec(compression: string | undefined): 'none' | 'gzip' {
  const c = (compression ?? 'none').toLowerCase();
  if (c === 'none' || c === 'uncompressed') return 'none';
  if (c === 'gzip') return 'gzip';
  throw new IllegalArgumentException(`Codec [${compression}] is not available. Known codecs are none, uncompressed, gzip.`, {
    errorClass: 'CODEC_NOT_AVAILABLE',
    messageParameters: { codecName: String(compression) },
  });
}

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
function partitionRows(batch: Batch, partitionBy: readonly string[]): { dir: string; batch: Batch }[] {
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

// ---------------------------------------------------------------- reading

/** A file's bytes, decompressed when it is gzipped. */
function readBytes(file: string): Buffer {
  const buf = readFileSync(file);
  return file.endsWith('.gz') ? gunzipSync(buf) : buf;
}

function readText(file: string): string {
  const text = readBytes(file).toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text; // a UTF-8 byte order mark is not data
}

/**
 * Reads Parquet parts into one batch: with a given schema, columns by name;
 * otherwise the first file's schema (Spark also reads one footer), or with
 * `mergeSchema` the union of all files' columns (first-seen order).
 */
function readParquetFiles(
  files: readonly string[],
  userSchema: StructType | undefined,
  perFile: number[],
  mergeSchema: boolean,
  engine: ParquetEngine,
): Batch {
  const sidecars = new Map<string, StructType | undefined>();
  const sidecarFor = (file: string): StructType | undefined => {
    // The sidecar sits in the output directory: the file's own, or above its partition directories.
    for (let dir = dirname(file); ; dir = dirname(dir)) {
      if (!sidecars.has(dir)) sidecars.set(dir, readSidecar(dir));
      const s = sidecars.get(dir);
      if (s || !basename(dir).includes('=') || dirname(dir) === dir) return s;
    }
  };
  const parts: Batch[] = [];
  for (const file of files) {
    const table = readParquetArrow(file, engine);
    const physical = arrowSchemaToSpark(table.schema);
    const stored = sidecarFor(file);
    let fileSchema = stored && sameLayout(stored, physical) ? (asNullable(stored) as StructType) : physical;
    if (userSchema) {
      // Read a column directly as the requested type when the file's layout holds it (a map stored as entries).
      fileSchema = new StructType(
        fileSchema.fields.map((f) => {
          const want = userSchema.fields.find((u) => u.name.toLowerCase() === f.name.toLowerCase());
          return want && sameLayout(want.dataType, physical.field(f.name)!.dataType) ? new StructField(f.name, want.dataType, true) : f;
        }),
      );
    }
    const b = arrowTableToBatch(table, fileSchema);
    parts.push(userSchema ? projectByName(b, userSchema) : b);
    perFile.push(b.numRows);
  }
  if (parts.length === 0) return makeBatch(userSchema ?? new StructType(), (userSchema?.fields ?? []).map(() => []));
  const schema = userSchema ?? (mergeSchema ? mergedSchema(parts.map((p) => p.schema)) : parts[0]!.schema);
  const aligned = userSchema ? parts : parts.map((p) => projectByName(p, schema));
  return makeBatch(
    schema,
    schema.fields.map((_, i) => aligned.flatMap((p) => p.columns[i] as unknown[])),
  );
}

/** The union of schemas by (case-insensitive) name; the first type seen for a name wins. */
function mergedSchema(schemas: readonly StructType[]): StructType {
  const fields: StructField[] = [];
  const seen = new Set<string>();
  for (const s of schemas) {
    for (const f of s.fields) {
      if (seen.has(f.name.toLowerCase())) continue;
      seen.add(f.name.toLowerCase());
      fields.push(f);
    }
  }
  return new StructType(fields);
}

function readSidecar(dir: string): StructType | undefined {
  try {
    return StructType.fromJson(JSON.parse(readFileSync(join(dir, PARQUET_SCHEMA_FILE), 'utf8')));
  } catch {
    return undefined;
  }
}

/** True when `stored` describes data physically laid out as `physical` (maps as list<struct<key,value>>). */
function sameLayout(stored: DataType, physical: DataType): boolean {
  if (stored instanceof StructType) {
    return (
      physical instanceof StructType &&
      stored.fields.length === physical.fields.length &&
      stored.fields.every((f, i) => f.name === physical.fields[i]!.name && sameLayout(f.dataType, physical.fields[i]!.dataType))
    );
  }
  if (stored instanceof ArrayType) return physical instanceof ArrayType && sameLayout(stored.elementType, physical.elementType);
  if (stored instanceof MapType) {
    if (!(physical instanceof ArrayType) || !(physical.elementType instanceof StructType)) return false;
    const [k, v] = physical.elementType.fields;
    return physical.elementType.fields.length === 2 && k!.name === 'key' && v!.name === 'value' && sameLayout(stored.keyType, k!.dataType) && sameLayout(stored.valueType, v!.dataType);
  }
  return stored.typeName() === physical.typeName() || (stored.typeName() === 'void' && physical.typeName() === 'void');
}

/** The batch's columns matched to `schema` by name (case-insensitive); missing → null, types cast. */
function projectByName(b: Batch, schema: StructType): Batch {
  const ctx = createExecContext({ timeZone: 'UTC' });
  const cols = schema.fields.map((f) => {
    let i = b.schema.fields.findIndex((g) => g.name === f.name);
    if (i < 0) i = b.schema.fields.findIndex((g) => g.name.toLowerCase() === f.name.toLowerCase());
    if (i < 0) return new Array(b.numRows).fill(null);
    const from = b.schema.fields[i]!.dataType;
    const col = b.columns[i]!;
    if (from.equals(f.dataType)) return col;
    const conv = nullSafe(castValue(from, f.dataType, ctx));
    return col.map(conv);
  });
  return makeBatch(schema, cols);
}

/** The columns of `b` in the order (and with the exact fields) of `schema`, matched by name. */
function reorderTo(b: Batch, schema: StructType): Batch {
  const cols = schema.fields.map((f) => {
    const i = b.schema.fields.findIndex((g) => g.name.toLowerCase() === f.name.toLowerCase());
    return i < 0 ? new Array(b.numRows).fill(null) : b.columns[i]!;
  });
  return makeBatch(schema, cols);
}

export { asNullable };

// ---------------------------------------------------------------- partition discovery

interface PartitionInfo {
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
function discoverPartitions(root: string | undefined, files: readonly string[], opts: SourceOptions, userSchema: StructType | undefined): PartitionInfo {
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

function appendPartitionColumns(data: Batch, parts: PartitionInfo, perFile: readonly number[]): Batch {
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
