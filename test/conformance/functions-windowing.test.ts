/**
 * Time windows: window (tumbling and sliding), session_window (literal and
 * per-row gaps) and window_time, from SQL and the DataFrame API. Rows, names,
 * schemas and nullability as Spark 3.5.7 gives them (checked with the live
 * server; the session time zone is UTC in these sessions).
 */
import { expect, it } from 'vitest';
import { F } from '../../src/index.js';
import { analyzed, forEachBackend } from '../helpers/backends.js';

type DF = ReturnType<ReturnType<Parameters<Parameters<typeof forEachBackend>[1]>[0]>['sql']>;

const schemaOf = (df: DF) => df.schema.fields.map((f) => `${f.name}:${f.dataType.simpleString()}:${f.nullable}`);
/** The cells of show()'s data lines. */
const rowsOf = (df: DF) =>
  df
    .showString(100, 0)
    .split('\n')
    .filter((l) => l.startsWith('|'))
    .slice(1)
    .map((l) => l.split('|').slice(1, -1).map((x) => x.trim()));

const EVENTS = `VALUES (TIMESTAMP'2021-01-01 00:00:00', 1), (TIMESTAMP'2021-01-01 00:05:00', 1), (TIMESTAMP'2021-01-01 00:09:00', 1),
  (TIMESTAMP'2021-01-01 00:20:00', 1), (TIMESTAMP'2021-01-01 00:01:00', 2), (NULL, 1) AS t(ts, k)`;

