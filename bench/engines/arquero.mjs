// arquero 8: column tables in plain JS, expressions compiled from arrow functions.
import { SMALL_ROWS } from '../data.mjs';

export async function load() {
  return await import('arquero');
}

const factTable = (aq, f) => aq.table({ id: f.id, k: f.k, g: f.g, v: f.v, q: f.q });
const dimTable = (aq, d) => aq.table({ k: d.k, name: d.name, region: d.region, w: d.w });
const objects = (t) => t.objects();

export const workloads = {
  pertest(aq) {
    const { op } = aq;
    return {
      run: () =>
        aq
          .from(SMALL_ROWS)
          .filter((d) => d.v > 10)
          .groupby('g')
          .rollup({ s: op.sum('v'), a: op.mean('v'), n: op.count() })
          .orderby('g')
          .objects(),
    };
  },

  filter_project(aq, { fact }) {
    const { op } = aq;
    const t = factTable(aq, fact);
    return {
      run: () =>
        t
          .filter((d) => d.v > 50 && d.q < 9)
          .derive({ v2: (d) => d.v * 2 + 1, vq: (d) => d.v * d.q })
          .select('id', 'g', 'v2', 'vq')
          .rollup({ n: op.count(), s: op.sum('v2'), m: op.max('vq') }),
      normalize: objects,
    };
  },

  groupby_agg(aq, { fact }) {
    const { op } = aq;
    const t = factTable(aq, fact);
    return {
      run: () => t.groupby('g').rollup({ s: op.sum('v'), a: op.mean('v'), n: op.count() }),
      normalize: objects,
    };
  },

  join_groupby(aq, { fact, dim }) {
    const { op } = aq;
    const t = factTable(aq, fact);
    const d = dimTable(aq, dim);
    return {
      run: () =>
        t
          .join(d, 'k')
          .groupby('region')
          .rollup({ sw: (r) => op.sum(r.v * r.w), n: op.count() }),
      normalize: objects,
    };
  },

  window_row_number(aq, { fact }) {
    const { op } = aq;
    const t = factTable(aq, fact);
    return {
      run: () =>
        t
          .groupby('g')
          .orderby(aq.desc('v'), 'id')
          .derive({ rn: op.row_number() })
          .ungroup()
          .rollup({ n: op.count(), srq: (d) => op.sum(d.rn * d.q), mrn: op.max('rn') }),
      normalize: objects,
    };
  },

  sort(aq, { fact }) {
    const t = factTable(aq, fact);
    const mid = Math.floor(fact.n / 2);
    return {
      run: () => t.orderby(aq.desc('v'), 'id').slice(mid, mid + 10).select('id', 'v').objects(),
    };
  },

  etl_chain(aq, { fact, dim }) {
    const { op } = aq;
    const t = factTable(aq, fact);
    const d = dimTable(aq, dim);
    return {
      run: () =>
        t
          .filter((r) => r.q > 1)
          .derive({ amount: (r) => r.v * r.q })
          .join(d, 'k')
          .groupby('region', 'g')
          .rollup({ total: op.sum('amount'), n: op.count(), aw: op.mean('w') })
          .orderby(aq.desc('total'), 'region', 'g')
          .objects(),
    };
  },

  collect_objects(aq, { fact }) {
    const t = factTable(aq, fact);
    return {
      run: () => t.objects(),
      normalize: (rows) => {
        let s = 0;
        for (const r of rows) s += r.v;
        return [{ n: rows.length, sv: s }];
      },
    };
  },

  collect_arrow(aq, { fact }) {
    const t = factTable(aq, fact);
    return {
      // arquero's Arrow is a flechette table (same columnar layout as apache-arrow's).
      run: () => t.toArrow(),
      normalize: (at) => {
        const v = at.getChild('v').toArray();
        let s = 0;
        for (let i = 0; i < v.length; i++) s += v[i];
        return [{ n: at.numRows, sv: s }];
      },
      note: 'flechette Table',
    };
  },
};
