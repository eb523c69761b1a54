/**
 * An Apache DataSketches HLL sketch with HLL_8 registers (the target type
 * Spark 3.5 builds), written from the sketch's published design:
 * - LIST mode: up to 8 coupons in arrival order; full, it becomes a SET (or
 *   HLL when lgK < 8);
 * - SET mode: open addressing (probe = coupon & mask, stride = ((coupon &
 *   2^26-1) >>> lgArr) | 1), grown at 3/4 load, promoted to HLL past
 *   lgArr = lgK - 3;
 * - HLL mode: one byte per slot, the HIP estimator accumulating k / (kxq0 +
 *   kxq1) on every register increase; out-of-order sketches (unions) use the
 *   composite estimator instead.
 * Serialized as DataSketches' updatable image (little-endian): 8 preamble
 * bytes (preInts, serVer 1, family 7, lgK, lgArr, flags, list count or curMin,
 * mode | target type << 2) then the coupons, or HIP, KxQ0, KxQ1, num at cur
 * min, aux count and the registers.
 */
import { compositeEstimate, couponEstimate } from './estimators.js';

export type HllMode = 'LIST' | 'SET' | 'HLL';

const LG_INIT_LIST = 3;
const LG_INIT_SET = 5;
const KEY_MASK_26 = 0x3ffffff;
const EMPTY_FLAG = 4;
const COMPACT_FLAG = 8;
const OOO_FLAG = 16;
const REBUILD_FLAG = 32;
const MODE_ORDINAL: Record<HllMode, number> = { LIST: 0, SET: 1, HLL: 2 };
const HLL_8 = 2;

/** The HLL_8 register state of HLL mode. */
export interface Registers {
  regs: Uint8Array;
  hip: number;
  kxq0: number;
  kxq1: number;
  curMin: number;
  /** With curMin 0: the number of zero registers. */
  numAtCurMin: number;
  ooo: boolean;
  rebuild: boolean;
}

/** Open-addressing find: the index holding `coupon`, or ~index of the empty slot it would take. */
function find(arr: Int32Array, lgArr: number, coupon: number): number {
  const mask = arr.length - 1;
  let probe = coupon & mask;
  const start = probe;
  do {
    const at = arr[probe]!;
    if (at === 0) return ~probe;
    if (at === coupon) return probe;
    probe = (probe + (((coupon & KEY_MASK_26) >>> lgArr) | 1)) & mask;
  } while (probe !== start);
  throw new Error('internal: HLL coupon set has no empty slot');
}

const invPow2 = (v: number): number => 2 ** -v;

export function newRegisters(lgK: number): Registers {
  const k = 1 << lgK;
  return { regs: new Uint8Array(k), hip: 0, kxq0: k, kxq1: 0, curMin: 0, numAtCurMin: k, ooo: false, rebuild: false };
}

/** HLL_8 update of one slot, with the HIP and KxQ bookkeeping. */
export function updateSlot(r: Registers, lgK: number, slot: number, value: number): void {
  const old = r.regs[slot]!;
  if (value <= old) return;
  r.regs[slot] = value;
  r.hip += (1 << lgK) / (r.kxq0 + r.kxq1);
  if (old < 32) r.kxq0 -= invPow2(old);
  else r.kxq1 -= invPow2(old);
  if (value < 32) r.kxq0 += invPow2(value);
  else r.kxq1 += invPow2(value);
  if (old === 0) r.numAtCurMin--;
}

/** Recomputes KxQ, curMin and its count from the registers (after a union's max-merge). */
export function rebuildSummary(r: Registers, lgK: number): void {
  if (!r.rebuild) return;
  let curMin = 64;
  let numAtCurMin = 0;
  let kxq0 = 1 << lgK;
  let kxq1 = 0;
  for (const v of r.regs) {
    if (v > 0) {
      if (v < 32) kxq0 += invPow2(v) - 1;
      else kxq1 += invPow2(v) - 1;
    }
    if (v > curMin) continue;
    if (v < curMin) {
      curMin = v;
      numAtCurMin = 1;
    } else numAtCurMin++;
  }
  Object.assign(r, { kxq0, kxq1, curMin, numAtCurMin, rebuild: false });
}

export class HllSketch {
  mode: HllMode = 'LIST';
  lgArr = LG_INIT_LIST;
  coupons: Int32Array = new Int32Array(1 << LG_INIT_LIST);
  count = 0;
  hll: Registers | undefined;

  constructor(readonly lgK: number) {}

  isEmpty(): boolean {
    return this.mode !== 'HLL' && this.count === 0;
  }

