/**
 * spark.sql.legacy.timeParserPolicy=LEGACY switches Spark's datetime pattern functions to
 * SimpleDateFormat (other fields, lenient parsing, other text). sparkless has only the
 * java.time formatter (plus a model of the legacy parser for EXCEPTION's check), so under
 * LEGACY those functions raise NotImplementedException rather than answer as the new parser.
 */
import { NotImplementedException } from '../errors/index.js';
import type { Call } from '../expr/nodes.js';
import type { AnalyzerContext } from './scope.js';

const PATTERN_FUNCTIONS: ReadonlySet<string> = new Set([
  'to_date', 'to_timestamp', 'to_timestamp_ltz', 'to_timestamp_ntz', 'try_to_timestamp', 'unix_timestamp',
  'to_unix_timestamp', 'date_format', 'from_unixtime', 'from_json', 'from_csv', 'to_json', 'to_csv',
]);

export function checkTimeParserPolicy(e: Call, ctx: AnalyzerContext): void {
  if (!PATTERN_FUNCTIONS.has(e.fn)) return;
  if (ctx.conf?.('spark.sql.legacy.timeParserPolicy')?.trim().toUpperCase() !== 'LEGACY') return;
  throw new NotImplementedException(`${e.fn} under spark.sql.legacy.timeParserPolicy=LEGACY (SimpleDateFormat patterns)`);
}
