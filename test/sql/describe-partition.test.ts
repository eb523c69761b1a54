/**
 * `DESC t PARTITION (...)` as Spark 3.5.7 answers it (checked against it; run
 * with SPARK_REMOTE=sc://127.0.0.1:15003 to check again): the table's
 * description for an existing partition, and its refusals.
 */
import { expect, it } from 'vitest';
import type { SparkSession } from '../../src/session/session.js';
import { forEachBackend } from '../helpers/backends.js';
import { failure, scratchTables } from '../helpers/ddl-tables.js';

const SLOW = 60_000;
const rows = (spark: SparkSession, sql: string): unknown[][] => spark.sql(sql).collect().map((r) => [...r]);

forEachBackend('DESCRIBE TABLE ... PARTITION', (session) => {
  const { open, create } = scratchTables(session);

  it('describes the table for an existing partition (keys in any order) and refuses other specs', () => {
    const spark = open();
    create(spark, 'ddldp_t', '(a INT, c STRING, d INT) USING parquet PARTITIONED BY (c, d)');
    spark.sql("INSERT INTO ddldp_t VALUES (1, 'Us', 1)");
    const expected = [
      ['a', 'int', null],
      ['c', 'string', null],
      ['d', 'int', null],
      ['# Partition Information', '', ''],
      ['# col_name', 'data_type', 'comment'],
      ['c', 'string', null],
      ['d', 'int', null],
    ];
    expect(rows(spark, "DESC ddldp_t PARTITION (c='Us', d=1)")).toEqual(expected);
    expect(rows(spark, "DESC ddldp_t PARTITION (d=1, c='Us')")).toEqual(expected);
    expect(failure(spark, "DESC ddldp_t PARTITION (c='Us', d=2)")).toEqual({
      errorClass: 'PARTITIONS_NOT_FOUND',
      message: '[PARTITIONS_NOT_FOUND] The partition(s) PARTITION (`c` = Us, `d` = 2) cannot be found in table `default`.`ddldp_t`.\nVerify the partition specification and table name.\nTo tolerate the error on drop use ALTER TABLE … DROP IF EXISTS PARTITION.',
    });
    expect(failure(spark, "DESC ddldp_t PARTITION (c='Us')").message).toBe(
      "Partition spec is invalid. The spec (c) must match the partition spec (c, d) defined in table '`spark_catalog`.`default`.`ddldp_t`'.",
    );
    expect(failure(spark, "DESC ddldp_t PARTITION (c='Us', z=1)").message).toBe('z is not a valid partition column in table `spark_catalog`.`default`.`ddldp_t`.');
    expect(failure(spark, "DESC ddldp_t PARTITION (c='Us', d)")).toEqual({
      errorClass: 'INVALID_SQL_SYNTAX.EMPTY_PARTITION_VALUE',
      message:
        "[INVALID_SQL_SYNTAX.EMPTY_PARTITION_VALUE] Invalid SQL syntax: Partition key `d` must set value.(line 1, pos 13)\n\n== SQL ==\nDESC ddldp_t PARTITION (c='Us', d)\n-------------^^^\n",
    });
    expect(failure(spark, "DESC ddldp_t PARTITION (c='Us', d=1) a")).toEqual({
      errorClass: 'UNSUPPORTED_FEATURE.DESC_TABLE_COLUMN_PARTITION',
      message:
        "[UNSUPPORTED_FEATURE.DESC_TABLE_COLUMN_PARTITION] The feature is not supported: DESC TABLE COLUMN for a specific partition.(line 1, pos 0)\n\n== SQL ==\nDESC ddldp_t PARTITION (c='Us', d=1) a\n^^^\n",
    });
    create(spark, 'ddldp_flat', '(a INT) USING parquet');
    expect(failure(spark, 'DESC ddldp_flat PARTITION (a=1)').message).toBe(
      'DESC PARTITION is not allowed on ddldp_flat since its partition metadata is not stored in the Hive metastore. To import this information into the metastore, run `msck repair table ddldp_flat`.',
    );
    spark.sql('CREATE OR REPLACE TEMP VIEW ddldp_v AS SELECT 1 AS c, 1 AS d');
    expect(failure(spark, "DESC ddldp_v PARTITION (c='Us', d=1)")).toEqual({
      errorClass: 'FORBIDDEN_OPERATION',
      message: '[FORBIDDEN_OPERATION] The operation DESC PARTITION is not allowed on the TEMPORARY VIEW: `ddldp_v`.',
    });
    spark.sql('DROP VIEW ddldp_v');
  }, SLOW);

  it('DESC EXTENDED ... PARTITION adds the partition details and the table storage (Spark 3.5.7 layout)', () => {
    const spark = open();
    create(spark, 'ddldp_x', "(a INT, c STRING) USING parquet PARTITIONED BY (c) OPTIONS ('o'='1')");
    spark.sql("ALTER TABLE ddldp_x ADD PARTITION (c='u') LOCATION '/tmp/sparkless-ddldp/u'");
    const got = rows(spark, "DESC EXTENDED ddldp_x PARTITION (c='u')").map((r) => [r[0], String(r[1]).replace(/^file:\S*\/ddldp_x$/, '<table>').replace(/^\w{3} \w{3} \d\d .*$/, '<time>'), r[2]]);
    expect(got).toEqual([
      ['a', 'int', null],
      ['c', 'string', null],
      ['# Partition Information', '', ''],
      ['# col_name', 'data_type', 'comment'],
      ['c', 'string', null],
      ['', '', ''],
      ['# Detailed Partition Information', '', ''],
      ['Database', 'default', ''],
      ['Table', 'ddldp_x', ''],
      ['Partition Values', '[c=u]', ''],
      ['Location', 'file:/tmp/sparkless-ddldp/u', ''],
      ['Storage Properties', '[o=1]', ''],
      ['Created Time', '<time>', ''],
      ['Last Access', 'UNKNOWN', ''],
      ['', '', ''],
      ['# Storage Information', '', ''],
      ['Location', '<table>', ''],
      ['Storage Properties', '[o=1]', ''],
    ]);
  }, SLOW);
});
