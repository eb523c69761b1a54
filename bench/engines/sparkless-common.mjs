// The sparkless adapters (one per backend) share this file. They use only the
// public, PySpark-shaped API of the built package.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { FACT_COLUMNS, DIM_COLUMNS, FACT_SCHEMA, DIM_SCHEMA, smallPipeline, toRowArrays } from '../data.mjs';

const DIST_INDEX = fileURLToPath(new URL('../../dist/index.js', import.meta.url));

/**
 * The built package: through its self-reference (`import 'sparkless'`, which needs
 * an "exports" map in package.json), else the built file `dist/index.js` directly.
 */
export async function importSparkless(subpath = '') {
  const spec = `sparkless${subpath}`;
  try {
    return { mod: await import(spec), via: spec };
  } catch (err) {
    const file = subpath ? DIST_INDEX.replace(/index\.js$/, `${subpath.slice(1)}.js`) : DIST_INDEX;
    const missing = err?.code === 'ERR_MODULE_NOT_FOUND' || err?.code === 'ERR_PACKAGE_PATH_NOT_EXPORTED';
    if (!missing) throw err;
    if (!existsSync(file)) throw new Error(`${spec} not found: no ${file.slice(file.lastIndexOf('/dist/') + 1)} (run \`npm run build\`)`);
    return { mod: await import(pathToFileURL(file).href), via: 'dist/' + file.split('/dist/')[1] };
  }
}

/** Row → plain object, whatever shape sparkless's Row has (only to compare results, never timed). */
function rowObject(r) {
  if (r && typeof r.asDict === 'function') return r.asDict();
  if (r && typeof r.toJSON === 'function') return r.toJSON();
  return { ...r };
}
const rowObjects = (rows) => rows.map(rowObject);

function arrowSummary(t) {
  const v = t.getChild('v');
  let s = 0;
  for (let i = 0; i < t.numRows; i++) s += Number(v.get(i));
  return [{ n: t.numRows, sv: s }];
}

export function makeAdapter(backendType) {
  async function load() {
    const { mod, via } = await importSparkless();
    const { SparkSession, functions: F, Window } = mod;
    if (typeof SparkSession !== 'function') throw new Error(`${via} has no SparkSession export yet`);
    if (!F) throw new Error(`${via} has no functions export yet`);
    return { SparkSession, F, Window, via };
  }

  /**
   * The per-test session the toolkit gives each test (`createTestSession`, what
   * `useSparkSession` runs around every test), or a plain session where the
   * toolkit is not built.
   */
  async function perTestSessions(SparkSession) {
    try {
      const { mod } = await importSparkless('/testing');
      if (typeof mod.createTestSession === 'function') {
        return {
          open: () => mod.createTestSession({ backend: backendType }),
          session: (h) => h.spark,
          close: (h) => h.dispose(),
          note: 'a session per iteration from `createTestSession` (sparkless/testing)',
        };
      }
    } catch {
      // no toolkit: plain sessions below
    }
    return {
      open: () => newSession(SparkSession),
      session: (s) => s,
      close: (s) => s.stop?.(),
      note: 'a `new SparkSession` per iteration (sparkless/testing not built)',
    };
  }

  const newSession = (SparkSession) => new SparkSession('bench', { backendType });

  /** Loads the fact (and dimension) tables once, untimed; `body(spark, fact, dim)` returns the run function. */
  function table(body, extra = {}) {
    return ({ SparkSession, F, Window, via }, data) => {
      const spark = newSession(SparkSession);
      const fact = spark.createDataFrame(toRowArrays(data.fact, FACT_COLUMNS), FACT_SCHEMA);
      const dim = spark.createDataFrame(toRowArrays(data.dim, DIM_COLUMNS), DIM_SCHEMA);
      return {
        run: body({ spark, F, Window, fact, dim, n: data.fact.n }),
        normalize: extra.normalize ?? rowObjects,
        note: via.startsWith('dist/') ? `loaded from ${via}` : undefined,
        close: () => spark.stop?.(),
      };
    };
  }

  const workloads = {
    pertest: async ({ SparkSession, F }) => {
      const sessions = await perTestSessions(SparkSession);
      return {
        run: () => {
          const handle = sessions.open();
          try {
            return smallPipeline(sessions.session(handle), F);
          } finally {
            sessions.close(handle);
          }
        },
        normalize: rowObjects,
        note: sessions.note,
      };
    },

    pertest_shared: ({ SparkSession, F }) => {
      const spark = newSession(SparkSession);
      return { run: () => smallPipeline(spark, F), normalize: rowObjects, close: () => spark.stop?.() };
    },

    filter_project: table(({ F, fact }) => () =>
      fact
        .filter(F.col('v').gt(50).and(F.col('q').lt(9)))
        .select('id', 'g', F.col('v').multiply(2).plus(1).alias('v2'), F.col('v').multiply(F.col('q')).alias('vq'))
        .agg(F.count('*').alias('n'), F.sum('v2').alias('s'), F.max('vq').alias('m'))
        .collect(),
    ),

    groupby_agg: table(({ F, fact }) => () =>
      fact.groupBy('g').agg(F.sum('v').alias('s'), F.avg('v').alias('a'), F.count('*').alias('n')).collect(),
    ),

    join_groupby: table(({ F, fact, dim }) => () =>
      fact
        .join(dim, 'k')
        .groupBy('region')
        .agg(F.sum(F.col('v').multiply(F.col('w'))).alias('sw'), F.count('*').alias('n'))
        .collect(),
    ),

    join_only: table(({ F, fact, dim }) => () =>
      fact.join(dim, 'k').agg(F.count('*').alias('n'), F.sum('w').alias('sw'), F.max('name').alias('mn')).collect(),
    ),

    multi_join: table(({ F, fact, dim }) => () =>
      fact
        .join(dim, 'k')
        .join(fact.filter(F.col('q').leq(2)).select('id', F.col('v').alias('v2')), 'id')
        .agg(F.count('*').alias('n'), F.sum(F.col('v2').multiply(F.col('w'))).alias('s'))
        .collect(),
    ),

    window_row_number: table(({ F, Window, fact }) => {
      const w = Window.partitionBy('g').orderBy(F.col('v').desc(), F.col('id'));
      return () =>
        fact
          .withColumn('rn', F.row_number().over(w))
          .agg(
            F.count('*').alias('n'),
            F.sum(F.col('rn').multiply(F.col('q'))).alias('srq'),
            F.max('rn').alias('mrn'),
          )
          .collect();
    }),

    sort: table(({ F, fact, n }) => {
      const mid = Math.floor(n / 2);
      return () => fact.orderBy(F.col('v').desc(), F.col('id')).offset(mid).limit(10).select('id', 'v').collect();
    }),

    etl_chain: table(({ F, fact, dim }) => () =>
      fact
        .filter(F.col('q').gt(1))
        .withColumn('amount', F.col('v').multiply(F.col('q')))
        .join(dim, 'k')
        .groupBy('region', 'g')
        .agg(F.sum('amount').alias('total'), F.count('*').alias('n'), F.avg('w').alias('aw'))
        .orderBy(F.col('total').desc(), 'region', 'g')
        .collect(),
    ),

    collect_objects: table(({ fact }) => () => fact.collect(), {
      normalize: (rows) => {
        let s = 0;
        for (const r of rows) s += rowObject(r).v;
        return [{ n: rows.length, sv: s }];
      },
    }),

    collect_arrow: table(({ fact }) => () => fact.toArrow(), { normalize: arrowSummary }),
  };

  return { load, workloads };
}
