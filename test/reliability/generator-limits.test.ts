/**
 * Resource limits of generators and keyless joins (issue 11): an explode-style
 * blow-up, or a join without keys above one (whose size the pre-run estimate
 * cannot see), is refused with Spark's UNABLE_TO_ACQUIRE_MEMORY where it runs,
 * on both local engines, under a small spark.sparkless.backend.maxMemory.
 * Budgets are tiny (1 MB) so every case stays light.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { SparkSession } from '../../src/index.js';
import { forEachBackend } from '../helpers/backends.js';

const outOfMemory = expect.objectContaining({ errorClass: 'UNABLE_TO_ACQUIRE_MEMORY' });
/** The shared message of the budget errors, for the operator named. */
const exceeds = (what: string): RegExp => new RegExp(`got 1048576: the ${what} of (about|more than) [\\d.e+]+ rows would exceed the memory budget`);

forEachBackend(
  'generator limits',
  (_session, backend) => {
    let spark: SparkSession;
    beforeEach(() => {
      spark = new SparkSession('gen-limits', { backendType: backend as 'memory', conf: { 'spark.sparkless.backend.maxMemory': '1m' } });
    });
    afterEach(() => spark.stop());
    const count = (sql: string): unknown => spark.sql(sql).collect()[0]!.get(0);

    it('explode and posexplode of 100 rows x 1000 elements are refused; 10 rows answer', () => {
      for (const g of ['explode', 'explode_outer', 'posexplode', 'posexplode_outer']) {
        expect(() => count(`SELECT count(*) FROM (SELECT ${g}(sequence(1, 1000)) FROM range(100))`)).toThrow(outOfMemory);
        expect(() => count(`SELECT count(*) FROM (SELECT ${g}(sequence(1, 1000)) FROM range(100))`)).toThrow(exceeds(g));
        expect(count(`SELECT count(*) FROM (SELECT ${g}(sequence(1, 1000)) FROM range(10))`)).toBe(10_000);
      }
    });

    it('explode of a map, array_repeat, inline and stack blow-ups are refused', () => {
      expect(() => count('SELECT count(*) FROM (SELECT explode(map_from_arrays(sequence(1, 1000), sequence(1, 1000))) FROM range(100))')).toThrow(exceeds('explode'));
      expect(() => count('SELECT count(*) FROM (SELECT explode(array_repeat(id, 1000)) FROM range(100))')).toThrow(exceeds('explode'));
      expect(() => count('SELECT count(*) FROM (SELECT inline(array_repeat(struct(id AS a), 1000)) FROM range(100))')).toThrow(exceeds('inline'));
      expect(() => count('SELECT count(*) FROM (SELECT stack(1000, id) FROM range(100))')).toThrow(exceeds('stack'));
      expect(count('SELECT count(*) FROM (SELECT stack(100, id) FROM range(10))')).toBe(1000);
    });

    it('the DataFrame explode is guarded too; outer generators keep empty rows within budget', async () => {
      const { explode, explode_outer, sequence, lit, col } = await import('../../src/functions/index.js');
      const df = spark.range(0, 100);
      expect(() => df.select(explode(sequence(lit(1), lit(1000)))).count()).toThrow(outOfMemory);
      // Rows whose array is empty are dropped by explode, kept once (with NULL) by explode_outer.
      const mixed = spark.range(0, 10).where('id > 0').select(sequence(lit(1), col('id')).alias('s')).unionByName(spark.sql('SELECT CAST(array() AS array<bigint>) AS s FROM range(3)'));
      expect(mixed.select(explode('s')).count()).toBe(45);
      expect(mixed.select(explode_outer('s')).count()).toBe(48);
    });

    it('explode of an array column of the input (native on Polars) is counted before it runs', async () => {
      const { explode, posexplode } = await import('../../src/functions/index.js');
      const rows = Array.from({ length: 100 }, (_, i) => ({ id: i, xs: Array.from({ length: 1000 }, (_, k) => k) }));
      const df = spark.createDataFrame(rows);
      expect(() => df.select('id', explode('xs')).count()).toThrow(exceeds('explode'));
      expect(() => df.select(posexplode('xs')).collect()).toThrow(exceeds('posexplode'));
      expect(df.where('id < 3').select(posexplode('xs')).count()).toBe(3_000);
    });

    it('a cross join above generators (sizes the estimate cannot see) is refused', () => {
      const side = (c: string): string => `(SELECT explode(sequence(1, 100)) AS ${c} FROM range(10))`;
      expect(() => count(`SELECT count(*) FROM ${side('a')} CROSS JOIN ${side('b')}`)).toThrow(outOfMemory);
      expect(() => count(`SELECT count(*) FROM ${side('a')} CROSS JOIN ${side('b')}`)).toThrow(exceeds('(cross|inner) join'));
      const small = (c: string): string => `(SELECT explode(sequence(1, 5)) AS ${c} FROM range(10))`;
      expect(count(`SELECT count(*) FROM ${small('a')} CROSS JOIN ${small('b')}`)).toBe(2_500);
    });

    it('a join on a condition without keys whose pairs exceed the budget still answers when its output fits', () => {
      const side = (c: string): string => `(SELECT explode(sequence(1, 300)) AS ${c} FROM range(2))`;
      // 600 x 600 pairs are compared (17 MB as rows), 300 x 2 x 2 kept: a <= b AND b <= a is equality without keys.
      expect(count(`SELECT count(*) FROM ${side('a')} JOIN ${side('b')} ON a <= b AND b <= a`)).toBe(1_200);
    });

    it('one sequence or array_repeat array larger than the budget is refused before it is built', () => {
      expect(() => count('SELECT size(sequence(1, 100000))')).toThrow(/got 1048576: the sequence array of 100000 elements would exceed the memory budget/);
      expect(() => count("SELECT size(array_repeat('a', n)) FROM VALUES (100000) AS t(n)")).toThrow(/the array_repeat array of 100000 elements/);
      expect(() => count("SELECT size(sequence(DATE'2000-01-01', DATE'2300-01-01'))")).toThrow(/the sequence array of \d+ elements/);
      expect(count('SELECT size(sequence(1, 1000))')).toBe(1000);
      // Spark's own limit is checked first (its message, as Spark 3.5.7 gives it).
      expect(() => count('SELECT size(sequence(1, 3000000000L))')).toThrow(
        'Unsuccessful try to create array with 3000000000 elements due to exceeding the array size limit 2147483632.',
      );
    });
  },
  { localOnly: 'the budget guards sparkless’s own engines; Spark manages its executors’ memory itself' },
);

