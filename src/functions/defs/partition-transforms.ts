/**
 * years/months/days/hours/bucket: partition transforms. They exist as
 * expressions so `writeTo(...).partitionedBy(F.years('ts'))` can carry them to
 * Spark; evaluated anywhere else they are an analysis error, as in Spark.
 */
import { AnalysisException } from '../../errors/index.js';
import type { FunctionDef } from '../registry.js';

const transform = (name: string, minArgs: number): FunctionDef => ({
  name,
  kind: 'scalar',
  minArgs,
  maxArgs: minArgs,
  resolve() {
    throw new AnalysisException(
      `${name}() is a partition transform: it is only valid in DataFrameWriterV2.partitionedBy (df.writeTo(...).partitionedBy(...)), not in a query.`,
    );
  },
});

export const partitionTransformDefs: readonly FunctionDef[] = [transform('years', 1), transform('months', 1), transform('days', 1), transform('hours', 1), transform('bucket', 2)];
