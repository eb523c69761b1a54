/**
 * Parquet files through nodejs-polars' native binding (loaded lazily by
 * `polars/native.ts`). Writing: Batch → native DataFrame (`polars/input.ts`)
 * → `writeParquet`. Reading: `readParquet` → Arrow IPC → Batch, so every
 * value keeps its exact internal form (bigints, decimals, µs timestamps).
 *
 * Polars has no map type: maps are stored as list<struct<key, value>> and a
 * reader that is told the column is a MapType (a stored schema) reads them
 * back as maps; without one they read as arrays of key/value structs.
 */
import type { Table } from 'apache-arrow';
import { arrow } from '../../data/arrow-lib.js';
import type { Batch } from '../../data/batch.js';
import { IllegalArgumentException } from '../../errors/index.js';
import type { StructType } from '../../types/data-types.js';
import { translatePolarsError } from '../polars/errors.js';
import { batchToNative } from '../polars/input.js';
import { native, type NativeDataFrame } from '../polars/native.js';
import { nativeToIpc } from '../polars/output.js';
import { arrowTableToBatch } from './arrow-table.js';

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
export function writeParquetFile(batch: Batch, filePath: string, codec = 'snappy', names: readonly string[] = batch.schema.names): void {
  try {
    const df = batchToNative(batch);
    df.columns = [...names];
    (df as unknown as ParquetWritable).writeParquet(filePath, codec);
  } catch (err) {
    throw translatePolarsError(err, `writing the Parquet file ${filePath}`);
  }
}

/** Reads one Parquet file as an Arrow Table (columns and types as stored). */
export function readParquetArrow(filePath: string): Table {
  try {
    const df = (native() as unknown as ParquetNative).readParquet(filePath, {}, 'auto');
    return arrow().tableFromIPC(nativeToIpc(df));
  } catch (err) {
    throw translatePolarsError(err, `reading the Parquet file ${filePath}`);
  }
}

/** Reads one Parquet file as a Batch (`schema` positional, default inferred from the file). */
export function readParquetFile(filePath: string, schema?: StructType): Batch {
  return arrowTableToBatch(readParquetArrow(filePath), schema);
}
