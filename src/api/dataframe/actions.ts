/**
 * DataFrame's actions that run the plan: counts, show text, rows (also the async
 * forms that keep the event loop free while Spark Connect runs a query), Arrow and JSON.
 */
import type { Table as ArrowTable } from 'apache-arrow';
import { requireInt } from '../arg-checks.js';
import type { Row } from '../../data/row.js';
import { formatShow } from '../../format/show.js';
import { batchToRows } from '../../types/values.js';
import { notifyObservations } from '../observation.js';
import { DataFrame } from '../dataframe.js';

/** PySpark's `truncate` argument as a cell width: true is 20 characters, false no limit (0). */
function showWidth(truncate: boolean | number): number {
  return truncate === true ? 20 : truncate === false ? 0 : truncate;
}

function jsonReplacer(_k: string, v: unknown): unknown {
  if (v === null) return undefined;
  if (typeof v === 'bigint') return Number.isSafeInteger(Number(v)) ? Number(v) : v.toString();
  if (v instanceof Map) return Object.fromEntries(v);
  return v;
}

export async function collectAsync(df: DataFrame): Promise<Row[]> {
  const session = df.sparkSession;
  const remote = session.remote;
  if (!remote) return batchToRows(df.executeBatch());
  const batch = await remote.collectAsync(session.remotePlan(df.plan));
  notifyObservations(session, df.plan); // as the synchronous twin does (session.execute)
  return batchToRows(batch);
}

export async function countAsync(df: DataFrame): Promise<number> {
  const session = df.sparkSession;
  const remote = session.remote;
  if (!remote) return df.count();
  const n = await remote.countAsync(session.remotePlan(df.plan));
  notifyObservations(session, df.plan);
  return n;
}

export async function showStringAsync(df: DataFrame, n: number, truncate: boolean | number, vertical: boolean): Promise<string> {
  const session = df.sparkSession;
  const remote = session.remote;
  if (!remote) return df.showString(n, truncate, vertical);
  const text = await remote.showStringAsync(session.remotePlan(df.plan), n, showWidth(truncate), vertical);
  notifyObservations(session, df.plan);
  return text;
}

export function collect(df: DataFrame): Row[] {
  return batchToRows(df.executeBatch());
}

export function isEmpty(df: DataFrame): boolean {
  return df.limit(1).executeBatch().numRows === 0;
}

/** The result as an apache-arrow Table, built by the session's export backend. */
export function toArrow(df: DataFrame): ArrowTable {
  return df.sparkSession.exportBackend.toArrow(df.executeBatch());
}

export function tail(df: DataFrame, num: number): Row[] {
  if (typeof num !== 'number') requireInt('num', num);
  const rows = df.collect();
  return num <= 0 ? [] : rows.slice(-num);
}

export function count(df: DataFrame): number {
  const session = df.sparkSession;
  if (session.remote) {
    const n = session.remote.count(session.remotePlan(df.plan));
    notifyObservations(session, df.plan);
    return n;
  }
  // A count aggregate, as Spark plans df.count(): the backend never materializes the rows.
  const batch = df.groupBy().count().executeBatch();
  return Number(batch.columns[0]![0]);
}

export function showString(df: DataFrame, n: number, truncate: boolean | number, vertical: boolean): string {
  if (typeof n !== 'number') requireInt('n', n);
  const width = showWidth(truncate);
  const session = df.sparkSession;
  if (session.remote) {
    const text = session.remote.showString(session.remotePlan(df.plan), n, width, vertical);
    notifyObservations(session, df.plan);
    return text;
  }
  const batch = df.limit(n + 1).executeBatch();
  return formatShow(batch, {
    numRows: n,
    truncate: width,
    vertical,
    timeZone: session.timeZone,
  });
}

export function toJSON(df: DataFrame): string[] {
  // Also called on a test runner's copy when it prints a DataFrame.
  return DataFrame.original(df).collect().map((r) => JSON.stringify(r.asDict(true), jsonReplacer));
}
