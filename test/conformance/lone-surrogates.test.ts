/**
 * Strings holding a lone UTF-16 surrogate (issue 11): Spark keeps strings as UTF-8, so
 * such a string sent from the DataFrame API (createDataFrame, lit, SQL text) arrives with
 * U+FFFD in the surrogate's place. Every engine must agree on the value, its length,
 * its bytes and how it compares (checked against Spark 3.5.7 over Connect).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { F } from '../../src/index.js';
import { forEachBackend } from '../helpers/backends.js';

// The Spark server runs on this machine, so it reads the same file.
const dir = mkdtempSync(join(tmpdir(), 'sparkless-surrogates-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(join(dir, 'a.json'), '{"s": "a\\ud800"}\n');

forEachBackend('lone surrogates become U+FFFD where strings enter', (session) => {
  it('in createDataFrame, lit and SQL literals: value, length, bytes and comparisons', () => {
    const spark = session();
    const df = spark.createDataFrame([['a\uD800', 'b\uDC00x', 'ok \uD83D\uDE00']], 's string, t string, pair string');
    const r = df
      .select(
        F.col('s'),
        F.col('t'),
        F.col('pair'),
        F.length('s').alias('len_s'),
        F.hex('s').alias('hex_s'),
        F.lit('\uD83D').alias('lit'),
        F.length(F.lit('z\uDC00')).alias('len_lit'),
        F.lit('\uD800').eqNullSafe(F.lit('\uDC00')).alias('same'),
        F.col('s').lt(F.lit('a\uFFFE')).alias('below_fffe'),
        F.expr("'q\uD800'").alias('sql_lit'),
      )
      .collect()[0]!;
    expect(r.asDict()).toEqual({
      s: 'a\uFFFD',
      t: 'b\uFFFDx',
      pair: 'ok \uD83D\uDE00',
      len_s: 2,
      hex_s: '61EFBFBD',
      lit: '\uFFFD',
      len_lit: 2,
      same: true,
      below_fffe: true,
      sql_lit: 'q\uFFFD',
    });
    expect(df.filter(F.col('s').eqNullSafe(F.lit('a\uDFFF'))).count()).toBe(1);
  });

  it('decoded from a JSON \\ud800 escape (reader, from_json) becomes "?", as Java\'s UTF-8 encoder writes it', () => {
    const spark = session();
    const hex = (df: ReturnType<typeof spark.range>): unknown => df.collect()[0]!.get('h');
    expect(hex(spark.read.json(join(dir, 'a.json')).select(F.hex('s').alias('h')))).toBe('613F');
    const doc = F.lit('{"s":"a\\ud800"}');
    expect(hex(spark.range(1).select(F.hex(F.from_json(doc, 's string').getField('s')).alias('h')))).toBe('613F');
  });
});
