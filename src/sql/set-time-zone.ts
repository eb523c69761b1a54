/**
 * `SET TIME ZONE LOCAL | '<zone id>' | INTERVAL ...`: sets spark.sql.session.timeZone, as Spark
 * does. LOCAL is the system zone; an interval must be a whole number of seconds within ±18
 * hours and becomes a zone offset id (`+10:00`, `+15:40:32`, `Z`); anything else is an invalid
 * displacement. The zone id itself is checked when the setting is made (conf.ts).
 */
import { CONF, systemTimeZone } from '../session/conf.js';
import { DayTimeIntervalType } from '../types/data-types.js';
import type { CommandAst } from './ast.js';
import { sqlParseError } from './errors.js';
import { expression } from './parse-operators.js';
import type { SqlParser } from './parser.js';

const MICROS_PER_SECOND = 1_000_000n;
const MAX_OFFSET_SECONDS = 18n * 3600n;

/** Java's ZoneOffset id for a number of seconds: `Z`, `+hh:mm` or `+hh:mm:ss`. */
function offsetId(seconds: number): string {
  if (seconds === 0) return 'Z';
  const abs = Math.abs(seconds);
  const two = (n: number): string => String(n).padStart(2, '0');
  const [h, m, s] = [Math.floor(abs / 3600), Math.floor(abs / 60) % 60, abs % 60];
  return `${seconds < 0 ? '-' : '+'}${two(h)}:${two(m)}${s ? `:${two(s)}` : ''}`;
}

/** After `SET` (at `setStart`), with the parser on `TIME ZONE`. */
export function setTimeZone(p: SqlParser, setStart: number): CommandAst {
  p.expectKw('TIME');
  p.expectKw('ZONE');
  const set = (value: string): CommandAst => {
    p.expectEnd();
    return { kind: 'set', key: CONF.timeZone, value };
  };
  if (p.acceptKw('LOCAL')) return set(systemTimeZone());
  if (p.cur.kind === 'string' && p.peek().kind === 'eof') return set(p.tokens[p.pos++]!.value);
  if (p.isKw('INTERVAL')) {
    const at = p.cur.start;
    const e = expression(p);
    if (e.kind === 'Literal' && e.dataType instanceof DayTimeIntervalType && e.value !== null) {
      const micros = BigInt(e.value as bigint | number);
      const abs = micros < 0n ? -micros : micros;
      if (abs % MICROS_PER_SECOND === 0n && abs / MICROS_PER_SECOND <= MAX_OFFSET_SECONDS) return set(offsetId(Number(micros / MICROS_PER_SECOND)));
    }
    throw sqlParseError(p.src, at, '_LEGACY_ERROR_TEMP_0044', 'The interval value must be in the range of [-18, +18] hours with second precision.', {});
  }
  throw sqlParseError(p.src, setStart, '_LEGACY_ERROR_TEMP_0045', 'Invalid time zone displacement value.', {});
}
