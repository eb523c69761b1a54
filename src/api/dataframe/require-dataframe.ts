/**
 * The NOT_DATAFRAME argument check of the two-frame methods (joins, set
 * operations). It lives here rather than in arg-checks.ts, which the function
 * registry loads, so that module does not pull in the DataFrame class.
 */
import { PySparkTypeError } from '../../errors/index.js';
import { typeName } from '../column.js';
import { DataFrame } from '../dataframe.js';

/** PySpark's NOT_DATAFRAME for an argument that must be a DataFrame. */
export function requireDataFrame(arg: string, v: unknown): asserts v is DataFrame {
  if (!DataFrame.isDataFrame(v)) throw new PySparkTypeError(`Argument \`${arg}\` should be a DataFrame, got ${typeName(v)}.`, { errorClass: 'NOT_DATAFRAME' });
}
