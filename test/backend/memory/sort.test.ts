import { describe, expect, it } from 'vitest';
import { DOUBLE, INT, LONG, STRING } from '../../../src/types/data-types.js';
import { asc, col, desc, relation, run, schema, sort } from '../../helpers/resolved.js';

/** A tiny deterministic generator for test data. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Reference: Spark ordering written plainly (nulls per flag, NaN largest, stable). */
function reference(rows: unknown[][], keys: { i: number; asc: boolean; nullsFirst: boolean }[]): unknown[][] {
  const cmpVal = (x: unknown, y: unknown): number => {
    if (typeof x === 'number' && typeof y === 'number') {
      if (Number.isNaN(x)) return Number.isNaN(y) ? 0 : 1;
      if (Number.isNaN(y)) return -1;
      return x < y ? -1 : x > y ? 1 : 0;
    }
    return (x as string) < (y as string) ? -1 : (x as string) > (y as string) ? 1 : 0;
  };
  return rows
    .map((r, idx) => ({ r, idx }))
    .sort((a, b) => {
      for (const k of keys) {
        const x = a.r[k.i];
        const y = b.r[k.i];
        let c: number;
        if (x === null) c = y === null ? 0 : k.nullsFirst ? -1 : 1;
        else if (y === null) c = k.nullsFirst ? 1 : -1;
        else c = (k.asc ? 1 : -1) * cmpVal(x, y);
        if (c !== 0) return c;
      }
      return a.idx - b.idx;
    })
    .map((x) => x.r);
}

describe('sort (radix and comparator paths)', () => {
  const rnd = lcg(7);
  const specials = [null, NaN, -0, 0, Infinity, -Infinity];
  const rows: unknown[][] = Array.from({ length: 3000 }, (_, i) => {
    const d = rnd() < 0.1 ? specials[Math.floor(rnd() * specials.length)]! : Math.round((rnd() - 0.5) * 200) / 4;
    const k = rnd() < 0.05 ? null : Math.floor(rnd() * 20) - 10;
    const s = rnd() < 0.05 ? null : `s${Math.floor(rnd() * 50)}`;
    return [k, d, s, i];
  });
  const t = relation(schema(['k', INT], ['d', DOUBLE], ['s', STRING], ['i', LONG]), rows);

  it('single double key, both directions and null placements', () => {
    for (const a of [true, false]) {
      for (const nf of [true, false]) {
        const order = a ? asc(col(t, 1), nf) : desc(col(t, 1), nf);
        const got = run(sort(t, [order])).map((r) => r[3]);
        const want = reference(rows, [{ i: 1, asc: a, nullsFirst: nf }]).map((r) => r[3]);
        expect(got).toEqual(want);
      }
    }
  });

  it('multiple keys of mixed types stay stable', () => {
    const got = run(sort(t, [asc(col(t, 0)), desc(col(t, 2)), asc(col(t, 1))])).map((r) => r[3]);
    const want = reference(rows, [
      { i: 0, asc: true, nullsFirst: true },
      { i: 2, asc: false, nullsFirst: false },
      { i: 1, asc: true, nullsFirst: true },
    ]).map((r) => r[3]);
    expect(got).toEqual(want);
  });

  it('-0.0 and 0.0 are ties', () => {
    const z = relation(schema(['d', DOUBLE], ['i', INT]), Array.from({ length: 600 }, (_, i) => [i % 2 ? -0 : 0, i]));
    expect(run(sort(z, [asc(col(z, 0))])).map((r) => r[1])).toEqual(Array.from({ length: 600 }, (_, i) => i));
  });
});
