/**
 * `CREATE [OR REPLACE] [GLOBAL] TEMPORARY VIEW v [(c TYPE, ...)] USING fmt [OPTIONS (path '...', ...)]`:
 * a temp view over files read with the data source's reader (parquet, csv, json, text, orc as
 * `spark.read` reads them), with the declared columns as its schema. Without a path the view has
 * the declared columns and no rows (Spark's UNABLE_TO_INFER_SCHEMA without them). The files are
 * read when the view is created: later changes to them are not seen (Spark lists them again on REFRESH).
 */
import { AnalysisException } from '../errors/index.js';
import type { SparkSession } from '../session/session.js';
import { StructField, StructType } from '../types/data-types.js';
import type { SqlCommand } from './parse.js';
import { recordViewInfo } from './view-info.js';
import { dataSourceNotFound } from '../api/data-source-names.js';

type Command = Extract<SqlCommand, { kind: 'createTempViewUsing' }>;

/** Spark's short names of its file sources (and their class names, which Spark also takes). */
const SOURCES: Readonly<Record<string, string>> = {
  parquet: 'parquet',
  csv: 'csv',
  json: 'json',
  text: 'text',
  orc: 'orc',
  'org.apache.spark.sql.parquet': 'parquet',
  'org.apache.spark.sql.csv': 'csv',
  'org.apache.spark.sql.json': 'json',
};

const DISPLAY: Readonly<Record<string, string>> = { parquet: 'Parquet', csv: 'CSV', json: 'JSON', text: 'Text', orc: 'ORC' };

export function createTempViewUsing(session: SparkSession, c: Command): void {
  // The parser refuses a qualified name (Spark: "should not have specified a database").
  const table = c.name[0]!;
  const format = SOURCES[c.provider.toLowerCase()];
  if (!format) {
    throw dataSourceNotFound(c.provider);
  }
  const schema = c.columns ? new StructType(c.columns.map((col) => new StructField(col.name, col.dataType, true, col.comment !== undefined ? { comment: col.comment } : {}))) : undefined;
  const options = c.options.filter(([k]) => k.toLowerCase() !== 'path');
  const path = c.options.find(([k]) => k.toLowerCase() === 'path')?.[1];
  let viewPlan;
  if (path !== undefined) {
    const reader = session.read.format(format).options(Object.fromEntries(options));
    viewPlan = (schema ? reader.schema(schema) : reader).load(path).plan;
  } else if (schema) {
    viewPlan = session.createDataFrame([], schema).plan;
  } else {
    const name = DISPLAY[format]!;
    throw new AnalysisException(`Unable to infer schema for ${name}. It must be specified manually.`, { errorClass: 'UNABLE_TO_INFER_SCHEMA', messageParameters: { format: name } });
  }
  session.catalog.registerTempView(table, viewPlan, c.replace, c.global);
  recordViewInfo(viewPlan, { createdMs: Date.now() });
}
