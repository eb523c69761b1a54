/**
 * Zone names of the pattern letters `z` (specific: standard or daylight) and
 * `v` (generic), as java.time prints them in Spark 3.5.7 ("CEST", "Central
 * European Summer Time", "CET", "Central European Time"). Names come from the
 * table recorded from Spark (java-zone-names-data.ts); fixed offsets print
 * their offset.
 */
import { NotImplementedException } from '../../../errors/index.js';
import { civilFromDays, daysFromCivil, MICROS_PER_DAY, offsetSecondsAt, type Zone } from './datetime.js';
import { JAVA_ZONE_NAMES } from './java-zone-names-data.js';

interface ZoneNames {
  readonly generic: readonly [string, string];
  readonly standard?: readonly [string, string];
  readonly daylight?: readonly [string, string];
}

let table: Map<string, ZoneNames> | undefined;
function javaNames(id: string): ZoneNames | undefined {
  if (!table) {
    table = new Map();
    for (const line of JAVA_ZONE_NAMES.split('\n')) {
      if (!line) continue;
      const [names, ids] = line.split('\t') as [string, string];
      const n = names.split('|');
      const entry: ZoneNames = {
        generic: [n[0]!, n[1]!],
        ...(n.length >= 4 ? { standard: [n[2]!, n[3]!] as const } : {}),
        ...(n.length >= 6 ? { daylight: [n[4]!, n[5]!] as const } : {}),
      };
      for (const zoneId of ids.split(',')) table.set(zoneId, entry);
    }
  }
  return table.get(id);
}

/**
 * Whether daylight time is in force at an instant: its offset exceeds the year's
 * smaller offset (January's or July's), the standard one in java.time's data
 * everywhere but zones with a permanent or negative daylight shift.
 */
function inDaylightTime(zone: Zone, micros: number): boolean {
  const [year] = civilFromDays(Math.floor(micros / MICROS_PER_DAY));
  const at = (month: number): number => offsetSecondsAt(daysFromCivil(year, month, 1) * MICROS_PER_DAY, zone);
  return offsetSecondsAt(micros, zone) > Math.min(at(1), at(7));
}

/** The offset text java.time prints as the name of a fixed-offset zone (`+05:00`, `-03:30:15`). */
function offsetId(seconds: number): string {
  const abs = Math.abs(seconds);
  const two = (n: number): string => String(n).padStart(2, '0');
  const s = abs % 60;
  return `${seconds < 0 ? '-' : '+'}${two(Math.floor(abs / 3600))}:${two(Math.floor((abs % 3600) / 60))}${s ? `:${two(s)}` : ''}`;
}

/** A fixed zone is named by its id as java.time normalizes it: `Z`, `UT`, `+05:00`, `UTC+05:00`, `GMT-03:30`. */
function fixedZoneName(id: string, offset: number): string {
  if (id === 'Z' || id === 'UT') return id;
  const prefix = /^(UTC|GMT|UT)[+-]/i.exec(id);
  return prefix && offset !== 0 ? prefix[1]!.toUpperCase() + offsetId(offset) : offsetId(offset);
}

const notRecorded = (zone: Zone, generic: boolean): NotImplementedException =>
  new NotImplementedException(`the ${generic ? "generic name (pattern letter 'v')" : "name (pattern letter 'z')"} of time zone '${zone.id}'`);

/** The name `z`/`zzzz` (specific) or `v`/`vvvv` (generic) prints for `zone` at the UTC instant `micros`. */
export function zoneName(zone: Zone, micros: number, long: boolean, generic: boolean): string {
  const names = javaNames(zone.id);
  if (!names) {
    if (zone.fixedOffset !== undefined) return fixedZoneName(zone.id, zone.fixedOffset);
    throw notRecorded(zone, generic);
  }
  if (generic) return names.generic[long ? 1 : 0];
  const specific = names.daylight && inDaylightTime(zone, micros) ? names.daylight : names.standard;
  if (!specific) throw notRecorded(zone, generic);
  return specific[long ? 1 : 0];
}

