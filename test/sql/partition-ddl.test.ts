/**
 * Partition commands on v1 (parquet, session catalog) tables as Spark 3.5.7
 * answers them (checked against it; run with SPARK_REMOTE=sc://127.0.0.1:15003
 * to check again): ADD / DROP / RENAME PARTITION, SET LOCATION, TRUNCATE ...
 * PARTITION, RECOVER PARTITIONS / MSCK REPAIR TABLE, and their refusals.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SparkSession as SparkSessionClass } from '../../src/session/session.js';
import type { SparkSession } from '../../src/session/session.js';
import { forEachBackend } from '../helpers/backends.js';
import { failure, scratchTables } from '../helpers/ddl-tables.js';

const SLOW = 60_000;
const rows = (spark: SparkSession, sql: string): unknown[][] => spark.sql(sql).collect().map((r) => [...r]);
const partitions = (spark: SparkSession, t: string): unknown[] => rows(spark, `SHOW PARTITIONS ${t}`).map((r) => r[0]);

const EXIST_TAIL = 'Choose a different name, drop the existing partition, or add the IF NOT EXISTS clause to tolerate a pre-existing partition.';
const NOT_FOUND_TAIL = 'Verify the partition specification and table name.\nTo tolerate the error on drop use ALTER TABLE … DROP IF EXISTS PARTITION.';

forEachBackend('partition DDL', (session) => {
  const { open, create } = scratchTables(session);

  it('ADD PARTITION records empty partitions (values cast to the column type, NULL as the Hive default) and refuses duplicates and bad specs', () => {
    const spark = open();
    create(spark, 'pddl_add', '(v INT, a INT, b STRING) USING parquet PARTITIONED BY (a, b)');
    spark.sql("ALTER TABLE pddl_add ADD PARTITION (a=1, b='x')");
    expect(failure(spark, "ALTER TABLE pddl_add ADD PARTITION (a=1, b='x')")).toEqual({
      errorClass: 'PARTITIONS_ALREADY_EXIST',
      message: `[PARTITIONS_ALREADY_EXIST] Cannot ADD or RENAME TO partition(s) PARTITION (\`a\` = 1, \`b\` = x) in table \`default\`.\`pddl_add\` because they already exist.\n${EXIST_TAIL}`,
    });
    spark.sql("ALTER TABLE pddl_add ADD IF NOT EXISTS PARTITION (a=1, b='x') PARTITION (a=2, b='y')");
    spark.sql("ALTER TABLE pddl_add ADD PARTITION (a='7', b=3)");
    spark.sql('ALTER TABLE pddl_add ADD PARTITION (A=8, b=NULL)');
    spark.sql("ALTER TABLE pddl_add ADD PARTITION (b='r', a=10) LOCATION '/tmp/sparkless-pddl/x'");
    // One existing partition fails the whole statement: (9, q) is not added.
    expect(failure(spark, "ALTER TABLE pddl_add ADD PARTITION (a=2, b='y') PARTITION (a=9, b='q')").errorClass).toBe('PARTITIONS_ALREADY_EXIST');
    expect(partitions(spark, 'pddl_add')).toEqual(['a=1/b=x', 'a=10/b=r', 'a=2/b=y', 'a=7/b=3', 'a=8/b=__HIVE_DEFAULT_PARTITION__']);
    expect(rows(spark, 'SELECT * FROM pddl_add')).toEqual([]);
    expect(failure(spark, 'ALTER TABLE pddl_add ADD PARTITION (a=1)').message).toBe(
      "Partition spec is invalid. The spec (a) must match the partition spec (a, b) defined in table '`spark_catalog`.`default`.`pddl_add`'.",
    );
    expect(failure(spark, "ALTER TABLE pddl_add ADD PARTITION (a=1, c='x')").message).toBe('c is not a valid partition column in table `spark_catalog`.`default`.`pddl_add`.');
    const bad = failure(spark, "ALTER TABLE pddl_add ADD PARTITION (a='zz', b='x')");
    expect(bad.errorClass).toBe('CAST_INVALID_INPUT');
    expect(bad.message.split('\n')[0]).toBe(
      '[CAST_INVALID_INPUT] The value \'zz\' of the type "STRING" cannot be cast to "INT" because it is malformed. Correct the value as per the syntax, or change its target type. Use `try_cast` to tolerate malformed input and return NULL instead. If necessary set "spark.sql.ansi.enabled" to "false" to bypass this error.',
    );
    expect(failure(spark, 'ALTER TABLE pddl_add ADD PARTITION (a=1, b)').message).toBe(
      '[INVALID_SQL_SYNTAX.EMPTY_PARTITION_VALUE] Invalid SQL syntax: Partition key `b` must set value.(line 1, pos 25)\n\n== SQL ==\nALTER TABLE pddl_add ADD PARTITION (a=1, b)\n-------------------------^^^\n',
    );
  }, SLOW);

  it('DROP PARTITION deletes the rows of whole partitions only; a missing one fails the statement unless IF EXISTS', () => {
    const spark = open();
    create(spark, 'pddl_drop', '(v INT, a INT, b STRING) USING parquet PARTITIONED BY (a, b)');
    spark.sql("INSERT INTO pddl_drop VALUES (1, 1, 'x'), (2, 3, 'z'), (3, 3, 'w')");
    spark.sql("ALTER TABLE pddl_drop ADD PARTITION (a=2, b='y')");
    expect(failure(spark, "ALTER TABLE pddl_drop DROP PARTITION (a=99, b='x')")).toEqual({
      errorClass: 'PARTITIONS_NOT_FOUND',
      message: `[PARTITIONS_NOT_FOUND] The partition(s) PARTITION (\`a\` = 99, \`b\` = x) cannot be found in table \`default\`.\`pddl_drop\`.\n${NOT_FOUND_TAIL}`,
    });
    // A partial spec names no partition.
    expect(failure(spark, 'ALTER TABLE pddl_drop DROP PARTITION (a=3)').message).toBe(
      `[PARTITIONS_NOT_FOUND] The partition(s) PARTITION (\`a\` = 3) cannot be found in table \`default\`.\`pddl_drop\`.\n${NOT_FOUND_TAIL}`,
    );
    expect(failure(spark, "ALTER TABLE pddl_drop DROP PARTITION (a=2, b='y'), PARTITION (a=77, b='y')").message).toContain('PARTITION (`a` = 77, `b` = y) cannot be found');
    spark.sql("ALTER TABLE pddl_drop DROP IF EXISTS PARTITION (a=99, b='x')");
    expect(partitions(spark, 'pddl_drop')).toEqual(['a=1/b=x', 'a=2/b=y', 'a=3/b=w', 'a=3/b=z']);
    spark.sql("ALTER TABLE pddl_drop DROP PARTITION (a=1, b='x'), PARTITION (a=2, b='y') PURGE");
    expect(partitions(spark, 'pddl_drop')).toEqual(['a=3/b=w', 'a=3/b=z']);
    expect(rows(spark, 'SELECT * FROM pddl_drop ORDER BY v')).toEqual([
      [2, 3, 'z'],
      [3, 3, 'w'],
    ]);
  }, SLOW);

  it('RENAME PARTITION moves the rows; TRUNCATE ... PARTITION empties partitions and keeps them', () => {
    const spark = open();
    create(spark, 'pddl_ren', '(v INT, a INT, b STRING) USING parquet PARTITIONED BY (a, b)');
    spark.sql("INSERT INTO pddl_ren VALUES (12, 3, 'z'), (13, 3, 'w'), (20, 3, 'z')");
    spark.sql("ALTER TABLE pddl_ren ADD PARTITION (a=2, b='y')");
    spark.sql("ALTER TABLE pddl_ren PARTITION (a=3, b='z') RENAME TO PARTITION (a=4, b='zz')");
    expect(failure(spark, "ALTER TABLE pddl_ren PARTITION (a=3, b='w') RENAME TO PARTITION (a=2, b='y')").message).toBe(
      `[PARTITIONS_ALREADY_EXIST] Cannot ADD or RENAME TO partition(s) PARTITION (\`a\` = 2, \`b\` = y) in table \`default\`.\`pddl_ren\` because they already exist.\n${EXIST_TAIL}`,
    );
    expect(failure(spark, "ALTER TABLE pddl_ren PARTITION (a=33, b='w') RENAME TO PARTITION (a=6, b='y')").errorClass).toBe('PARTITIONS_NOT_FOUND');
    expect(failure(spark, 'ALTER TABLE pddl_ren PARTITION (a=3) RENAME TO PARTITION (a=6)').message).toContain('Partition spec is invalid. The spec (a) must match');
    expect(rows(spark, 'SELECT * FROM pddl_ren ORDER BY v')).toEqual([
      [12, 4, 'zz'],
      [13, 3, 'w'],
      [20, 4, 'zz'],
    ]);
    spark.sql("TRUNCATE TABLE pddl_ren PARTITION (a=4, b='zz')");
    expect(failure(spark, "TRUNCATE TABLE pddl_ren PARTITION (a=44, b='zz')").errorClass).toBe('PARTITIONS_NOT_FOUND');
    spark.sql('TRUNCATE TABLE pddl_ren PARTITION (a=3)');
    expect(rows(spark, 'SELECT * FROM pddl_ren')).toEqual([]);
    expect(partitions(spark, 'pddl_ren')).toEqual(['a=2/b=y', 'a=3/b=w', 'a=4/b=zz']);
    spark.sql("ALTER TABLE pddl_ren PARTITION (a=2, b='y') SET LOCATION '/tmp/sparkless-pddl/y'");
    expect(failure(spark, "ALTER TABLE pddl_ren PARTITION (a=1, b='nope') SET LOCATION '/tmp/sparkless-pddl/y'").errorClass).toBe('PARTITIONS_NOT_FOUND');
  }, SLOW);

  it('TRUNCATE TABLE keeps the partitions; RECOVER PARTITIONS and MSCK REPAIR TABLE keep them too', () => {
    const spark = open();
    create(spark, 'pddl_tr', '(v INT, a INT, b STRING) USING parquet PARTITIONED BY (a, b)');
    spark.sql('ALTER TABLE pddl_tr ADD PARTITION (a=1, b=NULL)');
    spark.sql("INSERT INTO pddl_tr VALUES (5, 3, 'y')");
    spark.sql('TRUNCATE TABLE pddl_tr');
    expect(partitions(spark, 'pddl_tr')).toEqual(['a=1/b=__HIVE_DEFAULT_PARTITION__', 'a=3/b=y']);
    spark.sql('MSCK REPAIR TABLE pddl_tr');
    spark.sql('MSCK REPAIR TABLE pddl_tr SYNC PARTITIONS');
    spark.sql('ALTER TABLE pddl_tr RECOVER PARTITIONS');
    expect(partitions(spark, 'pddl_tr')).toEqual(['a=1/b=__HIVE_DEFAULT_PARTITION__', 'a=3/b=y']);
    expect(failure(spark, "ALTER TABLE pddl_tr DROP PARTITION (a=NULL, b='q')").message).toContain('PARTITION (`a` = __HIVE_DEFAULT_PARTITION__, `b` = q) cannot be found');
    // INSERT OVERWRITE without PARTITION replaces every partition (static mode).
    spark.sql("INSERT OVERWRITE pddl_tr VALUES (6, 4, 'z')");
    expect(partitions(spark, 'pddl_tr')).toEqual(['a=4/b=z']);
  }, SLOW);

  it('refuses partition commands on an unpartitioned table and on a temp view as Spark does', () => {
    const spark = open();
    create(spark, 'pddl_flat', '(v INT) USING parquet');
    const notInMetastore = (op: string) =>
      `${op} is not allowed on pddl_flat since its partition metadata is not stored in the Hive metastore. To import this information into the metastore, run \`msck repair table pddl_flat\`.`;
    expect(failure(spark, 'ALTER TABLE pddl_flat ADD PARTITION (v=1)').message).toBe(notInMetastore('ALTER TABLE ADD PARTITION'));
    expect(failure(spark, 'ALTER TABLE pddl_flat DROP PARTITION (v=1)').message).toBe(notInMetastore('ALTER TABLE DROP PARTITION'));
    expect(failure(spark, 'ALTER TABLE pddl_flat PARTITION (v=1) RENAME TO PARTITION (v=2)').message).toBe(notInMetastore('ALTER TABLE RENAME PARTITION'));
    expect(failure(spark, "ALTER TABLE pddl_flat PARTITION (v=1) SET LOCATION '/tmp/sparkless-pddl/z'").message).toBe(notInMetastore('ALTER TABLE ... SET LOCATION'));
    expect(failure(spark, 'TRUNCATE TABLE pddl_flat PARTITION (v=1)').message).toBe(
      'Operation not allowed: TRUNCATE TABLE ... PARTITION is not supported for tables that are not partitioned: `spark_catalog`.`default`.`pddl_flat`.',
    );
    expect(failure(spark, 'ALTER TABLE pddl_flat RECOVER PARTITIONS')).toEqual({
      errorClass: 'NOT_A_PARTITIONED_TABLE',
      message:
        '[NOT_A_PARTITIONED_TABLE] Operation ALTER TABLE RECOVER PARTITIONS is not allowed for `spark_catalog`.`default`.`pddl_flat` because it is not a partitioned table.',
    });
    expect(failure(spark, 'MSCK REPAIR TABLE pddl_flat').message).toBe(
      '[NOT_A_PARTITIONED_TABLE] Operation MSCK REPAIR TABLE is not allowed for `spark_catalog`.`default`.`pddl_flat` because it is not a partitioned table.',
    );
    spark.sql('CREATE OR REPLACE TEMPORARY VIEW pddl_v AS SELECT 1 AS a');
    const viewMsg = (op: string, pos: number) => `pddl_v is a temp view. '${op}' expects a table. Please use ALTER VIEW instead..; line 1 pos ${pos}`;
    expect(failure(spark, 'ALTER TABLE pddl_v ADD PARTITION (a=1)').message).toBe(viewMsg('ALTER TABLE ... ADD PARTITION ...', 12));
    expect(failure(spark, 'ALTER TABLE pddl_v DROP PARTITION (a=1)').message).toBe(viewMsg('ALTER TABLE ... DROP PARTITION ...', 12));
    expect(failure(spark, 'ALTER TABLE pddl_v PARTITION (a=1) RENAME TO PARTITION (a=2)').message).toBe(viewMsg('ALTER TABLE ... RENAME TO PARTITION', 12));
    expect(failure(spark, 'ALTER TABLE pddl_v RECOVER PARTITIONS').message).toBe(viewMsg('ALTER TABLE ... RECOVER PARTITIONS', 12));
    expect(failure(spark, 'MSCK REPAIR TABLE pddl_v').message).toBe("pddl_v is a temp view. 'MSCK REPAIR TABLE' expects a table..; line 1 pos 18");
    expect(failure(spark, 'TRUNCATE TABLE pddl_v PARTITION (a=1)').message).toBe("pddl_v is a temp view. 'TRUNCATE TABLE' expects a table..; line 1 pos 15");
    spark.sql('DROP VIEW pddl_v');
  }, SLOW);
});

describe('partition DDL on the file backend', () => {
  let base: string | undefined;
  afterEach(() => {
    if (base) rmSync(base, { recursive: true, force: true });
    base = undefined;
  });

  it('a second session on the same path (another process) sees the recorded partitions and the rewritten rows', () => {
    base = mkdtempSync(join(tmpdir(), 'pddl-file-'));
    const open = (): SparkSession => new SparkSessionClass('pddl', { backendType: 'file', conf: { 'spark.sparkless.backend.basePath': base!, 'spark.sql.session.timeZone': 'UTC' } });
    const first = open();
    first.sql('CREATE TABLE pf (v INT, a INT, b STRING) USING parquet PARTITIONED BY (a, b)');
    first.sql("INSERT INTO pf VALUES (1, 1, 'x'), (2, 2, 'y')");
    first.sql("ALTER TABLE pf ADD PARTITION (a=3, b='z')");
    first.sql("ALTER TABLE pf PARTITION (a=2, b='y') RENAME TO PARTITION (a=4, b='w')");
    first.sql("ALTER TABLE pf DROP PARTITION (a=1, b='x')");
    first.stop();
    const second = open();
    expect(partitions(second, 'pf')).toEqual(['a=3/b=z', 'a=4/b=w']);
    expect(rows(second, 'SELECT * FROM pf')).toEqual([[2, 4, 'w']]);
    second.stop();
  }, SLOW);
});
