/**
 * The canonical value forms the testing toolkit compares (see canonical.ts for how collected
 * values become them), and the two numeric readings equality and ordering both need.
 */

export const MS_PER_DAY = 86_400_000;

export class FloatVal {
  constructor(readonly v: number) {}
}
/** A decimal normalized to no trailing fractional zeros (`12.50` → unscaled 125, scale 1). */
export class DecVal {
  constructor(
    readonly unscaled: bigint,
    readonly scale: number,
  ) {}
  toString(): string {
    if (this.scale <= 0) return (this.unscaled * 10n ** BigInt(-this.scale)).toString();
    const neg = this.unscaled < 0n;
    const digits = (neg ? -this.unscaled : this.unscaled).toString().padStart(this.scale + 1, '0');
    return `${neg ? '-' : ''}${digits.slice(0, -this.scale)}.${digits.slice(-this.scale)}`;
  }
}
export class DayVal {
  constructor(readonly days: number) {}
}
export class InstantVal {
  constructor(readonly ms: number) {}
}
export class BytesVal {
  constructor(readonly bytes: Uint8Array) {}
}
/** Map entries sorted by key. */
export class MapVal {
  constructor(readonly entries: readonly (readonly [Canon, Canon])[]) {}
}
export class StructVal {
  constructor(readonly values: readonly Canon[]) {}
}
/** A value that could not be read as the column's type; equal only to an identical raw value. */
export class RawVal {
  constructor(
    readonly value: unknown,
    readonly repr: string,
  ) {}
}

export type Canon =
  | null
  | boolean
  | string
  | number
  | bigint
  | FloatVal
  | DecVal
  | DayVal
  | InstantVal
  | BytesVal
  | MapVal
  | StructVal
  | RawVal
  | readonly Canon[];

export interface CanonOptions {
  /** Session time zone for timestamp strings without an offset. */
  readonly timeZone: string;
}

export interface EqualityOptions {
  readonly rtol: number;
  readonly atol: number;
  readonly nanEquality: boolean;
  readonly ignoreCase: boolean;
}

/** The numeric value of a number-like canonical value (decimals through their text). */
export function asNumber(c: Canon): number | bigint | undefined {
  if (typeof c === 'number' || typeof c === 'bigint') return c;
  if (c instanceof FloatVal) return c.v;
  if (c instanceof DecVal) return Number(c.toString());
  return undefined;
}

/** The exact text of an integer or decimal (`3`, `-1.25`), so 3, 3n and decimal 3.00 agree. */
export function exactKey(c: number | bigint | DecVal): string {
  return c instanceof DecVal ? c.toString() : String(c);
}
