/**
 * `df.mapInArrow(fn, schema)`: `fn` receives an iterator of apache-arrow
 * RecordBatches (up to 10,000 rows each, Spark's default
 * spark.sql.execution.arrow.maxRecordsPerBatch) and yields RecordBatches (or
 * Tables) of `schema`. Lazy as in PySpark: the result is a relation whose
 * data is computed, once, when an action first reads it. Output columns are
 * matched by name (by position when the names differ); values of another
 * Arrow type are converted as UDF results are (null when they do not fit).
 */
import type { RecordBatch, Table } from 'apache-arrow';
import { arrow } from '../data/arrow-lib.js';
import { makeBatch, type Batch } from '../data/batch.js';
import { ExecutionException, PySparkTypeError, SparklessError } from '../errors/index.js';
import { vectorToInternal } from '../backend/memory/runtime/udf-result.js';
import { plan } from '../plan/nodes.js';
import { StructType } from '../types/data-types.js';
import { parseSchema } from '../types/ddl.js';
import type { DataFrame } from './dataframe.js';

export type ArrowBatchFunction = (batches: IterableIterator<RecordBatch>) => Iterable<RecordBatch | Table>;

const BATCH_ROWS = 10_000;

function* inputBatches(table: Table): IterableIterator<RecordBatch> {
  for (let start = 0; start < table.numRows; start += BATCH_ROWS) {
    yield* table.slice(start, Math.min(table.numRows, start + BATCH_ROWS)).batches;
  }
}

function runMapInArrow(df: DataFrame, fn: ArrowBatchFunction, schema: StructType): Batch {
  const input = df.toArrow();
  const columns: unknown[][] = schema.fields.map(() => []);
  let result: Iterable<RecordBatch | Table>;
  try {
    result = fn(inputBatches(input));
  } catch (err) {
    if (SparklessError.isSparklessError(err)) throw err;
    throw new ExecutionException(`mapInArrow function failed: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
  const { RecordBatch: RB, Table: T } = arrow();
  for (const item of result) {
    if (!(item instanceof RB) && !(item instanceof T)) {
      throw new PySparkTypeError(`The mapInArrow function must yield apache-arrow RecordBatches, got ${typeof item}.`, { errorClass: 'NOT_RECORD_BATCH' });
    }
    const names = item.schema.fields.map((f) => f.name);
    const byName = schema.fields.every((f) => names.includes(f.name));
    if (!byName && names.length !== schema.fields.length) {
      throw new ExecutionException(
        `Number of columns of the returned Arrow batch doesn't match specified schema. Expected: ${schema.fields.length} Actual: ${names.length}`,
        { errorClass: 'RESULT_COLUMNS_MISMATCH_FOR_ARROW_UDF' },
      );
    }
    schema.fields.forEach((f, i) => {
      const vec = byName ? item.getChild(f.name) : item.getChildAt(i);
      vectorToInternal(vec as never, f.dataType, columns[i]!);
    });
  }
  return makeBatch(schema, columns);
}

export function mapInArrow(df: DataFrame, fn: ArrowBatchFunction, schema: StructType | string): DataFrame {
  if (typeof fn !== 'function') {
    throw new PySparkTypeError(`Argument \`func\` should be a callable, got ${typeof fn}.`, { errorClass: 'NOT_CALLABLE', messageParameters: { arg_name: 'func', arg_type: typeof fn } });
  }
  const target = typeof schema === 'string' ? parseSchema(schema) : schema;
  if (!(target instanceof StructType)) {
    throw new PySparkTypeError('Argument `schema` should be a StructType or a DDL string.', { errorClass: 'NOT_STRUCT' });
  }
  let computed: Batch | undefined;
  const run = (): Batch => (computed ??= runMapInArrow(df, fn, target));
  const lazy: Batch = {
    schema: target,
    get columns() {
      return run().columns;
    },
    get numRows() {
      return run().numRows;
    },
  };
  return df.withPlan(plan('LocalRelation', { data: lazy }));
}
