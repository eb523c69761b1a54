/**
 * Spark 3 datetime patterns (`date_format`, `to_date(s, fmt)`,
 * `to_timestamp(s, fmt)`, `unix_timestamp`, `from_unixtime`): tokenizing and
 * formatting in the spirit of java.time's DateTimeFormatter, with Spark's
 * choices (week-based letters rejected). Parsing text with a pattern is in
 * datetime-pattern-parse.ts.
 */
import { IllegalArgumentException, NotImplementedException, SparkUpgradeException } from '../../../errors/index.js';
import {
  dayOfYear,
  isoDayOfWeek,
  localFields,
  type LocalFields,
  type Zone,
} from './datetime.js';
import { zoneName } from './zone-names.js';

export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** The modified Julian day of 1970-01-01 (MJD 0 is 1858-11-17). */
export const MJD_OF_EPOCH = 40587;
export const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

export type Token =
  | { readonly kind: 'literal'; readonly text: string }
  | { readonly kind: 'field'; readonly letter: string; readonly count: number }
  | { readonly kind: 'optional'; readonly tokens: readonly Token[] };

const FIELD_LETTERS = new Set('GyMLdDQqEFaHhKkmsSVzvOXxZg'.split(''));
const WEEK_BASED = new Set('YwWuec'.split(''));
/** Letters Spark rejects itself before java.time sees the pattern. */
const SPARK_UNSUPPORTED = new Set('ABnNp'.split(''));
/** Letters java.time's DateTimeFormatterBuilder knows (the rest are "Unknown pattern letter"). */
const JAVA_LETTERS = new Set('GuyDMLdQqYwWEecFahKkHmsSAnNVvzOXxZpBg'.split(''));
/** The most letters of one kind java.time (or Spark, for `y`) accepts in a row. */
const MAX_COUNT: Record<string, number> = { a: 1, F: 1, d: 2, h: 2, H: 2, k: 2, K: 2, m: 2, s: 2, D: 3, z: 4, y: 6, S: 9 };
/** The letters of java.text.SimpleDateFormat, Spark's legacy formatter. */
const LEGACY_LETTERS = new Set('GyMdkHmsSEDFwWahKzZYuXL'.split(''));

/** Whether java.text.SimpleDateFormat knows a pattern letter (its constructor rejects the others). */
export const legacyKnowsLetter = (ch: string): boolean => LEGACY_LETTERS.has(ch);

/** Spark raises java's plain IllegalArgumentException (no error class) for a pattern neither formatter accepts. */
function unsupported(_pattern: string, detail: string): IllegalArgumentException {
  return new IllegalArgumentException(detail);
}

/**
 * Under the default spark.sql.legacy.timeParserPolicy (EXCEPTION) a pattern the
 * new formatter rejects but SimpleDateFormat accepts (`w`, `YYYY`, `EEEEEE`)
 * is a SparkUpgradeException rather than the new formatter's error.
 */
function legacyAccepts(p: string): boolean {
  let quoted = false;
  for (let i = 0; i < p.length; i++) {
    const ch = p[i]!;
    if (ch === "'") {
      if (p[i + 1] === "'") i++;
      else quoted = !quoted;
      continue;
    }
    if (quoted || !/[A-Za-z]/.test(ch)) continue;
    if (!LEGACY_LETTERS.has(ch)) return false;
    let j = i;
    while (p[j + 1] === ch) j++;
    if (ch === 'X' && j - i + 1 > 3) return false;
    i = j;
  }
  return !quoted;
}

function patternRecognitionError(pattern: string): SparkUpgradeException {
  return new SparkUpgradeException(
    `You may get a different result due to the upgrading to Spark >= 3.0:\nFail to recognize '${pattern}' pattern in the DateTimeFormatter. ` +
      '1) You can set "spark.sql.legacy.timeParserPolicy" to "LEGACY" to restore the behavior before Spark 3.0. ' +
      "2) You can form a valid datetime pattern with the guide from 'https://spark.apache.org/docs/latest/sql-ref-datetime-pattern.html'.",
    {
      errorClass: 'INCONSISTENT_BEHAVIOR_CROSS_VERSION.DATETIME_PATTERN_RECOGNITION',
      messageParameters: { pattern: `'${pattern}'`, config: '"spark.sql.legacy.timeParserPolicy"', docroot: 'https://spark.apache.org/docs/latest' },
    },
  );
}

