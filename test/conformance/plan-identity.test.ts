import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it, vi } from 'vitest';
import { forEachBackend } from '../helpers/backends.js';

vi.setConfig({ testTimeout: 60_000 });

forEachBackend('sameSemantics and semanticHash', (session) => {
  it("PySpark's examples: equal plans, names aside", () => {
    const spark = session();
    const df1 = spark.range(10);
    const df2 = spark.range(10);
    expect(df1.withColumn('col1', df1.col('id').multiply(2)).sameSemantics(df2.withColumn('col1', df2.col('id').multiply(2)))).toBe(true);
    expect(df1.withColumn('col1', df1.col('id').multiply(2)).sameSemantics(df2.withColumn('col1', df2.col('id').plus(2)))).toBe(false);
    expect(df1.withColumn('col1', df1.col('id').multiply(2)).sameSemantics(df2.withColumn('col0', df2.col('id').multiply(2)))).toBe(true);
    expect(spark.range(10).selectExpr('id as col0').semanticHash()).toBe(spark.range(10).selectExpr('id as col1').semanticHash());
    expect(spark.range(10).semanticHash()).not.toBe(spark.range(11).semanticHash());
  });
});

forEachBackend('text format and inputFiles', (session) => {
  it('reads one row per line into `value`, writes one line per row, and lists the files read', () => {
    const spark = session();
    const dir = mkdtempSync(join(tmpdir(), 'sparkless-text-'));
    try {
      const out = join(dir, 'out');
      spark.createDataFrame([['hello'], [null], ['a\tb']], 'value string').write.text(out);
      const back = spark.read.text(out);
      expect(back.dtypes).toEqual([['value', 'string']]);
      expect(back.collect().map((r) => r.get(0))).toEqual(['hello', '', 'a\tb']);
      const files = back.inputFiles();
      expect(files.length).toBe(1);
      expect(files[0]).toMatch(/^file:\/\/.*\/out\/part-00000-.*\.txt$/);
      expect(back.filter('value != ""').select('value').inputFiles()).toEqual(files);
      expect(spark.read.text(out, { wholetext: true }).collect().map((r) => r.get(0))).toEqual(['hello\n\na\tb\n']);
      expect(spark.range(1).inputFiles()).toEqual([]);
      expect(() => spark.range(1).selectExpr('id', 'id AS x').write.text(join(dir, 'bad'))).toThrow(/supports only a single column, and you have 2 columns/);
      expect(() => spark.range(1).write.text(join(dir, 'bad2'))).toThrow(/UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}, { localOnly: 'file paths are the server’s on connect; Spark reads and writes them itself' });
