/**
 * No optional argument is silently ignored: for every registered function
 * with optional trailing arguments, a call with the argument gives a
 * different result than the call without it (expected values from Spark
 * 3.5.7). The walk fails when a function gains optional arguments without a
 * case here.
 */
import { expect, it } from 'vitest';
import { Column } from '../../src/api/column.js';
import { CalendarInterval, F, Row } from '../../src/index.js';
import { E, type Expr } from '../../src/expr/nodes.js';
import { lookupFunction, registeredFunctionNames } from '../../src/functions/registry.js';
import { BINARY, DOUBLE, INT, LONG, NULL, STRING, TIMESTAMP } from '../../src/types/data-types.js';
import { forEachBackend } from '../helpers/backends.js';

const s = (v: string): Expr => E.lit(v, STRING);
const i = (v: number): Expr => E.lit(v, INT);
const d = (v: number): Expr => E.lit(v, DOUBLE);
const arr = (...xs: (string | null)[]): Expr => E.call('array', xs.map((x) => (x === null ? E.lit(null, NULL) : s(x))));
const day = (v: unknown): unknown => (v instanceof Date ? v.toISOString().slice(0, 10) : v);

const opts = (k: string, v: string): Expr => E.call('create_map', [s(k), s(v)]);
const nullField = E.call('struct', [E.alias(E.lit(null, INT), 'a')]);
const ecbSpark = E.call('unbase64', [s('NI/zfr3gW3iAujOQaPvaXg==')]);
const commaField = E.call('struct', [E.alias(s('x,y'), 'a')]);
const ints = E.call('array', [i(1), i(2), i(3)]);
const merge = E.lambda(['acc', 'x'], E.call('add', [E.lambdaVar('acc'), E.lambdaVar('x')]));
const finish = E.lambda(['acc'], E.call('multiply', [E.lambdaVar('acc'), i(10)]));

