/**
 * Joins: a hash join on the equi-join keys (null keys never match unless the
 * key is null-safe `<=>`), filtered by the residual condition evaluated over
 * the (left row, right row) pair. Without keys it is a nested loop.
 *
 * Output order: left rows in order, each followed by its matches in right
 * order; right outer joins go by right rows; full outer joins append the
 * unmatched right rows at the end.
 */
import { typeOf } from '../../../expr/nodes.js';
import type { Join } from '../../../plan/nodes.js';
import { schemaOf } from '../../../plan/nodes.js';
import { compileExpr, type CompileEnv } from '../expressions/compile.js';
import type { RowFn } from '../functions/types.js';
import type { ExecContext } from '../context.js';
import { anyNullFunction, keyFunctions } from './keys.js';
import { allRows, colReader, select, type Rel } from './relation.js';
import { interpreterBudget, growthGuard } from '../../limits.js';
import type { Exec } from './types.js';

/** Rows of the build side per key, in order. */
function buildHash(n: number, key: RowFn, hasNull: (i: number) => boolean): Map<unknown, number[]> {
  const table = new Map<unknown, number[]>();
  for (let i = 0; i < n; i++) {
    if (hasNull(i)) continue;
    const kv = key(i);
    const list = table.get(kv);
    if (list) list.push(i);
    else table.set(kv, [i]);
  }
  return table;
}

/** A predicate over a (left row, right row) pair. */
type PairPredicate = (l: number, r: number) => boolean;

function residualPredicate(plan: Join, left: Rel, right: Rel, ctx: ExecContext): PairPredicate | undefined {
  if (!plan.condition) return undefined;
  const nl = left.cols.length;
  let cl = 0;
  let cr = 0;
  const env: CompileEnv = {
    columns: [...left.cols, ...right.cols],
    ctx,
    resolveBound: (index) => {
      if (index < nl) {
        const read = colReader(left.cols[index]!);
        return () => read(cl);
      }
      const col = right.cols[index - nl];
      if (!col) return undefined;
      const read = colReader(col);
      return () => read(cr);
    },
  };
  const cond = compileExpr(plan.condition, env);
  return (l, r) => {
    cl = l;
    cr = r;
    return cond(0) === true;
  };
}

export function executeJoin(plan: Join, exec: Exec): Rel {
  const left = exec.run(plan.left);
  const right = exec.run(plan.right);
  const ctx = exec.ctx;
  const schema = schemaOf(plan);
  const nLeft = left.numRows;
  const nRight = right.numRows;
  const leftKeys = plan.leftKeys ?? [];
  const rightKeys = plan.rightKeys ?? [];
  const nullSafe = leftKeys.map((_, k) => plan.nullSafeKeys?.[k] ?? false);
  const residual = residualPredicate(plan, left, right, ctx);

  // matchesOf(probeRow) lists build-side rows satisfying keys and residual.
  const makeMatcher = (buildRel: Rel, buildIsRight: boolean): ((probe: number) => number[]) => {
    const probeRel = buildIsRight ? left : right;
    const buildKeyExprs = buildIsRight ? rightKeys : leftKeys;
    const probeKeyExprs = buildIsRight ? leftKeys : rightKeys;
    const test: PairPredicate | undefined = residual && (buildIsRight ? residual : (p, b) => residual(b, p));
    if (buildKeyExprs.length === 0) {
      const all = Array.from(allRows(buildRel.numRows));
      if (!test) return () => all;
      return (probe) => all.filter((b) => test(probe, b));
    }
    const types = buildKeyExprs.map(typeOf);
    const bfns = buildKeyExprs.map((e) => compileExpr(e, { columns: buildRel.cols, ctx }));
    const pfns = probeKeyExprs.map((e) => compileExpr(e, { columns: probeRel.cols, ctx }));
    const [buildKey, probeKey] = keyFunctions(types, bfns, pfns) as [RowFn, RowFn];
    const table = buildHash(buildRel.numRows, buildKey, anyNullFunction(bfns, nullSafe));
    const probeNull = anyNullFunction(pfns, nullSafe);
    const none: number[] = [];
    return (probe) => {
      if (probeNull(probe)) return none;
      const found = table.get(probeKey(probe));
      if (!found) return none;
      if (!test) return found;
      return found.filter((b) => test(probe, b));
    };
  };

  const li: number[] = [];
  const ri: number[] = [];
  // Keyed joins can multiply rows (many-to-many keys); stop with a typed error before the heap is exhausted.
  const grown = growthGuard(plan, interpreterBudget(ctx.memoryBudget));
  const checkSize = (): void => grown(li.length);
  switch (plan.joinType) {
    case 'inner':
    case 'cross':
    case 'left':
    case 'full': {
      const match = makeMatcher(right, true);
      const outer = plan.joinType === 'left' || plan.joinType === 'full';
      const matchedRight = plan.joinType === 'full' ? new Uint8Array(nRight) : undefined;
      for (let l = 0; l < nLeft; l++) {
        const ms = match(l);
        if (ms.length === 0) {
          if (outer) {
            li.push(l);
            ri.push(-1);
          }
          continue;
        }
        for (let j = 0; j < ms.length; j++) {
          const r = ms[j]!;
          li.push(l);
          ri.push(r);
          if (matchedRight) matchedRight[r] = 1;
        }
        checkSize();
      }
      if (matchedRight) {
        for (let r = 0; r < nRight; r++) {
          if (!matchedRight[r]) {
            li.push(-1);
            ri.push(r);
          }
        }
      }
      break;
    }
    case 'right': {
      const match = makeMatcher(left, false);
      for (let r = 0; r < nRight; r++) {
        const ms = match(r);
        if (ms.length === 0) {
          li.push(-1);
          ri.push(r);
          continue;
        }
        for (const l of ms) {
          li.push(l);
          ri.push(r);
        }
        checkSize();
      }
      break;
    }
    case 'left_semi':
    case 'left_anti': {
      const match = makeMatcher(right, true);
      const want = plan.joinType === 'left_semi';
      const out: number[] = [];
      for (let l = 0; l < nLeft; l++) if ((match(l).length > 0) === want) out.push(l);
      return select(left, Int32Array.from(out), schema);
    }
  }

  // Both sides keep their values: the output only composes selection vectors (-1 = null side).
  const l = select(left, Int32Array.from(li));
  const r = select(right, Int32Array.from(ri));
  return { schema, cols: [...l.cols, ...r.cols], numRows: li.length };
}
