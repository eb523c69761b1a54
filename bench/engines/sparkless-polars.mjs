// sparkless on its Polars backend.
import { makeAdapter } from './sparkless-common.mjs';

export const { load, workloads } = makeAdapter('polars');
