/**
 * Readable, stable JSON for Relation messages, as decoded from the wire:
 * plan ids renumbered in order of first appearance ("#1", "#2", ...; real ids
 * come from a process-wide counter), int64 values as "123n", a LocalRelation
 * as its schema in short form (its Arrow bytes are checked on their own).
 */
import type { Msg } from '../../../../src/backend/connect/proto/codec.js';

/**
 * proto3 `optional` bools that PySpark always sets, even to false, and Spark's
 * planner reads with `getX` (absent and false mean the same): an explicit
 * false is dropped on both sides before comparing.
 */
const FALSE_IS_ABSENT = new Set(['all_columns_as_keys', 'by_name', 'allow_missing_columns', 'within_watermark']);

export function normalizePlan(m: Msg): unknown {
  const ids = new Map<string, string>();
  const walk = (v: unknown, key: string): unknown => {
    if (key === 'plan_id' && (typeof v === 'bigint' || typeof v === 'number')) {
      const k = String(v);
      if (!ids.has(k)) ids.set(k, `#${ids.size + 1}`);
      return ids.get(k);
    }
    if (key === 'local_relation') return { schema: schemaSummary((v as Msg)['schema']), data: `<arrow ipc: ${(v as Msg)['data'] ? 'present' : 'absent'}>` };
    if (typeof v === 'bigint') return `${v}n`;
    if (v instanceof Uint8Array) return `<${v.length} bytes>`;
    if (Array.isArray(v)) return v.map((x) => walk(x, ''));
    if (typeof v === 'object' && v !== null) {
      const entries = Object.entries(v).filter(([k, x]) => !(FALSE_IS_ABSENT.has(k) && x === false));
      return Object.fromEntries(entries.map(([k, x]) => [k, walk(x, k)]));
    }
    return v;
  };
  return walk(m, '');
}

/** Spark's JSON schema as `struct<name:string,...>` (`!` marks a non-nullable field). */
function schemaSummary(json: unknown): string {
  const s = JSON.parse(String(json)) as { fields: { name: string; type: unknown; nullable: boolean }[] };
  return `struct<${s.fields.map((f) => `${f.name}:${typeof f.type === 'string' ? f.type : JSON.stringify(f.type)}${f.nullable ? '' : '!'}`).join(',')}>`;
}

type Path = readonly (string | number)[];

/** `{...golden}` with the value at `path` replaced (undefined deletes it): how a known difference is applied. */
export function patched(value: unknown, path: Path, replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  const copy = (Array.isArray(value) ? [...(value as unknown[])] : { ...(value as object) }) as Record<string | number, unknown>;
  const next = patched(copy[head!], rest, replacement);
  if (next === undefined) delete copy[head!];
  else copy[head!] = next;
  return copy;
}

export function at(value: unknown, path: Path): unknown {
  return path.reduce<unknown>((v, k) => (v as Record<string | number, unknown> | undefined)?.[k], value);
}
