/**
 * Calendar and time-zone arithmetic on the internal representations: dates
 * are days since 1970-01-01, timestamps microseconds since the epoch (UTC).
 * The proleptic Gregorian calendar is used throughout, as in Java's
 * `java.time` and Spark 3.
 *
 * A zone is resolved once into a `Zone` (the UTC offset in force at an
 * instant); offsets of region zones come from the runtime's ICU data (Intl).
 * Zone ids are read by two rules:
 * - `getZone`/`tryGetZone`: Java's `ZoneId.of(id, SHORT_IDS)`, as Spark's
 *   expressions resolve a zone (used by the execution backends);
 * - the session-zone functions (`checkTimeZone`, `zoneOffsetMs`, `isUtc`,
 *   `utcMicrosToLocal`, `localMicrosToUtc`): a lenient reading of
 *   `spark.sql.session.timeZone` (case-insensitive UTC aliases, `UTC+8`,
 *   `GMT -03:30`) used when converting values in and out (`collect()`,
 *   `show()`, `createDataFrame`).
 */
import { IllegalArgumentException } from '../errors/exceptions.js';

export const MICROS_PER_MILLI = 1000;
export const MICROS_PER_SECOND = 1_000_000;
export const SECONDS_PER_DAY = 86_400;
export const MILLIS_PER_DAY = 86_400_000;
export const MICROS_PER_DAY = 86_400_000_000;

// ---------------------------------------------------------------------------
// Calendar

