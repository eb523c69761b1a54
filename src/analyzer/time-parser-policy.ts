/**
 * spark.sql.legacy.timeParserPolicy=LEGACY switches Spark's datetime pattern functions to
 * SimpleDateFormat (other fields, lenient parsing, other text). sparkless has only the
 * java.time formatter (plus a model of the legacy parser for EXCEPTION's check), so under
 * LEGACY those functions raise NotImplementedException rather than answer as the new parser.
 * The JSON and CSV functions use a pattern only for their date and timestamp fields, so they
 * are refused only when their values hold one.
 */
import { NotImplementedException } from '../errors/index.js';
import { typeOf, type Call, type Expr } from '../expr/nodes.js';
import { ArrayType, DataType, DateType, MapType, StructType, TimestampNTZType, TimestampType } from '../types/data-types.js';
import type { AnalyzerContext } from './scope.js';

const PATTERN_FUNCTIONS: ReadonlySet<string> = new Set([
  'to_date', 'to_timestamp', 'to_timestamp_ltz', 'to_timestamp_ntz', 'try_to_timestamp', 'unix_timestamp',
  'to_unix_timestamp', 'date_format', 'from_unixtime',
]);

/** Functions whose date/timestamp values are read or written with the session's datetime patterns. */
const SOURCE_FUNCTIONS: Readonly<Record<string, 'result' | 'argument'>> = { from_json: 'result', from_csv: 'result', to_json: 'argument', to_csv: 'argument' };

const legacy = (ctx: AnalyzerContext): boolean => ctx.conf?.('spark.sql.legacy.timeParserPolicy')?.trim().toUpperCase() === 'LEGACY';

const refuse = (fn: string): never => {
  throw new NotImplementedException(`${fn} under spark.sql.legacy.timeParserPolicy=LEGACY (SimpleDateFormat patterns)`);
};

/** Before a call is resolved: the pattern functions. */
export function checkTimeParserPolicy(e: Call, ctx: AnalyzerContext): void {
  if (PATTERN_FUNCTIONS.has(e.fn) && legacy(ctx)) refuse(e.fn);
}

/** After a JSON/CSV call is resolved: refused when the values it reads or writes hold a date or timestamp. */
export function checkSourceTimeParserPolicy(call: Expr, args: readonly Expr[], ctx: AnalyzerContext): void {
  if (call.kind !== 'Call') return;
  const side = SOURCE_FUNCTIONS[call.fn];
  if (side === undefined || !legacy(ctx)) return;
  const t = side === 'result' ? typeOf(call) : args[0] ? typeOf(args[0]) : undefined;
  if (t !== undefined && holdsDatetime(t)) refuse(call.fn);
}

function holdsDatetime(t: DataType): boolean {
  if (t instanceof DateType || t instanceof TimestampType || t instanceof TimestampNTZType) return true;
  if (t instanceof ArrayType) return holdsDatetime(t.elementType);
  if (t instanceof MapType) return holdsDatetime(t.keyType) || holdsDatetime(t.valueType);
  if (t instanceof StructType) return t.fields.some((f) => holdsDatetime(f.dataType));
  return false;
}
