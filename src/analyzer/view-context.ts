/**
 * How Spark analyzes a permanent view's query (View.effectiveSQLConf): in the view's
 * database, so an unqualified name there is a table of that database (never one of the
 * reader's temp views), and under the SQL settings captured when the view was created,
 * every other `spark.sql.*` setting at its default whatever the reading session set.
 */
import type { AnalyzerContext, PermanentView } from './scope.js';

export function viewContext(ctx: AnalyzerContext, view: PermanentView): AnalyzerContext {
  const captured = view.sqlConfigs;
  const conf = (key: string): string | undefined => (key in captured ? captured[key] : key.startsWith('spark.sql.') ? undefined : ctx.conf?.(key));
  // Fields are listed, not spread: the session's context is a class whose settings are getters.
  return {
    execute: ctx.execute,
    currentDatabase: view.namespace,
    ...(ctx.udfs ? { udfs: ctx.udfs } : {}),
    relations: { lookupRelation: (database, table) => ctx.relations.lookupRelation(database ?? view.namespace, table) },
    conf,
    caseSensitive: conf('spark.sql.caseSensitive')?.toLowerCase() === 'true',
    ansiEnabled: conf('spark.sql.ansi.enabled')?.toLowerCase() === 'true',
    orderByOrdinal: conf('spark.sql.orderByOrdinal')?.toLowerCase() !== 'false',
    ...(ctx.timeZone !== undefined || conf('spark.sql.session.timeZone') !== undefined ? { timeZone: conf('spark.sql.session.timeZone') ?? ctx.timeZone } : {}),
  };
}
