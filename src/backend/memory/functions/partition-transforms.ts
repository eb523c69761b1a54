/**
 * Partition transforms never execute: their definitions reject them during
 * analysis (functions/defs/partition-transforms.ts); reaching here is a bug.
 */
import { InternalError } from '../../../errors/index.js';
import type { FunctionImpl } from './types.js';

const unreachable: FunctionImpl = {
  kind: 'scalar',
  eval(_args, _ctx, call) {
    throw new InternalError(`partition transform ${call.fn}() reached execution`);
  },
};

export const partitionTransformImpls: Record<string, FunctionImpl> = Object.fromEntries(
  ['years', 'months', 'days', 'hours', 'bucket'].map((n) => [n, unreachable]),
);
