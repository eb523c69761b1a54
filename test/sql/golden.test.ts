/**
 * Spark's own SQL golden files (fixtures/spark-sql-golden, see its
 * PROVENANCE.md) run through `executeSql`: one session per file and backend,
 * blocks in order (commands such as CREATE TEMPORARY VIEW set up later
 * queries). Each query's column types (and, for Spark 3 files, names) and
 * rows are compared with Spark's output; rows compare as a multiset unless
 * the query has a top-level ORDER BY. Error blocks must raise the same
 * exception class. Queries using what sparkless does not model are listed in
 * golden-skips.ts with the reason.
 *
 * Backends: `SPARKLESS_SQL_GOLDEN_BACKENDS=memory,polars` (default: both), plus
 * real Spark (`connect`) when SPARK_REMOTE answers. On Spark the local skip
 * list does not apply (it lists sparkless's gaps); golden-connect-skips.ts
 * lists what differs for reasons about Spark itself.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Batch } from '../../src/data/batch.js';
import { SparkSession } from '../../src/session/session.js';
import { ExecutionException } from '../../src/errors/index.js';
import { parseStatementAst } from '../../src/sql/index.js';
import { cellsEqual, parseSchemaText, readGoldenFile, renderCell, type GoldenBlock, type GoldenFile } from './golden-format.js';
import { skipReason } from './golden-skips.js';
import { connectSkipReason } from './golden-connect-skips.js';
import { sparkRemote } from '../helpers/spark-remote.js';
import { REFEREE_PARALLELISM } from '../helpers/backends.js';

const DIR = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/spark-sql-golden');
const FILES = readdirSync(DIR)
  .filter((f) => f.endsWith('.sql.out'))
  .sort();
const REMOTE = sparkRemote();
const BACKENDS = [
  ...((process.env['SPARKLESS_SQL_GOLDEN_BACKENDS'] ?? 'memory,polars').split(',').map((b) => b.trim()) as ('memory' | 'polars')[]),
  ...('url' in REMOTE ? (['connect'] as const) : []),
];
/** SQLQueryTestSuite runs with this session time zone. */
const TIME_ZONE = 'America/Los_Angeles';

/** Spark exception classes → sparkless error names. */
function expectedErrorName(sparkClass: string): string {
  switch (sparkClass) {
    case 'ParseException':
      return 'ParseException';
    case 'AnalysisException':
    case 'NoSuchTableException':
    case 'TempTableAlreadyExistsException':
      return 'AnalysisException';
    default:
      // Runtime failures: the golden files name the Java class of the Spark build that wrote them
      // (e.g. java.lang.ArrayIndexOutOfBoundsException where 3.5.7 raises SparkRuntimeException),
      // so any class of the ExecutionException family matches.
      return 'ExecutionException';
  }
}

/**
 * The top-level ORDER BY of a query as output column positions (`undefined`:
 * not ordered; `null`: ordered by something that is not an output column).
 * Rows may come in any order among ties, as in Spark.
 */
