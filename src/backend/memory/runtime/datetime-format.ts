/**
 * Spark 3 datetime patterns (`date_format`, `to_date(s, fmt)`,
 * `to_timestamp(s, fmt)`, `unix_timestamp`, `from_unixtime`): a small
 * formatter/parser in the spirit of java.time's DateTimeFormatter, with
 * Spark's choices: case-insensitive parsing, variable-width second fractions
 * when parsing, `yy` parsed into 2000-2099, and week-based letters rejected.
 */
import { IllegalArgumentException } from '../../../errors/index.js';
import {
  dayOfYear,
  daysFromCivil,
  daysInMonth,
  isValidDate,
  isoDayOfWeek,
  localFields,
  type LocalFields,
  type Zone,
  MICROS_PER_DAY,
  MICROS_PER_SECOND,
  civilFromDays,
} from './datetime.js';
import { zoneFromText } from './datetime-parse.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

type Token =
  | { readonly kind: 'literal'; readonly text: string }
  | { readonly kind: 'field'; readonly letter: string; readonly count: number }
  | { readonly kind: 'optional'; readonly tokens: readonly Token[] };

const FIELD_LETTERS = new Set('GyMLdDQqEFaHhKkmsSVzOXxZ'.split(''));
const WEEK_BASED = new Set('YwWuec'.split(''));

function unsupported(pattern: string, detail: string): IllegalArgumentException {
  return new IllegalArgumentException(detail, { errorClass: 'INVALID_DATETIME_PATTERN', messageParameters: { pattern } });
}

const tokenCache = new Map<string, readonly Token[]>();

/** Splits a pattern into literal and field tokens (cached). */
export function tokenize(pattern: string): readonly Token[] {
  let tokens = tokenCache.get(pattern);
  if (!tokens) {
    const [parsed] = tokenizeFrom(pattern, 0, false);
    tokens = parsed;
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
      if (!FIELD_LETTERS.has(ch)) throw unsupported(p, `Illegal pattern character: ${ch}`);
      if ((ch === 'E' || ch === 'M' || ch === 'L' || ch === 'G' || ch === 'Q' || ch === 'q') && count > 5) {
        throw unsupported(p, `Too many pattern letters: ${ch}`);
      }
      out.push({ kind: 'field', letter: ch, count });
      i = j;
      continue;
    }
    pushLiteral(ch);
    i++;
  }
  return [out, i];
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

const zoneNameCache = new Map<string, Intl.DateTimeFormat>();
function zoneName(zone: Zone, micros: number, long: boolean): string {
  if (zone.fixedOffset !== undefined) {
    if (zone.fixedOffset === 0 && /^(UTC|GMT|Z|UT|Etc\/UTC|Etc\/GMT)$/.test(zone.id)) return zone.id === 'Z' ? 'Z' : zone.id.replace('Etc/', '');
    return offsetText(zone.fixedOffset, true, 'optional', false);
  }
  const key = `${zone.id}|${long}`;
  let fmt = zoneNameCache.get(key);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-US', { timeZone: zone.id, timeZoneName: long ? 'long' : 'short' });
    zoneNameCache.set(key, fmt);
  }
  const part = fmt.formatToParts(new Date(Math.floor(micros / 1000))).find((p) => p.type === 'timeZoneName');
  return part ? part.value : zone.id;
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
  return formatTokens(tokenize(pattern), f, input);
}

function formatTokens(tokens: readonly Token[], f: LocalFields, input: FormatInput): string {
  let out = '';
  for (const t of tokens) {
    if (t.kind === 'literal') out += t.text;
    else if (t.kind === 'optional') out += formatTokens(t.tokens, f, input);
    else out += formatField(t.letter, t.count, f, input);
  }
  return out;
}

function formatField(letter: string, count: number, f: LocalFields, input: FormatInput): string {
  switch (letter) {
    case 'G':
      return count === 4 ? (f.year > 0 ? 'Anno Domini' : 'Before Christ') : count === 5 ? (f.year > 0 ? 'A' : 'B') : f.year > 0 ? 'AD' : 'BC';
    case 'y': {
      const yoe = f.year > 0 ? f.year : 1 - f.year;
      if (count === 2) return pad(yoe % 100, 2);
      const s = pad(yoe, count);
      return count >= 4 && yoe > 9999 ? `+${s}` : s;
    }
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
      return pad(Math.floor((f.day - 1) / 7) + 1, count);
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
      return zoneName(input.zone, input.utc, count >= 4);
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
    case 'D':
    case 'F':
      return t.count >= 2 ? t.count : undefined;
  }
  return undefined;
}

