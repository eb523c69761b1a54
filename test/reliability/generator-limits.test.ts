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
  },
  { localOnly: 'the budget guards sparkless’s own engines; Spark manages its executors’ memory itself' },
);
