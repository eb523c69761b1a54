// Hand-written nodejs-polars (public `pl.*` API, lazy frames): what the
// sparkless Polars backend should be as fast as.
import { SMALL_ROWS } from '../data.mjs';

export async function load() {
  const { default: pl } = await import('nodejs-polars');
  return { pl };
}

function factFrame(pl, f) {
  return pl.DataFrame([
    pl.Series('id', f.id).cast(pl.Int64),
    pl.Series('k', f.k),
    pl.Series('g', f.g, pl.Utf8),
    pl.Series('v', f.v),
    pl.Series('q', f.q),
  ]);
}

function dimFrame(pl, d) {
  return pl.DataFrame([
    pl.Series('k', d.k),
    pl.Series('name', d.name, pl.Utf8),
    pl.Series('region', d.region, pl.Utf8),
    pl.Series('w', d.w),
  ]);
}

const records = (df) => df.toRecords();

/** The fact and dimension frames every join workload starts from, and the fact ⋈ dim inner join on k. */
function joinSetup(pl, { fact, dim }) {
  const df = factFrame(pl, fact);
  const dm = dimFrame(pl, dim);
  return { df, dm, joined: () => df.lazy().join(dm.lazy(), { on: 'k', how: 'inner' }) };
}

/** Each workload: (lib, data, ctx) => { run, normalize? } with data already loaded into the engine. */
export const workloads = {
  pertest({ pl }) {
    return {
      run: () =>
        pl
          .DataFrame(SMALL_ROWS, { schema: { id: pl.Int64, g: pl.Utf8, v: pl.Float64 } })
          .lazy()
          .filter(pl.col('v').gt(10))
          .groupBy('g')
          .agg(pl.col('v').sum().alias('s'), pl.col('v').mean().alias('a'), pl.len().alias('n'))
          .sort('g')
          .collectSync()
          .toRecords(),
    };
  },

  filter_project({ pl }, { fact }) {
    const df = factFrame(pl, fact);
    return {
      run: () =>
        df
          .lazy()
          .filter(pl.col('v').gt(50).and(pl.col('q').lt(9)))
          .select(
            pl.col('id'),
            pl.col('g'),
            pl.col('v').mul(2).add(1).alias('v2'),
            pl.col('v').mul(pl.col('q')).alias('vq'),
          )
          .select(pl.len().alias('n'), pl.col('v2').sum().alias('s'), pl.col('vq').max().alias('m'))
          .collectSync(),
      normalize: records,
    };
  },

  groupby_agg({ pl }, { fact }) {
    const df = factFrame(pl, fact);
    return {
      run: () =>
        df
          .lazy()
          .groupBy('g')
          .agg(pl.col('v').sum().alias('s'), pl.col('v').mean().alias('a'), pl.len().alias('n'))
          .collectSync(),
      normalize: records,
    };
  },

  join_groupby({ pl }, data) {
    const { joined } = joinSetup(pl, data);
    return {
      run: () =>
        joined()
          .groupBy('region')
          .agg(pl.col('v').mul(pl.col('w')).sum().alias('sw'), pl.len().alias('n'))
          .collectSync(),
      normalize: records,
    };
  },

  join_only({ pl }, data) {
    const { joined } = joinSetup(pl, data);
    return {
      run: () =>
        joined()
          .select(pl.len().alias('n'), pl.col('w').sum().alias('sw'), pl.col('name').max().alias('mn'))
          .collectSync(),
      normalize: records,
    };
  },

  multi_join({ pl }, data) {
    const { df, joined } = joinSetup(pl, data);
    return {
      run: () =>
        joined()
          .join(df.lazy().filter(pl.col('q').ltEq(2)).select('id', pl.col('v').alias('v2')), { on: 'id', how: 'inner' })
          .select(pl.len().alias('n'), pl.col('v2').mul(pl.col('w')).sum().alias('s'))
          .collectSync(),
      normalize: records,
    };
  },

  window_row_number({ pl }, { fact }) {
    const df = factFrame(pl, fact);
    // 0.24.1's sort takes one `descending` flag for all keys, so v DESC, id ASC is
    // written as an ascending sort on (-v, id); then a running count per partition.
    return {
      run: () =>
        df
          .lazy()
          .sort([pl.col('v').mul(-1), pl.col('id')])
          .withColumns(pl.col('g').cumCount().over('g').alias('rn'))
          .select(
            pl.len().alias('n'),
            pl.col('rn').cast(pl.Int64).mul(pl.col('q')).sum().alias('srq'),
            pl.col('rn').max().alias('mrn'),
          )
          .collectSync(),
      normalize: records,
    };
  },

  sort({ pl }, { fact }) {
    const df = factFrame(pl, fact);
    const mid = Math.floor(fact.n / 2);
    return {
      run: () =>
        df
          .lazy()
          .sort([pl.col('v').mul(-1), pl.col('id')])
          .slice(mid, 10)
          .select('id', 'v')
          .collectSync(),
      normalize: records,
    };
  },

  etl_chain({ pl }, data) {
    const { df, dm } = joinSetup(pl, data); // filters the fact side before joining
    return {
      run: () =>
        df
          .lazy()
          .filter(pl.col('q').gt(1))
          .withColumns(pl.col('v').mul(pl.col('q')).alias('amount'))
          .join(dm.lazy(), { on: 'k', how: 'inner' })
          .groupBy(['region', 'g'])
          .agg(pl.col('amount').sum().alias('total'), pl.len().alias('n'), pl.col('w').mean().alias('aw'))
          .sort([pl.col('total').mul(-1), pl.col('region'), pl.col('g')])
          .collectSync(),
      normalize: records,
    };
  },

  collect_objects({ pl }, { fact }) {
    const df = factFrame(pl, fact);
    return { run: () => df.toRecords(), normalize: (rows) => collectSummary(rows.length, rows, (r) => r.v) };
  },

  async collect_arrow({ pl }, { fact }) {
    const { tableFromIPC } = await import('apache-arrow');
    const df = factFrame(pl, fact);
    return {
      run: () => tableFromIPC(df.writeIPC()),
      normalize: (t) => arrowSummary(t),
    };
  },
};

/** A small checksum row of a large collected result: row count and sum of v. */
export function collectSummary(n, rows, getV) {
  let s = 0;
  for (const r of rows) s += getV(r);
  return [{ n, sv: s }];
}

export function arrowSummary(t) {
  let s = 0;
  const v = t.getChild('v');
  for (let i = 0; i < t.numRows; i++) s += Number(v.get(i));
  return [{ n: t.numRows, sv: s }];
}
