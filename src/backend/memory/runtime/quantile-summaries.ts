/**
 * Spark's QuantileSummaries: the Greenwald-Khanna sketch behind
 * percentile_approx / approx_percentile, with Spark's parameters (relative
 * error 1/accuracy, a head buffer of 50000 values, compression once 10000
 * samples are held) and its query rule, so results equal Spark's for data
 * read in one partition. Each sample is (value, g, delta): g is the minimum
 * rank gap to the previous sample, delta the rank uncertainty.
 */

interface Stats {
  readonly value: number;
  readonly g: number;
  readonly delta: number;
}

const HEAD_SIZE = 50000;
const COMPRESS_THRESHOLD = 10000;

/** Java's Double.compare order (NaN last), as Spark sorts the head buffer. */
const compareDoubles = (a: number, b: number): number => (a < b ? -1 : a > b ? 1 : Number.isNaN(a) ? (Number.isNaN(b) ? 0 : 1) : Number.isNaN(b) ? -1 : 0);

export class QuantileSummaries {
  #head: number[] = [];
  #sampled: Stats[] = [];
  #count = 0;

  constructor(readonly relativeError: number) {}

  insert(x: number): void {
    this.#head.push(x);
    if (this.#head.length >= HEAD_SIZE) {
      this.#insertHead();
      if (this.#sampled.length >= COMPRESS_THRESHOLD) this.#compress();
    }
  }

  /** Merges the sorted head buffer into the samples; new inner samples get delta floor(2·ε·count). */
  #insertHead(): void {
    if (this.#head.length === 0) return;
    const sorted = this.#head.sort(compareDoubles);
    const old = this.#sampled;
    const out: Stats[] = [];
    let s = 0;
    let count = this.#count;
    for (let k = 0; k < sorted.length; k++) {
      const x = sorted[k]!;
      while (s < old.length && compareDoubles(old[s]!.value, x) <= 0) out.push(old[s++]!);
      count++;
      const edge = out.length === 0 || (s === old.length && k === sorted.length - 1);
      out.push({ value: x, g: 1, delta: edge ? 0 : Math.floor(2 * this.relativeError * count) });
    }
    while (s < old.length) out.push(old[s++]!);
    this.#sampled = out;
    this.#count = count;
    this.#head = [];
  }

  /** Merges neighbours (right to left) whose combined rank range stays under 2·ε·count; keeps the extremes. */
  #compress(): void {
    this.#insertHead();
    const xs = this.#sampled;
    if (xs.length === 0) return;
    const threshold = 2 * this.relativeError * this.#count;
    const res: Stats[] = [];
    let head = xs[xs.length - 1]!;
    for (let i = xs.length - 2; i >= 1; i--) {
      const x = xs[i]!;
      if (x.g + head.g + head.delta < threshold) head = { ...head, g: head.g + x.g };
      else {
        res.push(head);
        head = x;
      }
    }
    res.push(head);
    const first = xs[0]!;
    if (xs.length > 1 && compareDoubles(first.value, head.value) <= 0) res.push(first);
    this.#sampled = res.reverse();
  }

  get count(): number {
    return this.#count + this.#head.length;
  }

  /**
   * The approximate percentiles (each in [0, 1]); undefined when empty. The
   * target rank is ceil(p·count); a sample answers when its rank range is
   * within half the largest g + delta of it.
   */
  query(percentiles: readonly number[]): number[] | undefined {
    this.#compress();
    const xs = this.#sampled;
    if (xs.length === 0) return undefined;
    let maxGD = -Infinity;
    for (const x of xs) maxGD = Math.max(maxGD, x.g + x.delta);
    // A long divided by 2 in Spark: integer division.
    const targetError = Math.trunc(maxGD / 2);
    const out = new Array<number>(percentiles.length);
    const order = percentiles.map((p, i) => [p, i] as const).sort((a, b) => a[0] - b[0]);
    let index = 0;
    let minRank = xs[0]!.g;
    for (const [p, pos] of order) {
      if (p <= this.relativeError) out[pos] = xs[0]!.value;
      else if (p >= 1 - this.relativeError) out[pos] = xs[xs.length - 1]!.value;
      else {
        const rank = Math.ceil(p * this.#count);
        let i = index;
        let found: number | undefined;
        while (i < xs.length - 1) {
          const maxRank = minRank + xs[i]!.delta;
          if (maxRank - targetError <= rank && rank <= minRank + targetError) {
            found = xs[i]!.value;
            break;
          }
          i++;
          minRank += xs[i]!.g;
        }
        if (found === undefined) {
          index = xs.length - 1;
          minRank = 0;
          out[pos] = xs[xs.length - 1]!.value;
        } else {
          index = i;
          out[pos] = found;
        }
      }
    }
    return out;
  }
}