const NARROW_TEXT = /(GGGGG|MMMMM|LLLLL|EEEEE|QQQQQ|qqqqq)/;

const tokenCache = new Map<string, readonly Token[]>();

/** Splits a pattern into literal and field tokens (cached). */
export function tokenize(pattern: string): readonly Token[] {
  let tokens = tokenCache.get(pattern);
  if (!tokens) {
    try {
      // Spark refuses the narrow (5-letter) text styles outside quoted text: SimpleDateFormat
      // read them differently (`MMMMM` is a full month name there).
      const narrow = pattern
        .split("'")
        .filter((_, i) => i % 2 === 0)
        .map((part) => NARROW_TEXT.exec(part))
        .find((m) => m !== null);
      if (narrow) throw unsupported(pattern, `Too many pattern letters: ${narrow[1]![0]}`);
      [tokens] = tokenizeFrom(pattern, 0, false);
    } catch (e) {
      throw IllegalArgumentException.isIllegalArgumentException(e) && legacyAccepts(pattern) ? patternRecognitionError(pattern) : e;
    }
    if (tokenCache.size > 500) tokenCache.clear();
    tokenCache.set(pattern, tokens);
  }
  return tokens;
}

function tokenizeFrom(p: string, start: number, nested: boolean): [Token[], number] {
  const out: Token[] = [];
  let i = start;
  const pushLiteral = (text: string): void => {
    const last = out[out.length - 1];
    if (last && last.kind === 'literal') out[out.length - 1] = { kind: 'literal', text: last.text + text };
    else out.push({ kind: 'literal', text });
  };
  while (i < p.length) {
    const ch = p[i]!;
    if (ch === "'") {
      const end = p.indexOf("'", i + 1);
      if (end === i + 1) {
        pushLiteral("'");
        i += 2;
        continue;
      }
      let text = '';
      let j = i + 1;
      for (;;) {
        const q = p.indexOf("'", j);
        if (q < 0) throw unsupported(p, `Pattern ends with an incomplete string literal: ${p}`);
        text += p.slice(j, q);
        if (p[q + 1] === "'") {
          text += "'";
          j = q + 2;
          continue;
        }
        j = q + 1;
        break;
      }
      pushLiteral(text);
      i = j;
      continue;
    }
    if (ch === '[') {
      const [inner, next] = tokenizeFrom(p, i + 1, true);
      out.push({ kind: 'optional', tokens: inner });
      i = next;
      continue;
    }
    if (ch === ']') {
      if (!nested) throw unsupported(p, `Pattern invalid as it contains ] without previous [`);
      return [out, i + 1];
    }
    if (/[A-Za-z]/.test(ch)) {
      let j = i;
      while (j < p.length && p[j] === ch) j++;
      const count = j - i;
      if (WEEK_BASED.has(ch)) {
        throw unsupported(p, `All week-based patterns are unsupported since Spark 3.0, detected: ${ch}, Please use the SQL function EXTRACT instead`);
      }
      if (SPARK_UNSUPPORTED.has(ch)) throw unsupported(p, `Illegal pattern character: ${ch}`);
      if (!JAVA_LETTERS.has(ch)) throw unsupported(p, `Unknown pattern letter: ${ch}`);
      if (!FIELD_LETTERS.has(ch)) throw new NotImplementedException(`datetime pattern letter '${ch}' (in '${p}')`);
      if (ch === 'V' && count !== 2) throw unsupported(p, `Pattern letter count must be 2: ${ch}`);
      if (ch === 'O' && count !== 1 && count !== 4) throw unsupported(p, `Pattern letter count must be 1 or 4: ${ch}`);
      if (ch === 'v' && count !== 1 && count !== 4) throw unsupported(p, `Wrong number of pattern letters: ${ch}`);
      // `g` (modified Julian day) is java.time's plain number of at least `count` digits.
      if (ch === 'g' && count > 19) throw unsupported(p, `The minimum width must be from 1 to 19 inclusive but was ${count}`);
      if (ch !== 'g' && count > (MAX_COUNT[ch] ?? 5)) throw unsupported(p, `Too many pattern letters: ${ch}`);
      out.push({ kind: 'field', letter: ch, count });
      i = j;
      continue;
    }
    pushLiteral(ch);
    i++;
  }
  return [out, i];
}

