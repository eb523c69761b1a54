import { describe, expect, it } from 'vitest';
import { ArrayType, BOOLEAN, DATE, DecimalType, DOUBLE, FLOAT, INT, LONG, MapType, STRING, TIMESTAMP } from '../../../src/types/data-types.js';
import { call, evalOne, lit } from '../../helpers/resolved.js';

const day = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / 86400000;
const ts = (iso: string) => Date.parse(iso) * 1000;
const f = (fn: string, ...args: Parameters<typeof lit>[0][]) => evalOne(call(fn, args.map((a) => lit(a))));

describe('math', () => {
  it('round is HALF_UP on the decimal text of doubles, bround HALF_EVEN', () => {
    expect(evalOne(call('round', [lit(2.5, DOUBLE)]))).toBe(3);
    expect(evalOne(call('round', [lit(-2.5, DOUBLE)]))).toBe(-3);
    expect(evalOne(call('round', [lit(2.675, DOUBLE), lit(2)]))).toBe(2.68);
    expect(evalOne(call('round', [lit(1234.5678, DOUBLE), lit(-2)]))).toBe(1200);
    expect(evalOne(call('bround', [lit(2.5, DOUBLE)]))).toBe(2);
    expect(evalOne(call('round', [lit(15, INT), lit(-1)]))).toBe(20);
    expect(evalOne(call('round', [lit(12345n, new DecimalType(5, 3)), lit(1)]))).toBe(123n);
    expect(evalOne(call('round', [lit(NaN, DOUBLE), lit(1)]))).toBeNaN();
  });

  it('floor and ceil return bigint', () => {
    expect(evalOne(call('floor', [lit(-1.5, DOUBLE)]))).toBe(-2);
    expect(evalOne(call('ceil', [lit(1.2, DOUBLE)]))).toBe(2);
    expect(evalOne(call('ceil', [lit(1201n, new DecimalType(5, 3))]))).toBe(2n);
  });

  it('logarithms are null outside their domain', () => {
    expect(f('ln', 0)).toBeNull();
    expect(f('log10', 1000)).toBe(3);
    expect(f('log2', 8)).toBe(3);
    expect(evalOne(call('log', [lit(2.0), lit(8.0)]))).toBeCloseTo(3, 12);
    expect(f('sqrt', -1)).toBeNaN();
    expect(f('pow', 2, 10)).toBe(1024);
    expect(evalOne(call('abs', [lit(-2147483648)]))).toBe(-2147483648);
    expect(f('factorial', 20)).toBe(2432902008176640000n);
    expect(f('factorial', 21)).toBeNull();
  });

  it('rand with a seed is deterministic', () => {
    const a = evalOne(call('rand', [lit(42, LONG)]));
    expect(a).toBe(evalOne(call('rand', [lit(42, LONG)])));
    expect(a).toBeGreaterThanOrEqual(0);
    expect(a).toBeLessThan(1);
  });
});

