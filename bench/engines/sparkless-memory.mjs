// sparkless on its pure-TypeScript memory backend.
import { makeAdapter } from './sparkless-common.mjs';

export const { load, workloads } = makeAdapter('memory');
