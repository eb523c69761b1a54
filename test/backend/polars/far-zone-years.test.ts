/**
 * Zone conversions from year 2100 on. Polars' zone tables (chrono-tz) list transitions up to
 * 2099 only, so summer instants from 2100 on got standard time (an hour off in New York) on the
 * default backend; Spark applies each zone's last rules forever. Also checked: far-past instants
 * (local mean time) and wall clocks in far-year DST gaps and overlaps. Expected values are Spark
 * 3.5.7's answers (session zone set per block).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { F, SparkSession } from '../../../src/index.js';
import { DATE, STRING, TIMESTAMP, TIMESTAMP_NTZ } from '../../../src/types/data-types.js';
import { alias, call, cast, project, ref, rel, runWithReport } from './helpers.js';

/** UTC seconds: 2026-06-30 03:00, 2100-06-30 03:00, 2100-01-01 02:00, 2199-11-03 05:30, 2558-04-15 02:14:14, 2800-07-15 12:00, 2437-03-29 01:30, 1800-07-01 12:00, 1200-03-01 00:00, 5000-10-10 10:10:10. */
const INSTANTS = [1782788400, 4118007600, 4102452000, 7253040600, 18564516854, 26209224000, 14744683800, -5348980800, -24293692800, 95641985410];

/** Wall clocks (timestamp_ntz) with DST gaps and overlaps of far years in the zones below. */
const WALLS = [
  '2300-03-11 02:30:00', '2300-11-04 01:30:00', '2777-03-13 02:30:00', '2777-11-06 01:30:00',
  '2300-03-25 02:30:00', '2300-10-28 02:30:00', '2777-03-27 02:30:00', '2777-10-30 02:30:00',
  '2300-03-25 01:30:00', '2300-10-28 01:30:00', '2300-10-07 02:30:00', '2300-04-01 02:30:00',
  '2777-10-02 02:30:00', '2777-04-03 02:30:00', '2300-07-01 12:00:00', '2300-01-15 12:00:00',
];
const wallMicros = (w: string): number => Date.parse(`${w.replace(' ', 'T')}Z`) * 1000;

/**
 * Spark's `CAST(t AS STRING)|hour|minute|dayofmonth|CAST(CAST(t AS DATE) AS STRING)|CAST(CAST(t AS
 * TIMESTAMP_NTZ) AS STRING)` per instant, and `unix_seconds(CAST(w AS TIMESTAMP))` per wall clock.
 */
