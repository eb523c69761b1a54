/**
 * to_char / to_varchar on numbers: a decimal written with Spark's number
 * format (the grammar parseNumberFormat checks). Behaviour as Spark 3.5 gives it:
 * digits right-aligned, padded with spaces (zeros when the format starts with 0),
 * a separator left of a padding space is a space, 0 has no integer digits unless
 * a decimal point follows, a point with no fraction digits prints as a space,
 * signs sit next to the digits (S: +/-, MI: -/space, PR: <..> or two spaces),
 * and a value too wide for the format prints every digit as '#'.
 */
import type { NumberFormat } from './number-format.js';

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

/** `unscaled` / 10^scale written with `f`. */
export function formatWithNumberFormat(unscaled: bigint, scale: number, f: NumberFormat): string {
  const negative = unscaled < 0n;
  const digits = (negative ? -unscaled : unscaled).toString().padStart(scale + 1, '0');
  const intPart = digits.slice(0, digits.length - scale).replace(/^0+/, '');
  const fracPart = digits.slice(digits.length - scale).replace(/0+$/, '');
  const intWidth = f.groups.reduce((a, b) => a + b, 0);
  const overflow = intPart.length > intWidth || fracPart.length > f.fraction;

  let body = f.currency ? '$' : '';
  const padded = overflow ? '#'.repeat(intWidth) : intPart.padStart(intWidth, f.leadingZero ? '0' : ' ');
  let at = 0;
  f.groups.forEach((n, g) => {
    if (g > 0) body += isDigit(body[body.length - 1]) ? ',' : ' ';
    body += padded.slice(at, at + n);
    at += n;
  });
  let lonePoint = false;
  if (f.point) {
    if (body.endsWith(' ')) body = `${body.slice(0, -1)}0`;
    if (f.fraction > 0) body += `.${overflow ? '#'.repeat(f.fraction) : fracPart.padEnd(f.fraction, '0')}`;
    else {
      body += ' ';
      lonePoint = true;
    }
  }

  const [lead, trail] = signs(f.sign, negative);
  if (lead) {
    const first = body.search(/[^ ]/);
    const i = first < 0 ? body.length : first;
    body = body.slice(0, i) + lead + body.slice(i);
  }
  if (trail) body = lonePoint ? `${body.slice(0, -1)}${trail} ` : body + trail;
  return body;
}

/** The characters the sign token writes before the digits and after them. */
function signs(sign: NumberFormat['sign'], negative: boolean): [string, string] {
  switch (sign) {
    case 'S-start':
      return [negative ? '-' : '+', ''];
    case 'MI-start':
      return [negative ? '-' : ' ', ''];
    case 'S-end':
      return ['', negative ? '-' : '+'];
    case 'MI-end':
      return ['', negative ? '-' : ' '];
    case 'PR':
      return negative ? ['<', '>'] : ['', '  '];
    default:
      return ['', ''];
  }
}
