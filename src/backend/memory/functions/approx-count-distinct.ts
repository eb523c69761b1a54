/** approx_count_distinct: Spark's HyperLogLog++ estimate (runtime/hll/hllpp.ts), not an exact count. */
import { hllPrecision, relativeSD } from '../../../functions/defs/aggregate.js';
import { InternalError } from '../../../errors/index.js';
import { xxhash64Row } from '../../../types/xxhash64.js';
import { HyperLogLogPlusPlus } from '../runtime/hll/hllpp.js';
import type { AggregateImpl } from './types.js';
import { argType, isNullish } from './util.js';

export const approxCountDistinct: AggregateImpl = {
  kind: 'aggregate',
  create(call) {
    const types = [argType(call, 0)];
    const rsd = relativeSD(call.args[1]);
    if (rsd === undefined) throw new InternalError('approx_count_distinct: rsd was not validated');
    const sketch = new HyperLogLogPlusPlus(hllPrecision(rsd));
    return {
      add: (a) => {
        if (!isNullish(a[0])) sketch.update(xxhash64Row([a[0]], types));
      },
      result: () => sketch.query(),
    };
  },
};
