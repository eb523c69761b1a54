/**
 * Large DataFrame inputs are kept only natively by the Polars (and auto)
 * backend: `createDataFrame` returns a DataFrame whose LocalRelation holds a
 * native-backed batch, whose JS columns are produced only when some code
 * reads them. Every way of using such a DataFrame must give the memory
 * backend's results.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AutoMaterializer } from '../../../src/backend/auto/index.js';
import { MemoryMaterializer } from '../../../src/backend/memory/index.js';
import { batchToNative } from '../../../src/backend/polars/input.js';
import { PolarsMaterializer } from '../../../src/backend/polars/materializer.js';
import { heldFrame, isNativeBacked, NATIVE_INGEST_MIN_ROWS, nativeColumnReads } from '../../../src/backend/polars/native-batch.js';
import { columnNonNull } from '../../../src/backend/polars/operators/nullability.js';
import { batchRows, type Batch } from '../../../src/data/batch.js';
import { F, SparkSession, type DataFrame } from '../../../src/index.js';
import type { LogicalPlan } from '../../../src/plan/nodes.js';

const N = 25_000;
const FACT = 'id LONG, k INT, g STRING, v DOUBLE, q INT';

/** id, a join key, a group (some non-ASCII), a double, a nullable int. */
function factRows(n: number): unknown[][] {
  const rows: unknown[][] = new Array(n);
  for (let i = 0; i < n; i++) {
    rows[i] = [i, (i * 7) % 1000, i % 13 === 0 ? `grüppe${i % 5}` : `g${i % 50}`, ((i * 37) % 10000) / 100, i % 11 === 0 ? null : (i % 10) + 1];
  }
  return rows;
}

const DIM_ROWS = Array.from({ length: 1000 }, (_, k) => [k, `r${k % 10}`, 0.5 + (k % 7) / 10]);
const DIM = 'k INT, region STRING, w DOUBLE';

const localData = (df: DataFrame): Batch => {
  const p = df.plan;
  if (p.kind !== 'LocalRelation') throw new Error(`expected a LocalRelation, got ${p.kind}`);
  return p.data;
};

const dicts = (df: DataFrame): unknown[] => df.collect().map((r) => r.asDict());

function session(backendType: 'memory' | 'polars' | 'auto', options: Record<string, unknown> = {}): SparkSession {
  return new SparkSession(`ingest-${backendType}`, { backendType, conf: { 'spark.sql.session.timeZone': 'UTC' }, ...options });
}

