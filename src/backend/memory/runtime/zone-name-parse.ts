/**
 * Reading a zone name where a pattern has `z`/`zzzz` or `v`/`vvvv` (`to_timestamp('2020 CEST',
 * 'yyyy z')`). java.time looks the text up among every zone's names of that length (short:
 * standard, daylight and generic; long likewise) and takes the longest match; the zone it then
 * uses is one of the zones carrying that name, and its rules (not the name's own offset) give the
 * offset, so 'CEST' in January reads as +01:00. Which of several zones java.time picks depends
 * on its internal ordering, so here a name is accepted when all its zones agree on the offset at
 * the time read, and raises NotImplementedException when they do not (`IST`: India, Israel, Ireland).
 */
import { NotImplementedException } from '../../../errors/index.js';
import { tryGetZone, type Zone } from './datetime.js';
import { JAVA_ZONE_NAMES } from './java-zone-names-data.js';

/** Lower-cased name → the zone ids carrying it, for short (`z`, `v`) and long (`zzzz`, `vvvv`) names. */
let names: { short: Map<string, string[]>; long: Map<string, string[]> } | undefined;

function nameTables(): { short: Map<string, string[]>; long: Map<string, string[]> } {
  if (names) return names;
  const short = new Map<string, string[]>();
  const long = new Map<string, string[]>();
  for (const line of JAVA_ZONE_NAMES.split('\n')) {
    if (!line) continue;
    const [text, ids] = line.split('\t') as [string, string];
    // generic short|generic long|standard short|standard long|daylight short|daylight long
    text.split('|').forEach((name, i) => {
      const table = i % 2 === 0 ? short : long;
      const key = name.toLowerCase();
      const list = table.get(key) ?? [];
      for (const id of ids.split(',')) if (!list.includes(id)) list.push(id);
      table.set(key, list);
    });
  }
  return (names = { short, long });
}

/** The longest zone name (of the given length style) that `text` starts with, and its zone. */
export function zoneByName(text: string, long: boolean): { zone: Zone; length: number } | undefined {
  const table = long ? nameTables().long : nameTables().short;
  const lower = text.toLowerCase();
  let best: string | undefined;
  for (const name of table.keys()) if (lower.startsWith(name) && (best === undefined || name.length > best.length)) best = name;
  if (best === undefined) return undefined;
  const zones = table.get(best)!.map(tryGetZone).filter((z): z is Zone => z !== undefined);
  if (zones.length === 0) return undefined;
  const written = text.slice(0, best.length);
  const zone: Zone = {
    id: zones[0]!.id,
    offsetAt(epochSeconds: number): number {
      const offset = zones[0]!.offsetAt(epochSeconds);
      if (zones.some((z) => z.offsetAt(epochSeconds) !== offset)) {
        throw new NotImplementedException(
          `parsing the zone name '${written}' (java.time reads it as one of ${zones.map((z) => z.id).join(', ')}, whose offsets differ at this time)`,
        );
      }
      return offset;
    },
  };
  return { zone, length: best.length };
}
