/**
 * The DataSketches HLL union, as its documented merge rules go: an HLL_8
 * "gadget" of at most lgMaxK. LIST and SET sources feed their coupons in
 * array order (an empty gadget takes a same-lgK SET whole); an HLL source
 * replaces an empty gadget (downsampled past lgMaxK), absorbs a LIST/SET
 * gadget's coupons, or is max-merged into an HLL gadget (folding the larger
 * lgK onto the smaller), which leaves the result out of order (no HIP) and
 * its KxQ/curMin summary to rebuild.
 */
import { HllSketch, newRegisters, rebuildSummary, updateSlot } from './sketch.js';

/** An HLL-mode sketch re-registered at `lgK` (slots folded by their low bits), HIP and order kept. */
function downsample(src: HllSketch, lgK: number): HllSketch {
  const out = new HllSketch(lgK);
  const r = newRegisters(lgK);
  const mask = (1 << lgK) - 1;
  src.hll!.regs.forEach((v, slot) => {
    if (v !== 0) updateSlot(r, lgK, slot & mask, v);
  });
  r.hip = src.hll!.ooo ? 0 : src.hll!.hip;
  r.ooo = src.hll!.ooo;
  Object.assign(out, { mode: 'HLL', lgArr: 0, coupons: new Int32Array(0), count: 0, hll: r });
  return out;
}

function feedCoupons(from: HllSketch, into: HllSketch): void {
  for (const c of from.couponList()) into.update(c);
}

export class HllUnion {
  gadget: HllSketch;

  constructor(readonly lgMaxK: number) {
    this.gadget = new HllSketch(lgMaxK);
  }

  get lgK(): number {
    return this.gadget.lgK;
  }

  update(src: HllSketch): void {
    if (src.isEmpty()) return;
    const gadget = this.gadget;
    if (src.mode === 'LIST') {
      feedCoupons(src, gadget);
      return;
    }
    if (src.mode === 'SET') {
      if (gadget.isEmpty() && src.lgK === gadget.lgK) this.gadget = src.copy();
      else feedCoupons(src, gadget);
      return;
    }
    if (gadget.mode !== 'HLL') {
      const base = src.lgK > this.lgMaxK ? downsample(src, this.lgMaxK) : src.copy();
      if (!gadget.isEmpty()) feedCoupons(gadget, base);
      this.gadget = base;
      return;
    }
    const target = src.lgK < gadget.lgK ? downsample(gadget, src.lgK) : gadget;
    const regs = target.hll!.regs;
    const mask = (1 << target.lgK) - 1;
    src.hll!.regs.forEach((v, slot) => {
      const j = slot & mask;
      if (v > regs[j]!) regs[j] = v;
    });
    Object.assign(target.hll!, { rebuild: true, ooo: true, hip: 0 });
    this.gadget = target;
  }

  /** The union's sketch (HLL_8), its summary rebuilt. */
  result(): HllSketch {
    if (this.gadget.hll) rebuildSummary(this.gadget.hll, this.gadget.lgK);
    return this.gadget.copy();
  }
}
