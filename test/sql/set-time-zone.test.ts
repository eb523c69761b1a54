/**
 * SET TIME ZONE sets spark.sql.session.timeZone (it was read as a lookup of a key named
 * "TIME ZONE ..."): a zone id, LOCAL, or an interval of whole seconds within ±18 hours given as
 * an offset id. An unknown zone is refused when set. Checked on Spark 3.5.7.
 */
import { expect, it } from 'vitest';
import { forEachBackend } from '../helpers/backends.js';
import { errorOf, rows } from '../helpers/sql-errors.js';

const EPOCH = 'SELECT cast(timestamp_seconds(0) AS string)';

forEachBackend('SET TIME ZONE', (session) => {
  it('a zone id or an interval sets the session time zone, shown as Spark shows it', () => {
    const spark = session();
    expect(rows(spark, "SET TIME ZONE '+05:30'")).toEqual([['spark.sql.session.timeZone', '+05:30']]);
    expect(rows(spark, EPOCH)).toEqual([['1970-01-01 05:30:00']]);
    expect(rows(spark, 'SET TIME ZONE INTERVAL -8 HOURS')).toEqual([['spark.sql.session.timeZone', '-08:00']]);
    expect(rows(spark, EPOCH)).toEqual([['1969-12-31 16:00:00']]);
    expect(rows(spark, "SET TIME ZONE INTERVAL '15:40:32' HOUR TO SECOND")).toEqual([['spark.sql.session.timeZone', '+15:40:32']]);
    expect(rows(spark, 'SET TIME ZONE INTERVAL 0 HOURS')).toEqual([['spark.sql.session.timeZone', 'Z']]);
    expect(rows(spark, "SET TIME ZONE 'Asia/Hong_Kong'")).toEqual([['spark.sql.session.timeZone', 'Asia/Hong_Kong']]);
    expect(rows(spark, EPOCH)).toEqual([['1970-01-01 08:00:00']]);
  });

  it('out-of-range intervals, other words and unknown zones fail as in Spark', () => {
    const spark = session();
    for (const q of ['SET TIME ZONE INTERVAL 19 HOURS', 'SET TIME ZONE INTERVAL 3 MONTHS', "SET TIME ZONE INTERVAL '1 02:03' DAY TO MINUTE"]) {
      const e = errorOf(() => spark.sql(q), q);
      expect(e.name, q).toBe('ParseException');
      expect(e.message, q).toContain('The interval value must be in the range of [-18, +18] hours with second precision.(line 1, pos 14)');
    }
    const all = errorOf(() => spark.sql('SET TIME ZONE ALL'));
    expect(all.name).toBe('ParseException');
    expect(all.message).toContain('Invalid time zone displacement value.(line 1, pos 0)');
    for (const q of ["SET TIME ZONE 'invalid/zone'", 'SET spark.sql.session.timeZone=invalid/zone']) {
      const e = errorOf(() => spark.sql(q), q);
      expect(e.name, q).toBe('IllegalArgumentException');
      expect(e.message, q).toContain("'invalid/zone' in spark.sql.session.timeZone is invalid. Cannot resolve the given timezone with ZoneId.of(_, ZoneId.SHORT_IDS)");
    }
    expect(spark.conf.get('spark.sql.session.timeZone')).toBe('UTC');
  });
});
