import { ExecutionException } from '../../../errors/index.js';
import type { Range } from '../../../plan/nodes.js';
import { LONG, StructField, StructType } from '../../../types/data-types.js';
import { denseRel, type Rel } from './relation.js';

const DEFAULT_SCHEMA = new StructType([new StructField('id', LONG, false)]);

/** `spark.range(start, end, step)`: ids start, start+step, ... up to (excluding) end. */
export function executeRange(plan: Range): Rel {
  const { start, end, step } = plan;
  if (step === 0) throw new ExecutionException('The step of range must not be 0.');
  const count = Math.max(0, Math.ceil((end - start) / step));
  const ids = new Array<number>(count);
  for (let k = 0; k < count; k++) ids[k] = start + k * step;
  return denseRel(plan.schema ?? DEFAULT_SCHEMA, [ids], count);
}
