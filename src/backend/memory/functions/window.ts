/** Window-only functions: ranking (frame-independent), lag/lead and nth_value. */
import type { Call } from '../../../expr/nodes.js';
import type { FunctionImpl, WindowImpl, WindowPartition } from './types.js';
import { literalArg } from './util.js';

const windowFn = (evaluate: (p: WindowPartition, call: Call) => unknown[]): WindowImpl => ({ kind: 'window', evaluate });

const perPosition = (f: (p: WindowPartition, pos: number) => unknown): WindowImpl =>
  windowFn((p) => Array.from({ length: p.size }, (_, pos) => f(p, pos)));

const rowNumber = perPosition((_p, pos) => pos + 1);
const rank = perPosition((p, pos) => p.peerStart(pos) + 1);

const denseRank = windowFn((p) => {
  const out = new Array<number>(p.size);
  let r = 0;
  for (let pos = 0; pos < p.size; pos++) {
    if (pos === 0 || p.peerStart(pos) === pos) r++;
    out[pos] = r;
  }
  return out;
});

const percentRank = perPosition((p, pos) => (p.size <= 1 ? 0 : p.peerStart(pos) / (p.size - 1)));
const cumeDist = perPosition((p, pos) => p.peerEnd(pos) / p.size);

/** ntile(n): n buckets of sizes differing by at most one, larger buckets first. */
const ntile = windowFn((p) => {
  const n = Number(p.size > 0 ? p.arg(0, 0) : 1);
  const out = new Array<number>(p.size);
  const base = Math.floor(p.size / n);
  const extra = p.size % n;
  let pos = 0;
  for (let bucket = 1; bucket <= n && pos < p.size; bucket++) {
    const size = base + (bucket <= extra ? 1 : 0);
    for (let k = 0; k < size; k++) out[pos++] = bucket;
  }
  return out;
});

function ignoreNulls(call: Call): boolean {
  const opt = call.options?.ignoreNulls ?? call.options?.ignorenulls;
  return opt === true;
}

/** lag/lead(x, offset = 1, default = null): the value `offset` rows before/after within the partition. */
function offsetFn(direction: -1 | 1): WindowImpl {
  return windowFn((p, call) => {
    const lit = literalArg(call, 1);
    const fixed = lit ? Number(lit.value ?? 1) : call.args.length < 2 ? 1 : undefined;
    const skipNulls = ignoreNulls(call);
    const hasDefault = call.args.length >= 3;
    const out = new Array<unknown>(p.size);
    for (let pos = 0; pos < p.size; pos++) {
      const offset = (fixed ?? Number(p.arg(1, pos))) * direction;
      let value: unknown = undefined;
      if (!skipNulls) {
        const target = pos + offset;
        if (target >= 0 && target < p.size) value = p.arg(0, target);
      } else if (offset === 0) {
        value = p.arg(0, pos);
      } else {
        const step = offset > 0 ? 1 : -1;
        let remaining = Math.abs(offset);
        for (let q = pos + step; q >= 0 && q < p.size; q += step) {
          const v = p.arg(0, q);
          if (v !== null && v !== undefined && --remaining === 0) {
            value = v;
            break;
          }
        }
      }
      out[pos] = value === undefined ? (hasDefault ? p.arg(2, pos) : null) : value;
    }
    return out;
  });
}

/** nth_value(x, n): the n-th row (1-based) of the frame, or null if the frame is shorter. */
const nthValue = windowFn((p, call) => {
  const skipNulls = ignoreNulls(call) || literalArg(call, 2)?.value === true;
  const out = new Array<unknown>(p.size);
  for (let pos = 0; pos < p.size; pos++) {
    const n = Number(p.arg(1, pos));
    const [s, e] = p.frame(pos);
    let value: unknown = null;
    if (!skipNulls) {
      if (s + n - 1 < e) value = p.arg(0, s + n - 1);
    } else {
      let seen = 0;
      for (let q = s; q < e; q++) {
        const v = p.arg(0, q);
        if (v !== null && v !== undefined && ++seen === n) {
          value = v;
          break;
        }
      }
    }
    out[pos] = value;
  }
  return out;
});

export const windowImpls: Record<string, FunctionImpl> = {
  row_number: rowNumber,
  rank,
  dense_rank: denseRank,
  percent_rank: percentRank,
  cume_dist: cumeDist,
  ntile,
  lag: offsetFn(-1),
  lead: offsetFn(1),
  nth_value: nthValue,
};
