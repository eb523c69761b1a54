/** Window-only functions: lowered by the Window operator (see operators/window.ts). */
import type { FunctionTable } from './types.js';

export const windowFunctions: FunctionTable = {
  row_number: { window: true },
  rank: { window: true },
  dense_rank: { window: true },
  percent_rank: { window: true },
  cume_dist: { window: true },
  ntile: { window: true },
  lag: { window: true },
  lead: { window: true },
  nth_value: { delegated: 'frame-dependent semantics' },
};
