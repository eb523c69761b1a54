/**
 * Array functions that build or reorder arrays (array_repeat, array_insert,
 * array_sort, shuffle), map_zip_with and sentences. Arrays are bounded by
 * Spark's maximum length (checkArrayLength, also used by `sequence`), so a
 * huge `array_repeat` fails with Spark's error before allocating anything.
 */
import type { Call } from '../../../expr/nodes.js';
import { ExecutionException } from '../../../errors/index.js';
import { ArrayType, MapType, type DataType } from '../../../types/data-types.js';
import { castToString } from '../../../format/value-string.js';
import { comparatorFor, hashKey } from '../runtime/compare.js';
import { Prng } from '../runtime/prng.js';
import { assertArrayFits, interpreterBudget } from '../../limits.js';
import { buildMap } from './map-functions.js';
import type { FunctionImpl, RowFn } from './types.js';
import { argType, compiled, isNullish, resultType, scalar, indexOfZeroError } from './util.js';

type Lambda = (...args: unknown[]) => unknown;

/** Spark's ByteArrayMethods.MAX_ROUNDED_ARRAY_LENGTH. */
const MAX_ARRAY_LENGTH = 2147483632;
/**
 * sparkless keeps arrays as JS arrays: beyond this many elements a result
 * would exhaust the process's memory, so it fails instead (a documented gap:
 * Spark would build arrays up to MAX_ARRAY_LENGTH).
 */
const MAX_LOCAL_ARRAY_LENGTH = 50_000_000;

/**
 * Fails as Spark does (or as sparkless must) before building an array of `n` elements: past
 * Spark's limit, past the memory budget (of `ctx`, when given), past sparkless's own limit.
 */
export function checkArrayLength(n: number | bigint, ctx?: { fn: string; budget: number }): void {
  if (n > MAX_ARRAY_LENGTH) {
    throw new ExecutionException(
      `Unsuccessful try to create array with ${n} elements due to exceeding the array size limit ${MAX_ARRAY_LENGTH}.`,
      { errorClass: 'COLLECTION_SIZE_LIMIT_EXCEEDED.INITIALIZE', messageParameters: { numberOfElements: String(n), maxRoundedArrayLength: String(MAX_ARRAY_LENGTH) } },
    );
  }
  if (ctx) assertArrayFits(ctx.fn, n, ctx.budget);
  if (n > MAX_LOCAL_ARRAY_LENGTH) {
    throw new ExecutionException(
      `Cannot create an array with ${n} elements: sparkless holds arrays in memory and allows at most ${MAX_LOCAL_ARRAY_LENGTH} (Spark's limit is ${MAX_ARRAY_LENGTH}).`,
      { errorClass: 'COLLECTION_SIZE_LIMIT_EXCEEDED.INITIALIZE', messageParameters: { numberOfElements: String(n), maxRoundedArrayLength: String(MAX_LOCAL_ARRAY_LENGTH) } },
    );
  }
}

const arrayRepeat = compiled((args, _call, ctx) => {
  const [v, n] = args as [RowFn, RowFn];
  const limits = { fn: 'array_repeat', budget: interpreterBudget(ctx.memoryBudget) };
  return (i) => {
    const count = n(i);
    if (isNullish(count)) return null;
    const len = Math.max(0, count as number);
    checkArrayLength(len, limits);
    const x = v(i) ?? null;
    return new Array<unknown>(len).fill(x);
  };
});

/** array_insert(arr, pos, v): 1-based; negative from the end (-1 appends); past either end pads with NULLs. */
const arrayInsert = compiled((args) => {
  const [a, p, v] = args as [RowFn, RowFn, RowFn];
  return (i) => {
    const arr = a(i) as unknown[] | null;
    const pos = p(i) as number | null;
    if (isNullish(arr) || isNullish(pos)) return null;
    const item = v(i) ?? null;
    if (pos === 0) {
      throw indexOfZeroError();
    }
    if (pos > 0) {
      const at = pos - 1;
      if (at <= arr.length) return [...arr.slice(0, at), item, ...arr.slice(at)];
      checkArrayLength(at + 1);
      return [...arr, ...new Array<unknown>(at - arr.length).fill(null), item];
    }
    const at = arr.length + pos + 1;
    if (at >= 0) return [...arr.slice(0, at), item, ...arr.slice(at)];
    checkArrayLength(arr.length - at + 1);
    return [item, ...new Array<unknown>(-at).fill(null), ...arr];
  };
});

/** Ascending, NULLs last (array_sort's default comparator). */
function sortNullsLast(arr: readonly unknown[], t: DataType): unknown[] {
  const cmp = comparatorFor(t);
  return arr.slice().sort((x, y) => (isNullish(x) ? (isNullish(y) ? 0 : 1) : isNullish(y) ? -1 : cmp(x, y)));
}

