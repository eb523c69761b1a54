/**
 * Generate: `explode`/`posexplode` (and `_outer`) of arrays and maps via
 * Polars' explode. Spark drops rows whose collection is null or empty unless
 * the generator is outer, in which case the row is kept once with nulls
 * (which is what Polars' explode produces for null and empty lists).
 * Other generators are delegated. The output's rows are counted against the
 * memory budget before anything is exploded (guard.ts).
 */
import { typeOf } from '../../../expr/nodes.js';
import type { Generate } from '../../../plan/nodes.js';
import { ArrayType, MapType } from '../../../types/data-types.js';
import { delegate } from '../delegation.js';
import { colName } from '../input.js';
import type { NativeExpr, NativeLazyFrame } from '../native.js';
import { colRef, i64 } from '../nx.js';
import { PL } from '../type-mapper.js';
import { assertGenerateFits } from './guard.js';
import type { Frame, OperatorEnv } from './types.js';

const EXPLODERS = new Set(['explode', 'explode_outer', 'posexplode', 'posexplode_outer']);

export function generate(plan: Generate, input: Frame, env: OperatorEnv): NativeLazyFrame {
  const pl = env.pl;
  const call = plan.generator;
  if (!EXPLODERS.has(call.fn)) delegate(`generator ${call.fn}`);
  const t = typeOf(call.args[0]!);
  if (!(t instanceof ArrayType || t instanceof MapType)) delegate(`${call.fn} of ${t.simpleString()}`);
  const outer = plan.outer || call.fn.endsWith('_outer');
  const withPos = call.fn.startsWith('pos');
  const gen = env.translator(input.schema).tr(call.args[0]!);
  const n = input.schema.fields.length;

  let lf = assertGenerateFits(plan, input.lf.withColumns([gen.alias('_g')]), '_g', outer, env);
  if (!outer) lf = lf.filter(colRef('_g').listLengths().gt(i64(0)));
  const exploded: NativeExpr[] = [colRef('_g')];
  if (withPos) {
    lf = lf.withColumns([pl.intRanges({ _expr: i64(0) }, { _expr: colRef('_g').listLengths().cast(PL.Int64, true) }, { _expr: i64(1) }, PL.Int64).alias('_pos')]);
    exploded.push(colRef('_pos'));
  }
  lf = lf.explode(exploded);
  const out: NativeExpr[] = input.schema.fields.map((_, i) => colRef(colName(i)));
  let k = n;
  if (withPos) out.push(colRef('_pos').cast(PL.Int32, true).alias(colName(k++)));
  if (t instanceof MapType) {
    out.push(colRef('_g').structFieldByName('key').alias(colName(k++)));
    out.push(colRef('_g').structFieldByName('value').alias(colName(k++)));
  } else {
    out.push(colRef('_g').alias(colName(k++)));
  }
  return lf.select(out);
}
