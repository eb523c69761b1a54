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
import { join, resolve } from 'node:path';
import type { Table as ArrowTable } from 'apache-arrow';
import { makeBatch, type Batch } from '../../data/batch.js';
import { AnalysisException, IllegalArgumentException } from '../../errors/index.js';
import { ArrayType, DataType, MapType, NullType, StructType } from '../../types/data-types.js';
import type { ExportBackend, FileFormat, SaveMode, WriteOptions } from '../protocols.js';
import { asNullable, batchToArrowTable } from './arrow-table.js';
import { readCsvTexts, unsupportedDataType, writeCsvText } from './csv.js';
import { writeFileAtomically } from './fs-atomic.js';
import { readTextFiles, writeTextText } from './text.js';
import { writeJsonText } from './json.js';
import { readJsonFiles } from './json-read.js';
import { SourceOptions } from './options.js';
import { isGlob, listInputFiles, partFileName, writeOutputDirectory, type OutputFile } from './output-dir.js';
import { PARQUET_ENGINE_OPTION, parquetCodec, parquetCodecInfix, parquetEngine, writeParquetFile } from './parquet.js';
import { PARQUET_SCHEMA_FILE, readParquetFiles } from './parquet-parts.js';
import { appendPartitionColumns, discoverPartitions, partitionRows } from './partition-dirs.js';

// Public names of this module that now live beside it.
export { asNullable };
export { PARQUET_SCHEMA_FILE } from './parquet-parts.js';
export { DEFAULT_PARTITION_NAME } from './partition-dirs.js';

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

// ---------------------------------------------------------------- writing (partition directories: partition-dirs.ts)

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

// ---------------------------------------------------------------- reading (Parquet parts: parquet-parts.ts)

/** A file's bytes, decompressed when it is gzipped. */
function readBytes(file: string): Buffer {
  const buf = readFileSync(file);
  return file.endsWith('.gz') ? gunzipSync(buf) : buf;
}

function readText(file: string): string {
  const text = readBytes(file).toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text; // a UTF-8 byte order mark is not data
}

/** The columns of `b` in the order (and with the exact fields) of `schema`, matched by name. */
function reorderTo(b: Batch, schema: StructType): Batch {
  const cols = schema.fields.map((f) => {
    const i = b.schema.fields.findIndex((g) => g.name.toLowerCase() === f.name.toLowerCase());
    return i < 0 ? new Array(b.numRows).fill(null) : b.columns[i]!;
  });
  return makeBatch(schema, cols);
}

