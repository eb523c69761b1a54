/**
 * grouping(col) / grouping_id(cols...): which grouping columns a row of a
 * rollup/cube/grouping-sets aggregate has aggregated away. Evaluated by the
 * Aggregate operator from the row's grouping set (checked there by the
 * analyzer: only with grouping sets, only over grouping columns).
 */
import { BYTE, LONG } from '../../types/data-types.js';
import type { FunctionDef } from '../registry.js';

export const groupingDefs: readonly FunctionDef[] = [
  {
    name: 'grouping',
    kind: 'aggregate',
    minArgs: 1,
    maxArgs: 1,
    resolve: () => ({ dataType: BYTE, nullable: false }),
  },
  {
    name: 'grouping_id',
    kind: 'aggregate',
    minArgs: 0,
    maxArgs: Infinity,
    resolve: () => ({ dataType: LONG, nullable: false }),
  },
];
