/**
 * Java's number and string formatting as Spark uses it: `java.util.Formatter`
 * (format_string / printf) and `DecimalFormat` (format_number). Numbers are
 * rounded on their decimal digits as Java prints them (`Double.toString`),
 * not on the binary value: Java formats `%.2f` of 1.005 as `1.01`.
 */
import { IllegalArgumentException } from '../../../errors/index.js';
import { javaHashCode } from './java-hash.js';
import { castToString, javaDoubleToString } from '../../../format/value-string.js';
import { DecimalType, type DataType } from '../../../types/data-types.js';
import { divHalfEven, divHalfUp, parseDecimal, pow10 } from './decimal.js';

/** A number's magnitude as decimal digits (`unscaled × 10^-scale`) and its sign (negative zero included). */
export interface DecimalDigits {
  readonly negative: boolean;
  readonly unscaled: bigint;
  readonly scale: number;
}

/** The decimal digits of a finite number, decimal or integer value as Java prints it. */
export function decimalDigits(v: unknown, t: DataType | undefined): DecimalDigits | undefined {
  const text = t instanceof DecimalType && typeof v === 'bigint' ? `${v}e${-t.scale}` : typeof v === 'number' ? javaDoubleToString(v) : String(v);
  const p = parseDecimal(text);
  if (!p) return undefined;
  const negative = p.unscaled < 0n || text.startsWith('-');
  return { negative, unscaled: p.unscaled < 0n ? -p.unscaled : p.unscaled, scale: p.scale };
}

/** |d| rounded to `places` decimals: integer and fraction digits (no grouping, no sign). */
export function fixedDigits(d: DecimalDigits, places: number, mode: 'halfUp' | 'halfEven'): { readonly int: string; readonly frac: string } {
  let u = d.unscaled;
  let s = d.scale;
  if (s > places) {
    u = (mode === 'halfUp' ? divHalfUp : divHalfEven)(u, pow10(s - places));
    s = places;
  }
  if (s < 0) {
    u *= pow10(-s);
    s = 0;
  }
  const digits = u.toString().padStart(s + 1, '0');
  return { int: digits.slice(0, digits.length - s), frac: digits.slice(digits.length - s).padEnd(places, '0') };
}

/** |d| in scientific form with `p` fraction digits (HALF_UP): `1.2345`, exponent 3. */
function scientific(d: DecimalDigits, p: number): { readonly mantissa: string; readonly exp: number } {
  if (d.unscaled === 0n) return { mantissa: p > 0 ? `0.${'0'.repeat(p)}` : '0', exp: 0 };
  const n = d.unscaled.toString().length;
  let exp = n - 1 - d.scale;
  const drop = n - (p + 1);
  let u = drop > 0 ? divHalfUp(d.unscaled, pow10(drop)) : d.unscaled * pow10(-drop);
  // A carry (9.99 → 10.0) adds a digit: it is a power of ten, so dividing is exact.
  if (u.toString().length > p + 1) {
    u /= 10n;
    exp += 1;
  }
  const ds = u.toString();
  return { mantissa: p > 0 ? `${ds[0]}.${ds.slice(1)}` : ds, exp };
}

export function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

