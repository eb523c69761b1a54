/**
 * Spark's unit-keyword datetime forms: `timestampadd(UNIT, n, ts)` (also
 * written `dateadd`/`date_add` with a unit) and `timestampdiff(UNIT, a, b)`
 * (`datediff`/`date_diff`). They exist only as SQL syntax (src/sql/parse-calls.ts
 * builds them with the unit in `options.unit`); a plain call by these names is
 * UNRESOLVED_ROUTINE in Spark 3.5, and here.
 */
import { AnalysisException } from '../../errors/index.js';
import type { Call } from '../../expr/nodes.js';
import { LONG, TIMESTAMP, TimestampNTZType, type DataType } from '../../types/data-types.js';
import { castsFor, implicitCast, nullableAs, unexpectedInputType } from '../define.js';
import type { ArgInfo, FunctionDef, ResolveContext } from '../registry.js';

/** Spark's datetimeUnit keywords, in its grammar's (and error message's) order. */
export const DATETIME_UNITS = ['YEAR', 'QUARTER', 'MONTH', 'WEEK', 'DAY', 'DAYOFYEAR', 'HOUR', 'MINUTE', 'SECOND', 'MILLISECOND', 'MICROSECOND'] as const;
export type DatetimeUnit = (typeof DATETIME_UNITS)[number];

/** The unit of a call built by the parser (as written, e.g. `day`), or undefined for a plain call. */
export const writtenUnit = (call: Call): string | undefined => call.options?.['unit'] as string | undefined;

/**
 * A plain call of timestampadd/timestampdiff (no unit keyword) names no function in Spark 3.5,
 * whose function lookup runs before its arguments are resolved: `timestampadd(FOO, 1, ts)` is
 * UNRESOLVED_ROUTINE even though `FOO` is no column. The analyzer calls this before the arguments.
 */
export function checkUnitFormCall(call: Call): void {
  if (call.fn === 'timestampadd' || call.fn === 'timestampdiff') unitOrUnresolved(call);
}

function unitOrUnresolved(call: Call): string {
  const unit = writtenUnit(call);
  if (unit === undefined) {
    throw new AnalysisException(
      `Cannot resolve function \`${call.fn}\` on search path [\`system\`.\`builtin\`, \`system\`.\`session\`, \`spark_catalog\`.\`default\`].`,
      { errorClass: 'UNRESOLVED_ROUTINE', messageParameters: { routineName: `\`${call.fn}\`` } },
    );
  }
  return unit;
}

/** Argument `i` cast as `target` requires (Spark's ImplicitCastInputTypes), or UNEXPECTED_INPUT_TYPE. */
function cast(args: readonly ArgInfo[], i: number, target: DataType, required: string, ctx: ResolveContext): DataType {
  const t = args[i]!.dataType;
  const to = implicitCast(t, target, ctx.ansi);
  if (!to) throw unexpectedInputType(ctx, i, required, t);
  return to;
}

const unitCall = (name: string, argSql: readonly string[], call: Call): string => `${name}(${[writtenUnit(call), ...argSql].join(', ')})`;

export const timestampUnitDefs: readonly FunctionDef[] = [
  {
    // inputs (LongType, AnyTimestampType): a TIMESTAMP_NTZ stays one; a date or string becomes a TIMESTAMP.
    name: 'timestampadd',
    kind: 'scalar',
    minArgs: 0,
    maxArgs: Infinity,
    nullIntolerant: true,
    resolve(args, call, ctx) {
      unitOrUnresolved(call);
      const amount = cast(args, 0, LONG, '"BIGINT"', ctx);
      const ts = args[1]!.dataType instanceof TimestampNTZType ? args[1]!.dataType : cast(args, 1, TIMESTAMP, '"TIMESTAMP"', ctx);
      const types = [amount, ts];
      return { dataType: ts, nullable: args.some((a, i) => nullableAs(a, types[i]!)), argTypes: castsFor(args, types) };
    },
    sql: (argSql, call) => unitCall('timestampadd', argSql, call),
  },
  {
    // inputs (TimestampType, TimestampType): TIMESTAMP_NTZ values are read in the session zone too.
    name: 'timestampdiff',
    kind: 'scalar',
    minArgs: 0,
    maxArgs: Infinity,
    nullIntolerant: true,
    resolve(args, call, ctx) {
      unitOrUnresolved(call);
      const types = [0, 1].map((i) => cast(args, i, TIMESTAMP, '"TIMESTAMP"', ctx));
      return { dataType: LONG, nullable: args.some((a, i) => nullableAs(a, types[i]!)), argTypes: castsFor(args, types) };
    },
    sql: (argSql, call) => unitCall('timestampdiff', argSql, call),
  },
];
