/**
 * Parquet files through nodejs-polars' native binding (loaded lazily by
 * `polars/native.ts`). Writing: Batch → native DataFrame (`polars/input.ts`)
 * → `writeParquet`. Reading: `readParquet` → Arrow IPC → Batch, so every
 * value keeps its exact internal form (bigints, decimals, µs timestamps).
 *
 * Without the binding (or with `spark.sparkless.parquet.engine` = `js`) both
 * directions go through parquet-wasm instead (`parquet-wasm.ts`); `auto` (the
 * default) takes Polars when its binding loads, else parquet-wasm.
 *
 * Polars has no map type: maps are stored as list<struct<key, value>> and a
 * reader that is told the column is a MapType (a stored schema) reads them
 * back as maps; without one they read as arrays of key/value structs.
 */
import type { Table } from 'apache-arrow';
import { arrow } from '../../data/arrow-lib.js';
import type { Batch } from '../../data/batch.js';
import { IllegalArgumentException, SparklessError } from '../../errors/index.js';
import type { StructType } from '../../types/data-types.js';
import { translatePolarsError } from '../polars/errors.js';
import { batchToNative } from '../polars/input.js';
import { native, type NativeDataFrame } from '../polars/native.js';
import { nativeToIpc } from '../polars/output.js';
import { arrowTableToBatch } from './arrow-table.js';
import { readParquetWasm, writeParquetWasm } from './parquet-wasm.js';

/** The conf key, also passed by the reader and writer as an internal source option. */
export const PARQUET_ENGINE_OPTION = 'spark.sparkless.parquet.engine';

/** `spark.sparkless.parquet.engine`: which library reads and writes Parquet. */
export type ParquetEngine = 'auto' | 'polars' | 'js';

/** The engine a conf value names (case-insensitive; unset → auto). */
export function parquetEngine(value: string | undefined): ParquetEngine {
  const v = (value ?? 'auto').trim().toLowerCase();
  if (v === 'auto' || v === 'polars' || v === 'js') return v;
  throw new IllegalArgumentException(`spark.sparkless.parquet.engine must be one of auto, polars, js; got '${value}'.`, {
    errorClass: 'INVALID_CONF_VALUE',
    messageParameters: { confName: 'spark.sparkless.parquet.engine', confValue: String(value) },
  });
}

/** True when `auto` should take Polars: its native binding loads. */
function usePolars(engine: ParquetEngine): boolean {
  if (engine !== 'auto') return engine === 'polars';
  try {
    native();
    return true;
  } catch (err) {
    if (SparklessError.isSparklessError(err) && err.errorClass === 'POLARS_NATIVE_UNAVAILABLE') return false;
    throw err;
  }
}

/** The binding's Parquet entry points (nodejs-polars 0.24.1), not typed in `polars/native.ts`. */
interface ParquetNative {
  readParquet(path: string, options: { columns?: string[]; nRows?: number }, parallel: 'auto'): NativeDataFrame;
}
interface ParquetWritable {
  writeParquet(path: string, compression: string): void;
}

/** Spark's Parquet codec names → the names Polars accepts. */
const CODECS: Readonly<Record<string, string>> = {
  none: 'uncompressed',
  uncompressed: 'uncompressed',
  snappy: 'snappy',
  gzip: 'gzip',
  lz4: 'lz4',
  lz4_raw: 'lz4',
  zstd: 'zstd',
  brotli: 'brotli',
};

/** The Polars codec for a Spark `compression` option (default snappy, as Spark). */
export function parquetCodec(compression: string | undefined): string {
  const key = (compression ?? 'snappy').toLowerCase();
  const codec = CODECS[key];
  if (!codec) {
    throw new IllegalArgumentException(`Codec [${compression}] is not available. Available codecs are ${Object.keys(CODECS).join(', ')}.`, {
      errorClass: 'CODEC_NOT_AVAILABLE',
      messageParameters: { codecName: String(compression) },
    });
  }
  return codec;
}

/** The file-name infix Spark uses for a codec (`part-…-c000.snappy.parquet`). */
export function parquetCodecInfix(codec: string): string {
  return codec === 'uncompressed' ? '' : `.${codec === 'lz4' ? 'lz4hadoop' : codec}`;
}

/**
 * Writes the batch as one Parquet file at `filePath` (overwriting it).
 * `names` (default: the schema's) are the physical column names; callers
 * pass positional names when the schema has duplicates.
 */
export function writeParquetFile(
  batch: Batch,
  filePath: string,
  codec = 'snappy',
  names: readonly string[] = batch.schema.names,
  engine: ParquetEngine = 'auto',
): void {
  if (!usePolars(engine)) return writeParquetWasm(batch, filePath, codec, names);
  try {
    const df = batchToNative(batch);
    df.columns = [...names];
    (df as unknown as ParquetWritable).writeParquet(filePath, codec);
  } catch (err) {
    throw translatePolarsError(err, `writing the Parquet file ${filePath}`);
  }
}

/** Reads one Parquet file as an Arrow Table (columns and types as stored). */
export function readParquetArrow(filePath: string, engine: ParquetEngine = 'auto'): Table {
  if (!usePolars(engine)) return readParquetWasm(filePath);
  try {
    const df = (native() as unknown as ParquetNative).readParquet(filePath, {}, 'auto');
    return arrow().tableFromIPC(nativeToIpc(df));
  } catch (err) {
    throw translatePolarsError(err, `reading the Parquet file ${filePath}`);
  }
}

/** Reads one Parquet file as a Batch (`schema` positional, default inferred from the file). */
export function readParquetFile(filePath: string, schema?: StructType, engine: ParquetEngine = 'auto'): Batch {
  return arrowTableToBatch(readParquetArrow(filePath, engine), schema);
}