describe('polars backend: large inputs held natively', () => {
  let pol: SparkSession;
  let mem: SparkSession;
  let rows: unknown[][];
  beforeAll(() => {
    pol = session('polars');
    mem = session('memory');
    rows = factRows(N);
  });
  afterAll(() => {
    pol.stop();
    mem.stop();
  });

  const both = (build: (spark: SparkSession) => DataFrame): [unknown[], unknown[]] => [dicts(build(pol)), dicts(build(mem))];
  const fact = (spark: SparkSession): DataFrame => spark.createDataFrame(rows, FACT);
  const dim = (spark: SparkSession): DataFrame => spark.createDataFrame(DIM_ROWS, DIM);

  it('keeps a large batch only as a native frame, and a small one as JS arrays', () => {
    const reads = nativeColumnReads();
    const big = localData(fact(pol));
    expect(isNativeBacked(big)).toBe(true);
    expect(Object.isFrozen(big)).toBe(true);
    expect(big.numRows).toBe(N);
    expect(big.schema.names).toEqual(['id', 'k', 'g', 'v', 'q']);
    // Polars reads the held frame itself; nothing was converted back to JS.
    expect(batchToNative(big)).toBe(heldFrame(big));
    expect(nativeColumnReads()).toBe(reads);

    const small = localData(pol.createDataFrame(rows.slice(0, 10), FACT));
    expect(isNativeBacked(small)).toBe(false);
    expect(isNativeBacked(localData(pol.createDataFrame(rows.slice(0, NATIVE_INGEST_MIN_ROWS - 1), FACT)))).toBe(false);
    expect(isNativeBacked(localData(pol.createDataFrame(rows.slice(0, NATIVE_INGEST_MIN_ROWS), FACT)))).toBe(true);
    // The memory backend keeps what it is given.
    expect(isNativeBacked(localData(fact(mem)))).toBe(false);
  });

  it('produces the same internal columns when read, converting once per read-out', () => {
    const big = localData(fact(pol));
    const plain = localData(fact(mem));
    const reads = nativeColumnReads();
    const cols = big.columns;
    expect(big.columns).toBe(cols); // one conversion serves repeated reads
    expect(nativeColumnReads()).toBe(reads + 1);
    expect(batchRows(big)).toEqual(batchRows(plain));
    // A spread copy reads the values like it would from a plain batch.
    const copy = { ...big };
    expect(copy.columns).toBe(cols);
    expect(copy.numRows).toBe(N);
  });

  it('round-trips every type Polars holds exactly: nulls, big longs, -0, NaN, dates, timestamps, decimals, nested', () => {
    const schema =
      'i INT, l LONG, d DOUBLE, f FLOAT, s STRING, b BOOLEAN, sh SMALLINT, by TINYINT, dt DATE, ts TIMESTAMP, ntz TIMESTAMP_NTZ, ' +
      'dec DECIMAL(12,3), arr ARRAY<INT>, m MAP<STRING,DOUBLE>, st STRUCT<x: INT, y: STRING>';
    const n = NATIVE_INGEST_MIN_ROWS + 5;
    const specials = [-0, NaN, Infinity, -Infinity, 1.5];
    const data: unknown[][] = [];
    for (let r = 0; r < n; r++) {
      const nul = r % 9 === 4;
      data.push([
        nul ? null : r - 10_000,
        r % 17 === 0 ? 2n ** 60n + BigInt(r) : nul ? null : -r * 1_000_003,
        r < specials.length ? specials[r] : nul ? null : r / 7,
        nul ? null : r / 3,
        nul ? null : r % 3 === 0 ? `日本${r}` : `s${r}`,
        nul ? null : r % 2 === 0,
        nul ? null : (r % 60000) - 30000,
        nul ? null : (r % 256) - 128,
        nul ? null : new Date(Date.UTC(1960 + (r % 80), r % 12, 1 + (r % 28))),
        nul ? null : new Date(Date.UTC(2001, 0, 1) + r * 1_234_567),
        nul ? null : new Date(Date.UTC(1999, 5, 1) + r * 7_654_321),
        nul ? null : `${r}.${r % 1000}`,
        nul ? null : r % 5 === 0 ? [] : [r, null, -r],
        nul ? null : new Map<string, number | null>([[`k${r}`, r / 4], ['z', null]]),
        nul ? null : { x: r, y: r % 2 ? null : `y${r}` },
      ]);
    }
    const big = localData(pol.createDataFrame(data, schema));
    expect(isNativeBacked(big)).toBe(true);
    expect(batchRows(big)).toEqual(batchRows(localData(mem.createDataFrame(data, schema))));
  });

  it('keeps types Polars cannot hold exactly (binary) as JS arrays', () => {
    const data = Array.from({ length: NATIVE_INGEST_MIN_ROWS }, (_, i) => [i, new Uint8Array([i & 255, 1])]);
    const b = localData(pol.createDataFrame(data, 'i INT, bin BINARY'));
    expect(isNativeBacked(b)).toBe(false);
    expect(pol.createDataFrame(data, 'i INT, bin BINARY').filter(F.col('i').lt(3)).count()).toBe(3);
  });

  it('runs queries natively without reading the data into JS, with the memory backend results', () => {
    const big = fact(pol);
    const reads = nativeColumnReads();
    const q = (df: DataFrame): DataFrame =>
      df
        .filter(F.col('v').gt(20).and(F.col('q').lt(9)))
        .withColumn('vq', F.col('v').multiply(F.col('q')))
        .groupBy('g')
        .agg(F.count('*').alias('n'), F.max('vq').alias('m'), F.min('id').alias('lo'))
        .orderBy('g');
    const got = dicts(q(big));
    expect(nativeColumnReads()).toBe(reads);
    expect(got).toEqual(dicts(q(fact(mem))));
  });

  it('collects, shows and counts the bare DataFrame like the memory backend', () => {
    const big = fact(pol);
    const small = fact(mem);
    expect(dicts(big)).toEqual(dicts(small));
    expect(big.showString(5)).toBe(small.showString(5));
    expect(big.count()).toBe(N);
    expect(big.toArrow().numRows).toBe(N);
    const renamed = (s: SparkSession) => fact(s).toDF('a', 'b', 'c', 'd', 'e').limit(3);
    expect(dicts(renamed(pol))).toEqual(dicts(renamed(mem)));
  });

  it('unions and joins with small plain DataFrames', () => {
    const tail = rows.slice(0, 5).map((r) => [-1 - (r[0] as number), ...r.slice(1)]);
    const [u, uMem] = both((s) => fact(s).union(s.createDataFrame(tail, FACT)).orderBy('id').limit(10));
    expect(u).toEqual(uMem);
    const [u2, u2Mem] = both((s) => s.createDataFrame(tail, FACT).unionByName(fact(s)).groupBy('q').count().orderBy('q'));
    expect(u2).toEqual(u2Mem);
    const [j, jMem] = both((s) =>
      fact(s)
        .join(dim(s), 'k')
        .groupBy('region')
        .agg(F.sum(F.col('q').multiply(F.col('k'))).alias('s'), F.count('*').alias('n'))
        .orderBy('region'),
    );
    expect(j).toEqual(jMem);
    // Two native-backed inputs: a self-join on the id.
    const [sj, sjMem] = both((s) => {
      const a = fact(s);
      const b = fact(s).select(F.col('id').alias('id2'), F.col('g').alias('g2'));
      return a.join(b, a.col('id').eqNullSafe(b.col('id2'))).filter(F.col('g').neq(F.col('g2'))).agg(F.count('*').alias('n'));
    });
    expect(sj).toEqual(sjMem);
    expect(sj).toEqual([{ n: 0 }]);
  });

  it('gives the same results when a node is delegated to the interpreter', () => {
    const m = new PolarsMaterializer({ timeZone: 'UTC' });
    const spark = session('polars', { materializer: m });
    try {
      const q = (s: SparkSession): DataFrame =>
        s.createDataFrame(rows, FACT).groupBy('g').agg(F.stddev_samp('v').alias('sd'), F.count('q').alias('n')).orderBy('g');
      const got = dicts(q(spark));
      expect(m.lastDelegations.length).toBeGreaterThan(0);
      expect(got).toEqual(dicts(q(mem)));
    } finally {
      spark.stop();
    }
  });

  it('runs on the memory interpreter directly (the data read back from the native frame)', () => {
    const q = fact(pol).filter(F.col('q').isNull().or(F.col('k').lt(10))).select('id', 'g', F.col('v').plus(1).alias('v1')).orderBy(F.col('id').desc());
    const plan = pol.optimizedPlan(q.plan);
    const viaMemory = new MemoryMaterializer({ timeZone: 'UTC' }).materialize(plan);
    const viaPolars = new PolarsMaterializer({ timeZone: 'UTC' }).materialize(plan);
    expect(viaMemory.numRows).toBeGreaterThan(0);
    expect(batchRows(viaMemory)).toEqual(batchRows(viaPolars));
  });

  it('caches, explains and describes like a plain input', () => {
    const cached = fact(pol).filter(F.col('k').lt(500)).cache();
    const cachedMem = fact(mem).filter(F.col('k').lt(500)).cache();
    expect(cached.count()).toBe(cachedMem.count());
    const agg = (df: DataFrame): unknown[] => dicts(df.groupBy('q').agg(F.sum('v').alias('s')).orderBy('q'));
    expect(agg(cached)).toEqual(agg(cachedMem));
    const bare = fact(pol).cache();
    expect(bare.count()).toBe(N);
    expect(dicts(bare.orderBy(F.col('id').desc()).limit(3))).toEqual(dicts(fact(mem).orderBy(F.col('id').desc()).limit(3)));

    // Cached results are kept like input data: natively when large (N rows), as JS arrays when small.
    const cachedLeaf = (df: DataFrame): Batch => {
      const leaves: Batch[] = [];
      const walk = (p: LogicalPlan): void => {
        if (p.kind === 'LocalRelation') leaves.push(p.data);
        else for (const c of Object.values(p)) if (c && typeof c === 'object' && 'kind' in c && 'id' in c) walk(c as LogicalPlan);
      };
      walk(
        pol.cacheManager.substitute(pol.analyze(df.groupBy('q').count().plan).plan, () => {
          throw new Error('already computed');
        }),
      );
      expect(leaves.length).toBe(1);
      return leaves[0]!;
    };
    const computed = fact(pol).withColumn('z', F.col('id').plus(1)).cache();
    expect(computed.count()).toBe(N);
    expect(isNativeBacked(cachedLeaf(computed))).toBe(true);
    expect(cached.count()).toBeLessThan(NATIVE_INGEST_MIN_ROWS);
    expect(isNativeBacked(cachedLeaf(cached))).toBe(false);

    const reads = nativeColumnReads();
    const q = fact(pol).filter(F.col('v').gt(1));
    expect(q.explainString(true)).toContain('LocalRelation');
    const described = new PolarsMaterializer().describe(pol.optimizedPlan(q.plan));
    expect(described).toContain('LocalRelation');
    expect(described).toContain('[polars]');
    expect(nativeColumnReads()).toBe(reads);
  });

  it('writes files and tables with the same rows', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sparkless-ingest-'));
    try {
      fact(pol).write.parquet(join(dir, 'p'));
      fact(pol).write.option('header', true).csv(join(dir, 'c'));
      const back = (s: SparkSession, fmt: 'parquet' | 'csv'): unknown[] =>
        dicts((fmt === 'parquet' ? s.read.parquet(join(dir, 'p')) : s.read.schema(FACT).option('header', true).csv(join(dir, 'c'))).orderBy('id'));
      const expected = dicts(fact(mem).orderBy('id'));
      expect(back(mem, 'parquet')).toEqual(expected);
      expect(back(pol, 'parquet')).toEqual(expected);
      expect(back(mem, 'csv')).toEqual(expected);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    fact(pol).write.mode('overwrite').saveAsTable('ingest_t');
    fact(pol).filter(F.col('id').lt(10)).write.mode('append').saveAsTable('ingest_t');
    fact(mem).write.mode('overwrite').saveAsTable('ingest_t');
    fact(mem).filter(F.col('id').lt(10)).write.mode('append').saveAsTable('ingest_t');
    const t = (s: SparkSession): unknown[] => dicts(s.table('ingest_t').groupBy('g').agg(F.count('*').alias('n'), F.sum('id').alias('s')).orderBy('g'));
    expect(pol.table('ingest_t').count()).toBe(N + 10);
    expect(t(pol)).toEqual(t(mem));
  });

  it('proves null-free columns from the native null count, and sorts on them like the memory backend', () => {
    const big = fact(pol);
    const lr = pol.analyze(big.plan).plan as LogicalPlan;
    const reads = nativeColumnReads();
    expect(columnNonNull(lr, 0)).toBe(true); // id: no null in the data
    expect(columnNonNull(lr, 3)).toBe(true); // v
    expect(columnNonNull(lr, 4)).toBe(false); // q holds nulls
    expect(nativeColumnReads()).toBe(reads);
    const [s, sMem] = both((sp) => fact(sp).orderBy(F.col('v').desc(), F.col('id')).offset(N / 2).limit(10).select('id', 'v'));
    expect(s).toEqual(sMem);
    const [s2, s2Mem] = both((sp) => fact(sp).orderBy(F.col('q').asc_nulls_last(), F.col('id').desc()).limit(15).select('id', 'q'));
    expect(s2).toEqual(s2Mem);
  });
});

