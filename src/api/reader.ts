/** `spark.read`: files through the session's ExportBackend, tables through the catalog. */
import { guardBackendCall } from '../backend/guard.js';
import type { FileFormat } from '../backend/protocols.js';
import { AnalysisException } from '../errors/index.js';
import { plan } from '../plan/nodes.js';
import type { SparkSession } from '../session/session.js';
import { StructType } from '../types/data-types.js';
import { parseSchema } from '../types/ddl.js';
import { DataFrame } from './dataframe.js';

export class DataFrameReader {
  #format: FileFormat = 'parquet';
  #schema: StructType | undefined;
  readonly #options: Record<string, string> = {};

  constructor(private readonly session: SparkSession) {}

  format(source: string): this {
    const f = source.toLowerCase();
    if (f !== 'parquet' && f !== 'csv' && f !== 'json') {
      throw new AnalysisException(`Failed to find the data source: ${source}.`, { errorClass: 'DATA_SOURCE_NOT_FOUND' });
    }
    this.#format = f;
    return this;
  }

  /** The schema to read with: a StructType or a DDL string. */
  schema(schema: StructType | string): this {
    this.#schema = schema instanceof StructType ? schema : parseSchema(schema);
    return this;
  }

  option(key: string, value: string | number | boolean): this {
    this.#options[key] = String(value);
    return this;
  }

  options(opts: Readonly<Record<string, string | number | boolean>>): this {
    for (const [k, v] of Object.entries(opts)) this.option(k, v);
    return this;
  }

  load(path: string, format?: string): DataFrame {
    if (format) this.format(format);
    const batch = guardBackendCall(`Reading ${this.#format} from ${path} failed`, () =>
      this.session.exportBackend.readFile(path, this.#format, this.#schema, { timeZone: this.session.timeZone, ...this.#options }),
    );
    return new DataFrame(this.session, plan('LocalRelation', { data: batch }));
  }

  parquet(path: string): DataFrame {
    return this.load(path, 'parquet');
  }

  csv(path: string, options: Readonly<Record<string, string | number | boolean>> = {}): DataFrame {
    return this.options(options).load(path, 'csv');
  }

  json(path: string): DataFrame {
    return this.load(path, 'json');
  }

  table(tableName: string): DataFrame {
    return this.session.table(tableName);
  }
}
