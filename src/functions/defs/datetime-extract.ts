/**
 * extract(field FROM source), date_part(field, source) and datepart: Spark
 * replaces each by the function the field names (YEAR → year(source), SECOND →
 * second with its fraction, ...), so argument checks and types are that
 * function's; the field must be a string literal.
 */
import { AnalysisException } from '../../errors/index.js';
import {
  DATE,
  DOUBLE,
  DecimalType,
  INT,
  NullType,
  TIMESTAMP,
  TimestampNTZType,
  type DataType,
} from '../../types/data-types.js';
import { castsFor, implicitCast, sqlTypeName, unexpectedInputType } from '../define.js';
import type { ArgInfo, FunctionDef, ResolveContext } from '../registry.js';
import { extractFromInterval, isIntervalType } from './interval-extract.js';

/** Canonical field → [function Spark replaces it by, its input type]. */
const FIELDS: Record<string, readonly [fn: string, input: 'date' | 'timestamp']> = {
  YEAR: ['year', 'date'],
  YEAROFWEEK: ['yearofweek', 'date'],
  QUARTER: ['quarter', 'date'],
  MONTH: ['month', 'date'],
  WEEK: ['weekofyear', 'date'],
  DAY: ['day', 'date'],
  DAYOFWEEK: ['dayofweek', 'date'],
  DOW_ISO: ['weekday', 'date'],
  DOY: ['dayofyear', 'date'],
  HOUR: ['hour', 'timestamp'],
  MINUTE: ['minute', 'timestamp'],
  SECOND: ['second', 'timestamp'],
};

/** Spark's spellings of each field (case-insensitive). */
const ALIASES: Record<string, string> = {};
for (const [canon, names] of Object.entries({
  YEAR: ['YEAR', 'Y', 'YEARS', 'YR', 'YRS'],
  YEAROFWEEK: ['YEAROFWEEK'],
  QUARTER: ['QUARTER', 'QTR'],
  MONTH: ['MONTH', 'MON', 'MONS', 'MONTHS'],
  WEEK: ['WEEK', 'W', 'WEEKS'],
  DAY: ['DAY', 'D', 'DAYS'],
  DAYOFWEEK: ['DAYOFWEEK', 'DOW'],
  DOW_ISO: ['DAYOFWEEK_ISO', 'DOW_ISO'],
  DOY: ['DOY'],
  HOUR: ['HOUR', 'H', 'HOURS', 'HR', 'HRS'],
  MINUTE: ['MINUTE', 'M', 'MIN', 'MINS', 'MINUTES'],
  SECOND: ['SECOND', 'S', 'SEC', 'SECONDS', 'SECS'],
})) {
  for (const n of names) ALIASES[n] = canon;
}

/** The canonical field for a spelling, or undefined. */
export const canonicalField = (text: string): string | undefined => ALIASES[text.toUpperCase()];

const SECOND_TYPE = new DecimalType(8, 6);

function resolveExtract(name: string, args: readonly ArgInfo[], ctx: ResolveContext) {
  const [field, source] = args as [ArgInfo, ArgInfo];
  // `CAST(NULL AS STRING)` is as foldable as a literal.
  const nullCast = field.expr.kind === 'Cast' && field.expr.child.kind === 'Literal' && field.expr.child.value === null;
  const value = nullCast ? null : field.literal?.value;
  if ((!field.literal && !nullCast) || !(field.dataType.typeName() === 'string' || field.dataType instanceof NullType)) {
    throw new AnalysisException(`The 'field' parameter of function '${name}' needs to be a string literal.`, {
      errorClass: '_LEGACY_ERROR_TEMP_1100',
      messageParameters: { argName: 'field', funcName: name, requiredType: 'string' },
    });
  }
  // A null field gives a null double, as Spark's replacement `Literal(null, DoubleType)`.
  if (value === null || value === undefined) return { dataType: DOUBLE, nullable: true };
  const text = String(value);
  const invalid = (): AnalysisException =>
    new AnalysisException(`Cannot extract \`${text}\` from "${ctx.argSql[1]}".`, {
      errorClass: 'INVALID_EXTRACT_FIELD',
      messageParameters: { field: `\`${text}\``, expr: `"${ctx.argSql[1]}"` },
    });
  const canon = canonicalField(text);
  if (isIntervalType(source.dataType)) {
    const t = canon ? extractFromInterval(canon, source.dataType) : undefined;
    if (!t) throw invalid();
    return { dataType: t, nullable: source.nullable };
  }
  const target = canon ? FIELDS[canon] : undefined;
  if (!target) throw invalid();
  const [fnName, input] = target;
  const want: DataType = input === 'date' ? DATE : source.dataType instanceof TimestampNTZType ? source.dataType : TIMESTAMP;
  const to = implicitCast(source.dataType, want);
  const replacedSql = `${fnName}(${ctx.argSql[1]})`;
  if (!to) throw unexpectedInputType({ sql: replacedSql, argSql: [ctx.argSql[1]!] }, 0, sqlTypeName(want), source.dataType);
  return { dataType: canon === 'SECOND' ? SECOND_TYPE : INT, nullable: source.nullable, argTypes: castsFor(args, [field.dataType, to]) };
}

const extractDef = (name: string, sql: (field: string, source: string) => string): FunctionDef => ({
  name,
  kind: 'scalar',
  minArgs: 2,
  maxArgs: 2,
  nullIntolerant: true,
  resolve: (args, _call, ctx) => resolveExtract(name === 'extract' ? 'date_part' : name, args, ctx),
  sql: (a) => sql(a[0]!, a[1]!),
});

export const datetimeExtractDefs: readonly FunctionDef[] = [
  extractDef('extract', (f, s) => `extract(${f} FROM ${s})`),
  extractDef('date_part', (f, s) => `date_part(${f}, ${s})`),
  extractDef('datepart', (f, s) => `datepart(${f} FROM ${s})`),
];