/** Letters Spark formats but refuses in a pattern used for parsing. */
const FORMAT_ONLY = new Set('EFqQ'.split(''));

/** Tokens of a pattern used for parsing: Spark refuses `E`, `F`, `q` and `Q` there. */
export function tokenizeForParsing(pattern: string): readonly Token[] {
  const tokens = tokenize(pattern);
  const refused = (ts: readonly Token[]): string | undefined => {
    for (const t of ts) {
      const hit = t.kind === 'field' ? (FORMAT_ONLY.has(t.letter) ? t.letter : undefined) : t.kind === 'optional' ? refused(t.tokens) : undefined;
      if (hit) return hit;
    }
    return undefined;
  };
  const letter = refused(tokens);
  if (letter !== undefined) {
    throw legacyAccepts(pattern) ? patternRecognitionError(pattern) : unsupported(pattern, `Illegal pattern character: ${letter}`);
  }
  return tokens;
}

/** Throws Spark's error for an invalid pattern (used when the pattern is a literal). */
export function validatePattern(pattern: string): void {
  tokenize(pattern);
}

// ---------------------------------------------------------------------------
// Formatting

const pad = (n: number, width: number): string => {
  const s = String(Math.abs(n));
  const padded = s.length >= width ? s : '0'.repeat(width - s.length) + s;
  return n < 0 ? `-${padded}` : padded;
};

function offsetText(offsetSeconds: number, withColon: boolean, withSeconds: 'never' | 'optional' | 'always', minutesOptional: boolean): string {
  const sign = offsetSeconds < 0 ? '-' : '+';
  const abs = Math.abs(offsetSeconds);
  const h = Math.floor(abs / 3600);
  const m = Math.floor((abs % 3600) / 60);
  const s = abs % 60;
  let out = sign + pad(h, 2);
  if (!(minutesOptional && m === 0 && s === 0)) out += (withColon ? ':' : '') + pad(m, 2);
  if (withSeconds === 'always' || (withSeconds === 'optional' && s !== 0)) out += (withColon ? ':' : '') + pad(s, 2);
  return out;
}

function localizedOffset(offsetSeconds: number, full: boolean): string {
  if (offsetSeconds === 0) return 'GMT';
  const sign = offsetSeconds < 0 ? '-' : '+';
  const abs = Math.abs(offsetSeconds);
  const h = Math.floor(abs / 3600);
  const m = Math.floor((abs % 3600) / 60);
  const s = abs % 60;
  if (full) return `GMT${sign}${pad(h, 2)}:${pad(m, 2)}${s ? `:${pad(s, 2)}` : ''}`;
  return `GMT${sign}${h}${m || s ? `:${pad(m, 2)}` : ''}${s ? `:${pad(s, 2)}` : ''}`;
}

/** What a formatter needs about the instant. */
export interface FormatInput {
  /** Local wall-clock microseconds. */
  readonly local: number;
  /** UTC instant (for zone names). */
  readonly utc: number;
  readonly offsetSeconds: number;
  readonly zone: Zone;
}

/** Formats local date-time fields with a Spark pattern. */
export function formatDateTime(pattern: string, input: FormatInput): string {
  const f = localFields(input.local);
  const tokens = tokenize(pattern);
  return formatTokens(tokens, f, input, usesEra(tokens));
}

/** True when a pattern has an era field (`G`, outside quotes, optional sections included). */
function usesEra(tokens: readonly Token[]): boolean {
  return tokens.some((t) => (t.kind === 'field' ? t.letter === 'G' : t.kind === 'optional' && usesEra(t.tokens)));
}

function formatTokens(tokens: readonly Token[], f: LocalFields, input: FormatInput, era: boolean): string {
  let out = '';
  for (const t of tokens) {
    if (t.kind === 'literal') out += t.text;
    else if (t.kind === 'optional') out += formatTokens(t.tokens, f, input, era);
    else out += formatField(t.letter, t.count, f, input, era);
  }
  return out;
}

