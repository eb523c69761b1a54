/** Turns a reproduction's JSON back into fuzzer data: bigints, Maps, bytes and Dates. */
export function revive<T>(v: T): T {
  return walk(v) as T;
}

function walk(v: unknown): unknown {
  if (typeof v === 'string' && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/.test(v)) return new Date(v);
  if (Array.isArray(v)) return v.map(walk);
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('$bigint' in o) return BigInt(o['$bigint'] as string);
    if ('$num' in o) return o['$num'] === '-0' ? -0 : Number(o['$num']);
    if ('$map' in o) return new Map((o['$map'] as [unknown, unknown][]).map(([k, x]) => [walk(k), walk(x)]));
    if ('$bytes' in o) return Uint8Array.from(o['$bytes'] as number[]);
    return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, walk(x)]));
  }
  return v;
}
