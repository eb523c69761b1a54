/**
 * Parsing text with a Spark 3 datetime pattern (`to_date(s, fmt)`,
 * `to_timestamp(s, fmt)`, `unix_timestamp`): case-insensitive, variable-width
 * second fractions, `yy` read into 2000-2099. Tokens come from datetime-format.ts; the legacy
 * parser's check behind Spark's upgrade error is datetime-legacy-parse.ts.
 */
import { daysFromCivil, daysInMonth, isValidDate, MICROS_PER_DAY, MICROS_PER_SECOND, civilFromDays, type Zone } from './datetime.js';
import { MJD_OF_EPOCH, MONTHS, tokenizeForParsing, type Token } from './datetime-format.js';
import { zoneFromText } from './datetime-parse.js';
import { zoneByName } from './zone-name-parse.js';

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

export function isNumericField(t: Token | undefined): boolean {
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
    const byId = m ? zoneFromText(m[0]) : undefined;
    // `z` and `v` also read zone names (java.time takes the longest match of ids and names).
    const byName = letter === 'V' ? undefined : zoneByName(s.slice(st.pos), count >= 4);
    if (byId && (!byName || m![0].length >= byName.length)) {
      st.zone = byId;
      st.pos += m![0].length;
      return true;
    }
    if (!byName) return false;
    st.zone = byName.zone;
    st.pos += byName.length;
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
  // java.time reads `yyyy` with SignStyle.EXCEEDS_PAD: more digits than the letters need a sign,
  // so '20201-01-01' fails at the year's start (Spark then asks the legacy parser).
  if (letter === 'y' && count >= 4 && take > count) return false;
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

/** The raw scan of `text` by a pattern (before the fields are resolved), for explaining failures. */
export interface DateTimeScan {
  readonly matched: boolean;
  readonly pos: number;
  readonly failAt: number | undefined;
  readonly fields: ReadonlyMap<string, number>;
}

export function scanDateTime(text: string, pattern: string): DateTimeScan {
  const tokens = tokenizeForParsing(pattern);
  const st: ParseState = { text, pos: 0, fields: new Map() };
  const matched = parseTokens(tokens, st);
  return { matched, pos: st.pos, failAt: st.failAt, fields: st.fields };
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