/** Registry name → [arguments without the optional one(s), with them, result without, result with]. */
const CASES: Record<string, readonly [Expr[], Expr[], unknown, unknown]> = {
  // aggregate(array, zero, merge[, finish]): Spark 3.5.7 gives 6 and 60.
  aggregate: [[ints, i(0), merge], [ints, i(0), merge, finish], 6, 60],
  reduce: [[ints, i(0), merge], [ints, i(0), merge, finish], 6, 60],
  array_join: [[arr('a', null, 'b'), s(',')], [arr('a', null, 'b'), s(','), s('-')], 'a,b', 'a,-,b'],
  bround: [[d(2.25)], [d(2.25), i(1)], 2, 2.2],
  round: [[d(2.25)], [d(2.25), i(1)], 2, 2.3],
  // with a scale the result is a decimal (RoundCeil/RoundFloor), collected as its text
  ceil: [[d(2.25)], [d(2.25), i(1)], 3, '2.3'],
  floor: [[d(2.25)], [d(2.25), i(1)], 2, '2.2'],
  btrim: [[s('xxaxx')], [s('xxaxx'), s('x')], 'xxaxx', 'a'],
  trim: [[s('xax')], [s('xax'), s('x')], 'xax', 'a'],
  ltrim: [[s('xxa')], [s('xxa'), s('x')], 'xxa', 'a'],
  rtrim: [[s('axx')], [s('axx'), s('x')], 'axx', 'a'],
  levenshtein: [[s('kitten'), s('sitting')], [s('kitten'), s('sitting'), i(2)], 3, -1],
  mask: [[s('Ab1')], [s('Ab1'), s('U')], 'Xxn', 'Uxn'],
  lpad: [[s('ab'), i(4)], [s('ab'), i(4), s('x')], '  ab', 'xxab'],
  rpad: [[s('ab'), i(4)], [s('ab'), i(4), s('x')], 'ab  ', 'abxx'],
  parse_url: [[s('http://h/p?k=v'), s('QUERY')], [s('http://h/p?k=v'), s('QUERY'), s('k')], 'k=v', 'v'],
  position: [[s('b'), s('abcb')], [s('b'), s('abcb'), i(3)], 2, 4],
  regexp_extract_all: [[s('1a 2b'), s('(\\d)([a-z])')], [s('1a 2b'), s('(\\d)([a-z])'), i(2)], ['1', '2'], ['a', 'b']],
  replace: [[s('abc'), s('b')], [s('abc'), s('b'), s('X')], 'ac', 'aXc'],
  substring: [[s('abcd'), i(2)], [s('abcd'), i(2), i(2)], 'bcd', 'bc'],
  to_binary: [[s('616263')], [s('616263'), s('utf-8')], Uint8Array.from([0x61, 0x62, 0x63]), new TextEncoder().encode('616263')],
  try_to_binary: [[s('abc')], [s('abc'), s('utf-8')], Uint8Array.from([0x0a, 0xbc]), new TextEncoder().encode('abc')],
  // A zero frequency drops the row.
  percentile: [[d(2), d(0.5)], [d(2), d(0.5), i(0)], 2, null],
  from_json: [[s("['x']"), s('array<string>')], [s("['x']"), s('array<string>'), opts('allowSingleQuotes', 'false')], ['x'], null],
  to_json: [[nullField], [nullField, opts('ignoreNullFields', 'false')], '{}', '{"a":null}'],
  schema_of_json: [[s('{"a":1.5}')], [s('{"a":1.5}'), opts('prefersDecimal', 'true')], 'STRUCT<a: DOUBLE>', 'STRUCT<a: DECIMAL(2,1)>'],
  // Spark's ECB ciphertext of 'Spark' is no GCM message: null by default, 'Spark' in ECB mode.
  try_aes_decrypt: [[ecbSpark, s('0000111122223333')], [ecbSpark, s('0000111122223333'), s('ECB')], null, new TextEncoder().encode('Spark')],
  to_csv: [[commaField], [commaField, opts('sep', ';')], '"x,y"', 'x,y'],
  schema_of_csv: [[s('1|2')], [s('1|2'), opts('sep', '|')], 'STRUCT<_c0: STRING>', 'STRUCT<_c0: INT, _c1: INT>'],
  to_date: [[s('01/02/2020')], [s('01/02/2020'), s('MM/dd/yyyy')], null, '2020-01-02'],
  to_timestamp: [[s('01/02/2020')], [s('01/02/2020'), s('MM/dd/yyyy')], null, '2020-01-02'],
  try_to_timestamp: [[s('01/02/2020')], [s('01/02/2020'), s('MM/dd/yyyy')], null, '2020-01-02'],
  to_timestamp_ltz: [[s('01/02/2020')], [s('01/02/2020'), s('MM/dd/yyyy')], null, '2020-01-02'],
  to_timestamp_ntz: [[s('01/02/2020')], [s('01/02/2020'), s('MM/dd/yyyy')], null, '2020-01-02'],
  // 23:00 in Los Angeles is the next day in UTC (the session zone).
  make_timestamp: [[i(2020), i(1), i(1), i(23), i(0), i(0)], [i(2020), i(1), i(1), i(23), i(0), i(0), s('America/Los_Angeles')], '2020-01-01', '2020-01-02'],
  make_timestamp_ltz: [[i(2020), i(1), i(1), i(23), i(0), i(0)], [i(2020), i(1), i(1), i(23), i(0), i(0), s('America/Los_Angeles')], '2020-01-01', '2020-01-02'],
  // Interval parts default to 0 (months / microseconds / CalendarInterval values).
  make_ym_interval: [[i(1)], [i(1), i(2)], 12, 14],
  make_dt_interval: [[i(1)], [i(1), i(2)], 86_400_000_000, 93_600_000_000],
  make_interval: [[i(1)], [i(1), i(2)], new CalendarInterval(12, 0, 0), new CalendarInterval(14, 0, 0)],
  // The comparator replaces the default ascending order.
  array_sort: [[ints], [ints, E.lambda(['l', 'r'], E.call('subtract', [E.lambdaVar('r'), E.lambdaVar('l')]))], [1, 2, 3], [3, 2, 1]],
  sequence: [[i(1), i(5)], [i(1), i(5), i(2)], [1, 2, 3, 4, 5], [1, 3, 5]],
  str_to_map: [[s('a=1')], [s('a=1'), s(','), s('=')], new Map([['a=1', null]]), new Map([['a', '1']])],
  // A startTime shifts the tumbling window: 00:13 is in [00:10, 00:20), or in [00:05, 00:15) from 5 minutes.
  window: [
    [E.lit(Date.UTC(2020, 0, 1, 0, 13) * 1000, TIMESTAMP), s('10 minutes')],
    [E.lit(Date.UTC(2020, 0, 1, 0, 13) * 1000, TIMESTAMP), s('10 minutes'), s('10 minutes'), s('5 minutes')],
    new Row([new Date('2020-01-01T00:10:00Z'), new Date('2020-01-01T00:20:00Z')], ['start', 'end']),
    new Row([new Date('2020-01-01T00:05:00Z'), new Date('2020-01-01T00:15:00Z')], ['start', 'end']),
  ],
};