/** array_sort(arr[, comparator]): a NULL from the comparator is Spark's COMPARATOR_RETURNS_NULL. */
const arraySort = scalar((a, _ctx, call) => {
  const t = (argType(call, 0) as ArrayType).elementType;
  if (typeof a[1] !== 'function') return sortNullsLast(a[0] as unknown[], t);
  const f = a[1] as Lambda;
  return (a[0] as unknown[]).slice().sort((x, y) => {
    const r = f(x ?? null, y ?? null);
    if (isNullish(r)) {
      const first = isNullish(x) ? 'NULL' : castToString(x, t, 'UTC');
      const second = isNullish(y) ? 'NULL' : castToString(y, t, 'UTC');
      throw new ExecutionException(
        `The comparator has returned a NULL for a comparison between ${first} and ${second}. It should return a positive integer for "greater than", 0 for "equal" and a negative integer for "less than". To revert to deprecated behavior where NULL is treated as 0 (equal), you must set "spark.sql.legacy.allowNullComparisonResultInArraySort" to "true".`,
        { errorClass: 'COMPARATOR_RETURNS_NULL', messageParameters: { firstValue: first, secondValue: second } },
      );
    }
    return r as number;
  });
});

/** shuffle(arr): Fisher-Yates with one generator per expression, seeded by the `seed` option or the query. */
const shuffle = compiled((args, call, ctx) => {
  const seed = call.options?.['seed'];
  const rng = new Prng(typeof seed === 'number' ? seed : (ctx.randomSeed ?? Math.floor(Math.random() * 2 ** 52)));
  return (i) => {
    const arr = args[0]!(i) as unknown[] | null;
    if (isNullish(arr)) return null;
    const out = arr.slice();
    for (let k = out.length - 1; k > 0; k--) {
      const j = Math.floor(rng.nextDouble() * (k + 1));
      [out[k], out[j]] = [out[j], out[k]];
    }
    return out;
  };
});

/** map_zip_with(m1, m2, f): keys of m1 in order, then those only in m2; f(k, v1, v2) with NULL for a missing side. */
const mapZipWith = scalar((a, _ctx, call: Call) => {
  const kt = (argType(call, 0) as MapType).keyType;
  const m1 = a[0] as Map<unknown, unknown>;
  const m2 = a[1] as Map<unknown, unknown>;
  const f = a[2] as Lambda;
  const right = new Map<unknown, unknown>();
  for (const [k, v] of m2) right.set(hashKey(k, kt), v);
  const keys: unknown[] = [];
  const seen = new Set<unknown>();
  for (const k of [...m1.keys(), ...m2.keys()]) {
    const h = hashKey(k, kt);
    if (!seen.has(h)) {
      seen.add(h);
      keys.push(k);
    }
  }
  const left = new Map<unknown, unknown>();
  for (const [k, v] of m1) left.set(hashKey(k, kt), v);
  return buildMap(
    keys.map((k) => [k, f(k, left.get(hashKey(k, kt)) ?? null, right.get(hashKey(k, kt)) ?? null) ?? null] as const),
    (resultType(call) as MapType).keyType,
  );
});

const LETTER_OR_DIGIT = /[\p{L}\p{Nd}]/u;

/**
 * sentences(text, language, country): sentence and word boundaries from
 * Intl.Segmenter (Spark uses Java's BreakIterator for the locale); a word is
 * a segment starting with a letter or digit (`o'clock` stays one word).
 */
const sentences = scalar((a) => {
  const text = a[0] as string;
  const locale = [a[1], a[2]].filter((x) => typeof x === 'string' && x !== '').join('-') || undefined;
  let sentenceSeg: Intl.Segmenter;
  let wordSeg: Intl.Segmenter;
  try {
    sentenceSeg = new Intl.Segmenter(locale, { granularity: 'sentence' });
    wordSeg = new Intl.Segmenter(locale, { granularity: 'word' });
  } catch {
    sentenceSeg = new Intl.Segmenter(undefined, { granularity: 'sentence' });
    wordSeg = new Intl.Segmenter(undefined, { granularity: 'word' });
  }
  const out: string[][] = [];
  for (const s of sentenceSeg.segment(text)) {
    const words: string[] = [];
    for (const w of wordSeg.segment(s.segment)) {
      if (LETTER_OR_DIGIT.test(w.segment[0] ?? '')) words.push(w.segment);
    }
    if (words.length > 0) out.push(words);
  }
  return out;
});

export const collectionBuildImpls: Record<string, FunctionImpl> = {
  array_repeat: arrayRepeat,
  array_insert: arrayInsert,
  array_sort: arraySort,
  array_size: compiled((args) => (i) => {
    const v = args[0]!(i);
    return isNullish(v) ? null : (v as unknown[]).length;
  }),
  shuffle,
  map_zip_with: mapZipWith,
  sentences,
};
