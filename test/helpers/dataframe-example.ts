/**
 * Runs one DataFrame-API example of the recorded corpus
 * (fixtures/spark-recorded/dataframe): PySpark's documented examples, written
 * in the TypeScript API as a function body over `spark`, `F`, `T`, `Window`
 * and `Row` that returns the DataFrame whose schema and show() text are compared.
 * The same body runs on real Spark (the recorder) and on the local backends.
 */
import { DataFrame, F, Row, T, Window, type SparkSession } from '../../src/index.js';

export function runDataFrameExample(spark: SparkSession, code: string): DataFrame {
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- examples are data, written in this repository
  const body = new Function('spark', 'F', 'T', 'Window', 'Row', code) as (...args: unknown[]) => unknown;
  const result = body(spark, F, T, Window, Row);
  if (!(result instanceof DataFrame)) throw new Error(`the example must return a DataFrame: ${code}`);
  return result;
}
