/**
 * UNION [ALL], INTERSECT [ALL], EXCEPT [ALL] with Spark semantics: rows
 * compare null-safely (two nulls are equal), results keep the left side's
 * order, distinct variants keep each row's first occurrence.
 */
import type { SetOperation } from '../../../plan/nodes.js';
import type { DataType } from '../../../types/data-types.js';
import type { RowFn } from '../functions/types.js';
import { schemaOf } from '../../../plan/nodes.js';
import { rowKeyFunctions } from './keys.js';
import { denseRel, gatherCol, select, type Rel } from './relation.js';
import type { Exec } from './types.js';

export function executeSetOperation(plan: SetOperation, exec: Exec): Rel {
  const left = exec.run(plan.left);
  const right = exec.run(plan.right);
  const schema = schemaOf(plan);
  const types = schema.fields.map((f) => f.dataType);
  const nLeft = left.numRows;
  const nRight = right.numRows;

  if (plan.op === 'union') {
    const columns = schema.fields.map((_, c) => gatherCol(left.cols[c]!, nLeft).concat(gatherCol(right.cols[c]!, nRight)));
    const union = denseRel(schema, columns, nLeft + nRight);
    if (plan.all) return union;
    return distinctRows(union, types);
  }
  // Spark plans a distinct INTERSECT/EXCEPT as a semi/anti join under an aggregate grouped by every
  // column; with no columns that is a global aggregate, which yields one row whatever its input
  // (Spark 3.5.7: even both sides empty). The ALL variants count rows as usual.
  if (schema.fields.length === 0 && !plan.all) return denseRel(schema, [], 1);

  const [lkey, rkey] = rowKeyFunctions(types, left.cols, right.cols) as [RowFn, RowFn];
  const out: number[] = [];
  if (plan.all) {
    const counts = new Map<unknown, number>();
    for (let r = 0; r < nRight; r++) {
      const kv = rkey(r);
      counts.set(kv, (counts.get(kv) ?? 0) + 1);
    }
    for (let i = 0; i < nLeft; i++) {
      const kv = lkey(i);
      const c = counts.get(kv) ?? 0;
      if (plan.op === 'intersect') {
        if (c > 0) {
          counts.set(kv, c - 1);
          out.push(i);
        }
      } else if (c > 0) {
        counts.set(kv, c - 1);
      } else {
        out.push(i);
      }
    }
  } else {
    const inRight = new Set<unknown>();
    for (let r = 0; r < nRight; r++) inRight.add(rkey(r));
    const emitted = new Set<unknown>();
    const keep = plan.op === 'intersect';
    for (let i = 0; i < nLeft; i++) {
      const kv = lkey(i);
      if (inRight.has(kv) === keep && !emitted.has(kv)) {
        emitted.add(kv);
        out.push(i);
      }
    }
  }
  return select(left, Int32Array.from(out), schema);
}

function distinctRows(rel: Rel, types: readonly DataType[]): Rel {
  const [key] = rowKeyFunctions(types, rel.cols) as [RowFn];
  const seen = new Set<unknown>();
  const out: number[] = [];
  for (let i = 0; i < rel.numRows; i++) {
    const kv = key(i);
    if (!seen.has(kv)) {
      seen.add(kv);
      out.push(i);
    }
  }
  return select(rel, Int32Array.from(out));
}
