/**
 * Spark's check of its default spark.sql.legacy.timeParserPolicy (EXCEPTION) around the
 * java.time-style parser of datetime-pattern-parse.ts: a model of Spark 2's
 * SimpleDateFormat parsing, to tell text only the old parser reads (the upgrade error)
 * from text neither reads (NULL).
 */
import { SparkUpgradeException } from '../../../errors/runtime-exceptions.js';
import { daysFromCivil, daysInMonth } from './datetime.js';
import { DAYS, legacyKnowsLetter, MONTHS, tokenize, type Token } from './datetime-format.js';
import { isNumericField, parseDateTime, scanDateTime, type ParsedDateTime } from './datetime-pattern-parse.js';

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
