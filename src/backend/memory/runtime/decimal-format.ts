/**
 * format_number(x, 'pattern'): Java's DecimalFormat (US symbols, HALF_EVEN) for the plain
 * patterns: `prefix [#,0]* [. [0]*[#]*] suffix [; negative-prefix # negative-suffix]`, with `%`
 * and `‰` scaling, quoted literals (`'...'`) and grouping by the digits after the last comma.
 * Scientific (`E`) and currency-sign (`¤`) patterns raise NotImplementedException.
 */
import { IllegalArgumentException, NotImplementedException } from '../../../errors/index.js';
import type { DataType } from '../../../types/data-types.js';
import { DecimalType } from '../../../types/data-types.js';
import { decimalDigits, fixedDigits } from './java-format.js';

export interface DecimalPattern {
  readonly positivePrefix: string;
  readonly positiveSuffix: string;
  readonly negativePrefix: string;
  readonly negativeSuffix: string;
  readonly minInt: number;
  readonly minFrac: number;
  readonly maxFrac: number;
  /** 0: no grouping. */
  readonly grouping: number;
  /** 1, 100 (%) or 1000 (‰). */
  readonly multiplier: number;
  /** A decimal point is always shown (`#.`). */
  readonly alwaysPoint: boolean;
}

const NUMBER_CHARS = '#0,.';

/** Splits one subpattern into prefix, number part and suffix, unquoting the affixes. */
function splitSubpattern(sub: string, pattern: string): { prefix: string; number: string; suffix: string; multiplier: number } {
  let i = 0;
  let multiplier = 1;
  const affix = (stopAtNumber: boolean): string => {
    let out = '';
    while (i < sub.length) {
      const ch = sub[i]!;
      if (ch === "'") {
        const end = sub.indexOf("'", i + 1);
        if (end < 0) throw malformed(pattern);
        out += end === i + 1 ? "'" : sub.slice(i + 1, end);
        i = end + 1;
        continue;
      }
      if (stopAtNumber && NUMBER_CHARS.includes(ch)) break;
      if (ch === '%') multiplier = 100;
      else if (ch === '\u2030') multiplier = 1000;
      else if (ch === '\u00a4' || ch === 'E') throw new NotImplementedException(`format_number with the DecimalFormat pattern '${pattern}'`);
      out += ch;
      i++;
    }
    return out;
  };
  const prefix = affix(true);
  const start = i;
  while (i < sub.length && NUMBER_CHARS.includes(sub[i]!)) i++;
  const number = sub.slice(start, i);
  const suffix = affix(false);
  return { prefix, number, suffix, multiplier };
}

function malformed(pattern: string): IllegalArgumentException {
  return new IllegalArgumentException(`Malformed pattern "${pattern}"`);
}

/** Parses a DecimalFormat pattern (Spark's `applyLocalizedPattern` with US symbols). */
export function parseDecimalPattern(pattern: string): DecimalPattern {
  const semicolon = pattern.indexOf(';');
  const positive = splitSubpattern(semicolon < 0 ? pattern : pattern.slice(0, semicolon), pattern);
  const negative = semicolon < 0 ? undefined : splitSubpattern(pattern.slice(semicolon + 1), pattern);
  const num = positive.number;
  const point = num.indexOf('.');
  if (point >= 0 && num.indexOf('.', point + 1) >= 0) throw new IllegalArgumentException(`Multiple decimal separators in pattern "${pattern}"`);
  const intPart = point < 0 ? num : num.slice(0, point);
  const fracPart = point < 0 ? '' : num.slice(point + 1);
  // zeros lead the fraction and trail the integer part ("#,##0.00#")
  if (!/^0*#*$/.test(fracPart)) throw new IllegalArgumentException(`Unexpected '0' in pattern "${pattern}"`);
  if (/0.*#/.test(intPart.replace(/,/g, ''))) throw new IllegalArgumentException(`Unexpected '0' in pattern "${pattern}"`);
  const intDigits = intPart.replace(/,/g, '');
  let minInt = (intDigits.match(/0/g) ?? []).length;
  // Java reads "#.##" (no zero digit at all) as "0.##": one integer digit is always shown
  if (minInt === 0 && intDigits.length > 0 && point >= 0 && !/0/.test(fracPart)) minInt = 1;
  const comma = intPart.lastIndexOf(',');
  return {
    positivePrefix: positive.prefix,
    positiveSuffix: positive.suffix,
    negativePrefix: negative ? negative.prefix : `-${positive.prefix}`,
    negativeSuffix: negative ? negative.suffix : positive.suffix,
    minInt,
    minFrac: (fracPart.match(/0/g) ?? []).length,
    maxFrac: fracPart.length,
    grouping: comma < 0 ? 0 : intPart.length - comma - 1,
    multiplier: positive.multiplier,
    alwaysPoint: point >= 0 && point === num.length - 1 && intDigits.length > 0,
  };
}

function group(digits: string, size: number): string {
  if (size <= 0) return digits;
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % size === 0) out += ',';
    out += digits[i];
  }
  return out;
}

/** `v` (of type `t`) formatted by `p`; NaN and infinities as DecimalFormat prints them. */
export function formatWithPattern(v: unknown, t: DataType, p: DecimalPattern): string {
  let value = v;
  if (typeof value === 'number' && Number.isNaN(value)) return '\uFFFD';
  if (p.multiplier !== 1) {
    // the multiplication happens in the value's own arithmetic (double, long or BigDecimal)
    if (typeof value === 'number') value = value * p.multiplier;
    else if (typeof value === 'bigint') value = value * BigInt(p.multiplier);
  }
  const negative = typeof value === 'number' ? value < 0 || Object.is(value, -0) : typeof value === 'bigint' ? value < 0n : String(value).startsWith('-');
  const [prefix, suffix] = negative ? [p.negativePrefix, p.negativeSuffix] : [p.positivePrefix, p.positiveSuffix];
  if (typeof value === 'number' && !Number.isFinite(value)) return `${prefix}\u221E${suffix}`;
  const d = decimalDigits(value, t instanceof DecimalType ? t : undefined);
  if (!d) return String(value);
  const { int, frac: full } = fixedDigits(d, p.maxFrac, 'halfEven');
  let frac = full;
  while (frac.length > p.minFrac && frac.endsWith('0')) frac = frac.slice(0, -1);
  let digits = int.replace(/^0+/, '');
  if (digits.length < p.minInt) digits = digits.padStart(p.minInt, '0');
  // no digit at all would not parse back: DecimalFormat prints a zero
  if (digits === '' && frac === '') digits = '0';
  const body = group(digits, p.grouping) + (frac !== '' || p.alwaysPoint ? `.${frac}` : '');
  return prefix + body + suffix;
}