/** Days since 1970-01-01 of a proleptic Gregorian date (month 1-12). */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Year, month (1-12) and day of a day number. */
export function civilFromDays(days: number): [number, number, number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

export const isLeapYear = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
export function daysInMonth(y: number, m: number): number {
  return m === 2 && isLeapYear(y) ? 29 : MONTH_DAYS[m - 1]!;
}

/** True when y-m-d names a real calendar day. */
export function isValidDate(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** Wall-clock microseconds (as if UTC) of a local date and time. */
export function localMicrosOf(year: number, month: number, day: number, hour = 0, minute = 0, second = 0, micros = 0): number {
  return daysFromCivil(year, month, day) * MICROS_PER_DAY + ((hour * 60 + minute) * 60 + second) * MICROS_PER_SECOND + micros;
}

// ---------------------------------------------------------------------------
// Zones

/** A resolved time zone: the UTC offset (in seconds) in force at an instant. */
export interface Zone {
  readonly id: string;
  /** Set for fixed-offset zones. */
  readonly fixedOffset?: number;
  offsetAt(epochSeconds: number): number;
}

function fixedZone(id: string, offset: number): Zone {
  return { id, fixedOffset: offset, offsetAt: () => offset };
}

/** Seconds in 400 Gregorian years, and the distance from the epoch beyond which an instant is read that many cycles nearer. */
const CYCLE_SECONDS = 146097 * SECONDS_PER_DAY;
const FAR_SECONDS = 500 * CYCLE_SECONDS;

type DayOffsets = number | { readonly before: number; readonly after: number; readonly at: number };

/** A region zone (`Europe/Paris`), its offsets read from the runtime's ICU data. */
class RegionZone implements Zone {
  private readonly fmt: Intl.DateTimeFormat;
  private readonly cache = new Map<number, DayOffsets>();
  /** Throws a RangeError when the runtime does not know the id. */
  constructor(readonly id: string) {
    this.fmt = new Intl.DateTimeFormat('en-US', {
      timeZone: id,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  }

  /** The offset at `epochSeconds`, read from ICU (uncached). */
  exact(epochSeconds: number): number {
    // A JS Date holds ±8.64e15 ms only (years past ±275760 were "Invalid time value"): a far
    // instant is read 400-year cycles nearer, which keeps its offset (local mean time in the far
    // past, the last rules in the far future), in years 1170-1570 or 2370-2770.
    if (epochSeconds >= FAR_SECONDS || epochSeconds < -FAR_SECONDS) {
      const r = epochSeconds - Math.floor(epochSeconds / CYCLE_SECONDS) * CYCLE_SECONDS;
      return this.exact(epochSeconds >= 0 ? r + CYCLE_SECONDS : r - 2 * CYCLE_SECONDS);
    }
    const parts = this.fmt.formatToParts(new Date(epochSeconds * 1000));
    let y = 0;
    let mo = 1;
    let d = 1;
    let h = 0;
    let mi = 0;
    let s = 0;
    let bc = false;
    for (const p of parts) {
      switch (p.type) {
        case 'year':
          y = Number(p.value);
          break;
        case 'month':
          mo = Number(p.value);
          break;
        case 'day':
          d = Number(p.value);
          break;
        case 'hour':
          h = Number(p.value);
          break;
        case 'minute':
          mi = Number(p.value);
          break;
        case 'second':
          s = Number(p.value);
          break;
        case 'era':
          bc = p.value.startsWith('B');
          break;
      }
    }
    if (bc) y = 1 - y;
    const local = daysFromCivil(y, mo, d) * SECONDS_PER_DAY + h * 3600 + mi * 60 + s;
    return local - epochSeconds;
  }

  /**
   * Offsets are cached per UTC day: a day either has one offset, or one
   * transition whose instant is found by bisection (zones change offset at
   * most a few times a year).
   */
  offsetAt(epochSeconds: number): number {
    const day = Math.floor(epochSeconds / SECONDS_PER_DAY);
    let entry = this.cache.get(day);
    if (entry === undefined) {
      entry = this.dayEntry(day);
      if (this.cache.size > 100_000) this.cache.clear();
      this.cache.set(day, entry);
    }
    if (typeof entry === 'number') return entry;
    return epochSeconds < entry.at ? entry.before : entry.after;
  }

  private dayEntry(day: number): DayOffsets {
    const start = day * SECONDS_PER_DAY;
    const end = start + SECONDS_PER_DAY - 1;
    const before = this.exact(start);
    const after = this.exact(end);
    if (before === after) return before;
    // First second with the new offset.
    let lo = start;
    let hi = end;
    while (lo < hi) {
      const mid = Math.floor((lo + hi) / 2);
      if (this.exact(mid) === before) lo = mid + 1;
      else hi = mid;
    }
    return { before, after, at: lo };
  }
}

const regionZones = new Map<string, RegionZone | null>();

/** The region zone of an id the runtime knows (one instance per id, so offset caches are shared); null otherwise. */
function regionZone(id: string): RegionZone | null {
  let z = regionZones.get(id);
  if (z === undefined) {
    try {
      z = new RegionZone(id);
    } catch {
      z = null;
    }
    regionZones.set(id, z);
  }
  return z;
}

/** Offset (seconds) of the region zone `id` at `epochSeconds`, read from ICU uncached; undefined for an id ICU does not know. */
export function regionOffsetSeconds(id: string, epochSeconds: number): number | undefined {
  return regionZone(id)?.exact(epochSeconds);
}

/** Offset (seconds) of `zone` at the instant `micros`. */
export function offsetSecondsAt(micros: number, zone: Zone): number {
  if (zone.fixedOffset !== undefined) return zone.fixedOffset;
  return zone.offsetAt(Math.floor(micros / MICROS_PER_SECOND));
}

/** UTC instant → local wall-clock microseconds in `zone`. */
export function toLocalMicros(micros: number, zone: Zone): number {
  return micros + offsetSecondsAt(micros, zone) * MICROS_PER_SECOND;
}

/**
 * Local wall-clock microseconds → UTC instant, resolving gaps and overlaps as
 * java.time's `ZonedDateTime.of` does: in an overlap the earlier offset wins;
 * in a gap the time moves forward by the gap's length.
 */
export function fromLocalMicros(local: number, zone: Zone): number {
  if (zone.fixedOffset !== undefined) return local - zone.fixedOffset * MICROS_PER_SECOND;
  const localSec = Math.floor(local / MICROS_PER_SECOND);
  const before = zone.offsetAt(localSec - SECONDS_PER_DAY);
  const after = zone.offsetAt(localSec + SECONDS_PER_DAY);
  if (before === after) {
    const guess = zone.offsetAt(localSec - before);
    if (guess === before) return local - before * MICROS_PER_SECOND;
    return local - guess * MICROS_PER_SECOND;
  }
  if (zone.offsetAt(localSec - before) === before) return local - before * MICROS_PER_SECOND;
  if (zone.offsetAt(localSec - after) === after) return local - after * MICROS_PER_SECOND;
  return local - before * MICROS_PER_SECOND;
}

// ---- Java's ZoneId.of(id, SHORT_IDS) ----

/** Java's ZoneId.SHORT_IDS. */
const SHORT_IDS: Record<string, string> = {
  ACT: 'Australia/Darwin',
  AET: 'Australia/Sydney',
  AGT: 'America/Argentina/Buenos_Aires',
  ART: 'Africa/Cairo',
  AST: 'America/Anchorage',
  BET: 'America/Sao_Paulo',
  BST: 'Asia/Dhaka',
  CAT: 'Africa/Harare',
  CNT: 'America/St_Johns',
  CST: 'America/Chicago',
  CTT: 'Asia/Shanghai',
  EAT: 'Africa/Addis_Ababa',
  ECT: 'Europe/Paris',
  IET: 'America/Indiana/Indianapolis',
  IST: 'Asia/Kolkata',
  JST: 'Asia/Tokyo',
  MIT: 'Pacific/Apia',
  NET: 'Asia/Yerevan',
  NST: 'Pacific/Auckland',
  PLT: 'Asia/Karachi',
  PNT: 'America/Phoenix',
  PRT: 'America/Puerto_Rico',
  PST: 'America/Los_Angeles',
  SST: 'Pacific/Guadalcanal',
  VST: 'Asia/Ho_Chi_Minh',
  EST: '-05:00',
  MST: '-07:00',
  HST: '-10:00',
};

const javaZones = new Map<string, Zone | null>();

/** Parses `+h`, `+hh`, `+hh:mm`, `+hhmm`, `+hh:mm:ss`, `+hhmmss` into seconds (at most ±18:00, as ZoneOffset). */
function parseOffset(text: string): number | undefined {
  const m = /^([+-])(\d{1,2})(?::?(\d{2}))?(?::?(\d{2}))?$/.exec(text);
  if (!m) return undefined;
  const h = Number(m[2]);
  const mi = m[3] ? Number(m[3]) : 0;
  const s = m[4] ? Number(m[4]) : 0;
  if (h > 18 || mi > 59 || s > 59) return undefined;
  const total = h * 3600 + mi * 60 + s;
  if (total > 18 * 3600) return undefined;
  return m[1] === '-' ? -total : total;
}

/** Resolves a zone id as Java's `ZoneId.of(id, SHORT_IDS)`, or returns undefined when it is not a valid id. */
export function tryGetZone(id: string): Zone | undefined {
  let z = javaZones.get(id);
  if (z === undefined) {
    z = resolveJavaZone(id);
    javaZones.set(id, z);
  }
  return z ?? undefined;
}

/** Resolves a zone id; throws a RangeError for an unknown id. */
export function getZone(id: string): Zone {
  const z = tryGetZone(id);
  if (!z) throw new RangeError(`Invalid time zone id: ${id}`);
  return z;
}

function resolveJavaZone(rawId: string): Zone | null {
  const id = rawId.trim();
  if (id === 'Z' || id === 'UTC' || id === 'GMT' || id === 'UT' || id === 'Etc/UTC' || id === 'Etc/GMT') return fixedZone(id, 0);
  const short = SHORT_IDS[id];
  if (short) return resolveJavaZone(short);
  if (id.startsWith('+') || id.startsWith('-')) {
    const off = parseOffset(id);
    return off === undefined ? null : fixedZone(id, off);
  }
  const prefixed = /^(UTC|GMT|UT)([+-].*)$/.exec(id);
  if (prefixed) {
    const off = parseOffset(prefixed[2]!);
    return off === undefined ? null : fixedZone(id, off);
  }
  return regionZone(id);
}

// ---- the session time zone (spark.sql.session.timeZone) ----

const sessionZones = new Map<string, Zone>();

const UTC_ALIASES = /^(UTC|GMT|UT|Z|Etc\/UTC|Etc\/GMT|Etc\/UCT|UCT|Zulu|Universal)$/i;
const SESSION_FIXED_OFFSET = /^(?:(?:UTC|GMT|UT)\s*)?([+-])(\d{1,2})(?::?(\d{2}))?(?::?(\d{2}))?$/i;

/** The session time zone `timeZone`; throws IllegalArgumentException when it is not a usable zone ID. */
function sessionZone(timeZone: string): Zone {
  const cached = sessionZones.get(timeZone);
  if (cached) return cached;
  let zone: Zone;
  const tz = timeZone.trim();
  if (UTC_ALIASES.test(tz)) {
    zone = fixedZone(tz, 0);
  } else {
    const m = SESSION_FIXED_OFFSET.exec(tz);
    if (m) {
      const sign = m[1] === '-' ? -1 : 1;
      const h = Number(m[2]);
      const mi = Number(m[3] ?? 0);
      const s = Number(m[4] ?? 0);
      if (h > 18 || mi > 59 || s > 59) throw invalidZone(timeZone);
      zone = fixedZone(tz, sign * ((h * 60 + mi) * 60 + s));
    } else {
      const region = regionZone(tz);
      if (!region) throw invalidZone(timeZone);
      zone = region;
    }
  }
  sessionZones.set(timeZone, zone);
  return zone;
}

function invalidZone(timeZone: string): IllegalArgumentException {
  return new IllegalArgumentException(`Cannot resolve the given timezone with ZoneId.of(${timeZone}): invalid time zone ID.`, {
    errorClass: 'INVALID_TIMEZONE',
    messageParameters: { timeZone },
  });
}

/** Throws IllegalArgumentException when `timeZone` is not a usable zone ID. */
export function checkTimeZone(timeZone: string): void {
  sessionZone(timeZone);
}

/** Offset (ms, local minus UTC) of `timeZone` at the instant `epochMs`. */
export function zoneOffsetMs(timeZone: string, epochMs: number): number {
  const zone = sessionZone(timeZone);
  if (zone.fixedOffset !== undefined) return zone.fixedOffset * 1000;
  return zone.offsetAt(Math.floor(epochMs / 1000)) * 1000;
}

/** True when the zone is UTC (offset always zero): callers take a fast path. */
export function isUtc(timeZone: string): boolean {
  return sessionZone(timeZone).fixedOffset === 0;
}

/** Local wall-clock microseconds (as if UTC) of an instant in microseconds. */
export function utcMicrosToLocal(micros: number, timeZone: string): number {
  if (isUtc(timeZone)) return micros;
  return toLocalMicros(micros, sessionZone(timeZone));
}

/**
 * Instant (µs) of a local wall-clock time (µs as if UTC) in `timeZone`, resolving
 * gaps and overlaps like Java's `ZonedDateTime.of`: an overlap takes the earlier
 * offset, a time in a gap is moved later by the gap's length.
 */
export function localMicrosToUtc(localMicros: number, timeZone: string): number {
  if (isUtc(timeZone)) return localMicros;
  return fromLocalMicros(localMicros, sessionZone(timeZone));
}
