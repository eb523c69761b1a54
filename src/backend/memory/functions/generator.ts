/** Generators: explode/posexplode (arrays → `col`, maps → `key`, `value`), inline, stack. */
import type { FunctionImpl, GeneratorImpl } from './types.js';

const generator = (generate: GeneratorImpl['generate']): GeneratorImpl => ({ kind: 'generator', generate });

function explodeRows(v: unknown, withPos: boolean): unknown[][] {
  if (v === null || v === undefined) return [];
  if (v instanceof Map) {
    let k = 0;
    const out: unknown[][] = [];
    for (const [key, value] of v) out.push(withPos ? [k++, key, value] : [key, value]);
    return out;
  }
  return (v as unknown[]).map((x, k) => (withPos ? [k, x ?? null] : [x ?? null]));
}

const explode = generator((args) => explodeRows(args[0], false));
const posexplode = generator((args) => explodeRows(args[0], true));

/** inline(array<struct>): one row per struct (a null struct gives a row of nulls). */
const inline = generator((args) => {
  const arr = args[0] as (unknown[] | null)[] | null;
  if (!arr) return [];
  // An empty row reads as nulls in every generator column.
  return arr.map((s) => (s ? s.slice() : []));
});

/** stack(n, v1, ..., vk): n rows of ceil(k/n) columns, padded with nulls. */
const stack = generator((args) => {
  const n = Number(args[0]);
  const values = args.slice(1);
  const cols = Math.ceil(values.length / n);
  return Array.from({ length: n }, (_, r) => Array.from({ length: cols }, (_, c) => values[r * cols + c] ?? null));
});

export const generatorImpls: Record<string, FunctionImpl> = {
  explode,
  explode_outer: explode,
  posexplode,
  posexplode_outer: posexplode,
  inline,
  inline_outer: inline,
  stack,
};