const SPARK: Record<string, { parts: string[]; walls: number[] }> = {
  'America/New_York': {
    parts: [
      '2026-06-29 23:00:00|23|0|29|2026-06-29|2026-06-29 23:00:00',
      '2100-06-29 23:00:00|23|0|29|2100-06-29|2100-06-29 23:00:00',
      '2099-12-31 21:00:00|21|0|31|2099-12-31|2099-12-31 21:00:00',
      '2199-11-03 01:30:00|1|30|3|2199-11-03|2199-11-03 01:30:00',
      '2558-04-14 22:14:14|22|14|14|2558-04-14|2558-04-14 22:14:14',
      '2800-07-15 08:00:00|8|0|15|2800-07-15|2800-07-15 08:00:00',
      '2437-03-28 21:30:00|21|30|28|2437-03-28|2437-03-28 21:30:00',
      '1800-07-01 07:03:58|7|3|1|1800-07-01|1800-07-01 07:03:58',
      '1200-02-29 19:03:58|19|3|29|1200-02-29|1200-02-29 19:03:58',
      '5000-10-10 06:10:10|6|10|10|5000-10-10|5000-10-10 06:10:10',
    ],
    walls: [10419780600, 10440336600, 25472647800, 25493203800, 10420986600, 10439735400, 25473853800, 25492602600, 10420983000, 10439731800, 10437921000, 10421591400, 25490183400, 25474458600, 10429488000, 10415062800],
  },
  'Europe/London': {
    parts: [
      '2026-06-30 04:00:00|4|0|30|2026-06-30|2026-06-30 04:00:00',
      '2100-06-30 04:00:00|4|0|30|2100-06-30|2100-06-30 04:00:00',
      '2100-01-01 02:00:00|2|0|1|2100-01-01|2100-01-01 02:00:00',
      '2199-11-03 05:30:00|5|30|3|2199-11-03|2199-11-03 05:30:00',
      '2558-04-15 03:14:14|3|14|15|2558-04-15|2558-04-15 03:14:14',
      '2800-07-15 13:00:00|13|0|15|2800-07-15|2800-07-15 13:00:00',
      '2437-03-29 02:30:00|2|30|29|2437-03-29|2437-03-29 02:30:00',
      '1800-07-01 11:58:45|11|58|1|1800-07-01|1800-07-01 11:58:45',
      '1200-02-29 23:58:45|23|58|29|1200-02-29|1200-02-29 23:58:45',
      '5000-10-10 11:10:10|11|10|10|5000-10-10|5000-10-10 11:10:10',
    ],
    walls: [10419762600, 10440322200, 25472629800, 25493189400, 10420968600, 10439721000, 25473835800, 25492588200, 10420968600, 10439713800, 10437903000, 10421573400, 25490165400, 25474440600, 10429470000, 10415044800],
  },
  'Europe/Berlin': {
    parts: [
      '2026-06-30 05:00:00|5|0|30|2026-06-30|2026-06-30 05:00:00',
      '2100-06-30 05:00:00|5|0|30|2100-06-30|2100-06-30 05:00:00',
      '2100-01-01 03:00:00|3|0|1|2100-01-01|2100-01-01 03:00:00',
      '2199-11-03 06:30:00|6|30|3|2199-11-03|2199-11-03 06:30:00',
      '2558-04-15 04:14:14|4|14|15|2558-04-15|2558-04-15 04:14:14',
      '2800-07-15 14:00:00|14|0|15|2800-07-15|2800-07-15 14:00:00',
      '2437-03-29 03:30:00|3|30|29|2437-03-29|2437-03-29 03:30:00',
      '1800-07-01 12:53:28|12|53|1|1800-07-01|1800-07-01 12:53:28',
      '1200-03-01 00:53:28|0|53|1|1200-03-01|1200-03-01 00:53:28',
      '5000-10-10 12:10:10|12|10|10|5000-10-10|5000-10-10 12:10:10',
    ],
    walls: [10419759000, 10440318600, 25472626200, 25493185800, 10420968600, 10439713800, 25473835800, 25492581000, 10420965000, 10439710200, 10437899400, 10421569800, 25490161800, 25474437000, 10429466400, 10415041200],
  },
  'Australia/Sydney': {
    parts: [
      '2026-06-30 13:00:00|13|0|30|2026-06-30|2026-06-30 13:00:00',
      '2100-06-30 13:00:00|13|0|30|2100-06-30|2100-06-30 13:00:00',
      '2100-01-01 13:00:00|13|0|1|2100-01-01|2100-01-01 13:00:00',
      '2199-11-03 16:30:00|16|30|3|2199-11-03|2199-11-03 16:30:00',
      '2558-04-15 12:14:14|12|14|15|2558-04-15|2558-04-15 12:14:14',
      '2800-07-15 22:00:00|22|0|15|2800-07-15|2800-07-15 22:00:00',
      '2437-03-29 12:30:00|12|30|29|2437-03-29|2437-03-29 12:30:00',
      '1800-07-01 22:04:52|22|4|1|1800-07-01|1800-07-01 22:04:52',
      '1200-03-01 10:04:52|10|4|1|1200-03-01|1200-03-01 10:04:52',
      '5000-10-10 21:10:10|21|10|10|5000-10-10|5000-10-10 21:10:10',
    ],
    walls: [10419723000, 10440282600, 25472590200, 25493149800, 10420932600, 10439681400, 25473799800, 25492548600, 10420929000, 10439677800, 10437870600, 10421537400, 25490133000, 25474404600, 10429437600, 10415005200],
  },
  'America/Sao_Paulo': {
    parts: [
      '2026-06-30 00:00:00|0|0|30|2026-06-30|2026-06-30 00:00:00',
      '2100-06-30 00:00:00|0|0|30|2100-06-30|2100-06-30 00:00:00',
      '2099-12-31 23:00:00|23|0|31|2099-12-31|2099-12-31 23:00:00',
      '2199-11-03 02:30:00|2|30|3|2199-11-03|2199-11-03 02:30:00',
      '2558-04-14 23:14:14|23|14|14|2558-04-14|2558-04-14 23:14:14',
      '2800-07-15 09:00:00|9|0|15|2800-07-15|2800-07-15 09:00:00',
      '2437-03-28 22:30:00|22|30|28|2437-03-28|2437-03-28 22:30:00',
      '1800-07-01 08:53:32|8|53|1|1800-07-01|1800-07-01 08:53:32',
      '1200-02-29 20:53:32|20|53|29|1200-02-29|1200-02-29 20:53:32',
      '5000-10-10 07:10:10|7|10|10|5000-10-10|5000-10-10 07:10:10',
    ],
    walls: [10419773400, 10440333000, 25472640600, 25493200200, 10420983000, 10439731800, 25473850200, 25492599000, 10420979400, 10439728200, 10437917400, 10421587800, 25490179800, 25474455000, 10429484400, 10415055600],
  },
  'Asia/Kolkata': {
    parts: [
      '2026-06-30 08:30:00|8|30|30|2026-06-30|2026-06-30 08:30:00',
      '2100-06-30 08:30:00|8|30|30|2100-06-30|2100-06-30 08:30:00',
      '2100-01-01 07:30:00|7|30|1|2100-01-01|2100-01-01 07:30:00',
      '2199-11-03 11:00:00|11|0|3|2199-11-03|2199-11-03 11:00:00',
      '2558-04-15 07:44:14|7|44|15|2558-04-15|2558-04-15 07:44:14',
      '2800-07-15 17:30:00|17|30|15|2800-07-15|2800-07-15 17:30:00',
      '2437-03-29 07:00:00|7|0|29|2437-03-29|2437-03-29 07:00:00',
      '1800-07-01 17:53:28|17|53|1|1800-07-01|1800-07-01 17:53:28',
      '1200-03-01 05:53:28|5|53|1|1200-03-01|1200-03-01 05:53:28',
      '5000-10-10 15:40:10|15|40|10|5000-10-10|5000-10-10 15:40:10',
    ],
    walls: [10419742800, 10440302400, 25472610000, 25493169600, 10420952400, 10439701200, 25473819600, 25492568400, 10420948800, 10439697600, 10437886800, 10421557200, 25490149200, 25474424400, 10429453800, 10415025000],
  },
  'Africa/Cairo': {
    parts: [
      '2026-06-30 06:00:00|6|0|30|2026-06-30|2026-06-30 06:00:00',
      '2100-06-30 06:00:00|6|0|30|2100-06-30|2100-06-30 06:00:00',
      '2100-01-01 04:00:00|4|0|1|2100-01-01|2100-01-01 04:00:00',
      '2199-11-03 07:30:00|7|30|3|2199-11-03|2199-11-03 07:30:00',
      '2558-04-15 04:14:14|4|14|15|2558-04-15|2558-04-15 04:14:14',
      '2800-07-15 15:00:00|15|0|15|2800-07-15|2800-07-15 15:00:00',
      '2437-03-29 03:30:00|3|30|29|2437-03-29|2437-03-29 03:30:00',
      '1800-07-01 14:05:09|14|5|1|1800-07-01|1800-07-01 14:05:09',
      '1200-03-01 02:05:09|2|5|1|1200-03-01|1200-03-01 02:05:09',
      '5000-10-10 13:10:10|13|10|10|5000-10-10|5000-10-10 13:10:10',
    ],
    walls: [10419755400, 10440315000, 25472622600, 25493182200, 10420965000, 10439713800, 25473832200, 25492581000, 10420961400, 10439710200, 10437895800, 10421569800, 25490158200, 25474437000, 10429462800, 10415037600],
  },
};

