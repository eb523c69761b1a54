/**
 * Generators (`explode`, `posexplode`, `inline`, ...): each input row is
 * repeated once per generated row, followed by the generator's columns.
 * With `outer` (or an `*_outer` generator) a row producing nothing is kept
 * once, with nulls in the generator columns. The output is checked against
 * the memory budget as it grows, each row's share before it is generated.
 */
import type { Generate } from '../../../plan/nodes.js';
import { schemaOf } from '../../../plan/nodes.js';
import { InternalError } from '../../../errors/index.js';
import { interpreterBudget, growthGuard } from '../../limits.js';
import { compileExpr } from '../expressions/compile.js';
import { lookupImpl } from '../functions/index.js';
import { denseCol, select, type Rel } from './relation.js';
import type { Exec } from './types.js';

export function executeGenerate(plan: Generate, exec: Exec): Rel {
  const input = exec.run(plan.input);
  const ctx = exec.ctx;
  const schema = schemaOf(plan);
  const call = plan.generator;
  const impl = lookupImpl(call.fn);
  if (impl.kind !== 'generator') throw new InternalError(`${call.fn} is not a generator`);
  const outer = plan.outer || call.fn.endsWith('_outer');
  const env = { columns: input.cols, ctx };
  const args = call.args.map((a) => compileExpr(a, env));
  const buf = new Array<unknown>(args.length).fill(null);
  const width = schema.fields.length - input.cols.length;
  if (width < 0) throw new InternalError('Generate schema is narrower than its input');

  const grown = growthGuard(plan, interpreterBudget(ctx.memoryBudget));
  const source: number[] = [];
  const genCols: unknown[][] = Array.from({ length: width }, () => []);
  for (let i = 0; i < input.numRows; i++) {
    for (let a = 0; a < args.length; a++) {
      const v = args[a]!(i);
      buf[a] = v === undefined ? null : v;
    }
    grown(source.length + rowsAhead(call.fn, buf));
    const produced = impl.generate(buf, call, ctx);
    grown(source.length + produced.length);
    if (produced.length === 0) {
      if (outer) {
        source.push(i);
        for (let c = 0; c < width; c++) genCols[c]!.push(null);
      }
      continue;
    }
    for (const row of produced) {
      source.push(i);
      for (let c = 0; c < width; c++) {
        const v = row[c];
        genCols[c]!.push(v === undefined ? null : v);
      }
    }
  }
  // Input columns repeat through a selection vector; generated columns are new.
  const repeated = select(input, Int32Array.from(source));
  return { schema, cols: [...repeated.cols, ...genCols.map(denseCol)], numRows: source.length };
}

/** The rows a generator is about to make of its arguments (the collection's size; stack's count). */
function rowsAhead(fn: string, args: readonly unknown[]): number {
  const v = args[0];
  if (fn === 'stack') return Math.max(0, Number(v));
  return Array.isArray(v) ? v.length : v instanceof Map ? v.size : 0;
}
