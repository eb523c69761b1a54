/**
 * `inputFiles()`, `sameSemantics()` and `semanticHash()` on the local
 * backends. Two DataFrames have the same semantics when their resolved plans
 * are equal up to plan ids (Spark compares canonicalized plans: expression ids
 * normalized); the hash is a 32-bit hash of that canonical form.
 */
import { exprKey } from '../expr/key.js';
import type { Expr } from '../expr/nodes.js';
import type { LogicalPlan } from '../plan/nodes.js';
import { DataType } from '../types/data-types.js';

/** The files the plan's file reads listed (`file:` URIs, as Spark reports them), sorted and distinct. */
export function planInputFiles(p: LogicalPlan): string[] {
  const out = new Set<string>();
  const visit = (node: unknown): void => {
    if (typeof node !== 'object' || node === null) return;
    const n = node as Record<string, unknown>;
    if (n['kind'] === 'LocalRelation' && Array.isArray(n['inputFiles'])) for (const f of n['inputFiles'] as string[]) out.add(f);
    for (const [k, v] of Object.entries(n)) {
      if (k === 'data' || k === 'schema') continue;
      if (Array.isArray(v)) v.forEach(visit);
      else if (typeof v === 'object' && v !== null && typeof (v as { kind?: unknown }).kind === 'string') visit(v);
    }
  };
  visit(p);
  return [...out].sort();
}

const batchIds = new WeakMap<object, number>();
let nextBatchId = 1;

/** A canonical text of a resolved plan: node fields in order, plan ids left out, data by identity. */
export function canonicalPlan(p: LogicalPlan): string {
  const seen = (v: unknown): string => {
    if (v === null || v === undefined) return 'null';
    if (v instanceof DataType) return JSON.stringify(v.simpleString());
    if (typeof v === 'bigint') return `${v}n`;
    if (typeof v !== 'object') return JSON.stringify(v);
    if (Array.isArray(v)) return `[${v.map(seen).join(',')}]`;
    const o = v as Record<string, unknown>;
    if (typeof o['kind'] === 'string' && isPlan(o)) return planText(o);
    // Output names do not change what is computed: Spark's canonical form erases alias names.
    if (o['kind'] === 'Alias') return `Alias(${seen(o['child'])})`;
    if (typeof o['kind'] === 'string') return exprKey(o as unknown as Expr);
    return `{${Object.keys(o).map((k) => `${k}:${seen(o[k])}`).join(',')}}`;
  };
  const planText = (n: Record<string, unknown>): string => {
    const parts: string[] = [];
    for (const k of Object.keys(n)) {
      if (k === 'id' || k === 'schema') continue;
      if (k === 'data') {
        let id = batchIds.get(n[k] as object);
        if (id === undefined) batchIds.set(n[k] as object, (id = nextBatchId++));
        parts.push(`data:#${id}`);
        continue;
      }
      parts.push(`${k}:${seen(n[k])}`);
    }
    return `${String(n['kind'])}{${parts.join(',')}}`;
  };
  return planText(p as unknown as Record<string, unknown>);
}

function isPlan(o: Record<string, unknown>): boolean {
  return typeof o['id'] === 'number';
}

/** Java's String.hashCode of the canonical text: a stable 32-bit int. */
export function semanticHashOf(p: LogicalPlan): number {
  const s = canonicalPlan(p);
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(31, h) + s.charCodeAt(i)) | 0;
  return h;
}
