/** What `spark.read` and `df.write` share: the data source format and its options. */
import type { FileFormat } from '../backend/protocols.js';
import { requireDict, requireStr } from './arg-checks.js';
import { PySparkTypeError } from '../errors/index.js';
import { typeName } from './column.js';
import { NotImplementedException } from '../errors/index.js';
import { requireDataSource } from './data-source-names.js';

/** A data source option value; it is passed on as its text. */
export type OptionValue = string | number | boolean;

const SERVED: ReadonlySet<string> = new Set<FileFormat>(['parquet', 'csv', 'json', 'text']);

export abstract class DataSourceBuilder {
  /** The name given to `format()` (or by a shortcut such as `csv()`), as written, if any. */
  protected sourceName: string | undefined;
  /** Data source options as text. */
  protected readonly sourceOptions: Record<string, string> = {};

  /**
   * The data source: `parquet`, `csv`, `json` or `text` (case-insensitive). As in Spark,
   * the name is only looked up when the source is used (load, save, saveAsTable).
   */
  format(source: string): this {
    requireStr('source', source);
    this.sourceName = source;
    return this;
  }

  /** The source to read or write: DATA_SOURCE_NOT_FOUND for a name Spark does not know. */
  protected get sourceFormat(): FileFormat | undefined {
    if (this.sourceName === undefined) return undefined;
    const f = requireDataSource(this.sourceName);
    // Spark's other sources (orc, jdbc, noop, ...) exist there but are not served here.
    if (!SERVED.has(f)) throw new NotImplementedException(`The ${f} data source`);
    return f as FileFormat;
  }

  /** Sets one data source option. */
  option(key: string, value: OptionValue): this {
    requireStr('key', key);
    this.sourceOptions[key] = optionString(value);
    return this;
  }

  /** Sets several data source options. */
  options(opts: Readonly<Record<string, OptionValue>>): this {
    requireDict('opts', opts);
    for (const [k, v] of Object.entries(opts)) this.option(k, v);
    return this;
  }
}

/** An option value as text; a value with no text (a prototype-less object, a throwing toString) is NOT_STR. */
function optionString(v: unknown): string {
  try {
    return String(v);
  } catch {
    throw new PySparkTypeError(`Argument \`value\` should be a str, got ${typeName(v)}.`, { errorClass: 'NOT_STR', messageParameters: { arg_name: 'value', arg_type: typeName(v) } });
  }
}
