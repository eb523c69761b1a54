/**
 * Reading DataSketches HLL images (serialization version 1, family 7), as
 * Spark's hll_* functions accept them: LIST, SET and HLL modes, updatable or
 * compact, with HLL_8 registers (what Spark writes) or HLL_4 (nibbles over a
 * current minimum, exceptions in an aux map) or HLL_6 (packed 6-bit) ones,
 * which become HLL_8 registers here. Anything else is not a sketch: `undefined`.
 */
import { COMPACT_FLAG, HllSketch, OOO_FLAG, REBUILD_FLAG, findCoupon, newRegisters, updateSlot, type Registers } from './sketch.js';

const PRE_INTS = [2, 3, 10];

/** The sketch in `bytes`, or undefined when they are not a readable HLL image. */
export function parseHll(bytes: Uint8Array): HllSketch | undefined {
  try {
    return parse(bytes);
  } catch {
    return undefined;
  }
}

function parse(bytes: Uint8Array): HllSketch | undefined {
  if (bytes.length < 8) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const int = (at: number): number => {
    if (at + 4 > bytes.length) throw new RangeError('short');
    return view.getInt32(at, true);
  };
  const [preInts, serVer, family, lgK, lgArr, flags, byte6, modeByte] = Array.from(bytes.subarray(0, 8));
  const mode = modeByte! & 3;
  const tgt = (modeByte! >> 2) & 3;
  if (family !== 7 || serVer !== 1 || mode > 2 || (preInts! & 0x3f) !== PRE_INTS[mode] || lgK! < 4 || lgK! > 21) return undefined;
  const compact = (flags! & COMPACT_FLAG) !== 0;
  const sketch = new HllSketch(lgK!);
  if (mode === 0) {
    // A list keeps its coupons packed at the front, compact or not.
    for (let i = 0; i < byte6!; i++) sketch.update(int(8 + 4 * i));
    return sketch.count === byte6 || sketch.mode !== 'LIST' ? sketch : undefined;
  }
  if (mode === 1) {
    const count = int(8);
    if (compact || lgArr! < 5) {
      for (let i = 0; i < count; i++) sketch.update(int(12 + 4 * i));
      return sketch;
    }
    const coupons = new Int32Array(1 << lgArr!);
    for (let i = 0; i < coupons.length; i++) coupons[i] = int(12 + 4 * i);
    if (coupons.filter((c) => c !== 0).length !== count || coupons.some((c, i) => c !== 0 && findCoupon(coupons, lgArr!, c) !== i)) return undefined;
    Object.assign(sketch, { mode: 'SET', lgArr, coupons, count });
    return sketch;
  }
  const k = 1 << lgK!;
  const r: Registers = {
    ...newRegisters(lgK!),
    hip: view.getFloat64(8, true),
    kxq0: view.getFloat64(16, true),
    kxq1: view.getFloat64(24, true),
    curMin: byte6!,
    numAtCurMin: int(32),
    ooo: (flags! & OOO_FLAG) !== 0,
    rebuild: (flags! & REBUILD_FLAG) !== 0,
  };
  const values = tgt === 2 ? hll8Values(bytes, k) : tgt === 1 ? hll6Values(bytes, k) : hll4Values(bytes, lgK!, byte6!, lgArr!, int(36), compact, int);
  if (!values) return undefined;
  if (tgt === 2) r.regs.set(values);
  else {
    // Other register widths become HLL_8 as DataSketches converts them: KxQ replayed, HIP and order kept.
    const replay = newRegisters(lgK!);
    values.forEach((v, slot) => updateSlot(replay, lgK!, slot, v));
    Object.assign(r, { regs: replay.regs, kxq0: replay.kxq0, kxq1: replay.kxq1, curMin: 0, numAtCurMin: replay.numAtCurMin, rebuild: false });
  }
  Object.assign(sketch, { mode: 'HLL', lgArr: 0, coupons: new Int32Array(0), count: 0, hll: r });
  return sketch;
}

function hll8Values(bytes: Uint8Array, k: number): Uint8Array | undefined {
  if (bytes.length < 40 + k) return undefined;
  return bytes.subarray(40, 40 + k).map((b) => b & 63);
}

function hll6Values(bytes: Uint8Array, k: number): Uint8Array | undefined {
  const size = ((k * 3) >>> 2) + 1;
  if (bytes.length < 40 + size) return undefined;
  return Uint8Array.from({ length: k }, (_, slot) => {
    const bit = slot * 6;
    const at = 40 + (bit >>> 3);
    return (((bytes[at]! | (bytes[at + 1]! << 8)) >>> (bit & 7)) & 63);
  });
}

function hll4Values(bytes: Uint8Array, lgK: number, curMin: number, lgAux: number, auxCount: number, compact: boolean, int: (at: number) => number): Uint8Array | undefined {
  const k = 1 << lgK;
  if (bytes.length < 40 + k / 2) return undefined;
  const aux = new Map<number, number>();
  const auxStart = 40 + k / 2;
  const entries = compact ? auxCount : auxCount > 0 ? 1 << lgAux : 0;
  for (let i = 0; i < entries; i++) {
    const pair = int(auxStart + 4 * i);
    if (pair !== 0) aux.set(pair & (k - 1), pair >>> 26);
  }
  const values = new Uint8Array(k);
  for (let slot = 0; slot < k; slot++) {
    const nibble = (bytes[40 + (slot >>> 1)]! >>> ((slot & 1) * 4)) & 15;
    const v = nibble === 15 ? aux.get(slot) : nibble + curMin;
    if (v === undefined) return undefined;
    values[slot] = v;
  }
  return values;
}
