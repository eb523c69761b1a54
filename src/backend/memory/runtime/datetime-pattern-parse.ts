/**
 * Parsing text with a Spark 3 datetime pattern (`to_date(s, fmt)`,
 * `to_timestamp(s, fmt)`, `unix_timestamp`): case-insensitive, variable-width
 * second fractions, `yy` read into 2000-2099; plus the legacy parser's check
 * Spark uses to raise its upgrade error. Tokens come from datetime-format.ts.
 */
import { daysFromCivil, daysInMonth, isValidDate, MICROS_PER_DAY, MICROS_PER_SECOND, civilFromDays, type Zone } from './datetime.js';
import { DAYS, legacyKnowsLetter, MJD_OF_EPOCH, MONTHS, tokenize, tokenizeForParsing, type Token } from './datetime-format.js';
import { zoneFromText } from './datetime-parse.js';
import { SparkUpgradeException } from '../../../errors/runtime-exceptions.js';

/** Fields read from text; absent ones default (year 1970, January, day 1, midnight). */
export interface ParsedDateTime {
  /** Local wall-clock microseconds. */
  readonly local: number;
  /** Zone or offset found in the text, if any. */
  readonly zone?: Zone;
}

interface ParseState {
  readonly text: string;
  pos: number;
  fields: Map<string, number>;
  zone?: Zone;
  /** Where the last token that failed started (java.time's error index). */
  failAt?: number;
}

const isDigitAt = (s: string, i: number): boolean => {
  const c = s.charCodeAt(i);
  return c >= 48 && c <= 57;
};

/** Fixed width of a numeric field when parsing, or undefined when variable. */
function fixedWidth(t: Token): number | undefined {
  if (t.kind !== 'field') return undefined;
  switch (t.letter) {
    case 'y':
      return t.count === 2 ? 2 : undefined;
    case 'S':
      return undefined;
    case 'M':
    case 'L':
    case 'Q':
    case 'q':
      return t.count <= 2 ? (t.count === 2 ? 2 : undefined) : undefined;
    case 'd':
    case 'H':
    case 'h':
    case 'K':
    case 'k':
    case 'm':
    case 's':
    case 'F':
      return t.count >= 2 ? t.count : undefined;
    case 'D':
      // java.time reads `DD` as two or three digits (`to_timestamp('100', 'DD')` is day 100).
      return t.count === 3 ? 3 : undefined;
  }
  return undefined;
}

function isNumericField(t: Token | undefined): boolean {
  if (!t || t.kind !== 'field') return false;
  if ('MLQq'.includes(t.letter)) return t.count <= 2;
  return 'ydDHhKkmsSFg'.includes(t.letter);
}

function matchWord(st: ParseState, words: readonly string[]): number {
  const rest = st.text.slice(st.pos).toLowerCase();
  let best = -1;
  let bestLen = 0;
  words.forEach((w, k) => {
    if (w.length > bestLen && rest.startsWith(w.toLowerCase())) {
      best = k;
      bestLen = w.length;
    }
  });
  if (best >= 0) st.pos += bestLen;
  return best;
}

function parseOffsetAt(st: ParseState, colon: 'yes' | 'no' | 'any', allowZ: boolean): boolean {
  const s = st.text;
  if (allowZ && (s[st.pos] === 'Z' || s[st.pos] === 'z')) {
    st.pos++;
    st.zone = zoneFromText('Z');
    return true;
  }
  const m = /^([+-])(\d{2})(?:(:?)(\d{2}))?(?:(:?)(\d{2}))?/.exec(s.slice(st.pos));
  if (!m) return false;
  if (colon === 'yes' && m[4] !== undefined && m[3] !== ':') return false;
  if (colon === 'no' && m[3] === ':') return false;
  const secs = Number(m[2]) * 3600 + Number(m[4] ?? 0) * 60 + Number(m[6] ?? 0);
  st.pos += m[0].length;
  const off = m[1] === '-' ? -secs : secs;
  st.zone = { id: m[0], fixedOffset: off, offsetAt: () => off };
  return true;
}

