/**
 * Parquet without native code: parquet-wasm (arrow-rs's Parquet reader and
 * writer compiled to WebAssembly), an optional peer dependency loaded on first
 * use. Both directions go through Arrow IPC, the same exact Arrow types the
 * export backend already builds (`arrow-table.ts`): Batch → Arrow Table →
 * IPC stream → parquet-wasm → bytes, and back.
 *
 * arrow-rs writes Spark's Arrow types as the Parquet logical types Spark,
 * DuckDB and Polars read: DECIMAL, DATE, TIMESTAMP(MICROS, adjusted to UTC)
 * for timestamp and not adjusted for timestamp_ntz, LIST, MAP and nested
 * groups. Unlike Polars it keeps maps as Parquet MAPs.
 */
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import type { Table } from 'apache-arrow';
import { arrow } from '../../data/arrow-lib.js';
import { makeBatch, type Batch } from '../../data/batch.js';
import { BackendException, ExecutionException, SparklessError } from '../../errors/index.js';
import { StructField, StructType } from '../../types/data-types.js';
import { asNullable, batchToArrowTable } from './arrow-table.js';

/** The part of parquet-wasm's Node entry (0.8) used here. */
interface WasmTable {
  intoIPCStream(): Uint8Array;
}
interface WriterPropertiesBuilder {
  setCompression(c: number): WriterPropertiesBuilder;
  build(): unknown;
}
export interface ParquetWasm {
  readParquet(bytes: Uint8Array): WasmTable;
  writeParquet(table: WasmTable, props?: unknown): Uint8Array;
  Table: { fromIPCStream(buf: Uint8Array): WasmTable };
  WriterPropertiesBuilder: new () => WriterPropertiesBuilder;
  Compression: Record<string, number>;
}

export const PARQUET_WASM_PACKAGE = 'parquet-wasm';

let cached: ParquetWasm | undefined;
let requireOverride: ((id: string) => unknown) | undefined;

/** Tests: replace the loader (e.g. to simulate the package being absent); `undefined` restores it. */
export function setParquetWasmRequire(fn: ((id: string) => unknown) | undefined): void {
  requireOverride = fn;
  cached = undefined;
}

/** parquet-wasm, loaded on first call; throws a BackendException naming the package to install. */
export function parquetWasm(): ParquetWasm {
  if (cached) return cached;
  const req = requireOverride ?? createRequire(import.meta.url);
  let mod: Partial<ParquetWasm> | null;
  try {
    mod = req(PARQUET_WASM_PACKAGE) as Partial<ParquetWasm> | null;
  } catch (err) {
    throw new BackendException(
      `Parquet without nodejs-polars needs the optional package ${PARQUET_WASM_PACKAGE} ` +
        `(${err instanceof Error ? err.message.split('\n')[0] : String(err)}). Fix: run \`npm install ${PARQUET_WASM_PACKAGE}@^0.8.0\`.`,
      { errorClass: 'PARQUET_ENGINE_UNAVAILABLE', messageParameters: { package: PARQUET_WASM_PACKAGE }, cause: err },
    );
  }
  if (!mod || typeof mod.readParquet !== 'function' || typeof mod.writeParquet !== 'function' || !mod.Table || !mod.WriterPropertiesBuilder) {
    throw new BackendException(`${PARQUET_WASM_PACKAGE} loaded but does not look like version 0.8. Fix: run \`npm install ${PARQUET_WASM_PACKAGE}@^0.8.0\`.`, {
      errorClass: 'PARQUET_ENGINE_UNAVAILABLE',
      messageParameters: { package: PARQUET_WASM_PACKAGE },
    });
  }
  cached = mod as ParquetWasm;
  return cached;
}

/** Polars codec names (see parquet.ts) → parquet-wasm's Compression members. */
const WASM_CODECS: Readonly<Record<string, string>> = {
  uncompressed: 'UNCOMPRESSED',
  snappy: 'SNAPPY',
  gzip: 'GZIP',
  lz4: 'LZ4_RAW',
  zstd: 'ZSTD',
  brotli: 'BROTLI',
};

function engineError(err: unknown, whileDoing: string): SparklessError {
  if (SparklessError.isSparklessError(err)) return err;
  const detail = (err instanceof Error ? err.message : String(err)).split('\n')[0]!.slice(0, 300);
  return new ExecutionException(`${PARQUET_WASM_PACKAGE} failed while ${whileDoing}: ${detail}`, {
    errorClass: 'PARQUET_ENGINE_ERROR',
    messageParameters: { detail },
    cause: err,
  });
}

/** Writes the batch as one Parquet file at `filePath` (physical column `names`, in order). */
export function writeParquetWasm(batch: Batch, filePath: string, codec: string, names: readonly string[]): void {
  const pw = parquetWasm();
  try {
    // Written all-nullable (OPTIONAL), as the Polars path writes and as readers give Parquet back; the
    // exact nullability lives in the schema sidecar / table registry. arrow-rs would otherwise reject
    // a batch whose declared-non-null column holds a null, which the Polars path accepts.
    const renamed = new StructType(batch.schema.fields.map((f, i) => new StructField(names[i] ?? f.name, asNullable(f.dataType), true, f.metadata)));
    const ipc = arrow().tableToIPC(batchToArrowTable(makeBatch(renamed, batch.columns, batch.numRows)), 'stream');
    const member = WASM_CODECS[codec] ?? 'SNAPPY';
    const props = new pw.WriterPropertiesBuilder().setCompression(pw.Compression[member]!).build();
    writeFileSync(filePath, pw.writeParquet(pw.Table.fromIPCStream(ipc), props));
  } catch (err) {
    throw engineError(err, `writing the Parquet file ${filePath}`);
  }
}

/** Reads one Parquet file as an Arrow Table (columns and types as stored). */
export function readParquetWasm(filePath: string): Table {
  const pw = parquetWasm();
  try {
    return arrow().tableFromIPC(pw.readParquet(readFileSync(filePath)).intoIPCStream());
  } catch (err) {
    throw engineError(err, `reading the Parquet file ${filePath}`);
  }
}