const exponent = (e: number): string => `e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
const signOf = (negative: boolean, flags: string): string => (negative ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '');

/** %f, %e and %g of a finite value, without sign. */
function floating(conv: string, d: DecimalDigits, precision: number | undefined, flags: string): string {
  if (conv === 'f') {
    const { int, frac } = fixedDigits(d, precision ?? 6, 'halfUp');
    return (flags.includes(',') ? groupThousands(int) : int) + (frac ? `.${frac}` : '');
  }
  if (conv === 'e') {
    const sci = scientific(d, precision ?? 6);
    return sci.mantissa + exponent(sci.exp);
  }
  // %g: `precision` significant digits; plain notation for 1e-4 <= |x| < 10^precision after rounding.
  const p = precision === 0 ? 1 : precision ?? 6;
  const sci = scientific(d, p - 1);
  if (d.unscaled === 0n || (sci.exp >= -4 && sci.exp < p)) {
    const { int, frac } = fixedDigits(d, Math.max(0, p - 1 - sci.exp), 'halfUp');
    return (flags.includes(',') ? groupThousands(int) : int) + (frac ? `.${frac}` : '');
  }
  return sci.mantissa + exponent(sci.exp);
}

/** The Java class Spark hands to java.util.Formatter for each type (shown in its conversion errors). */
const JAVA_CLASS: Record<string, string> = {
  byte: 'java.lang.Byte',
  short: 'java.lang.Short',
  integer: 'java.lang.Integer',
  long: 'java.lang.Long',
  float: 'java.lang.Float',
  double: 'java.lang.Double',
  decimal: 'org.apache.spark.sql.types.Decimal',
  string: 'org.apache.spark.unsafe.types.UTF8String',
  boolean: 'java.lang.Boolean',
};
const INTEGRAL = new Set(['byte', 'short', 'integer', 'long']);
// Spark passes decimals as its own Decimal class, which Java's %f/%e/%g reject.
const FRACTIONAL = new Set(['float', 'double']);

/** Java rejects %d of a double and %f of an int (IllegalFormatConversionException); so does this. */
function checkConversion(conv: string, v: unknown, t: DataType | undefined): void {
  if (v === null || v === undefined || !t) return;
  const kind = t.typeName().replace(/\(.*$/, '');
  const ok = 'dxo'.includes(conv) ? INTEGRAL.has(kind) : 'feg'.includes(conv) ? FRACTIONAL.has(kind) : conv === 'c' ? INTEGRAL.has(kind) : true;
  if (!ok) {
    const cls = JAVA_CLASS[kind] ?? t.simpleString();
    // Java's IllegalFormatConversionException: Spark 3.5.7 relays it without an error class.
    throw new IllegalArgumentException(`${conv} != ${cls}`);
  }
}

/**
 * A subset of java.util.Formatter: %s %S %d %f %e %E %g %G %x %X %o %c %b %B %h %H
 * %n %%, with flags (-, 0, +, space, ','), width, precision and `n$` indexes.
 */
export function javaFormat(format: string, args: readonly unknown[], types: readonly (DataType | undefined)[], timeZone: string): string {
  let next = 0;
  return format.replace(/%(\d+\$)?([-#+ 0,(]*)(\d+)?(\.\d+)?([a-zA-Z%])/g, (_m, index: string | undefined, flags: string, width: string | undefined, prec: string | undefined, conv: string) => {
    if (conv === '%') return '%';
    if (conv === 'n') return '\n';
    const k = index ? Number(index.slice(0, -1)) - 1 : next++;
    const v = args[k];
    const t = types[k];
    const precision = prec ? Number(prec.slice(1)) : undefined;
    const lower = conv.toLowerCase();
    checkConversion(lower, v, t);
    let s: string;
    if (v === null || v === undefined) {
      s = lower === 'b' ? 'false' : 'null';
    } else {
      switch (lower) {
        case 's':
          s = typeof v === 'string' ? v : t ? castToString(v, t, timeZone) : String(v);
          if (precision !== undefined) s = s.slice(0, precision);
          break;
        case 'b':
          s = typeof v === 'boolean' ? String(v) : 'true';
          break;
        case 'd': {
          const big = typeof v === 'bigint' ? v : BigInt(Math.trunc(Number(v)));
          const digits = (big < 0n ? -big : big).toString();
          s = signOf(big < 0n, flags) + (flags.includes(',') ? groupThousands(digits) : digits);
          break;
        }
        case 'f':
        case 'e':
        case 'g': {
          const x = typeof v === 'number' ? v : Number.NaN;
          if (typeof v === 'number' && !Number.isFinite(x)) {
            s = Number.isNaN(x) ? 'NaN' : x > 0 ? 'Infinity' : '-Infinity';
            break;
          }
          const d = decimalDigits(v, t);
          if (!d) throw new IllegalArgumentException(`Conversion = '${conv}' for ${String(v)}`);
          s = signOf(d.negative, flags) + floating(lower, d, precision, flags);
          break;
        }
        case 'x':
        case 'o': {
          const bits = typeof v === 'bigint' || (t && t.typeName() === 'long') ? 64 : 32;
          const u = BigInt.asUintN(bits, typeof v === 'bigint' ? v : BigInt(Math.trunc(Number(v))));
          s = u.toString(lower === 'o' ? 8 : 16);
          break;
        }
        case 'c':
          s = String.fromCodePoint(Number(v));
          break;
        case 'h':
          s = (javaHashCode(v, t) >>> 0).toString(16);
          break;
        default:
          throw new IllegalArgumentException(`Conversion = '${conv}'`);
      }
    }
    if (conv !== lower) s = s.toUpperCase();
    const w = width ? Number(width) : 0;
    if (s.length < w) {
      if (flags.includes('-')) s = s.padEnd(w, ' ');
      else if (flags.includes('0') && /^[-+ ]?\d/.test(s)) {
        const signChar = /^[-+ ]/.test(s) ? s[0]! : '';
        s = signChar + s.slice(signChar.length).padStart(w - signChar.length, '0');
      } else s = s.padStart(w, ' ');
    }
    return s;
  });
}

/** format_number: `places` decimals (HALF_EVEN) with thousands separators, as DecimalFormat `#,##0.00`. */
export function formatNumberValue(v: unknown, t: DataType, places: number): string {
  if (typeof v === 'number' && Number.isNaN(v)) return '\uFFFD';
  if (typeof v === 'number' && !Number.isFinite(v)) return v > 0 ? '\u221E' : '-\u221E';
  const d = decimalDigits(v, t);
  if (!d) return String(v);
  const { int, frac } = fixedDigits(d, places, 'halfEven');
  // DecimalFormat keeps the sign of a negative value that rounds to zero (`-0.00`).
  return (d.negative ? '-' : '') + groupThousands(int) + (places > 0 ? `.${frac}` : '');
}