function parseTokens(tokens: readonly Token[], st: ParseState): boolean {
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.kind === 'literal') {
      const got = st.text.slice(st.pos, st.pos + t.text.length);
      if (got.toLowerCase() !== t.text.toLowerCase()) {
        st.failAt = st.pos;
        return false;
      }
      st.pos += t.text.length;
      continue;
    }
    if (t.kind === 'optional') {
      const saved = { pos: st.pos, fields: new Map(st.fields), zone: st.zone };
      if (!parseTokens(t.tokens, st)) {
        st.pos = saved.pos;
        st.fields = saved.fields;
        st.zone = saved.zone;
      }
      continue;
    }
    const start = st.pos;
    if (!parseField(t, tokens, k, st)) {
      st.failAt = start;
      return false;
    }
  }
  return true;
}

function parseField(t: Extract<Token, { kind: 'field' }>, tokens: readonly Token[], k: number, st: ParseState): boolean {
  const { letter, count } = t;
  const s = st.text;
  // Text fields.
  if ((letter === 'M' || letter === 'L') && count >= 3) {
    const idx = count === 3 ? matchWord(st, MONTHS.map((m) => m.slice(0, 3))) : matchWord(st, MONTHS);
    if (idx < 0) return false;
    return setField(st, 'M', idx + 1);
  }
  if (letter === 'a') {
    const idx = matchWord(st, ['AM', 'PM']);
    if (idx < 0) return false;
    return setField(st, 'a', idx);
  }
  if (letter === 'G') {
    const idx = count === 4 ? matchWord(st, ['Before Christ', 'Anno Domini']) : matchWord(st, ['BC', 'AD']);
    if (idx < 0) return false;
    return setField(st, 'G', idx);
  }
  if (letter === 'X' || letter === 'x' || letter === 'Z') {
    const allowZ = letter === 'X' || (letter === 'Z' && count === 5);
    const colon = letter === 'Z' ? (count === 5 ? 'yes' : 'no') : count === 3 || count === 5 ? 'yes' : count === 1 ? 'any' : 'no';
    if (letter === 'Z' && count === 4) return parseLocalizedOffset(st);
    return parseOffsetAt(st, colon, allowZ);
  }
  if (letter === 'O') return parseLocalizedOffset(st);
  if (letter === 'V' || letter === 'z' || letter === 'v') {
    const m = /^[A-Za-z][A-Za-z0-9_/+-]*/.exec(s.slice(st.pos));
    if (!m) return false;
    const zone = zoneFromText(m[0]);
    if (!zone) return false;
    st.zone = zone;
    st.pos += m[0].length;
    return true;
  }
  // Numeric fields (`g`, the modified Julian day, may be negative).
  const negative = letter === 'g' && s[st.pos] === '-' && isDigitAt(s, st.pos + 1);
  if (negative) st.pos++;
  let available = 0;
  while (isDigitAt(s, st.pos + available)) available++;
  let min: number;
  let max: number;
  const fixed = fixedWidth(t);
  if (fixed !== undefined) {
    min = fixed;
    max = fixed;
  } else if (letter === 'S') {
    min = 1;
    max = count;
  } else if (letter === 'y') {
    min = count === 1 ? 1 : count;
    max = 10;
  } else if (letter === 'D' || letter === 'g') {
    min = count;
    max = letter === 'g' || count === 1 ? 19 : 3;
  } else {
    min = 1;
    max = letter === 'D' ? 3 : 2;
  }
  // Adjacent value parsing (java.time): a variable-width number leaves room for the fixed-width
  // numbers that follow directly (a one-letter `S` fraction counts as one), but never reads
  // fewer digits than its minimum. A wider fraction is not a number parser: it ends the run
  // and reads greedily up to its width.
  if (fixed === undefined && letter !== 'S') {
    const reserved = reservedWidth(tokens, k);
    if (reserved > 0) max = Math.max(min, Math.min(max, available - reserved));
  }
  const take = Math.min(available, max);
  if (take < min) return false;
  const digits = s.slice(st.pos, st.pos + take);
  st.pos += take;
  let value = negative ? -Number(digits) : Number(digits);
  if (letter === 'S') {
    value = Number(digits.padEnd(6, '0').slice(0, 6));
  } else if (letter === 'y' && count === 2) {
    value = 2000 + value;
  }
  return setField(st, letter === 'L' ? 'M' : letter, value);
}