/**
 * Optional arguments Spark 3.5.7 itself ignores, with the evidence: the
 * result must then be the same with and without them.
 */
const IGNORED_BY_SPARK: Record<string, readonly [Expr[], Expr[], unknown]> = {
  // regexp_instr('ab', '(a)(b)', 2) is 1 in Spark 3.5.7: the position of the whole match.
  regexp_instr: [[s('ab'), s('(a)(b)')], [s('ab'), s('(a)(b)'), i(2)], 1],
  // sentences('Hello world. Bye!', 'en', 'US') is [[Hello, world], [Bye]] in Spark 3.5.7, as without a locale:
  // language and country only choose the locale's break rules.
  sentences: [[s('Hello world. Bye!')], [s('Hello world. Bye!'), s('en'), s('US')], [['Hello', 'world'], ['Bye']]],
};

/** Optional arguments that change the error a call raises: [without, with, message without, message with]. */
const ERROR_CASES: Record<string, readonly [Expr[], Expr[], string, string]> = {
  assert_true: [[E.call('lt', [i(1), i(0)])], [E.call('lt', [i(1), i(0)]), s('custom')], "'(1 < 0)' is not true!", 'custom'],
};

/**
 * Optional arguments whose effect needs many rows (tested in their own suites):
 * here, proof that the argument is read and validated. [arguments, error].
 */
const VALIDATED: Record<string, readonly [Expr[], string]> = {
  // functions-approx-percentile.test.ts shows accuracy changing the answer.
  percentile_approx: [[d(1), d(0.5), i(0)], 'The accuracy must be between (0, 2147483647]'],
  approx_percentile: [[d(1), d(0.5), i(0)], 'The accuracy must be between (0, 2147483647]'],
  // GCM (the default) draws a random IV: functions-crypto.test.ts compares fixed-IV output with Spark's.
  aes_encrypt: [[s('a'), s('0000111122223333'), s('ECB'), s('NONE')], 'AES-ECB with the padding NONE'],
  aes_decrypt: [[ecbSpark, s('0000111122223333'), s('ECB'), s('NONE')], 'AES-ECB with the padding NONE'],
  // A struct result; functions-csv.test.ts shows `sep` changing it.
  from_csv: [[s('1'), s('a INT'), opts('mode', 'DROPMALFORMED')], "from_csv() doesn't support the DROPMALFORMED mode"],
  // rsd sets HLL++'s precision: functions-approx-count-distinct cases (recorded) show it changing the count.
  approx_count_distinct: [[i(1), d(0.5)], 'Failed preparing of the function `approx_count_distinct` for call'],
  // Sketch sizes and unions of sketches of different sizes: test/conformance/functions-sketch.test.ts.
  hll_sketch_agg: [[i(1), i(3)], 'the `lgConfigK` value must be between 4 and 21, inclusive: 3.'],
  hll_union_agg: [[E.lit(Uint8Array.from([1]), BINARY), s('x')], 'Parameter 2 requires the "BOOLEAN" type, however "x" has the type "STRING"'],
  hll_union: [[E.lit(Uint8Array.from([1]), BINARY), E.lit(Uint8Array.from([1]), BINARY), s('x')], 'Parameter 3 requires the "BOOLEAN" type, however "x" has the type "STRING"'],
};

