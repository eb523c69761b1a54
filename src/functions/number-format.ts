/**
 * Spark's number format strings (ToNumberParser) for to_number/try_to_number:
 * `[MI|S] [$] [0|9|G|,]* [.|D] [0|9]* [$] [PR|MI|S]`, case-insensitive.
 * The format is checked at analysis (INVALID_FORMAT.*) and gives the result
 * type DECIMAL(digits, digits after the point).
 */
import { AnalysisException } from '../errors/index.js';

export interface NumberFormat {
  readonly text: string;
  /** Digit counts of the integer part's groups, left to right (split at `,`/`G`). */
  readonly groups: readonly number[];
  /** The integer part starts with `0`: the input must have all its digits. */
  readonly leadingZero: boolean;
  readonly fraction: number;
  readonly point: boolean;
  readonly currency: boolean;
  readonly sign: 'none' | 'S-start' | 'MI-start' | 'S-end' | 'MI-end' | 'PR';
  readonly precision: number;
  readonly scale: number;
}

const invalid = (fmt: string, sub: string, detail: string): AnalysisException =>
  new AnalysisException(`The format is invalid: '${fmt}'. ${detail}`, { errorClass: `INVALID_FORMAT.${sub}`, messageParameters: { format: `'${fmt}'` } });

/** Parses and checks a format (Spark uppercases it first). */
export function parseNumberFormat(raw: string): NumberFormat {
  const fmt = raw.toUpperCase();
  if (fmt.length === 0) throw invalid(fmt, 'EMPTY', 'The number format string cannot be empty.');
  let i = 0;
  let sign: NumberFormat['sign'] = 'none';
  if (fmt.startsWith('MI')) {
    sign = 'MI-start';
    i = 2;
  } else if (fmt.startsWith('S')) {
    sign = 'S-start';
    i = 1;
  }
  let currency = false;
  if (fmt[i] === '$') {
    currency = true;
    i++;
  }
  const groups: number[] = [0];
  let lastWasSep = false;
  const start = i;
  while (i < fmt.length && /[09G,]/.test(fmt[i]!)) {
    if (fmt[i] === ',' || fmt[i] === 'G') {
      if (lastWasSep || i === start) throw invalid(fmt, 'CONT_THOUSANDS_SEPS', 'Thousands separators (, or G) must have digits in between them in the number format.');
      groups.push(0);
      lastWasSep = true;
    } else {
      groups[groups.length - 1]!++;
      lastWasSep = false;
    }
    i++;
  }
  const leadingZero = fmt[start] === '0';
  let point = false;
  let fraction = 0;
  if (fmt[i] === '.' || fmt[i] === 'D') {
    if (lastWasSep) throw invalid(fmt, 'CONT_THOUSANDS_SEPS', 'Thousands separators (, or G) must have digits in between them in the number format.');
    point = true;
    i++;
    while (i < fmt.length && /[09]/.test(fmt[i]!)) {
      fraction++;
      i++;
    }
  }
  const rest = fmt.slice(i);
  const digits = groups.reduce((a, b) => a + b, 0) + fraction;
  if ((rest.match(/[.D]/g) ?? []).length > 0) throw invalid(fmt, 'WRONG_NUM_TOKEN', 'At most one . or D is allowed in the number format.');
  if (rest.startsWith('$')) throw invalid(fmt, 'CUR_MUST_BEFORE_DIGIT', 'Currency characters must appear before digits in the number format.');
  if (digits === 0 && !/[09]/.test(rest)) throw invalid(fmt, 'WRONG_NUM_DIGIT', 'The format string requires at least one number digit.');
  if (rest === 'PR' || rest === 'S' || rest === 'MI') {
    if (sign !== 'none') throw invalid(fmt, 'WRONG_NUM_TOKEN', 'At most one S, MI or PR is allowed in the number format.');
    sign = rest === 'PR' ? 'PR' : rest === 'S' ? 'S-end' : 'MI-end';
  } else if (rest !== '') {
    const bad = rest[0] === '0' || rest[0] === '9' ? rest[0] : rest.replace(/^(PR|MI|S)/, '')[0] ?? rest[0];
    throw invalid(
      fmt,
      'UNEXPECTED_TOKEN',
      `Found the unexpected character '${bad}'' in the format string; the structure of the format string must match: \`[MI|S]\` \`[$]\` \`[0|9|G|,]*\` \`[.|D]\` \`[0|9]*\` \`[$]\` \`[PR|MI|S]\`.`,
    );
  }
  return { text: fmt, groups, leadingZero, fraction, point, currency, sign, precision: digits, scale: fraction };
}

/**
 * The unscaled value of `input` read with `f` (DECIMAL(precision, scale)),
 * or undefined when the input does not match the format.
 */
export function parseWithNumberFormat(input: string, f: NumberFormat): bigint | undefined {
  let s = input.trim();
  let negative = false;
  const takeStart = (c: string): boolean => (s.startsWith(c) ? ((s = s.slice(c.length)), true) : false);
  const takeEnd = (c: string): boolean => (s.endsWith(c) ? ((s = s.slice(0, s.length - c.length)), true) : false);
  if (f.sign === 'S-start') negative = takeStart('-') || (takeStart('+') && false);
  else if (f.sign === 'MI-start') negative = takeStart('-');
  else if (f.sign === 'S-end') negative = takeEnd('-') || (takeEnd('+') && false);
  else if (f.sign === 'MI-end') negative = takeEnd('-');
  else if (f.sign === 'PR' && s.startsWith('<')) {
    if (!s.endsWith('>')) return undefined;
    s = s.slice(1, -1);
    negative = true;
  }
  if (f.currency && !takeStart('$')) return undefined;
  const m = /^([0-9,]*)(?:(\.)([0-9]*))?$/.exec(s);
  if (!m || (m[2] !== undefined && !f.point)) return undefined;
  const intPart = m[1]!;
  const frac = m[3] ?? '';
  if (intPart === '' && frac === '') return undefined;
  if (frac.length > f.fraction) return undefined;
  // Integer groups align from the right: inner groups exact, the first no longer than the format's.
  const parts = intPart === '' ? [] : intPart.split(',');
  if (parts.length > f.groups.length) return undefined;
  const fg = f.groups.slice(f.groups.length - parts.length);
  for (let k = 0; k < parts.length; k++) {
    const len = parts[k]!.length;
    if (k > 0 ? len !== fg[k] : len === 0 || len > fg[k]!) return undefined;
  }
  const intDigits = parts.join('');
  if (f.leadingZero && intDigits.length !== f.groups.reduce((a, b) => a + b, 0)) return undefined;
  const v = BigInt((intDigits || '0') + frac.padEnd(f.scale, '0'));
  return negative ? -v : v;
}
