/**
 * spark.sql.timestampType: with TIMESTAMP_NTZ, Spark 3.5 gives a zone-less `TIMESTAMP '...'`
 * literal, to_timestamp, try_to_timestamp and make_timestamp the TIMESTAMP_NTZ type (the literal
 * is then named `TIMESTAMP_NTZ '...'`; make_timestamp ignores its time zone argument). The
 * `TIMESTAMP` type keyword in casts and schemas is not switched here (KNOWN_GAPS).
 */
import { NotImplementedException } from '../errors/index.js';
import { exprSql } from '../expr/naming.js';
import { E, type Alias, type Call, type Expr } from '../expr/nodes.js';
import { TIMESTAMP_NTZ } from '../types/data-types.js';
import type { AnalyzerContext } from './scope.js';

/** Whether the session's default timestamp type is TIMESTAMP_NTZ. */
export function sessionTimestampNtz(ctx: AnalyzerContext): boolean {
  return ctx.conf?.('spark.sql.timestampType')?.trim().toUpperCase() === 'TIMESTAMP_NTZ';
}

/** A zone-less TIMESTAMP literal as the session types it (unchanged under TIMESTAMP_LTZ). */
export function sessionTimestampLiteral(e: Alias, ctx: AnalyzerContext): Alias {
  if (!e.sessionTimestampType || !sessionTimestampNtz(ctx) || e.child.kind !== 'Cast') return e;
  const child = Object.freeze({ ...e.child, to: TIMESTAMP_NTZ });
  return Object.freeze({ ...e, child, name: e.name.replace(/^TIMESTAMP /, 'TIMESTAMP_NTZ '), sessionTimestampType: undefined });
}

/** to_timestamp / try_to_timestamp / make_timestamp as their TIMESTAMP_NTZ forms, keeping the call's name. */
export function sessionTimestampCall(e: Call, ctx: AnalyzerContext): Expr {
  if (!SESSION_TYPED.has(e.fn) || !sessionTimestampNtz(ctx)) return e;
  const options = { ...e.options, displaySql: exprSql(e) };
  if (e.fn === 'make_timestamp') return E.call('make_timestamp_ntz', e.args.slice(0, 6), { options });
  if (e.fn === 'try_to_timestamp' && ctx.ansiEnabled === true) {
    throw new NotImplementedException('try_to_timestamp under spark.sql.timestampType=TIMESTAMP_NTZ with ANSI mode');
  }
  return E.call('to_timestamp_ntz', e.args, { options });
}

const SESSION_TYPED: ReadonlySet<string> = new Set(['to_timestamp', 'try_to_timestamp', 'make_timestamp']);
