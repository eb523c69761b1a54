/**
 * The parser settings a session's SQL conf selects. `spark.sql(...)` text and expression strings
 * (`F.expr`, `selectExpr`, `filter(str)`) read them from this one place, as Spark's session parser does.
 */
import type { ParserOptions } from './parser.js';

export type ConfLookup = (key: string) => string | undefined;

/** The parser options of a session whose conf `conf` reads (parameter markers aside). */
export function sqlParserOptions(conf: ConfLookup): ParserOptions {
  const on = (key: string): boolean => conf(key)?.trim().toLowerCase() === 'true';
  return {
    legacySetOpsPrecedence: conf('spark.sql.legacy.setopsPrecedence.enabled') === 'true',
    quotedRegexColumnNames: conf('spark.sql.parser.quotedRegexColumnNames') === 'true',
    reservedKeywords: on('spark.sql.ansi.enabled') && on('spark.sql.ansi.enforceReservedKeywords'),
    doubleQuotedIdentifiers: on('spark.sql.ansi.enabled') && on('spark.sql.ansi.doubleQuotedIdentifiers'),
    legacyPercentileDisc: on('spark.sql.legacy.percentileDiscCalculation'),
  };
}

/** A key telling option sets apart ('' for Spark's defaults, which every unset option means). */
export function parserOptionsKey(o: ParserOptions): string {
  const flags = [o.legacySetOpsPrecedence, o.quotedRegexColumnNames, o.reservedKeywords, o.doubleQuotedIdentifiers, o.legacyPercentileDisc];
  return flags.some(Boolean) ? flags.map((f) => (f ? '1' : '0')).join('') : '';
}
