/**
 * Session time zone arithmetic: UTC offsets of instants and of local wall-clock
 * times, for IANA zone names (via Intl) and fixed offsets (`+08:00`, `UTC-5`).
 * Calendar helpers convert between days since the epoch and proleptic
 * Gregorian dates, as Java's `java.time` does.
 */
import { IllegalArgumentException } from '../errors/exceptions.js';

export const MICROS_PER_SECOND = 1_000_000;
export const MICROS_PER_DAY = 86_400_000_000;
export const MILLIS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 of a proleptic Gregorian date (month 1-12). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Proleptic Gregorian date of a day count since 1970-01-01. */
export function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  return [31, isLeapYear(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
}

type Zone = { kind: 'fixed'; offsetMs: number } | { kind: 'intl'; fmt: Intl.DateTimeFormat };

const zoneCache = new Map<string, Zone>();

const FIXED_OFFSET = /^(?:(?:UTC|GMT|UT)\s*)?([+-])(\d{1,2})(?::?(\d{2}))?(?::?(\d{2}))?$/i;

function resolveZone(timeZone: string): Zone {
  const cached = zoneCache.get(timeZone);
  if (cached) return cached;
  let zone: Zone;
  const tz = timeZone.trim();
  if (/^(UTC|GMT|UT|Z|Etc\/UTC|Etc\/GMT|Etc\/UCT|UCT|Zulu|Universal)$/i.test(tz)) {
    zone = { kind: 'fixed', offsetMs: 0 };
  } else {
    const m = FIXED_OFFSET.exec(tz);
    if (m) {
      const sign = m[1] === '-' ? -1 : 1;
      const h = Number(m[2]);
      const mi = Number(m[3] ?? 0);
      const s = Number(m[4] ?? 0);
      if (h > 18 || mi > 59 || s > 59) throw invalidZone(timeZone);
      zone = { kind: 'fixed', offsetMs: sign * ((h * 60 + mi) * 60 + s) * 1000 };
    } else {
      try {
        zone = {
          kind: 'intl',
          fmt: new Intl.DateTimeFormat('en-US', {
            timeZone: tz,
            hourCycle: 'h23',
            era: 'short',
            year: 'numeric',
            month: 'numeric',
            day: 'numeric',
            hour: 'numeric',
            minute: 'numeric',
            second: 'numeric',
          }),
        };
      } catch {
        throw invalidZone(timeZone);
      }
    }
  }
  zoneCache.set(timeZone, zone);
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
  resolveZone(timeZone);
}

/** Offset (ms, local minus UTC) of `timeZone` at the instant `epochMs`. */
export function zoneOffsetMs(timeZone: string, epochMs: number): number {
  const zone = resolveZone(timeZone);
  if (zone.kind === 'fixed') return zone.offsetMs;
  const secondMs = Math.floor(epochMs / 1000) * 1000;
  let year = 0;
  let month = 1;
  let day = 1;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let bc = false;
  for (const p of zone.fmt.formatToParts(new Date(secondMs))) {
    switch (p.type) {
      case 'year': year = Number(p.value); break;
      case 'month': month = Number(p.value); break;
      case 'day': day = Number(p.value); break;
      case 'hour': hour = Number(p.value); break;
      case 'minute': minute = Number(p.value); break;
      case 'second': second = Number(p.value); break;
      case 'era': bc = /^B/i.test(p.value); break;
      default: break;
    }
  }
  if (bc) year = 1 - year;
  const localMs = daysFromCivil(year, month, day) * MILLIS_PER_DAY + ((hour * 60 + minute) * 60 + second) * 1000;
  return localMs - secondMs;
}

/** True when the zone is UTC (offset always zero): callers take a fast path. */
export function isUtc(timeZone: string): boolean {
  const zone = resolveZone(timeZone);
  return zone.kind === 'fixed' && zone.offsetMs === 0;
}

/** Local wall-clock microseconds (as if UTC) of an instant in microseconds. */
export function utcMicrosToLocal(micros: number, timeZone: string): number {
  if (isUtc(timeZone)) return micros;
  return micros + zoneOffsetMs(timeZone, Math.floor(micros / 1000)) * 1000;
}

/**
 * Instant (µs) of a local wall-clock time (µs as if UTC) in `timeZone`, resolving
 * gaps and overlaps like Java's `ZonedDateTime.of`: an overlap takes the earlier
 * offset, a time in a gap is moved later by the gap's length.
 */
export function localMicrosToUtc(localMicros: number, timeZone: string): number {
  if (isUtc(timeZone)) return localMicros;
  const localMs = Math.floor(localMicros / 1000);
  const window = 14 * 3600 * 1000;
  const before = zoneOffsetMs(timeZone, localMs - window);
  const after = zoneOffsetMs(timeZone, localMs + window);
  const candidates: number[] = [];
  for (const o of before === after ? [before] : [before, after]) {
    if (zoneOffsetMs(timeZone, localMs - o) === o) candidates.push(localMicros - o * 1000);
  }
  if (candidates.length === 0) {
    // Not near a transition of the sampled offsets: use the offset at the naive instant.
    const o = zoneOffsetMs(timeZone, localMs - zoneOffsetMs(timeZone, localMs));
    if (zoneOffsetMs(timeZone, localMs - o) === o) return localMicros - o * 1000;
    return localMicros - before * 1000; // gap: shift forward by the gap length
  }
  return Math.min(...candidates);
}