describe('strings', () => {
  it('case, trim, length, concat', () => {
    expect(f('upper', 'abc')).toBe('ABC');
    expect(f('initcap', 'hello wORLD')).toBe('Hello World');
    expect(f('trim', '  a b  ')).toBe('a b');
    expect(f('trim', '\ta ')).toBe('\ta');
    expect(f('ltrim', 'xxaxx', 'x')).toBe('axx');
    expect(f('length', '\u{1F600}ab')).toBe(3);
    expect(f('concat', 'a', 'b', 'c')).toBe('abc');
    expect(evalOne(call('concat', [lit('a'), lit(null, STRING)]))).toBeNull();
    expect(evalOne(call('concat_ws', [lit('-'), lit('a'), lit(null, STRING), lit('c')]))).toBe('a-c');
  });

  it('split keeps trailing empty strings; limit caps the parts', () => {
    expect(f('split', 'a,b,,', ',', -1)).toEqual(['a', 'b', '', '']);
    expect(f('split', 'a1b22c', '\\d+', -1)).toEqual(['a', 'b', 'c']);
    expect(f('split', 'a,b,c', ',', 2)).toEqual(['a', 'b,c']);
    expect(f('split', 'abc', '', -1)).toEqual(['a', 'b', 'c']);
  });

  it('regexp_replace and regexp_extract use Java regex and replacement syntax', () => {
    expect(f('regexp_replace', '100-200', '(\\d+)', 'n$1', 1)).toBe('n100-n200');
    expect(f('regexp_replace', 'a.b', '\\.', '\\$', 1)).toBe('a$b');
    expect(f('regexp_extract', 'foo123bar', '([a-z]+)(\\d+)', 2)).toBe('123');
    expect(f('regexp_extract', 'foo', '(\\d+)', 1)).toBe('');
    expect(() => f('regexp_extract', 'foo', '(\\d+)', 2)).toThrow(/group index/);
  });

  it('padding, repeat, instr/locate, substring_index, translate', () => {
    expect(f('lpad', 'hi', 5, 'ab')).toBe('abahi');
    expect(f('rpad', 'hello', 3, 'x')).toBe('hel');
    expect(f('lpad', 'hi', 5, '')).toBe('hi');
    expect(f('repeat', 'ab', 3)).toBe('ababab');
    expect(f('instr', 'hello', 'l')).toBe(3);
    expect(f('locate', 'l', 'hello', 4)).toBe(4);
    expect(f('locate', 'z', 'hello', 1)).toBe(0);
    expect(f('substring_index', 'a.b.c', '.', 2)).toBe('a.b');
    expect(f('substring_index', 'a.b.c', '.', -2)).toBe('b.c');
    expect(f('translate', 'abcba', 'ab', 'x')).toBe('xcx');
    expect(f('levenshtein', 'kitten', 'sitting')).toBe(3);
    expect(f('overlay', 'SparkSQL', '__', 6, -1)).toBe('Spark__L');
  });

  it('hashes and encodings', () => {
    expect(f('md5', 'Spark')).toBe('8cde774d6f7333752ed72cacddb05126');
    expect(f('sha2', 'Spark', 256)).toBe('529bc3b07127ecb7e53a4dcf1991d9152c24537d919178022b2c42657f79a26b');
    expect(f('base64', 'Spark')).toBe('U3Bhcms=');
    expect(f('hex', 'Spark')).toBe('537061726B');
    expect(evalOne(call('crc32', [lit('ABC')]))).toBe(2743272264);
    expect(f('soundex', 'Miller')).toBe('M460');
    expect(f('ascii', 'A')).toBe(65);
  });
});

