// nodejs-polars through its native binding, skipping the public wrapper objects
// (each public `Expr` costs ~1 ms to build): the per-test floor for the Polars backend.
import { createRequire } from 'node:module';
import { SMALL_ROWS } from '../data.mjs';

export async function load() {
  const require = createRequire(import.meta.url);
  const native = require('nodejs-polars/bin/native-polars.js');
  const { default: pl } = await import('nodejs-polars');
  // DataType objects are plain values the binding accepts; built once.
  const schema = { id: pl.Int64, g: pl.Utf8, v: pl.Float64 };
  return { n: native, schema };
}

export const workloads = {
  pertest({ n, schema }) {
    return {
      run: () =>
        n
          .fromRows(SMALL_ROWS, schema, undefined)
          .lazy()
          .filter(n.col('v').gt(n.lit(10)))
          .groupby([n.col('g')], false)
          .agg([n.col('v').sum().alias('s'), n.col('v').mean().alias('a'), n.len().alias('n')])
          .sort('g', false, false, false)
          .collectSync('auto')
          .toObjects(),
    };
  },
};
