/**
 * HyperLogLog++ as Spark's approx_count_distinct computes it, so estimates match
 * Spark's to the unit: precision p (at least 4, from rsd: functions/defs/aggregate.ts), the
 * value's 64-bit hash is XXH64 with seed 42 (`xxhash64`, floating zeros and NaN
 * normalized), the top p bits pick a register that keeps the largest rank of the
 * remaining bits. The estimate is linear counting while it stays small, otherwise
 * the raw HLL estimate, bias-corrected from the paper's tables below 5·m (p < 19).
 * Registers merge by maximum, so partitioning never changes the result.
 */
import { BIASES, RAW_ESTIMATES } from './hllpp-bias.js';

/** Cardinalities up to which linear counting is used, per precision 4..18. */
const THRESHOLDS = [10, 20, 40, 80, 220, 400, 900, 1800, 3100, 6500, 15500, 20000, 50000, 120000, 350000];
/** Neighbours averaged when interpolating the bias. */
const K = 6;

const clz64 = (w: bigint): number => {
  const hi = Number(w >> 32n);
  return hi !== 0 ? Math.clz32(hi) : 32 + Math.clz32(Number(w & 0xffffffffn));
};

/** java.util.Arrays.binarySearch over doubles (the tables are not strictly sorted, so its exact probing matters). */
function binarySearch(a: readonly number[], key: number): number {
  let low = 0;
  let high = a.length - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const v = a[mid]!;
    if (v < key) low = mid + 1;
    else if (v > key) high = mid - 1;
    else return mid;
  }
  return -(low + 1);
}

export class HyperLogLogPlusPlus {
  private readonly m: number;
  private readonly registers: Uint8Array;
  private readonly pBig: bigint;
  private readonly idxShift: bigint;
  private readonly wPadding: bigint;
  private readonly alphaM2: number;

  constructor(private readonly p: number) {
    this.m = 1 << p;
    this.registers = new Uint8Array(this.m);
    this.pBig = BigInt(p);
    this.idxShift = BigInt(64 - p);
    this.wPadding = 1n << BigInt(p - 1);
    const m = this.m;
    this.alphaM2 = p === 4 ? 0.673 * m * m : p === 5 ? 0.697 * m * m : p === 6 ? 0.709 * m * m : (0.7213 / (1.0 + 1.079 / m)) * m * m;
  }

  /** Adds a value by its signed or unsigned 64-bit hash. */
  update(hash: bigint): void {
    const x = BigInt.asUintN(64, hash);
    const idx = Number(x >> this.idxShift);
    const rank = clz64(BigInt.asUintN(64, (x << this.pBig) | this.wPadding)) + 1;
    if (rank > this.registers[idx]!) this.registers[idx] = rank;
  }

  merge(other: HyperLogLogPlusPlus): void {
    for (let i = 0; i < this.m; i++) if (other.registers[i]! > this.registers[i]!) this.registers[i] = other.registers[i]!;
  }

  private estimateBias(e: number): number {
    const estimates = RAW_ESTIMATES[this.p - 4]!;
    const n = estimates.length;
    const found = binarySearch(estimates, e);
    const nearest = found < 0 ? -(found + 1) : found;
    const distance = (i: number): number => (e - estimates[i]!) * (e - estimates[i]!);
    // Slide a window of K neighbours while its far end is closer than its near end.
    let low = Math.max(nearest - K + 1, 0);
    let high = Math.min(low + K, n);
    while (high < n && distance(high) < distance(low)) {
      low += 1;
      high += 1;
    }
    const biases = BIASES[this.p - 4]!;
    let sum = 0.0;
    for (let i = low; i < high; i++) sum += biases[i]!;
    return sum / (high - low);
  }

  /** The cardinality estimate, rounded like Java's Math.round. */
  query(): number {
    let zInverse = 0.0;
    let zeros = 0.0;
    for (let i = 0; i < this.m; i++) {
      const r = this.registers[i]!;
      zInverse += 1.0 / 2 ** r;
      if (r === 0) zeros += 1.0;
    }
    const m = this.m;
    const e = this.alphaM2 / zInverse;
    const corrected = (): number => (this.p < 19 && e < 5.0 * m ? e - this.estimateBias(e) : e);
    let estimate: number;
    if (zeros > 0) {
      const h = m * Math.log(m / zeros);
      estimate = (this.p < 19 && h <= THRESHOLDS[this.p - 4]!) || e <= 2.5 * m ? h : corrected();
    } else estimate = corrected();
    return Math.floor(estimate + 0.5);
  }
}
