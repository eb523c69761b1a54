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
import { anyNullFunction, keyFunction } from './keys.js';
import { physicalRows, withSel, type Rel } from './relation.js';
import type { Exec } from './types.js';

/** Positions (into the build side's physical rows) of each key, in order. */
function buildHash(rows: Int32Array, key: RowFn, hasNull: (i: number) => boolean): Map<unknown, number[]> {
  const table = new Map<unknown, number[]>();
  for (let k = 0; k < rows.length; k++) {
    const i = rows[k]!;
    if (hasNull(i)) continue;
    const kv = key(i);
    const list = table.get(kv);
    if (list) list.push(i);
    else table.set(kv, [i]);
  }
  return table;
}

/** A predicate over a (left physical row, right physical row) pair. */
type PairPredicate = (l: number, r: number) => boolean;

function residualPredicate(plan: Join, left: Rel, right: Rel, ctx: ExecContext): PairPredicate | undefined {
  if (!plan.condition) return undefined;
  const nl = left.columns.length;
  let cl = 0;
  let cr = 0;
  const env: CompileEnv = {
    columns: [...left.columns, ...right.columns],
    ctx,
    resolveBound: (index) => {
      if (index < nl) {
        const col = left.columns[index]!;
        return () => col[cl];
      }
      const col = right.columns[index - nl];
      return col ? () => col[cr] : undefined;
    },
  };
  const cond = compileExpr(plan.condition, env);
  return (l, r) => {
    cl = l;
    cr = r;
    return cond(0) === true;
  };
}

function maxIndex(rows: Int32Array): number {
  let m = -1;
  for (let k = 0; k < rows.length; k++) if (rows[k]! > m) m = rows[k]!;
  return m;
}

export function executeJoin(plan: Join, exec: Exec): Rel {
  const left = exec.run(plan.left);
  const right = exec.run(plan.right);
  const ctx = exec.ctx;
  const schema = schemaOf(plan);
  const lrows = physicalRows(left);
  const rrows = physicalRows(right);
  const leftKeys = plan.leftKeys ?? [];
  const rightKeys = plan.rightKeys ?? [];
  const nullSafe = leftKeys.map((_, k) => plan.nullSafeKeys?.[k] ?? false);
  const residual = residualPredicate(plan, left, right, ctx);

  // matchesOf(probeRow) lists build-side rows satisfying keys and residual.
  const makeMatcher = (buildRel: Rel, buildRows: Int32Array, buildIsRight: boolean): ((probe: number) => number[]) => {
    const probeRel = buildIsRight ? left : right;
    const buildKeyExprs = buildIsRight ? rightKeys : leftKeys;
    const probeKeyExprs = buildIsRight ? leftKeys : rightKeys;
    const test: PairPredicate | undefined = residual && (buildIsRight ? residual : (p, b) => residual(b, p));
    if (buildKeyExprs.length === 0) {
      const all = Array.from(buildRows);
      if (!test) return () => all;
      return (probe) => all.filter((b) => test(probe, b));
    }
    const types = buildKeyExprs.map(typeOf);
    const bfns = buildKeyExprs.map((e) => compileExpr(e, { columns: buildRel.columns, ctx }));
    const pfns = probeKeyExprs.map((e) => compileExpr(e, { columns: probeRel.columns, ctx }));
    const table = buildHash(buildRows, keyFunction(bfns, types), anyNullFunction(bfns, nullSafe));
    const probeKey = keyFunction(pfns, types);
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
  switch (plan.joinType) {
    case 'inner':
    case 'cross':
    case 'left':
    case 'full': {
      const match = makeMatcher(right, rrows, true);
      const outer = plan.joinType === 'left' || plan.joinType === 'full';
      const matchedRight = plan.joinType === 'full' ? new Uint8Array(maxIndex(rrows) + 1) : undefined;
      for (let k = 0; k < lrows.length; k++) {
        const l = lrows[k]!;
        const ms = match(l);
        if (ms.length === 0) {
          if (outer) {
            li.push(l);
            ri.push(-1);
          }
          continue;
        }
        for (const r of ms) {
          li.push(l);
          ri.push(r);
          if (matchedRight) matchedRight[r] = 1;
        }
      }
      if (matchedRight) {
        for (let k = 0; k < rrows.length; k++) {
          const r = rrows[k]!;
          if (!matchedRight[r]) {
            li.push(-1);
            ri.push(r);
          }
        }
      }
      break;
    }
    case 'right': {
      const match = makeMatcher(left, lrows, false);
      for (let k = 0; k < rrows.length; k++) {
        const r = rrows[k]!;
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
      }
      break;
    }
    case 'left_semi':
    case 'left_anti': {
      const match = makeMatcher(right, rrows, true);
      const want = plan.joinType === 'left_semi';
      const out: number[] = [];
      for (let k = 0; k < lrows.length; k++) {
        const l = lrows[k]!;
        if ((match(l).length > 0) === want) out.push(l);
      }
      return withSel({ ...left, schema }, Int32Array.from(out));
    }
  }

  const m = li.length;
  const columns: unknown[][] = [];
  for (const col of left.columns) {
    const out = new Array<unknown>(m);
    for (let k = 0; k < m; k++) {
      const i = li[k]!;
      out[k] = i < 0 ? null : col[i];
    }
    columns.push(out);
  }
  for (const col of right.columns) {
    const out = new Array<unknown>(m);
    for (let k = 0; k < m; k++) {
      const i = ri[k]!;
      out[k] = i < 0 ? null : col[i];
    }
    columns.push(out);
  }
  return { schema, columns, sel: null, numRows: m };
}