describe('datetime', () => {
  it('fields of dates and timestamps', () => {
    const d = lit(day(2024, 3, 5), DATE);
    expect(evalOne(call('year', [d]))).toBe(2024);
    expect(evalOne(call('quarter', [d]))).toBe(1);
    expect(evalOne(call('dayofweek', [d]))).toBe(3);
    expect(evalOne(call('dayofyear', [d]))).toBe(65);
    expect(evalOne(call('weekofyear', [d]))).toBe(10);
    const t = lit(ts('2024-03-05T23:45:30Z'), TIMESTAMP);
    expect(evalOne(call('hour', [t]))).toBe(23);
    expect(evalOne(call('hour', [t]), { timeZone: 'Asia/Kolkata' })).toBe(5);
    expect(evalOne(call('minute', [t]), { timeZone: 'Asia/Kolkata' })).toBe(15);
    expect(evalOne(call('second', [t]))).toBe(30);
  });

  it('date arithmetic', () => {
    const d = lit(day(2024, 1, 31), DATE);
    expect(evalOne(call('date_add', [d, lit(1)]))).toBe(day(2024, 2, 1));
    expect(evalOne(call('date_sub', [d, lit(31)]))).toBe(day(2023, 12, 31));
    expect(evalOne(call('add_months', [d, lit(1)]))).toBe(day(2024, 2, 29));
    expect(evalOne(call('datediff', [lit(day(2024, 3, 1), DATE), d]))).toBe(30);
    expect(evalOne(call('last_day', [d]))).toBe(day(2024, 1, 31));
    expect(evalOne(call('trunc', [lit(day(2024, 5, 17), DATE), lit('quarter')]))).toBe(day(2024, 4, 1));
    expect(evalOne(call('date_trunc', [lit('hour'), lit(ts('2024-03-05T10:11:12Z'), TIMESTAMP)]))).toBe(ts('2024-03-05T10:00:00Z'));
    expect(
      evalOne(call('months_between', [lit(ts('1997-02-28T10:30:00Z'), TIMESTAMP), lit(ts('1996-10-30T00:00:00Z'), TIMESTAMP), lit(true)])),
    ).toBe(3.94959677);
  });

  it('date_format with Spark patterns', () => {
    const t = lit(ts('2024-03-05T07:08:09Z') + 123456, TIMESTAMP);
    const fmt = (p: string, tz = 'UTC') => evalOne(call('date_format', [t, lit(p)]), { timeZone: tz });
    expect(fmt('yyyy-MM-dd HH:mm:ss.SSS')).toBe('2024-03-05 07:08:09.123');
    expect(fmt("EEE, d MMM yyyy h:mm a 'at' Z")).toBe('Tue, 5 Mar 2024 7:08 AM at +0000');
    expect(fmt('EEEE MMMM yy D')).toBe('Tuesday March 24 65');
    expect(fmt('HH:mm XXX', 'Asia/Kolkata')).toBe('12:38 +05:30');
    expect(fmt('SSSSSS')).toBe('123456');
    // Spark 3.5.7: SimpleDateFormat (the legacy policy's formatter) knows Y/w/W/u, so the default
    // EXCEPTION policy reports an upgrade; e/c and letters neither formatter knows stay java's error.
    expect(() => fmt('YYYY')).toThrow(/INCONSISTENT_BEHAVIOR_CROSS_VERSION.DATETIME_PATTERN_RECOGNITION.*\nFail to recognize 'YYYY' pattern/);
    expect(() => fmt('EEEEEE')).toThrow(/DATETIME_PATTERN_RECOGNITION/);
    expect(() => fmt('ww e')).toThrow(/^All week-based patterns are unsupported since Spark 3.0, detected: w,/);
    expect(() => fmt('b')).toThrow(/^Unknown pattern letter: b$/);
    expect(() => fmt('n')).toThrow(/^Illegal pattern character: n$/);
    expect(() => fmt('B')).toThrow(/^Illegal pattern character: B$/);
    // Letter counts java.time refuses: an upgrade error where SimpleDateFormat takes the count, java's message where not.
    for (const p of ['ddd', 'HHH', 'aa', 'FF', 'DDDD', 'zzzzz', 'yyyyyyy', 'SSSSSSSSSS', 'ZZZZZZ']) {
      expect(() => fmt(p), p).toThrow(/DATETIME_PATTERN_RECOGNITION/);
    }
    expect(() => fmt('XXXXXX')).toThrow(/^Too many pattern letters: X$/);
    expect(() => fmt('OO')).toThrow(/^Pattern letter count must be 1 or 4: O$/);
    expect(() => fmt('VVV')).toThrow(/^Pattern letter count must be 2: V$/);
    expect(fmt('yyyyyy DDD SSSSSSSSS')).toBe('002024 065 123456000');
  });

  it('to_date / to_timestamp with and without patterns', () => {
    expect(evalOne(call('to_date', [lit('2024-03-05')]))).toBe(day(2024, 3, 5));
    expect(evalOne(call('to_date', [lit('05/03/2024'), lit('dd/MM/yyyy')]))).toBe(day(2024, 3, 5));
    // Only Spark 2's lenient parser accepts it: Spark 3 raises (timeParserPolicy=EXCEPTION).
    expect(() => evalOne(call('to_date', [lit('5/3/2024'), lit('dd/MM/yyyy')]))).toThrow(/INCONSISTENT_BEHAVIOR_CROSS_VERSION.PARSE_DATETIME_BY_NEW_PARSER/);
    expect(() => evalOne(call('to_timestamp', [lit('2024-03-05 10:00'), lit('yyyy-MM-dd')]))).toThrow(/Fail to parse '2024-03-05 10:00' in the new parser/);
    expect(evalOne(call('to_date', [lit('abc'), lit('dd/MM/yyyy')]))).toBeNull();
    expect(evalOne(call('to_date', [lit('2024-03'), lit('yyyy-MM-dd')]))).toBeNull();
    expect(evalOne(call('to_date', [lit('20240305'), lit('yyyyMMdd')]))).toBe(day(2024, 3, 5));
    expect(evalOne(call('to_timestamp', [lit('2024-03-05 10:11:12')]))).toBe(ts('2024-03-05T10:11:12Z'));
    expect(evalOne(call('to_timestamp', [lit('2024-03-05 10:11:12.5'), lit('yyyy-MM-dd HH:mm:ss.SSS')]))).toBe(ts('2024-03-05T10:11:12.5Z'));
    expect(evalOne(call('to_timestamp', [lit('Mar 5 2024 10PM'), lit('MMM d yyyy ha')]))).toBe(ts('2024-03-05T22:00:00Z'));
    expect(evalOne(call('to_timestamp', [lit('2024-03-05 10:11'), lit('yyyy-MM-dd HH:mm')]), { timeZone: 'Europe/Paris' })).toBe(ts('2024-03-05T09:11:00Z'));
    expect(evalOne(call('to_timestamp', [lit('2024-03-05T10:11:12+0200'), lit("yyyy-MM-dd'T'HH:mm:ssZ")]))).toBe(ts('2024-03-05T08:11:12Z'));
  });

  it('unix time conversions', () => {
    expect(evalOne(call('unix_timestamp', [lit('2024-03-05 00:00:00'), lit('yyyy-MM-dd HH:mm:ss')]))).toBe(1709596800);
    expect(evalOne(call('from_unixtime', [lit(0, LONG), lit('yyyy-MM-dd HH:mm:ss')]), { timeZone: 'Asia/Tokyo' })).toBe('1970-01-01 09:00:00');
    expect(evalOne(call('timestamp_seconds', [lit(1.5, DOUBLE)]))).toBe(1_500_000);
    expect(evalOne(call('from_utc_timestamp', [lit(ts('2024-03-05T10:00:00Z'), TIMESTAMP), lit('Asia/Seoul')]))).toBe(ts('2024-03-05T19:00:00Z'));
    expect(evalOne(call('to_utc_timestamp', [lit(ts('2024-03-05T19:00:00Z'), TIMESTAMP), lit('Asia/Seoul')]))).toBe(ts('2024-03-05T10:00:00Z'));
  });

  it('an unknown zone argument is java.time\'s DateTimeException, not NULL (Spark 3.5.7)', () => {
    const t = lit(ts('2024-03-05T10:00:00Z'), TIMESTAMP);
    const shift = (zone: string) => () => evalOne(call('from_utc_timestamp', [t, lit(zone)]));
    expect(shift('Mars/Olympus')).toThrow(expect.objectContaining({ name: 'DateTimeException', message: 'Unknown time-zone ID: Mars/Olympus' }));
    expect(shift('')).toThrow(expect.objectContaining({ name: 'DateTimeException', message: '' }));
    expect(shift('-19:30')).toThrow('Zone offset hours not in valid range: value -19 is not in the range -18 to 18');
    expect(shift('UTC+19')).toThrow('Invalid ID for offset-based ZoneId: UTC+19');
    expect(() => evalOne(call('to_utc_timestamp', [t, lit('Bad/Zone')]))).toThrow('Unknown time-zone ID: Bad/Zone');
    // make_timestamp resolves its zone before it checks the fields: month 13 with a bad zone is still the zone error.
    const fields = [2020, 13, 1, 0, 0].map((v) => lit(v));
    expect(() => evalOne(call('make_timestamp', [...fields, lit(0, new DecimalType(8, 6)), lit('Mars/X')]))).toThrow('Unknown time-zone ID: Mars/X');
  });

  it('current_date and current_timestamp are the query\'s fixed now', () => {
    const now = ts('2024-01-15T23:30:00Z');
    expect(evalOne(call('current_timestamp', []), { now })).toBe(now);
    expect(evalOne(call('current_date', []), { now, timeZone: 'Asia/Tokyo' })).toBe(day(2024, 1, 16));
  });
});

