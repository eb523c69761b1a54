/**
 * `CREATE [OR REPLACE] [GLOBAL] TEMPORARY VIEW v [(c TYPE, ...)] USING fmt [OPTIONS (path ...)]`
 * as Spark 3.5.7 answers it (checked against it; run with SPARK_REMOTE=sc://127.0.0.1:15003
 * to check again): a temp view over files, or over nothing with the declared columns.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import type { SparkSession } from '../../src/session/session.js';
import { forEachBackend } from '../helpers/backends.js';
import { failure } from '../helpers/ddl-tables.js';

const SLOW = 60_000;
const rows = (spark: SparkSession, sql: string): unknown[][] => spark.sql(sql).collect().map((r) => [...r]);

forEachBackend('CREATE TEMPORARY VIEW ... USING', (session) => {
  it('reads parquet and csv files, with the declared columns (a subset or another order) as the schema', () => {
    const spark = session();
    const dir = mkdtempSync(join(tmpdir(), 'sparkless-tvu-'));
    const df = spark.createDataFrame(
      [
        [1, 'a'],
        [2, 'b'],
      ],
      'e INT, f STRING',
    );
    df.write.mode('overwrite').parquet(join(dir, 'pq'));
    df.write.mode('overwrite').option('header', 'true').csv(join(dir, 'csv'));
    spark.sql(`CREATE OR REPLACE TEMPORARY VIEW tvu_p USING parquet OPTIONS (path '${join(dir, 'pq')}')`);
    expect(spark.sql('SELECT * FROM tvu_p').columns).toEqual(['e', 'f']);
    expect(rows(spark, 'SELECT * FROM tvu_p ORDER BY e')).toEqual([
      [1, 'a'],
      [2, 'b'],
    ]);
    spark.sql(`CREATE OR REPLACE TEMPORARY VIEW tvu_p (f STRING, e INT) USING parquet OPTIONS (path '${join(dir, 'pq')}')`);
    expect(rows(spark, 'SELECT * FROM tvu_p ORDER BY e')).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
    spark.sql(`CREATE OR REPLACE TEMPORARY VIEW tvu_c USING csv OPTIONS (path '${join(dir, 'csv')}', header 'true', inferSchema 'true')`);
    expect(spark.sql('SELECT * FROM tvu_c').schema.simpleString()).toBe('struct<e:int,f:string>');
    spark.sql(`CREATE OR REPLACE TEMPORARY VIEW tvu_c (e INT) USING csv OPTIONS (path '${join(dir, 'csv')}', header true)`);
    expect(rows(spark, 'SELECT * FROM tvu_c ORDER BY e')).toEqual([[1], [2]]);
    spark.sql('DROP VIEW tvu_p');
    spark.sql('DROP VIEW tvu_c');
  }, SLOW);

  it('without a path: the declared columns and no rows; refusals as Spark words them', () => {
    const spark = session();
    spark.sql('CREATE OR REPLACE TEMPORARY VIEW tvu_e (e int) USING parquet');
    expect(spark.sql('SELECT * FROM tvu_e').schema.simpleString()).toBe('struct<e:int>');
    expect(rows(spark, 'SELECT * FROM tvu_e')).toEqual([]);
    expect(rows(spark, "SHOW TABLES LIKE 'tvu_e'")).toEqual([['', 'tvu_e', true]]);
    expect(failure(spark, 'CREATE TEMPORARY VIEW tvu_e (e int) USING parquet').errorClass).toBe('TEMP_TABLE_OR_VIEW_ALREADY_EXISTS');
    expect(failure(spark, 'CREATE TEMPORARY VIEW tvu_none USING parquet')).toEqual({
      errorClass: 'UNABLE_TO_INFER_SCHEMA',
      message: '[UNABLE_TO_INFER_SCHEMA] Unable to infer schema for Parquet. It must be specified manually.',
    });
    expect(failure(spark, 'CREATE TEMPORARY VIEW tvu_none USING json').message).toBe('[UNABLE_TO_INFER_SCHEMA] Unable to infer schema for JSON. It must be specified manually.');
    const missing = join(tmpdir(), 'sparkless-tvu-missing-dir');
    expect(failure(spark, `CREATE TEMPORARY VIEW tvu_none USING parquet OPTIONS (path '${missing}')`)).toEqual({
      errorClass: 'PATH_NOT_FOUND',
      message: `[PATH_NOT_FOUND] Path does not exist: file:${missing}.`,
    });
    expect(failure(spark, 'CREATE TEMPORARY VIEW tvu_none (e INT) USING nosuch').message).toBe(
      '[DATA_SOURCE_NOT_FOUND] Failed to find the data source: nosuch. Please find packages at `https://spark.apache.org/third-party-projects.html`.',
    );
    expect(failure(spark, 'CREATE TEMPORARY VIEW default.tvu_none (e INT) USING parquet').message.split('\n').filter((l) => l.trim())[0]).toBe(
      "Temporary view '`default`.`tvu_none`' should not have specified a database.",
    );
    expect(failure(spark, 'CREATE TEMPORARY VIEW IF NOT EXISTS tvu_e (e int) USING parquet').errorClass).toBe('PARSE_SYNTAX_ERROR');
    spark.sql('CREATE OR REPLACE GLOBAL TEMPORARY VIEW tvu_g (e int) USING parquet');
    expect(spark.sql('SELECT * FROM global_temp.tvu_g').columns).toEqual(['e']);
    spark.sql('DROP VIEW global_temp.tvu_g');
    spark.sql('DROP VIEW tvu_e');
  }, SLOW);
});