/** Spark's unix_seconds(CAST(d AS TIMESTAMP)) in Africa/Cairo for 2600-04-25, 2026-04-24 (midnight gaps: 01:00) and 2026-04-25. */
const CAIRO_DAYS = ['2600-04-25', '2026-04-24', '2026-04-25'];
const CAIRO_GAP_SECONDS = [19890741600, 1776981600, 1777064400];

describe('polars backend: zone conversions from 2100 on, natively', () => {
  it('a date at a midnight DST gap starts at the gap’s end (Polars gave NULL)', () => {
    const d = rel([['d', DATE]], CAIRO_DAYS.map((x) => [Date.parse(x) / 86_400_000]));
    const { rows, delegated } = runWithReport(project(d, [alias(cast(ref(d, 'd'), TIMESTAMP), 'ts')]), { timeZone: 'Africa/Cairo' });
    expect(delegated).toEqual([]);
    expect(rows.map((r) => (r[0] as number) / 1_000_000)).toEqual(CAIRO_GAP_SECONDS);
  });

  for (const [tz, spark] of Object.entries(SPARK)) {
    it(`instants and wall clocks in ${tz}`, () => {
      const t = rel([['ts', TIMESTAMP]], INSTANTS.map((s) => [s * 1_000_000]));
      const ts = ref(t, 'ts');
      const exprs = [
        cast(ts, STRING),
        call('hour', [ts]),
        call('minute', [ts]),
        call('dayofmonth', [cast(ts, DATE)]),
        cast(cast(ts, DATE), STRING),
        cast(cast(ts, TIMESTAMP_NTZ), STRING),
      ];
      const p = project(t, exprs.map((e, i) => alias(e, `e${i}`)));
      const { rows, delegated } = runWithReport(p, { timeZone: tz });
      expect(delegated).toEqual([]);
      expect(rows.map((r) => r.join('|'))).toEqual(spark.parts);

      const w = rel([['w', TIMESTAMP_NTZ]], WALLS.map((x) => [wallMicros(x)]));
      const back = runWithReport(project(w, [alias(cast(ref(w, 'w'), TIMESTAMP), 'ts')]), { timeZone: tz });
      expect(back.delegated).toEqual([]);
      expect(back.rows.map((r) => (r[0] as number) / 1_000_000)).toEqual(spark.walls);
    });
  }
});

