/**
 * Spark 3 refuses the narrow (5-letter) text styles of G, M, L, E (which SimpleDateFormat read
 * differently) with INCONSISTENT_BEHAVIOR_CROSS_VERSION.DATETIME_PATTERN_RECOGNITION, in parsing,
 * formatting and the JSON/CSV date options alike; 5-letter Q is a plain IllegalArgumentException.
 * Every expectation checked against Spark 3.5.7.
 */
import { describe, expect, it } from 'vitest';
import { forEachBackend } from '../helpers/backends.js';
import { errorOf, rows } from '../helpers/sql-errors.js';

const recognition = (pattern: string) => ({
  errorClass: 'INCONSISTENT_BEHAVIOR_CROSS_VERSION.DATETIME_PATTERN_RECOGNITION',
  message: expect.stringContaining(`Fail to recognize '${pattern}' pattern in the DateTimeFormatter.`),
});

describe('datetime patterns', () => {
  forEachBackend('narrow text styles', (session) => {
    const cases: [string, string][] = [
      ["SELECT to_date('26/October/2015', 'dd/MMMMM/yyyy')", 'dd/MMMMM/yyyy'],
      ["SELECT to_timestamp('2019-10-06 A', 'yyyy-MM-dd GGGGG')", 'yyyy-MM-dd GGGGG'],
      ["SELECT to_date('Mon 2019', 'EEEEE yyyy')", 'EEEEE yyyy'],
      ["SELECT date_format(timestamp '2020-01-01 00:00:00', 'MMMMM')", 'MMMMM'],
      ["SELECT date_format(timestamp '2020-01-01 00:00:00', 'LLLLL')", 'LLLLL'],
      // Adjacent SQL string literals concatenate: the pattern is `yyyy MMMMM`.
      ["SELECT date_format(timestamp '2020-01-01 00:00:00', 'yyyy ''MMMMM''')", 'yyyy MMMMM'],
      ["SELECT from_csv('26/October/2015', 'd date', map('dateFormat', 'dd/MMMMM/yyyy'))", 'dd/MMMMM/yyyy'],
      [`SELECT from_json('{"d":"26/October/2015"}', 'd date', map('dateFormat', 'dd/MMMMM/yyyy'))`, 'dd/MMMMM/yyyy'],
    ];
    for (const [q, pattern] of cases) {
      it(`are refused: ${q}`, () => {
        expect(errorOf(() => session().sql(q).collect())).toMatchObject(recognition(pattern));
      });
    }

    it('five Qs are too many letters; four-letter text styles format in full', () => {
      const spark = session();
      expect(errorOf(() => spark.sql("SELECT date_format(timestamp '2020-01-01 00:00:00', 'QQQQQ')").collect())).toMatchObject({
        message: expect.stringContaining('Too many pattern letters: Q'),
      });
      expect(rows(spark, "SELECT date_format(timestamp '2020-01-01 00:00:00', 'MMMM LLLL EEEE GGGG QQQQ')")).toEqual([
        ['January January Wednesday Anno Domini 1st quarter'],
      ]);
      // Quoted text is not a pattern letter run.
      expect(rows(spark, "SELECT date_format(timestamp '2020-01-01 00:00:00', 'yyyy \\'EEEEE\\' MM')")).toEqual([['2020 EEEEE 01']]);
    });
  });

  forEachBackend('unparsable text without ANSI', (session) => {
    it('is NULL unless the legacy parser would take it (optional sections are literal brackets there)', () => {
      const spark = session();
      expect(
        rows(
          spark,
          "SELECT to_timestamp('2019-10-06 10:11:12.1234567PST', 'yyyy-MM-dd HH:mm:ss.SSSSSS[zzz]'), " +
            "to_timestamp('12.1232019-10-06S10:11', 'ss.SSSSyyyy-MM-dd''S''HH:mm'), " +
            "to_timestamp('2019-10-06 10:11', 'yyyy-MM-dd HH:mm:ss'), to_timestamp('2019-10-06 10:11:12.123x', 'yyyy-MM-dd HH:mm:ss[.SSS]')",
        ),
      ).toEqual([[null, null, null, null]]);
    });

    it('raises PARSE_DATETIME_BY_NEW_PARSER for text the legacy parser accepts', () => {
      const spark = session();
      for (const [text, pattern] of [
        ['2019-10-06 10:11:12 x', 'yyyy-MM-dd HH:mm:ss'],
        ['2019-10-06 10:11:12.12', 'yyyy-MM-dd HH:mm:ss.S'],
        ['2019-10-06 10:11:12[.123]x', 'yyyy-MM-dd HH:mm:ss[.SSS]'],
      ]) {
        expect(errorOf(() => spark.sql(`SELECT to_timestamp('${text}', '${pattern}')`).collect())).toMatchObject({
          errorClass: 'INCONSISTENT_BEHAVIOR_CROSS_VERSION.PARSE_DATETIME_BY_NEW_PARSER',
          message: expect.stringContaining(`Fail to parse '${text}' in the new parser.`),
        });
      }
    });
  });

  forEachBackend('unparsable text under ANSI', (session) => {
    it('raises CANNOT_PARSE_TIMESTAMP with java.time\'s reason', () => {
      const spark = session();
      spark.conf.set('spark.sql.ansi.enabled', 'true');
      const cases: [string, string, string][] = [
        ['2019-10-06 10:11', 'yyyy-MM-dd HH:mm:ss', 'could not be parsed at index 16'],
        ['2019-10-06 10:11:12.1234567PST', 'yyyy-MM-dd HH:mm:ss.SSSSSS[zzz]', 'could not be parsed, unparsed text found at index 26'],
        ['2019-10-06 10:11:12.123x', 'yyyy-MM-dd HH:mm:ss[.SSS]', 'could not be parsed, unparsed text found at index 23'],
      ];
      for (const [text, pattern, reason] of cases) {
        expect(errorOf(() => spark.sql(`SELECT to_timestamp('${text}', '${pattern}')`).collect())).toMatchObject({
          errorClass: 'CANNOT_PARSE_TIMESTAMP',
          message: expect.stringContaining(`Text '${text}' ${reason}. If necessary set "spark.sql.ansi.enabled" to "false" to bypass this error.`),
        });
      }
    });
  });
});