/** The widths of the fixed-width numbers directly after token `k` (java.time's subsequent width). */
function reservedWidth(tokens: readonly Token[], k: number): number {
  let reserved = 0;
  for (let j = k + 1; j < tokens.length; j++) {
    const t = tokens[j]!;
    const w = t.kind === 'field' && t.letter === 'S' ? (t.count === 1 ? 1 : undefined) : isNumericField(t) ? fixedWidth(t) : undefined;
    if (w === undefined) break;
    reserved += w;
  }
  return reserved;
}

/** Records a field; java.time fails the parse when a field read twice differs (`'2019 2020'` as `yyyy yyyy`). */
function setField(st: ParseState, key: string, value: number): boolean {
  if (st.fields.has(key) && st.fields.get(key) !== value) return false;
  st.fields.set(key, value);
  return true;
}

function parseLocalizedOffset(st: ParseState): boolean {
  const m = /^GMT(?:([+-])(\d{1,2})(?::(\d{2}))?(?::(\d{2}))?)?/i.exec(st.text.slice(st.pos));
  if (!m) return false;
  const secs = m[1] ? Number(m[2]) * 3600 + Number(m[3] ?? 0) * 60 + Number(m[4] ?? 0) : 0;
  const off = m[1] === '-' ? -secs : secs;
  st.pos += m[0].length;
  st.zone = { id: m[0], fixedOffset: off, offsetAt: () => off };
  return true;
}

const isVariableNumber = (t: Token | undefined): boolean =>
  isNumericField(t) && fixedWidth(t!) === undefined && !(t!.kind === 'field' && t!.letter === 'S');

/** The raw scan of `text` by a pattern (before the fields are resolved), for explaining failures. */
export interface DateTimeScan {
  readonly matched: boolean;
  readonly pos: number;
  readonly failAt: number | undefined;
  readonly fields: ReadonlyMap<string, number>;
  /** Two numeric fields directly adjacent (java.time's adjacent value parsing reports other indices). */
  readonly adjacentNumbers: boolean;
}

export function scanDateTime(text: string, pattern: string): DateTimeScan {
  const tokens = tokenizeForParsing(pattern);
  const st: ParseState = { text, pos: 0, fields: new Map() };
  const matched = parseTokens(tokens, st);
  let adjacentNumbers = false;
  const walk = (ts: readonly Token[]): void => {
    ts.forEach((t, k) => {
      if (t.kind === 'optional') walk(t.tokens);
      // Modelled: a number followed by fixed-width numbers or a fraction. Not modelled: two variable-width numbers in a row.
      else if (isVariableNumber(t) && isVariableNumber(ts[k + 1])) adjacentNumbers = true;
    });
  };
  walk(tokens);
  return { matched, pos: st.pos, failAt: st.failAt, fields: st.fields, adjacentNumbers };
}