function isNumericField(t: Token | undefined): boolean {
  if (!t || t.kind !== 'field') return false;
  if ('MLQq'.includes(t.letter)) return t.count <= 2;
  return 'ydDHhKkmsSF'.includes(t.letter);
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
    st.fields.set('M', idx + 1);
    return true;
  }
  if (letter === 'E') {
    const idx = count === 4 ? matchWord(st, DAYS) : matchWord(st, DAYS.map((d) => d.slice(0, 3)));
    if (idx < 0) return false;
    st.fields.set('E', idx + 1);
    return true;
  }
  if (letter === 'a') {
    const idx = matchWord(st, ['AM', 'PM']);
    if (idx < 0) return false;
    st.fields.set('a', idx);
    return true;
  }
  if (letter === 'G') {
    const idx = count === 4 ? matchWord(st, ['Before Christ', 'Anno Domini']) : matchWord(st, ['BC', 'AD']);
    if (idx < 0) return false;
    st.fields.set('G', idx);
    return true;
  }
  if (letter === 'X' || letter === 'x' || letter === 'Z') {
    const allowZ = letter === 'X' || (letter === 'Z' && count === 5);
    const colon = letter === 'Z' ? (count === 5 ? 'yes' : 'no') : count === 3 || count === 5 ? 'yes' : count === 1 ? 'any' : 'no';
    if (letter === 'Z' && count === 4) return parseLocalizedOffset(st);
    return parseOffsetAt(st, colon, allowZ);
  }
  if (letter === 'O') return parseLocalizedOffset(st);
  if (letter === 'V' || letter === 'z') {
    const m = /^[A-Za-z][A-Za-z0-9_/+-]*/.exec(s.slice(st.pos));
    if (!m) return false;
    const zone = zoneFromText(m[0]);
    if (!zone) return false;
    st.zone = zone;
    st.pos += m[0].length;
    return true;
  }
  // Numeric fields.
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
  } else {
    min = 1;
    max = letter === 'D' ? 3 : 2;
  }
  // Adjacent value parsing: leave room for the fixed-width numeric fields that follow directly.
  if (fixed === undefined) {
    let reserved = 0;
    for (let j = k + 1; j < tokens.length && isNumericField(tokens[j]); j++) {
      const w = fixedWidth(tokens[j]!);
      reserved += w ?? 1;
    }
    if (reserved > 0) max = Math.min(max, available - reserved);
  }
  const take = Math.min(available, max);
  if (take < min) return false;
  const digits = s.slice(st.pos, st.pos + take);
  st.pos += take;
  let value = Number(digits);
  if (letter === 'S') {
    value = Number(digits.padEnd(6, '0').slice(0, 6));
  } else if (letter === 'y' && count === 2) {
    value = 2000 + value;
  }
  st.fields.set(letter === 'L' ? 'M' : letter === 'q' ? 'Q' : letter, value);
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
  /** Two numeric fields directly adjacent (java.time's adjacent value parsing reports other indices). */
  readonly adjacentNumbers: boolean;
}

export function scanDateTime(text: string, pattern: string): DateTimeScan {
  const tokens = tokenize(pattern);
  const st: ParseState = { text, pos: 0, fields: new Map() };
  const matched = parseTokens(tokens, st);
  let adjacentNumbers = false;
  const walk = (ts: readonly Token[]): void => {
    ts.forEach((t, k) => {
      if (t.kind === 'optional') walk(t.tokens);
      else if (isNumericField(t) && isNumericField(ts[k + 1])) adjacentNumbers = true;
    });
  };
  walk(tokens);
  return { matched, pos: st.pos, failAt: st.failAt, fields: st.fields, adjacentNumbers };
}

/** Parses `text` with a Spark pattern; undefined when it does not match (Spark's null). */
export function parseDateTime(text: string, pattern: string): ParsedDateTime | undefined {
  const st: ParseState = { text, pos: 0, fields: new Map() };
  if (!parseTokens(tokenize(pattern), st) || st.pos !== text.length) return undefined;
  const f = st.fields;
  let year = f.get('y') ?? 1970;
  if (f.get('G') === 0) year = 1 - year;
  let month = f.get('M') ?? 1;
  let day = f.get('d') ?? 1;
  if (f.has('D')) {
    const doy = f.get('D')!;
    const days = daysFromCivil(year, 1, 1) + doy - 1;
    const [y2, m2, d2] = civilFromDays(days);
    if (y2 !== year || (f.has('M') && m2 !== month) || (f.has('d') && d2 !== day)) return undefined;
    month = m2;
    day = d2;
  }
  if (f.has('Q') && Math.floor((month - 1) / 3) + 1 !== f.get('Q')) return undefined;
  if (!isValidDate(year, month, day)) return undefined;
  if (day > daysInMonth(year, month)) return undefined;
  const days = daysFromCivil(year, month, day);
  if (f.has('E') && isoDayOfWeek(days) !== f.get('E')) return undefined;
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
      if (t.kind === 'optional') flatten(t.tokens);
      else flat.push(t);
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
  if (!within('M', 1, 12) || !within('H', 0, 23) || !within('m', 0, 59) || !within('s', 0, 59)) return false;
  if (!within('h', 1, 12) || !within('K', 0, 11) || !within('k', 1, 24)) return false;
  return within('d', 1, daysInMonth(v.get('y') ?? 1970, v.get('M') ?? 1));
}