describe('polars backend: nested zone conversions', () => {
  it('plan in time linear in their depth (each read its input three to six times: 0.7 s for one round trip)', () => {
    const t = rel([['ts', TIMESTAMP]], [[1_000_000], [4118007600_000_000]]);
    let e = ref(t, 'ts');
    for (let i = 0; i < 3; i++) e = cast(cast(e, TIMESTAMP_NTZ), TIMESTAMP);
    const start = performance.now();
    const { rows, delegated } = runWithReport(project(t, [alias(cast(e, STRING), 's'), alias(cast(cast(e, DATE), STRING), 'd')]), { timeZone: 'America/New_York' });
    const ms = performance.now() - start;
    expect(delegated).toEqual([]);
    // Spark 3.5.7 (America/New_York): the round trips keep these instants.
    expect(rows.map((r) => r.join('|'))).toEqual(['1969-12-31 19:00:01|1969-12-31', '2100-06-29 23:00:00|2100-06-29']);
    // Three round trips took minutes before; generous for a loaded machine.
    expect(ms).toBeLessThan(10_000);
  });
});

let session: SparkSession | undefined;
afterEach(() => {
  session?.stop();
  session = undefined;
});

function instants(backendType: 'memory' | 'polars', tz: string, seconds: readonly number[]) {
  session = new SparkSession('far-zone-years', { backendType, conf: { 'spark.sql.session.timeZone': tz } });
  return session.createDataFrame(seconds.map((x) => ({ x })), 'x bigint').select(F.col('x').cast('timestamp').alias('t'));
}

const texts = (rows: readonly { asDict(): Record<string, unknown> }[]): unknown[] => rows.map((r) => Object.values(r.asDict())[0]);