/** Parses `text` with a Spark pattern; undefined when it does not match (Spark's null). */
export function parseDateTime(text: string, pattern: string): ParsedDateTime | undefined {
  const st: ParseState = { text, pos: 0, fields: new Map() };
  if (!parseTokens(tokenizeForParsing(pattern), st) || st.pos !== text.length) return undefined;
  const f = st.fields;
  let year = f.get('y') ?? 1970;
  if (f.get('G') === 0) year = 1 - year;
  let month = f.get('M') ?? 1;
  let day = f.get('d') ?? 1;
  if (f.has('g')) {
    // A modified Julian day names the date; any other date field must agree with it.
    const [y2, m2, d2] = civilFromDays(f.get('g')! - MJD_OF_EPOCH);
    if ((f.has('y') && y2 !== year) || (f.has('M') && m2 !== month) || (f.has('d') && d2 !== day)) return undefined;
    if (f.has('D') && daysFromCivil(y2, m2, d2) - daysFromCivil(y2, 1, 1) + 1 !== f.get('D')) return undefined;
    year = y2;
    month = m2;
    day = d2;
  }
  if (f.has('D')) {
    const doy = f.get('D')!;
    const days = daysFromCivil(year, 1, 1) + doy - 1;
    const [y2, m2, d2] = civilFromDays(days);
    if (y2 !== year || (f.has('M') && m2 !== month) || (f.has('d') && d2 !== day)) return undefined;
    month = m2;
    day = d2;
  }
  if (!isValidDate(year, month, day)) return undefined;
  if (day > daysInMonth(year, month)) return undefined;
  const days = daysFromCivil(year, month, day);
  let hour = 0;
  if (f.has('H')) hour = f.get('H')!;
  else if (f.has('k')) hour = f.get('k')! % 24;
  else if (f.has('h') || f.has('K')) {
    const h = f.has('h') ? f.get('h')! : f.get('K')!;
    if (f.has('h') && (h < 1 || h > 12)) return undefined;
    if (f.has('K') && h > 11) return undefined;
    hour = (h % 12) + (f.get('a') === 1 ? 12 : 0);
  } else if (f.get('a') === 1) {
    hour = 12;
  }
  const minute = f.get('m') ?? 0;
  const second = f.get('s') ?? 0;
  const micros = f.get('S') ?? 0;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const local = days * MICROS_PER_DAY + ((hour * 60 + minute) * 60 + second) * MICROS_PER_SECOND + micros;
  return st.zone ? { local, zone: st.zone } : { local };
}

/**
 * `parseDateTime`, with Spark's check of its default spark.sql.legacy.timeParserPolicy
 * (EXCEPTION): text the new parser cannot read but Spark 2's parser would take raises
 * INCONSISTENT_BEHAVIOR_CROSS_VERSION.PARSE_DATETIME_BY_NEW_PARSER. Values out of range
 * (2020-02-30, hour 24) are rejected by both parsers, so they stay undefined (NULL).
 */
export function parseDateTimeOrUpgrade(text: string, pattern: string): ParsedDateTime | undefined {
  const p = parseDateTime(text, pattern);
  if (p) return p;
  const scan = scanDateTime(text, pattern);
  const textFailure = !scan.matched || scan.pos !== text.length;
  if (textFailure && legacyParses(text, pattern)) throw upgradeError(text);
  return undefined;
}

function upgradeError(text: string): SparkUpgradeException {
  return new SparkUpgradeException(
    `You may get a different result due to the upgrading to Spark >= 3.0:\nFail to parse '${text}' in the new parser.\n` +
      'You can set "spark.sql.legacy.timeParserPolicy" to "LEGACY" to restore the behavior before Spark 3.0, or set to "CORRECTED" and treat it as an invalid datetime string.',
    {
      errorClass: 'INCONSISTENT_BEHAVIOR_CROSS_VERSION.PARSE_DATETIME_BY_NEW_PARSER',
      messageParameters: { datetime: `'${text}'`, config: '"spark.sql.legacy.timeParserPolicy"' },
    },
  );
}

// ---------------------------------------------------------------------------
// Legacy (Spark 2.x) parsing check

