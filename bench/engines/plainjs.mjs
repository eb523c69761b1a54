// Hand-written JS loops: the per-test pipeline with no engine at all.
import { SMALL_ROWS } from '../data.mjs';

export async function load() {
  return {};
}

export const workloads = {
  pertest() {
    return {
      run: () => {
        const groups = new Map();
        for (const r of SMALL_ROWS) {
          if (!(r.v > 10)) continue;
          let acc = groups.get(r.g);
          if (!acc) groups.set(r.g, (acc = { g: r.g, s: 0, n: 0 }));
          acc.s += r.v;
          acc.n += 1;
        }
        return [...groups.values()]
          .sort((a, b) => (a.g < b.g ? -1 : a.g > b.g ? 1 : 0))
          .map(({ g, s, n }) => ({ g, s, a: s / n, n }));
      },
    };
  },
};
