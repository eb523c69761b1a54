// DuckDB through `@duckdb/node-api`: an in-memory database, the same pipelines in SQL.
import { SMALL_ROWS } from '../data.mjs';

export async function load() {
  return await import('@duckdb/node-api');
}

const CHUNK = 2048; // DuckDB's vector size

/** Loads column arrays into a new table through the appender, one data chunk at a time. */
async function loadTable(duck, conn, name, ddl, cols, names, types, convert = {}) {
  await conn.run(`CREATE OR REPLACE TABLE ${name} (${ddl})`);
  const appender = await conn.createAppender(name);
  for (let start = 0; start < cols.n; start += CHUNK) {
    const end = Math.min(cols.n, start + CHUNK);
    const chunk = duck.DuckDBDataChunk.create(types, end - start);
    chunk.setColumns(
      names.map((c) => {
        const src = cols[c];
        const out = new Array(end - start);
        const f = convert[c];
        for (let i = start; i < end; i++) out[i - start] = f ? f(src[i]) : src[i];
        return out;
      }),
    );
    appender.appendDataChunk(chunk);
  }
  appender.closeSync();
}

async function open(duck, { fact, dim } = {}) {
  const instance = await duck.DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  const { BIGINT, INTEGER, VARCHAR, DOUBLE } = duck;
  if (fact) {
    await loadTable(duck, conn, 'f', 'id BIGINT, k INTEGER, g VARCHAR, v DOUBLE, q INTEGER', fact,
      ['id', 'k', 'g', 'v', 'q'], [BIGINT, INTEGER, VARCHAR, DOUBLE, INTEGER], { id: BigInt });
  }
  if (dim) {
    await loadTable(duck, conn, 'd', 'k INTEGER, name VARCHAR, region VARCHAR, w DOUBLE', dim,
      ['k', 'name', 'region', 'w'], [INTEGER, VARCHAR, VARCHAR, DOUBLE]);
  }
  return { instance, conn, close: () => { conn.closeSync(); instance.closeSync(); } };
}

/** A workload that runs one SQL query and reads the (small) result as JS objects. */
function query(sql) {
  return async (duck, data) => {
    const db = await open(duck, data);
    return {
      run: async () => (await db.conn.runAndReadAll(sql)).getRowObjectsJS(),
      close: db.close,
    };
  };
}

const sqlString = (s) => `'${String(s).replaceAll("'", "''")}'`;
const SMALL_VALUES = SMALL_ROWS.map((r) => `(${r.id}, ${sqlString(r.g)}, ${r.v})`).join(', ');

export const workloads = {
  // The 10 rows travel inside the query as a VALUES list: DuckDB's cheapest "create".
  pertest: query(
    `SELECT g, sum(v) AS s, avg(v) AS a, count(*) AS n
     FROM (VALUES ${SMALL_VALUES}) AS t(id, g, v)
     WHERE v > 10 GROUP BY g ORDER BY g`,
  ),
  filter_project: query(
    `SELECT count(*) AS n, sum(v2) AS s, max(vq) AS m
     FROM (SELECT id, g, v * 2 + 1 AS v2, v * q AS vq FROM f WHERE v > 50 AND q < 9)`,
  ),
  groupby_agg: query(`SELECT g, sum(v) AS s, avg(v) AS a, count(*) AS n FROM f GROUP BY g`),
  join_groupby: query(
    `SELECT region, sum(v * w) AS sw, count(*) AS n FROM f JOIN d USING (k) GROUP BY region`,
  ),
  join_only: query(`SELECT count(*) AS n, sum(w) AS sw, max(name) AS mn FROM f JOIN d USING (k)`),
  multi_join: query(
    `SELECT count(*) AS n, sum(v2 * w) AS s
     FROM f JOIN d USING (k) JOIN (SELECT id, v AS v2 FROM f WHERE q <= 2) USING (id)`,
  ),
  window_row_number: query(
    `SELECT count(*) AS n, sum(rn * q) AS srq, max(rn) AS mrn
     FROM (SELECT q, row_number() OVER (PARTITION BY g ORDER BY v DESC, id) AS rn FROM f)`,
  ),
  sort: async (duck, data) => {
    const mid = Math.floor(data.fact.n / 2);
    return query(`SELECT id, v FROM f ORDER BY v DESC, id LIMIT 10 OFFSET ${mid}`)(duck, data);
  },
  etl_chain: query(
    `SELECT region, g, sum(amount) AS total, count(*) AS n, avg(w) AS aw
     FROM (SELECT *, v * q AS amount FROM f WHERE q > 1) JOIN d USING (k)
     GROUP BY region, g ORDER BY total DESC, region, g`,
  ),
  collect_objects: async (duck, data) => {
    const db = await open(duck, { fact: data.fact });
    return {
      run: async () => (await db.conn.runAndReadAll('SELECT * FROM f')).getRowObjectsJS(),
      normalize: (rows) => {
        let s = 0;
        for (const r of rows) s += r.v;
        return [{ n: rows.length, sv: s }];
      },
      close: db.close,
    };
  },
};
