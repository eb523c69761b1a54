/** `spark.read`: files through the session's ExportBackend (Spark's data sources on connect), tables through the catalog. */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { listInputFiles } from '../backend/export/output-dir.js';
import { guardBackendCall } from '../backend/guard.js';
import { requireStr } from './arg-checks.js';
import { plan } from '../plan/nodes.js';
import { CONF } from '../session/conf.js';
import type { SparkSession } from '../session/session.js';
import { StructType } from '../types/data-types.js';
import { parseSchema } from '../types/ddl.js';
import { DataFrame } from './dataframe.js';
import { DataSourceBuilder, type OptionValue } from './data-source.js';

export class DataFrameReader extends DataSourceBuilder {
  #schema: StructType | undefined;

  constructor(private readonly session: SparkSession) {
    super();
  }

  /** The schema to read with: a StructType or a DDL string. */
  schema(schema: StructType | string): this {
    if (!(schema instanceof StructType)) requireStr('schema', schema);
    this.#schema = schema instanceof StructType ? schema : parseSchema(schema);
    return this;
  }

  load(path: string, format?: string): DataFrame {
    requireStr('path', path);
    if (format) this.format(format);
    if (this.session.remote) {
      // On connect the path is the server's: Spark's own data source (which resolves the name) reads it, lazily.
      const dataSource = {
        format: this.sourceName ?? 'parquet',
        paths: [path],
        options: { ...this.sourceOptions },
        ...(this.#schema ? { schema: this.#schema.json() } : {}),
      };
      return new DataFrame(this.session, plan('RemoteRelation', { relation: { read: { data_source: dataSource } } }));
    }
    const fileFormat = this.sourceFormat ?? 'parquet';
    const perFile: { file: string; rows: number }[] = [];
    const batch = guardBackendCall(`Reading ${fileFormat} from ${path} failed`, () =>
      this.session.exportBackend.readFile(
        path,
        fileFormat,
        this.#schema,
        {
          timeZone: this.session.timeZone,
          [CONF.parquetEngine]: this.session.conf.get(CONF.parquetEngine, 'auto'),
          ...this.sourceOptions,
        },
        perFile,
      ),
    );
    const inputFiles = listInputFiles(path).map((f) => pathToFileURL(resolve(f)).href);
    // Row counts per file only (a few numbers): input_file_name() builds its columns when a query asks.
    const fileRows = perFile.length > 0 ? perFile.map(({ file, rows }) => ({ uri: pathToFileURL(resolve(file)).href, rows, length: statSync(file).size })) : undefined;
    return new DataFrame(this.session, plan('LocalRelation', { data: this.session.ingest(batch), inputFiles, ...(fileRows ? { fileRows } : {}) }));
  }

  /** One row per line in a string column `value` (options: `wholetext`, `lineSep`). */
  text(path: string, options: Readonly<Record<string, OptionValue>> = {}): DataFrame {
    return this.options(options).load(path, 'text');
  }

  parquet(path: string): DataFrame {
    return this.load(path, 'parquet');
  }

  csv(path: string, options: Readonly<Record<string, OptionValue>> = {}): DataFrame {
    return this.options(options).load(path, 'csv');
  }

  json(path: string): DataFrame {
    return this.load(path, 'json');
  }

  table(tableName: string): DataFrame {
    requireStr('tableName', tableName);
    return this.session.table(tableName);
  }
}
