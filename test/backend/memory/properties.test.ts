import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addLong, divLong, mulLong, normLong, remLong, subLong } from '../../../src/backend/memory/runtime/long.js';
import { daysFromCivil, civilFromDays } from '../../../src/backend/memory/runtime/datetime.js';
import { rescale, divHalfUp } from '../../../src/backend/memory/runtime/decimal.js';
import { compareStrings } from '../../../src/backend/memory/runtime/compare.js';

const longArb = fc.oneof(
  fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }),
  fc.integer().map(BigInt),
  fc.constantFrom(0n, 1n, -1n, 2n ** 53n, -(2n ** 53n), 2n ** 63n - 1n, -(2n ** 63n)),
);
const wrap = (b: bigint) => normLong(BigInt.asIntN(64, b));

describe('long arithmetic matches Java two\'s complement', () => {
  it('add/sub/mul wrap and stay normalized', () => {
    fc.assert(
      fc.property(longArb, longArb, (a, b) => {
        const x = normLong(a);
        const y = normLong(b);
        expect(addLong(x, y)).toEqual(wrap(a + b));
        expect(subLong(x, y)).toEqual(wrap(a - b));
        expect(mulLong(x, y)).toEqual(wrap(a * b));
        if (b !== 0n) {
          expect(divLong(x, y)).toEqual(wrap(a / b));
          expect(remLong(x, y)).toEqual(wrap(a % b));
        }
      }),
    );
  });
});

describe('calendar', () => {
  it('days <-> civil round-trips and agrees with Date.UTC', () => {
    fc.assert(
      fc.property(fc.integer({ min: -800_000, max: 2_900_000 }), (d) => {
        const [y, m, day] = civilFromDays(d);
        expect(daysFromCivil(y, m, day)).toBe(d);
        if (y >= 1 && y <= 9999) {
          const utc = new Date(0);
          utc.setUTCFullYear(y, m - 1, day);
          expect(Math.floor(utc.getTime() / 86400000)).toBe(d);
        }
      }),
    );
  });
});

describe('decimal rounding', () => {
  it('HALF_UP rescaling equals rounding the exact quotient', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), fc.integer({ min: 1, max: 6 }), (v, drop) => {
        const r = rescale(v, drop, 0);
        const d = 10n ** BigInt(drop);
        expect(r).toBe(divHalfUp(v, d));
        // |r*d - v| <= d/2, ties away from zero
        const diff = r * d - v;
        expect(2n * (diff < 0n ? -diff : diff) <= d).toBe(true);
      }),
    );
  });
});

describe('string order', () => {
  it('compares by code point', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), (a, b) => {
        const ca = [...a].map((c) => c.codePointAt(0)!);
        const cb = [...b].map((c) => c.codePointAt(0)!);
        let expected = 0;
        for (let i = 0; i < Math.min(ca.length, cb.length) && expected === 0; i++) expected = Math.sign(ca[i]! - cb[i]!);
        if (expected === 0) expected = Math.sign(ca.length - cb.length);
        expect(Math.sign(compareStrings(a, b))).toBe(expected);
      }),
    );
  });
});