forEachBackend(
  'string blow-ups',
  (session) => {
    const value = (sql: string): unknown => session().sql(sql).collect()[0]!.get(0);

    it("repeat past 2^31 - 1 UTF-8 bytes fails as Spark's does (integer overflow), without allocating", () => {
      // Spark 3.5.7: ArithmeticException "integer overflow" for both (2 bytes x 2^30, 2-byte é x 1.1e9).
      expect(() => value("SELECT length(repeat('xx', 1073741824))")).toThrow(expect.objectContaining({ name: 'ArithmeticException', message: 'integer overflow' }));
      expect(() => value("SELECT length(repeat('é', 1100000000))")).toThrow('integer overflow');
    });

    it('small pads and repeats give Spark’s strings', () => {
      // Spark 3.5.7: xyzxyab | abxyxyx | a | ababab | ab | éüüü | '' | ''.
      const row = session()
        .sql("SELECT lpad('ab', 7, 'xyz') a, rpad('ab', 7, 'xy') b, lpad('ab', 1, 'x') c, repeat('ab', 3) d, lpad('ab', 5, '') e, rpad('é', 4, 'ü') f, repeat('x', -1) g, repeat('x', 0) h")
        .collect()[0]!;
      expect(row.toArray()).toEqual(['xyzxyab', 'abxyxyx', 'a', 'ababab', 'ab', 'éüüü', '', '']);
    });
  },
);

forEachBackend(
  'string blow-ups past a JS string',
  (session) => {
    const value = (sql: string): unknown => session().sql(sql).collect()[0]!.get(0);
    it('repeat, lpad and rpad longer than a JS string holds fail with a typed error, not "Invalid string length"', () => {
      // Spark would build these (up to 2^31 - 1 bytes); a JS string holds 536,870,888 UTF-16 units.
      const tooLong = /UNABLE_TO_ACQUIRE_MEMORY.*a string of \d+ characters, more than a JS string holds/;
      expect(() => value("SELECT length(repeat('x', 600000000))")).toThrow(tooLong);
      expect(() => value("SELECT length(lpad('x', 600000000, 'y'))")).toThrow(tooLong);
      expect(() => value("SELECT length(rpad(CAST(id AS STRING), 600000000, 'xyz')) FROM range(3)")).toThrow(tooLong);
    });
  },
  { localOnly: 'a limit of sparkless’s JS strings; Spark would allocate the string' },
);

it("the interpreter's budget never exceeds the JS heap, even under Polars' larger default", async () => {
  const { getHeapStatistics } = await import('node:v8');
  const { defaultBudget, interpreterBudget } = await import('../../src/backend/limits.js');
  const heap = getHeapStatistics().heap_size_limit;
  expect(interpreterBudget(undefined)).toBe(heap);
  expect(interpreterBudget(heap * 10)).toBe(heap);
  expect(interpreterBudget(1_048_576)).toBe(1_048_576);
  expect(defaultBudget(false)).toBe(heap);
});