/** Spark's `date_format(t,'yyyy-MM-dd HH:mm:ss XXX')|from_utc_timestamp(t,'Europe/Berlin')|to_utc_timestamp(t,'Australia/Sydney')|date_trunc('HOUR',t)|date_trunc('DAY',t)`. */
const FUNCTIONS: Record<string, string[]> = {
  'America/New_York': [
    '2100-06-29 23:00:00 -04:00|2100-06-30 01:00:00|2100-06-29 13:00:00|2100-06-29 23:00:00|2100-06-29 00:00:00',
    '2199-11-03 01:30:00 -04:00|2199-11-03 01:30:00|2199-11-02 14:30:00|2199-11-03 01:00:00|2199-11-03 00:00:00',
    '2558-04-14 22:14:14 -04:00|2558-04-15 00:14:14|2558-04-14 12:14:14|2558-04-14 22:00:00|2558-04-14 00:00:00',
    '2800-07-15 08:00:00 -04:00|2800-07-15 10:00:00|2800-07-14 22:00:00|2800-07-15 08:00:00|2800-07-15 00:00:00',
    '1800-07-01 07:03:58 -04:56|1800-07-01 07:57:26|1800-06-30 20:59:06|1800-07-01 07:00:00|1800-07-01 00:00:00',
  ],
  'Australia/Sydney': [
    '2100-06-30 13:00:00 +10:00|2100-06-30 15:00:00|2100-06-30 03:00:00|2100-06-30 13:00:00|2100-06-30 00:00:00',
    '2199-11-03 16:30:00 +11:00|2199-11-03 17:30:00|2199-11-03 05:30:00|2199-11-03 16:00:00|2199-11-03 00:00:00',
    '2558-04-15 12:14:14 +10:00|2558-04-15 14:14:14|2558-04-15 02:14:14|2558-04-15 12:00:00|2558-04-15 00:00:00',
    '2800-07-15 22:00:00 +10:00|2800-07-16 00:00:00|2800-07-15 12:00:00|2800-07-15 22:00:00|2800-07-15 00:00:00',
    '1800-07-01 22:04:52 +10:04|1800-07-01 22:58:20|1800-07-01 12:00:00|1800-07-01 22:00:00|1800-07-01 00:00:00',
  ],
};

describe.each(['memory', 'polars'] as const)('%s backend: zone functions from 2100 on', (backend) => {
  for (const [tz, expected] of Object.entries(FUNCTIONS)) {
    it(`date_format, from/to_utc_timestamp and date_trunc in ${tz}`, () => {
      const t = F.col('t');
      const df = instants(backend, tz, [4118007600, 7253040600, 18564516854, 26209224000, -5348980800]);
      const row = F.concat_ws(
        '|',
        F.date_format(t, 'yyyy-MM-dd HH:mm:ss XXX'),
        F.from_utc_timestamp(t, 'Europe/Berlin').cast('string'),
        F.to_utc_timestamp(t, 'Australia/Sydney').cast('string'),
        F.date_trunc('HOUR', t).cast('string'),
        F.date_trunc('DAY', t).cast('string'),
      );
      expect(texts(df.select(row.alias('r')).collect())).toEqual(expected);
    });
  }

  it('a date at a midnight DST gap starts at the gap’s end (Africa/Cairo, near and far)', () => {
    session = new SparkSession('far-zone-years', { backendType: backend, conf: { 'spark.sql.session.timeZone': 'Africa/Cairo' } });
    const df = session.createDataFrame(CAIRO_DAYS.map((d) => ({ d })), 'd string');
    const secs = df.select(F.unix_seconds(F.col('d').cast('date').cast('timestamp')).alias('s')).collect();
    expect(texts(secs)).toEqual(CAIRO_GAP_SECONDS);
  });

  it('a zone whose years before 2100 never stand in for later ones (Asia/Gaza) still converts them', () => {
    const df = instants(backend, 'Asia/Gaza', [4118007600, 18564516854, 1782788400]);
    expect(texts(df.select(F.col('t').cast('string')).collect())).toEqual(['2100-06-30 06:00:00', '2558-04-15 05:14:14', '2026-06-30 06:00:00']);
  });
});