forEachBackend('time windows', (session) => {
  it('tumbling window: rows with a null time dropped, the column NOT NULL and named window', () => {
    const df = session().sql("SELECT window(ts, '5 minutes') FROM VALUES (TIMESTAMP'2021-01-01 00:00:07'), (NULL) AS t(ts)");
    expect(schemaOf(df)).toEqual(['window:struct<start:timestamp,end:timestamp>:false']);
    expect(rowsOf(df)).toEqual([['{2021-01-01 00:00:00, 2021-01-01 00:05:00}']]);
    const start = session().sql("SELECT window(ts, '5 minutes').start FROM VALUES (TIMESTAMP'2021-01-01 00:00:07') AS t(ts)");
    expect(schemaOf(start)).toEqual(['window.start:timestamp:true']);
    expect(rowsOf(start)).toEqual([['2021-01-01 00:00:00']]);
    // Windows before 1970 are aligned on the epoch as well.
    const g = session().sql(
      "SELECT window(ts, '5 minutes') AS w, count(*) FROM VALUES (TIMESTAMP'2021-01-01 00:00:07'), (TIMESTAMP'1969-12-31 23:59:58'), (NULL) AS t(ts) GROUP BY 1 ORDER BY 1",
    );
    expect(schemaOf(g)).toEqual(['w:struct<start:timestamp,end:timestamp>:false', 'count(1):bigint:false']);
    expect(rowsOf(g)).toEqual([
      ['{1969-12-31 23:55:00, 1970-01-01 00:00:00}', '1'],
      ['{2021-01-01 00:00:00, 2021-01-01 00:05:00}', '1'],
    ]);
  });

  it('sliding window: each row in every window holding it, latest first; the column nullable', () => {
    const df = session().sql("SELECT window(ts, '10 minutes', '5 minutes') FROM VALUES (TIMESTAMP'2021-01-01 00:00:07'), (NULL) AS t(ts)");
    expect(schemaOf(df)).toEqual(['window:struct<start:timestamp,end:timestamp>:true']);
    expect(rowsOf(df)).toEqual([['{2021-01-01 00:00:00, 2021-01-01 00:10:00}'], ['{2020-12-31 23:55:00, 2021-01-01 00:05:00}']]);
    // startTime shifts the windows; a slide that does not divide the window leaves some windows out.
    const shifted = session().sql(
      "SELECT window(ts, '10 minutes', '4 minutes', '1 minute') AS w, ts FROM VALUES (TIMESTAMP'1969-12-31 23:59:58'), (TIMESTAMP_NTZ'2021-01-01 00:00:07') AS t(ts)",
    );
    expect(rowsOf(shifted)).toEqual([
      ['{1969-12-31 23:57:00, 1970-01-01 00:07:00}', '1969-12-31 23:59:58'],
      ['{1969-12-31 23:53:00, 1970-01-01 00:03:00}', '1969-12-31 23:59:58'],
      ['{2020-12-31 23:57:00, 2021-01-01 00:07:00}', '2021-01-01 00:00:07'],
      ['{2020-12-31 23:53:00, 2021-01-01 00:03:00}', '2021-01-01 00:00:07'],
    ]);
    const grouped = session().sql(
      "SELECT window(ts, '10 minutes', '5 minutes', '2 minutes') AS w, count(*) FROM VALUES (TIMESTAMP'2021-01-01 00:00:07'), (TIMESTAMP'2021-01-01 00:06:07'), (NULL) AS t(ts) GROUP BY 1 ORDER BY 1",
    );
    expect(schemaOf(grouped)).toEqual(['w:struct<start:timestamp,end:timestamp>:true', 'count(1):bigint:false']);
    expect(rowsOf(grouped)).toEqual([
      ['{2020-12-31 23:52:00, 2021-01-01 00:02:00}', '1'],
      ['{2020-12-31 23:57:00, 2021-01-01 00:07:00}', '2'],
      ['{2021-01-01 00:02:00, 2021-01-01 00:12:00}', '1'],
    ]);
  });

  it('a window in a filter expands the rows as in a projection', () => {
    const df = session().sql(
      "SELECT ts FROM VALUES (TIMESTAMP'2021-01-01 00:00:07'), (TIMESTAMP'2021-01-01 00:07:00'), (NULL) AS t(ts) WHERE window(ts, '10 minutes', '5 minutes').start >= TIMESTAMP'2021-01-01 00:00:00'",
    );
    expect(schemaOf(df)).toEqual(['ts:timestamp:true']);
    expect(rowsOf(df)).toEqual([['2021-01-01 00:00:07'], ['2021-01-01 00:07:00'], ['2021-01-01 00:07:00']]);
  });

  it('window over TIMESTAMP_NTZ and from the DataFrame API, grouped with other keys', () => {
    const df = session().createDataFrame(
      [
        { t: '2021-01-01 00:01:00', k: 'a', n: 1 },
        { t: '2021-01-01 00:04:00', k: 'a', n: 2 },
        { t: '2021-01-01 00:06:00', k: 'b', n: 4 },
        { t: null, k: 'a', n: 8 },
      ],
      't STRING, k STRING, n INT',
    ).select(F.to_timestamp_ntz('t').alias('t'), 'k', 'n');
    const g = df.groupBy(F.window('t', '4 minutes', '2 minutes'), 'k').agg(F.sum('n')).orderBy('window', 'k');
    expect(g.columns).toEqual(['window', 'k', 'sum(n)']);
    expect(schemaOf(g)).toEqual(['window:struct<start:timestamp_ntz,end:timestamp_ntz>:true', 'k:string:true', 'sum(n):bigint:true']);
    expect(rowsOf(g)).toEqual([
      ['{2020-12-31 23:58:00, 2021-01-01 00:02:00}', 'a', '1'],
      ['{2021-01-01 00:00:00, 2021-01-01 00:04:00}', 'a', '1'],
      ['{2021-01-01 00:02:00, 2021-01-01 00:06:00}', 'a', '2'],
      ['{2021-01-01 00:04:00, 2021-01-01 00:08:00}', 'a', '2'],
      ['{2021-01-01 00:04:00, 2021-01-01 00:08:00}', 'b', '4'],
      ['{2021-01-01 00:06:00, 2021-01-01 00:10:00}', 'b', '4'],
    ]);
  });

  it('window_time: the end minus one microsecond, only of a window column', () => {
    const df = session().sql(
      "SELECT window_time(window) FROM (SELECT window(ts, '5 minutes') AS window FROM VALUES (TIMESTAMP'2021-01-01 00:00:07') AS t(ts))",
    );
    expect(schemaOf(df)).toEqual(['window_time(window):timestamp:true']);
    expect(rowsOf(df)).toEqual([['2021-01-01 00:04:59.999999']]);
    const ntz = session().sql(
      "SELECT window_time(w), w FROM (SELECT session_window(ts, '5 minutes') AS w FROM VALUES (TIMESTAMP_NTZ'2021-01-01 00:00:07') AS t(ts))",
    );
    expect(schemaOf(ntz)).toEqual(['window_time(w):timestamp_ntz:true', 'w:struct<start:timestamp_ntz,end:timestamp_ntz>:false']);
    expect(rowsOf(ntz)).toEqual([['2021-01-01 00:05:06.999999', '{2021-01-01 00:00:07, 2021-01-01 00:05:07}']]);
    const api = session()
      .createDataFrame([{ t: new Date('2021-01-01T00:00:07Z') }], 't TIMESTAMP')
      .groupBy(F.window('t', '1 minute'))
      .count()
      .select(F.window_time('window'));
    expect(api.columns).toEqual(['window_time(window)']);
    expect(rowsOf(api)).toEqual([['2021-01-01 00:00:59.999999']]);
    expect(() => analyzed(session().sql("SELECT window_time(ts) FROM VALUES (TIMESTAMP'2021-01-01 00:00:07') AS t(ts)"))).toThrow(
      'Parameter 1 requires the "STRUCT" type, however "ts" has the type "TIMESTAMP"',
    );
    expect(() => analyzed(session().sql("SELECT window_time(named_struct('start', ts, 'end', ts)) FROM VALUES (TIMESTAMP'2021-01-01 00:00:07') AS t(ts)"))).toThrow(
      'The input is not a correct window column: window_time(named_struct(',
    );
  });

  it('session_window in a plain select: each row its own session, bad gaps dropped', () => {
    const df = session().sql("SELECT session_window(ts, '5 minutes') FROM VALUES (TIMESTAMP'2021-01-01 00:00:07') AS t(ts)");
    expect(schemaOf(df)).toEqual(['session_window:struct<start:timestamp,end:timestamp>:false']);
    expect(rowsOf(df)).toEqual([['{2021-01-01 00:00:07, 2021-01-01 00:05:07}']]);
    const dynamic = session().sql(
      "SELECT session_window(ts, CASE WHEN k = 1 THEN '5 minutes' WHEN k = 2 THEN '-1 minute' ELSE NULL END) AS w, k FROM VALUES (TIMESTAMP'2021-01-01 00:00:00', 1), (TIMESTAMP'2021-01-01 00:01:00', 2), (TIMESTAMP'2021-01-01 00:01:00', 3) AS t(ts, k)",
    );
    expect(schemaOf(dynamic)).toEqual(['w:struct<start:timestamp,end:timestamp>:false', 'k:int:false']);
    expect(rowsOf(dynamic)).toEqual([['{2021-01-01 00:00:00, 2021-01-01 00:05:00}', '1']]);
    expect(rowsOf(session().sql("SELECT session_window(ts, '0 minutes') FROM VALUES (TIMESTAMP'2021-01-01 00:00:07') AS t(ts)"))).toEqual([]);
    // Months and days of the gap go on the calendar (31 January + 1 month is 28 February).
    const gapEnd = (gap: string) =>
      rowsOf(session().sql(`SELECT session_window(ts, ${gap}).end FROM VALUES (TIMESTAMP'2021-01-31 00:00:07') AS t(ts)`))[0];
    expect(gapEnd("'1 month'")).toEqual(['2021-02-28 00:00:07']);
    expect(gapEnd('make_interval(0, 1)')).toEqual(['2021-02-28 00:00:07']);
    expect(gapEnd("'1 day 2 hours'")).toEqual(['2021-02-01 02:00:07']);
  });

  it('session_window grouped: sessions of each key merged when the next starts by the current end', () => {
    const df = session().sql(`SELECT session_window(ts, '5 minutes') AS w, k, count(*) AS n, collect_list(ts) AS l FROM ${EVENTS} GROUP BY 1, 2 ORDER BY 2, 1`);
    expect(schemaOf(df)).toEqual([
      'w:struct<start:timestamp,end:timestamp>:false',
      'k:int:false',
      'n:bigint:false',
      'l:array<timestamp>:false',
    ]);
    expect(rowsOf(df)).toEqual([
      ['{2021-01-01 00:00:00, 2021-01-01 00:14:00}', '1', '3', '[2021-01-01 00:00:00, 2021-01-01 00:05:00, 2021-01-01 00:09:00]'],
      ['{2021-01-01 00:20:00, 2021-01-01 00:25:00}', '1', '1', '[2021-01-01 00:20:00]'],
      ['{2021-01-01 00:01:00, 2021-01-01 00:06:00}', '2', '1', '[2021-01-01 00:01:00]'],
    ]);
    // A per-row gap: a session ends at the latest end of its rows; an unparsable gap drops the row.
    const dynamic = session().sql(
      "SELECT session_window(ts, gap) AS w, count(*) FROM VALUES (TIMESTAMP'2021-01-01 00:00:00', '10 minutes'), (TIMESTAMP'2021-01-01 00:08:00', '1 minute'), (TIMESTAMP'2021-01-01 00:30:00', 'bogus') AS t(ts, gap) GROUP BY 1",
    );
    expect(rowsOf(dynamic)).toEqual([['{2021-01-01 00:00:00, 2021-01-01 00:10:00}', '2']]);
  });

  it('session_window from the DataFrame API, with a literal and a Column gap', () => {
    const df = session().createDataFrame(
      [
        { ts: new Date('2021-01-01T00:00:00Z'), k: 'a', v: 1 },
        { ts: new Date('2021-01-01T00:04:00Z'), k: 'a', v: 2 },
        { ts: new Date('2021-01-01T00:04:00Z'), k: 'b', v: 4 },
        { ts: new Date('2021-01-01T00:30:00Z'), k: 'a', v: 8 },
      ],
      'ts TIMESTAMP, k STRING, v INT',
    );
    const g = df.groupBy(F.session_window('ts', '5 minutes'), 'k').agg(F.sum('v')).orderBy('k', 'session_window');
    expect(schemaOf(g)).toEqual(['session_window:struct<start:timestamp,end:timestamp>:false', 'k:string:true', 'sum(v):bigint:true']);
    expect(rowsOf(g)).toEqual([
      ['{2021-01-01 00:00:00, 2021-01-01 00:09:00}', 'a', '3'],
      ['{2021-01-01 00:30:00, 2021-01-01 00:35:00}', 'a', '8'],
      ['{2021-01-01 00:04:00, 2021-01-01 00:09:00}', 'b', '4'],
    ]);
    const gap = F.expr("CASE WHEN k = 'a' THEN '30 minutes' ELSE '1 minute' END");
    const dyn = df.groupBy(F.session_window('ts', gap)).agg(F.count('*')).orderBy('session_window');
    expect(dyn.columns).toEqual(['session_window', 'count(1)']);
    expect(rowsOf(dyn)).toEqual([['{2021-01-01 00:00:00, 2021-01-01 01:00:00}', '4']]);
  });

  it('errors: two different windows, a slide longer than the window, a calendar-length window, a bad gap type', () => {
    expect(() =>
      analyzed(session().sql("SELECT window(ts, '5 minutes'), window(ts, '10 minutes') FROM VALUES (TIMESTAMP'2021-01-01 00:00:07') AS t(ts)")),
    ).toThrow('Multiple time/session window expressions would result in a cartesian product of rows, therefore they are currently not supported.');
    expect(() => analyzed(session().sql("SELECT window(ts, '5 minutes', '10 minutes') FROM VALUES (TIMESTAMP'2021-01-01 00:00:07') AS t(ts)"))).toThrow(
      'The `slide_duration`(600000000L) must be <= the `window_duration`(300000000L).',
    );
    expect(() => analyzed(session().sql("SELECT window(ts, '1 month') FROM VALUES (TIMESTAMP'2021-01-01 00:00:07') AS t(ts)"))).toThrow(
      /^\[FAILED_FUNCTION_CALL\] Failed preparing of the function `window` for call\. Please, double check function's arguments\.(; line \d+ pos \d+)?$/,
    );
    expect(() => analyzed(session().sql("SELECT session_window(ts, 5) FROM VALUES (TIMESTAMP'2021-01-01 00:00:07') AS t(ts)"))).toThrow(
      'Gap duration expression used in session window must be CalendarIntervalType, but got IntegerType.',
    );
  });
});
