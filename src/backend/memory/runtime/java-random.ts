/** java.util.Random's documented 48-bit linear congruential generator (nextDouble only). */
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
  nextDouble(): number {
    return Number((this.#next(26) << 27n) + this.#next(27)) * 2 ** -53;
  }
}