  copy(): HllSketch {
    const c = new HllSketch(this.lgK);
    Object.assign(c, { mode: this.mode, lgArr: this.lgArr, coupons: this.coupons.slice(), count: this.count });
    if (this.hll) c.hll = { ...this.hll, regs: this.hll.regs.slice() };
    return c;
  }

  /** The non-empty coupons in array order (LIST and SET modes). */
  *couponList(): Generator<number> {
    for (const c of this.coupons) if (c !== 0) yield c;
  }

  update(coupon: number): void {
    if (coupon === 0) return;
    if (this.mode === 'HLL') {
      updateSlot(this.hll!, this.lgK, coupon & ((1 << this.lgK) - 1), coupon >>> 26);
    } else if (this.mode === 'LIST') {
      this.#listUpdate(coupon);
    } else {
      this.#setUpdate(coupon);
    }
  }

  #listUpdate(coupon: number): void {
    const len = this.coupons.length;
    for (let i = 0; i < len; i++) {
      const at = this.coupons[i]!;
      if (at === coupon) return;
      if (at !== 0) continue;
      this.coupons[i] = coupon;
      if (++this.count < len) return;
      if (this.lgK < 8) this.#promoteToHll();
      else {
        const list = this.coupons.subarray(0, this.count);
        Object.assign(this, { mode: 'SET', lgArr: LG_INIT_SET, coupons: new Int32Array(1 << LG_INIT_SET), count: 0 });
        for (const c of list) this.#setUpdate(c);
      }
      return;
    }
    throw new Error('internal: HLL coupon list has no empty slot');
  }

  #setUpdate(coupon: number): void {
    const index = find(this.coupons, this.lgArr, coupon);
    if (index >= 0) return;
    this.coupons[~index] = coupon;
    this.count++;
    if (4 * this.count <= 3 * this.coupons.length) return;
    if (this.lgArr === this.lgK - 3) {
      this.#promoteToHll();
      return;
    }
    const old = this.coupons;
    this.lgArr++;
    this.coupons = new Int32Array(1 << this.lgArr);
    for (const c of old) if (c !== 0) this.coupons[~find(this.coupons, this.lgArr, c)] = c;
  }

  #promoteToHll(): void {
    const r = newRegisters(this.lgK);
    const mask = (1 << this.lgK) - 1;
    for (const c of this.couponList()) updateSlot(r, this.lgK, c & mask, c >>> 26);
    r.hip = couponEstimate(this.count);
    this.hll = r;
    Object.assign(this, { mode: 'HLL', lgArr: 0, coupons: new Int32Array(0), count: 0 });
  }

  estimate(): number {
    if (this.mode !== 'HLL') return couponEstimate(this.count);
    const r = this.hll!;
    if (!r.ooo) return r.hip;
    rebuildSummary(r, this.lgK);
    return compositeEstimate(this.lgK, r.kxq0, r.kxq1, r.curMin, r.numAtCurMin);
  }

  /** DataSketches' updatable byte image. */
  serialize(): Uint8Array {
    const hll = this.mode === 'HLL';
    const dataStart = hll ? 40 : this.mode === 'SET' ? 12 : 8;
    const out = new DataView(new ArrayBuffer(dataStart + (hll ? 1 << this.lgK : 4 * this.coupons.length)));
    const preInts = hll ? 10 : this.mode === 'SET' ? 3 : 2;
    const r = this.hll;
    const flags = (this.isEmpty() ? EMPTY_FLAG : 0) | (r?.ooo ? OOO_FLAG : 0) | (r?.rebuild ? REBUILD_FLAG : 0);
    const lgArr = hll ? 0 : this.lgArr;
    const byte6 = hll ? r!.curMin : this.mode === 'LIST' ? this.count : 0;
    [preInts, 1, 7, this.lgK, lgArr, flags, byte6, MODE_ORDINAL[this.mode] | (HLL_8 << 2)].forEach((b, i) => out.setUint8(i, b));
    if (hll) {
      out.setFloat64(8, r!.hip, true);
      out.setFloat64(16, r!.kxq0, true);
      out.setFloat64(24, r!.kxq1, true);
      out.setInt32(32, r!.numAtCurMin, true);
      out.setInt32(36, 0, true);
      new Uint8Array(out.buffer).set(r!.regs, 40);
    } else {
      if (this.mode === 'SET') out.setInt32(8, this.count, true);
      this.coupons.forEach((c, i) => out.setInt32(dataStart + 4 * i, c, true));
    }
    return new Uint8Array(out.buffer);
  }
}

export { COMPACT_FLAG, EMPTY_FLAG, OOO_FLAG, REBUILD_FLAG, find as findCoupon };