describe('conditional and collections', () => {
  it('coalesce, greatest, least, isnan, nanvl', () => {
    expect(evalOne(call('coalesce', [lit(null, INT), lit(2), lit(3)]))).toBe(2);
    expect(evalOne(call('greatest', [lit(1.0), lit(null, DOUBLE), lit(NaN)]))).toBeNaN();
    expect(evalOne(call('least', [lit(3), lit(null, INT), lit(1)]))).toBe(1);
    expect(evalOne(call('isnan', [lit(null, DOUBLE)]))).toBe(false);
    expect(evalOne(call('nanvl', [lit(NaN), lit(1.0)]))).toBe(1);
  });

  it('array, size, array_contains, element_at, sort_array', () => {
    const arr = call('array', [lit(3), lit(null, INT), lit(1)]);
    expect(evalOne(arr)).toEqual([3, null, 1]);
    expect(evalOne(call('size', [arr]))).toBe(3);
    expect(evalOne(call('size', [lit(null, new ArrayType(INT))]))).toBe(-1);
    expect(evalOne(call('array_contains', [arr, lit(1)]))).toBe(true);
    expect(evalOne(call('array_contains', [arr, lit(2)]))).toBeNull();
    expect(evalOne(call('element_at', [arr, lit(-1)]))).toBe(1);
    expect(evalOne(call('element_at', [arr, lit(7)]))).toBeNull();
    expect(() => evalOne(call('element_at', [arr, lit(0)]))).toThrow(/INVALID_INDEX_OF_ZERO/);
    expect(evalOne(call('sort_array', [arr, lit(true)]))).toEqual([null, 1, 3]);
    expect(evalOne(call('sort_array', [arr, lit(false)]))).toEqual([3, 1, null]);
    expect(evalOne(call('array_max', [arr]))).toBe(3);
    expect(evalOne(call('array_distinct', [call('array', [lit(1), lit(1), lit(null, INT), lit(null, INT)])]))).toEqual([1, null]);
    expect(evalOne(call('array_join', [call('array', [lit('a'), lit(null, STRING), lit('c')]), lit(','), lit('?')]))).toBe('a,?,c');
  });

  it('maps', () => {
    const m = call('create_map', [lit('a'), lit(1), lit('b'), lit(2)]);
    expect(evalOne(m)).toEqual(new Map([['a', 1], ['b', 2]]));
    expect(evalOne(call('map_keys', [m]))).toEqual(['a', 'b']);
    expect(evalOne(call('element_at', [m, lit('b')]))).toBe(2);
    expect(() => evalOne(call('create_map', [lit('a'), lit(1), lit('a'), lit(2)]))).toThrow(/DUPLICATED_MAP_KEY/);
    expect(new MapType(STRING, INT).keyType).toBe(STRING);
  });

  it('booleans and floats pass through', () => {
    expect(evalOne(lit(true, BOOLEAN))).toBe(true);
    expect(evalOne(lit(Math.fround(1.5), FLOAT))).toBe(1.5);
  });
});