/**
 * Spark's `y`: without an era field in the pattern Spark reads it as java.time's `u`, the signed
 * proleptic year (year 0 is '0000', year -1 '-0001'); beside an era it is the year of the era.
 * Four or more letters sign a positive year wider than the field ('+294247').
 */
function formatYear(year: number, count: number, era: boolean): string {
  const y = era && year <= 0 ? 1 - year : year;
  const abs = Math.abs(y);
  if (count === 2) return pad(abs % 100, 2);
  const digits = pad(abs, count);
  if (y < 0) return `-${digits}`;
  return count >= 4 && digits.length > count ? `+${digits}` : digits;
}

function formatField(letter: string, count: number, f: LocalFields, input: FormatInput, era: boolean): string {
  switch (letter) {
    case 'G':
      return count === 4 ? (f.year > 0 ? 'Anno Domini' : 'Before Christ') : count === 5 ? (f.year > 0 ? 'A' : 'B') : f.year > 0 ? 'AD' : 'BC';
    case 'y':
      return formatYear(f.year, count, era);
    case 'M':
    case 'L':
      if (count >= 5) return MONTHS[f.month - 1]![0]!;
      if (count === 4) return MONTHS[f.month - 1]!;
      if (count === 3) return MONTHS[f.month - 1]!.slice(0, 3);
      return pad(f.month, count);
    case 'd':
      return pad(f.day, count);
    case 'D':
      return pad(dayOfYear(f.days), count);
    case 'g':
      return pad(f.days + MJD_OF_EPOCH, count);
    case 'Q':
    case 'q': {
      const q = Math.floor((f.month - 1) / 3) + 1;
      if (count === 3) return `Q${q}`;
      if (count === 4) return `${q}${['st', 'nd', 'rd', 'th'][q - 1]} quarter`;
      if (count === 5) return String(q);
      return pad(q, count);
    }
    case 'E': {
      const name = DAYS[isoDayOfWeek(f.days) - 1]!;
      return count === 4 ? name : count === 5 ? name[0]! : name.slice(0, 3);
    }
    case 'F':
      // java.time (JDK 17, Spark's) maps `F` to ALIGNED_DAY_OF_WEEK_IN_MONTH: the 31st is 3, not week 5.
      return pad(((f.day - 1) % 7) + 1, count);
    case 'a':
      return f.hour < 12 ? 'AM' : 'PM';
    case 'H':
      return pad(f.hour, count);
    case 'k':
      return pad(f.hour === 0 ? 24 : f.hour, count);
    case 'K':
      return pad(f.hour % 12, count);
    case 'h':
      return pad(f.hour % 12 === 0 ? 12 : f.hour % 12, count);
    case 'm':
      return pad(f.minute, count);
    case 's':
      return pad(f.second, count);
    case 'S': {
      const digits = pad(f.micros, 6) + '000';
      return count <= 9 ? digits.slice(0, count) : digits.padEnd(count, '0');
    }
    case 'V':
      return input.zone.id;
    case 'z':
    case 'v':
      return zoneName(input.zone, input.utc, count >= 4, letter === 'v');
    case 'O':
      return localizedOffset(input.offsetSeconds, count >= 4);
    case 'X':
    case 'x': {
      if (letter === 'X' && input.offsetSeconds === 0) return 'Z';
      switch (count) {
        case 1:
          return offsetText(input.offsetSeconds, false, 'never', true);
        case 2:
          return offsetText(input.offsetSeconds, false, 'never', false);
        case 3:
          return offsetText(input.offsetSeconds, true, 'never', false);
        case 4:
          return offsetText(input.offsetSeconds, false, 'optional', false);
        default:
          return offsetText(input.offsetSeconds, true, 'optional', false);
      }
    }
    case 'Z':
      if (count <= 3) return offsetText(input.offsetSeconds, false, 'never', false);
      if (count === 4) return localizedOffset(input.offsetSeconds, true);
      return input.offsetSeconds === 0 ? 'Z' : offsetText(input.offsetSeconds, true, 'optional', false);
  }
  return '';
}

// ---------------------------------------------------------------------------
// Parsing