/** Seeded generators: the seed decides the values (checked separately: without a seed they are random). */
const SEEDED = new Set(['rand', 'randn']);

/** Spark Connect 3.5 cannot return calendar intervals in Arrow results ("Unsupported data type INTERVAL"; KNOWN_GAPS.md). */
const UNREADABLE_OVER_CONNECT = new Set(['make_interval']);

forEachBackend('optional arguments', (session, backend) => {
  const value = (e: Expr): unknown => day(session().range(1).select(new Column(e)).first()!.get(0));

  it('every registered function with optional arguments has a case', () => {
    const optional = registeredFunctionNames().filter((n) => {
      const def = lookupFunction(n);
      return def.minArgs < def.maxArgs && def.maxArgs !== Infinity;
    });
    expect(optional.filter((n) => !(n in CASES) && !(n in IGNORED_BY_SPARK) && !(n in ERROR_CASES) && !(n in VALIDATED) && !SEEDED.has(n))).toEqual([]);
  });

  // Two queries per case: on connect each is a round trip to Spark.
  it('each optional argument changes the result', { timeout: 120_000 }, () => {
    for (const [name, [short, full, without, withArg]] of Object.entries(CASES)) {
      if (backend === 'connect' && UNREADABLE_OVER_CONNECT.has(name)) continue;
      expect(value(E.call(name, short)), `${name} without`).toEqual(without);
      expect(value(E.call(name, full)), `${name} with`).toEqual(withArg);
    }
  });

  it('optional message arguments change the error', () => {
    for (const [name, [short, full, without, withArg]] of Object.entries(ERROR_CASES)) {
      expect(() => value(E.call(name, short)), `${name} without`).toThrow(without);
      expect(() => value(E.call(name, full)), `${name} with`).toThrow(withArg);
    }
  });

  it('optional arguments that need many rows to matter are validated', () => {
    for (const [name, [args, message]] of Object.entries(VALIDATED)) expect(() => value(E.call(name, args)), name).toThrow(message);
  });

  it('arguments Spark ignores are ignored the same way', () => {
    for (const [name, [short, full, result]] of Object.entries(IGNORED_BY_SPARK)) {
      expect(value(E.call(name, short)), `${name} without`).toEqual(result);
      expect(value(E.call(name, full)), `${name} with`).toEqual(result);
    }
  });

  it('seeds of rand and randn decide the values', () => {
    for (const name of SEEDED) {
      const seeded = (seed: number) => value(E.call(name, [E.lit(seed, LONG)]));
      expect(seeded(1), name).toBe(seeded(1));
      expect(seeded(1), name).not.toBe(seeded(2));
    }
  });

  it('option-style arguments change the result: ignoreNulls and the LIKE escape', () => {
    const df = session().createDataFrame([{ x: null, p: 'a_c' }, { x: 1, p: 'abc' }], 'x INT, p STRING');
    const firsts = df.select(F.first('x'), F.first('x', true), F.last_value('x'), F.any_value('x', true)).first()!.toArray();
    expect(firsts).toEqual([null, 1, 1, 1]);
    const likes = df.select(F.like('p', F.lit('a/_c')), F.like('p', F.lit('a/_c'), '/')).collect().map((r) => r.toArray());
    expect(likes).toEqual([
      [false, true],
      [false, false],
    ]);
  });
});