/**
 * Whether Spark 2.x's parser would accept `text`: numeric fields take any
 * number of digits (the pattern's width only when another numeric field
 * follows directly) and trailing text is ignored, but values out of range
 * fail (Spark 3.5 gives NULL, not the upgrade error, for '2020-1-32'). Spark 3 raises
 * INCONSISTENT_BEHAVIOR_CROSS_VERSION when its own parser rejects text that
 * this one accepts.
 */
export function legacyParses(text: string, pattern: string): boolean {
  let tokens: readonly Token[];
  try {
    tokens = tokenize(pattern);
  } catch {
    return false;
  }
  const flat: Token[] = [];
  const flatten = (ts: readonly Token[]): void => {
    for (const t of ts) {
      // SimpleDateFormat has no optional sections: it reads `[` and `]` as literal text.
      if (t.kind === 'optional') {
        flat.push({ kind: 'literal', text: '[' });
        flatten(t.tokens);
        flat.push({ kind: 'literal', text: ']' });
      } else flat.push(t);
    }
  };
  flatten(tokens);
  const values = new Map<string, number>();
  let pos = 0;
  for (let k = 0; k < flat.length; k++) {
    const t = flat[k]!;
    if (t.kind === 'literal') {
      if (!text.startsWith(t.text, pos)) return false;
      pos += t.text.length;
      continue;
    }
    if (t.kind !== 'field') continue;
    // A letter SimpleDateFormat does not know (`g`, `Q`, `x`) fails its constructor: no legacy result.
    if (!legacyKnowsLetter(t.letter)) return false;
    const rest = text.slice(pos);
    const { letter, count } = t;
    if (((letter === 'M' || letter === 'L') && count >= 3) || letter === 'E' || letter === 'a' || letter === 'G') {
      const words =
        letter === 'E'
          ? [...DAYS, ...DAYS.map((d) => d.slice(0, 3))]
          : letter === 'a'
            ? ['AM', 'PM']
            : letter === 'G'
              ? ['AD', 'BC']
              : [...MONTHS, ...MONTHS.map((m) => m.slice(0, 3))];
      const hit = words.filter((w) => rest.toLowerCase().startsWith(w.toLowerCase())).sort((a, b) => b.length - a.length)[0];
      if (!hit) return false;
      pos += hit.length;
      continue;
    }
    if ('zZXxOV'.includes(letter)) {
      const m = /^(?:[+-]\d{1,2}(?::?\d{2})?|Z|GMT(?:[+-]\d{1,2}(?::?\d{2})?)?|UTC|[A-Za-z]+(?:\/[A-Za-z_]+)*)/.exec(rest);
      if (!m) return false;
      pos += m[0].length;
      continue;
    }
    const next = flat[k + 1];
    const abutting = next !== undefined && next.kind === 'field' && isNumericField(next);
    const m = /^[+-]?\d+/.exec(rest);
    if (!m) return false;
    const width = abutting ? Math.min(count, m[0].length) : m[0].length;
    values.set(letter === 'L' ? 'M' : letter, Number(m[0].slice(0, width)));
    pos += width;
  }
  return legacyInRange(values);
}

/** The legacy parser is not lenient: fields out of range (month 13, February 30, hour 25) fail. */
function legacyInRange(v: ReadonlyMap<string, number>): boolean {
  const within = (k: string, lo: number, hi: number): boolean => !v.has(k) || (v.get(k)! >= lo && v.get(k)! <= hi);
  // SimpleDateFormat reads `S` as milliseconds, so six fraction digits are out of range there.
  if (!within('S', 0, 999) || !within('M', 1, 12) || !within('H', 0, 23) || !within('m', 0, 59) || !within('s', 0, 59)) return false;
  if (!within('h', 1, 12) || !within('K', 0, 11) || !within('k', 1, 24)) return false;
  const year = v.get('y') ?? 1970;
  if (!within('D', 1, daysFromCivil(year + 1, 1, 1) - daysFromCivil(year, 1, 1))) return false;
  return within('d', 1, daysInMonth(year, v.get('M') ?? 1));
}
