/**
 * UNION [ALL], INTERSECT [ALL], EXCEPT [ALL] with Spark semantics: rows
 * compare null-safely (two nulls are equal), results keep the left side's
 * order, distinct variants keep each row's first occurrence.
 */
import type { SetOperation } from '../../../plan/nodes.js';
import type { DataType } from '../../../types/data-types.js';
import { schemaOf } from '../../../plan/nodes.js';
import { rowKeyFunction } from './keys.js';
import { gather, physicalRows, withSel, type Rel } from './relation.js';
import type { Exec } from './types.js';

export function executeSetOperation(plan: SetOperation, exec: Exec): Rel {
  const left = exec.run(plan.left);
  const right = exec.run(plan.right);
  const schema = schemaOf(plan);
  const types = schema.fields.map((f) => f.dataType);
  const lrows = physicalRows(left);
  const lkey = rowKeyFunction(left.columns, types);

  if (plan.op === 'union') {
    const columns = schema.fields.map((_, c) => {
      const a = gather(left.columns[c]!, left.sel, left.numRows);
      const b = gather(right.columns[c]!, right.sel, right.numRows);
      return a.concat(b);
    });
    const union: Rel = { schema, columns, sel: null, numRows: left.numRows + right.numRows };
    if (plan.all) return union;
    return distinctRows(union, types);
  }

  const rkey = rowKeyFunction(right.columns, types);
  const rrows = physicalRows(right);
  const out: number[] = [];
  if (plan.all) {
    const counts = new Map<unknown, number>();
    for (let k = 0; k < rrows.length; k++) {
      const kv = rkey(rrows[k]!);
      counts.set(kv, (counts.get(kv) ?? 0) + 1);
    }
    for (let k = 0; k < lrows.length; k++) {
      const i = lrows[k]!;
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
    for (let k = 0; k < rrows.length; k++) inRight.add(rkey(rrows[k]!));
    const emitted = new Set<unknown>();
    const keep = plan.op === 'intersect';
    for (let k = 0; k < lrows.length; k++) {
      const i = lrows[k]!;
      const kv = lkey(i);
      if (inRight.has(kv) === keep && !emitted.has(kv)) {
        emitted.add(kv);
        out.push(i);
      }
    }
  }
  return withSel({ ...left, schema }, Int32Array.from(out));
}

function distinctRows(rel: Rel, types: readonly DataType[]): Rel {
  const key = rowKeyFunction(rel.columns, types);
  const seen = new Set<unknown>();
  const out: number[] = [];
  for (let i = 0; i < rel.numRows; i++) {
    const kv = key(i);
    if (!seen.has(kv)) {
      seen.add(kv);
      out.push(i);
    }
  }
  return withSel(rel, Int32Array.from(out));
}
