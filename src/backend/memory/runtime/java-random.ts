/** java.util.Random's documented 48-bit linear congruential generator (nextDouble and nextInt(bound)). */
const MULT = 0x5deece66dn;
const MASK = (1n << 48n) - 1n;

export class JavaRandom {
  #seed: bigint;
  constructor(seed: number) {
    this.#seed = (BigInt(seed) ^ MULT) & MASK;
  }
  #next(bits: number): bigint {
    this.#seed = (this.#seed * MULT + 0xbn) & MASK;
    return this.#seed >> BigInt(48 - bits);
  }
  /** nextInt(bound): uniform in [0, bound), by the documented rejection of the biased top range. */
  nextInt(bound: number): number {
    if ((bound & -bound) === bound) return Number((BigInt(bound) * this.#next(31)) >> 31n);
    for (;;) {
      const bits = Number(this.#next(31));
      const val = bits % bound;
      // Java's int overflow (bits - val + bound - 1 < 0) marks a draw from the incomplete last range.
      if (((bits - val + (bound - 1)) | 0) >= 0) return val;
    }
  }
  nextDouble(): number {
    return Number((this.#next(26) << 27n) + this.#next(27)) * 2 ** -53;
  }
}