function orderKeyColumns(sql: string, names: readonly string[]): number[] | null | undefined {
  let s;
  try {
    s = parseStatementAst(sql);
  } catch {
    return undefined;
  }
  if (s.kind !== 'queryStatement' || s.query.kind !== 'query' || s.query.orderBy.length === 0) return undefined;
  const keys: number[] = [];
  for (const o of s.query.orderBy) {
    const e = o.child;
    if (e.kind === 'Literal' && typeof e.value === 'number') keys.push(e.value - 1);
    else if (e.kind === 'ColumnRef') {
      const last = e.name.split('.').pop()!.replace(/`/g, '').toLowerCase();
      const i = names.findIndex((n) => n.toLowerCase() === last);
      if (i < 0) return null;
      keys.push(i);
    } else return null;
  }
  return keys;
}

function renderRows(batch: Batch, legacy: boolean): string[][] {
  const types = batch.schema.fields.map((f) => f.dataType);
  const rows: string[][] = [];
  for (let r = 0; r < batch.numRows; r++) rows.push(types.map((t, c) => renderCell(batch.columns[c]![r], t, TIME_ZONE, legacy)));
  return rows;
}

/** The tables Spark's SQLQueryTestSuite creates for every file (from Spark's SQLTestData). */
function createTestTables(spark: SparkSession): void {
  spark
    .createDataFrame(
      Array.from({ length: 100 }, (_, i) => [i + 1, String(i + 1)]),
      'key INT, value STRING',
    )
    .createOrReplaceTempView('testdata');
  spark
    .createDataFrame(
      [
        [[1, 2, 3], [[1, 2, 3]]],
        [[2, 3, 4], [[2, 3, 4]]],
      ],
      'arraycol ARRAY<INT>, nestedarraycol ARRAY<ARRAY<INT>>',
    )
    .createOrReplaceTempView('arraydata');
  const maps = [5, 4, 3, 2, 1].map((n, r) => [new Map(Array.from({ length: n }, (_, i) => [i + 1, `${'abcde'[i]}${r + 1}`]))]);
  spark.createDataFrame(maps, 'mapcol MAP<INT, STRING>').createOrReplaceTempView('mapdata');
}

function checkBlock(spark: SparkSession, file: GoldenFile, block: GoldenBlock): void {
  const run = (): Batch => spark.sql(block.sql).executeBatch();
  if (block.error) {
    let error: unknown;
    try {
      run();
    } catch (e) {
      error = e;
    }
    expect(error, `expected ${block.error}: ${block.output.slice(1).join(' ')}`).toBeDefined();
    const expected = expectedErrorName(block.error);
    if (expected === 'ExecutionException') expect(error, (error as Error).message).toBeInstanceOf(ExecutionException);
    else expect((error as Error).name, (error as Error).message).toBe(expected);
    return;
  }
  const batch = run();
  const expectedFields = parseSchemaText(block.schema);
  const actualFields = batch.schema.fields.map((f) => [f.name, f.dataType.simpleString()] as [string, string]);
  expect(actualFields.map((f) => f[1]).join(', '), 'column types').toBe(expectedFields.map((f) => f[1]).join(', '));
  if (!file.numbered) expect(actualFields.map((f) => f[0]).join(' | '), 'column names').toBe(expectedFields.map((f) => f[0]).join(' | '));
  const expectedRows = block.output.map((l) => l.split('\t'));
  const actualRows = renderRows(batch, file.numbered);
  const types = batch.schema.fields.map((f) => f.dataType);
  const rowEq = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((cell, c) => cellsEqual(cell, b[c]!, types[c]));
  const key = (r: readonly string[]): string => r.join('\t');
  const byText = (a: readonly string[], b: readonly string[]): number => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
  const sortedActual = [...actualRows].sort(byText);
  const sortedWanted = [...expectedRows].sort(byText);
  const sameMultiset = sortedActual.length === sortedWanted.length && sortedActual.every((r, i) => rowEq(r, sortedWanted[i]!));
  const order = orderKeyColumns(block.sql, actualFields.map((f) => f[0]));
  let same = sameMultiset;
  if (same && order !== undefined) {
    // ordered: the sort keys must come in Spark's order (rows tied on them may differ in order)
    same =
      order === null
        ? actualRows.every((r, i) => rowEq(r, expectedRows[i]!))
        : actualRows.every((r, i) => order.every((c) => cellsEqual(r[c]!, expectedRows[i]![c]!, types[c])));
  }
  if (!same) {
    if (order !== undefined) expect(actualRows.map(key)).toEqual(expectedRows.map(key));
    else expect(sortedActual.map(key)).toEqual(sortedWanted.map(key));
  }
}

type Tally = { pass: number; fail: number; skip: number };
const tallies = new Map<string, Tally>();

for (const backend of BACKENDS) {
  for (const name of FILES) {
    const file = readGoldenFile(join(DIR, name), name);
    const tally: Tally = { pass: 0, fail: 0, skip: 0 };
    tallies.set(`${backend}\t${name}`, tally);
    describe(`${name} [${backend}]`, () => {
      let spark: SparkSession;
      beforeAll(() => {
        const remote: Record<string, string> = backend === 'connect' && 'url' in REMOTE ? { 'spark.remote': REMOTE.url } : {};
        // Spark's SQLQueryTestSuite ran on local[2], as the referee does: partial aggregates merge alike.
        const local = backend === 'connect' ? {} : REFEREE_PARALLELISM;
        spark = new SparkSession(`golden-${name}`, { backendType: backend, conf: { 'spark.sql.session.timeZone': TIME_ZONE, ...local, ...remote } });
        createTestTables(spark);
      });
      afterAll(() => spark?.stop());
      // Skipped setup statements (CREATE VIEW, SET, ...) still run, before the next checked query.
      let pendingSetup: GoldenBlock[] = [];
      for (const block of file.blocks) {
        const title = `#${block.index} ${block.sql.replace(/\s+/g, ' ').slice(0, 90)}`;
        const reason = backend === 'connect' ? connectSkipReason(name, block.index) : skipReason(name, block.index, backend);
        if (reason) {
          tally.skip++;
          if (!block.error && /^\s*(create|drop|set|use)\b/i.test(block.sql)) {
            it.skip(`${title} — skipped: ${reason}`, () => {});
            pendingSetup.push(block);
            continue;
          }
          // Still run, expecting the failure: a skip that starts passing is reported so it gets removed.
          const setup = pendingSetup;
          pendingSetup = [];
          it.fails(`${title} — known gap: ${reason}`, () => {
            for (const s of setup) {
              try {
                spark.sql(s.sql);
              } catch {
                // covered by that statement's skip reason
              }
            }
            checkBlock(spark, file, block);
          });
          continue;
        }
        const setup = pendingSetup;
        pendingSetup = [];
        it(title, () => {
          for (const s of setup) {
            try {
              spark.sql(s.sql);
            } catch {
              // covered by that statement's skip reason
            }
          }
          try {
            checkBlock(spark, file, block);
            tally.pass++;
          } catch (e) {
            tally.fail++;
            throw e;
          }
        });
      }
    });
  }
}

afterAll(() => {
  const lines = ['backend\tfile\tpass\tskip\tfail'];
  for (const [k, t] of tallies) lines.push(`${k}\t${t.pass}\t${t.skip}\t${t.fail}`);
  console.log(`Spark SQL golden files:\n${lines.join('\n')}`);
});