describe('auto backend: inputs too large for the interpreter are held natively', () => {
  it('ingests above its memory threshold only, and answers like the memory backend', () => {
    const materializer = new AutoMaterializer({ maxMemoryRows: 1000, timeZone: 'UTC' });
    const auto = session('auto', { materializer });
    const mem = session('memory');
    try {
      const rows = factRows(5000);
      const big = auto.createDataFrame(rows, FACT);
      expect(isNativeBacked(localData(big))).toBe(true);
      const small = auto.createDataFrame(rows.slice(0, 1000), FACT);
      expect(isNativeBacked(localData(small))).toBe(false);

      const q = (s: SparkSession): DataFrame =>
        s.createDataFrame(rows, FACT).union(s.createDataFrame(rows.slice(0, 1000), FACT)).groupBy('q').agg(F.count('*').alias('n'), F.max('v').alias('m')).orderBy('q');
      expect(dicts(q(auto))).toEqual(dicts(q(mem)));
      expect(materializer.lastChoice).toBe('polars');
      expect(dicts(big.orderBy('id').limit(5))).toEqual(dicts(mem.createDataFrame(rows, FACT).orderBy('id').limit(5)));
      expect(dicts(big)).toEqual(dicts(mem.createDataFrame(rows, FACT)));
    } finally {
      auto.stop();
      mem.stop();
    }
  });

  it('uses the default threshold of 20,000 rows', () => {
    const auto = session('auto');
    try {
      expect(isNativeBacked(localData(auto.createDataFrame(factRows(20_000), FACT)))).toBe(false);
      expect(isNativeBacked(localData(auto.createDataFrame(factRows(20_001), FACT)))).toBe(true);
    } finally {
      auto.stop();
    }
  });
});
