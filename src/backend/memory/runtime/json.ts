/**
 * A small JSON reader that keeps number tokens as written (Spark returns
 * `1.0` from `get_json_object('{"a":1.0}', '$.a')`, which JSON.parse would
 * lose) and preserves object key order. Invalid input gives undefined.
 */
export type JsonValue =
  | null
  | boolean
  | string
  | { readonly num: string }
  | readonly JsonValue[]
  | { readonly entries: readonly (readonly [string, JsonValue])[] };

export const isJsonNumber = (v: JsonValue): v is { readonly num: string } => typeof v === 'object' && v !== null && 'num' in v;
export const isJsonObject = (v: JsonValue): v is { readonly entries: readonly (readonly [string, JsonValue])[] } =>
  typeof v === 'object' && v !== null && 'entries' in v;

export function parseJson(text: string): JsonValue | undefined {
  let i = 0;
  const s = text;
  const ws = (): void => {
    while (i < s.length && (s[i] === ' ' || s[i] === '\n' || s[i] === '\r' || s[i] === '\t')) i++;
  };
  const fail = (): never => {
    throw new SyntaxError('json');
  };
  const str = (): string => {
    if (s[i] !== '"') fail();
    i++;
    let out = '';
    for (;;) {
      if (i >= s.length) fail();
      const ch = s[i++]!;
      if (ch === '"') return out;
      if (ch === '\\') {
        const e = s[i++];
        switch (e) {
          case '"':
          case '\\':
          case '/':
            out += e;
            break;
          case 'b':
            out += '\b';
            break;
          case 'f':
            out += '\f';
            break;
          case 'n':
            out += '\n';
            break;
          case 'r':
            out += '\r';
            break;
          case 't':
            out += '\t';
            break;
          case 'u': {
            const hex = s.slice(i, i + 4);
            if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail();
            out += String.fromCharCode(parseInt(hex, 16));
            i += 4;
            break;
          }
          default:
            fail();
        }
      } else out += ch;
    }
  };
  const value = (): JsonValue => {
    ws();
    const ch = s[i];
    if (ch === '{') {
      i++;
      const entries: [string, JsonValue][] = [];
      ws();
      if (s[i] === '}') {
        i++;
        return { entries };
      }
      for (;;) {
        ws();
        const k = str();
        ws();
        if (s[i++] !== ':') fail();
        entries.push([k, value()]);
        ws();
        const sep = s[i++];
        if (sep === '}') return { entries };
        if (sep !== ',') fail();
      }
    }
    if (ch === '[') {
      i++;
      const items: JsonValue[] = [];
      ws();
      if (s[i] === ']') {
        i++;
        return items;
      }
      for (;;) {
        items.push(value());
        ws();
        const sep = s[i++];
        if (sep === ']') return items;
        if (sep !== ',') fail();
      }
    }
    if (ch === '"') return str();
    if (s.startsWith('true', i)) {
      i += 4;
      return true;
    }
    if (s.startsWith('false', i)) {
      i += 5;
      return false;
    }
    if (s.startsWith('null', i)) {
      i += 4;
      return null;
    }
    const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(s.slice(i, i + 400));
    if (!m) fail();
    i += m![0].length;
    return { num: m![0] };
  };
  try {
    const v = value();
    ws();
    return i === s.length ? v : undefined;
  } catch {
    return undefined;
  }
}

/** Compact JSON text of a parsed value (Jackson's output for get_json_object). */
export function jsonText(v: JsonValue): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'string') return quoteJson(v);
  if (isJsonNumber(v)) return v.num;
  if (Array.isArray(v)) return `[${v.map(jsonText).join(',')}]`;
  return `{${(v as { entries: readonly (readonly [string, JsonValue])[] }).entries.map(([k, x]) => `${quoteJson(k)}:${jsonText(x)}`).join(',')}}`;
}

/** A JSON string literal, escaping like Jackson (quotes, backslash, control characters). */
export function quoteJson(s: string): string {
  let out = '"';
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    const ch = s[k]!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (c < 0x20) {
      out += ch === '\n' ? '\\n' : ch === '\r' ? '\\r' : ch === '\t' ? '\\t' : ch === '\b' ? '\\b' : ch === '\f' ? '\\f' : `\\u${c.toString(16).padStart(4, '0')}`;
    } else out += ch;
  }
  return `${out}"`;
}

type PathStep = { key: string } | { index: number } | { wildcard: true };

/** Parses Spark's JSON path subset: `$`, `.key`, `['key']`, `[n]`, `[*]`, `.*`. */
export function parseJsonPath(path: string): PathStep[] | undefined {
  if (!path.startsWith('$')) return undefined;
  const steps: PathStep[] = [];
  let i = 1;
  while (i < path.length) {
    if (path[i] === '.') {
      const m = /^\.([^.[\]]+)/.exec(path.slice(i));
      if (!m) return undefined;
      steps.push(m[1] === '*' ? { wildcard: true } : { key: m[1]! });
      i += m[0].length;
    } else if (path[i] === '[') {
      const m = /^\[(?:'([^']*)'|(\d+)|(\*))\]/.exec(path.slice(i));
      if (!m) return undefined;
      steps.push(m[1] !== undefined ? { key: m[1] } : m[2] !== undefined ? { index: Number(m[2]) } : { wildcard: true });
      i += m[0].length;
    } else return undefined;
  }
  return steps;
}

/** Evaluates a path; wildcards collect every match. */
export function evalJsonPath(v: JsonValue, steps: readonly PathStep[]): { value: JsonValue; multi: boolean } | undefined {
  let current: JsonValue[] = [v];
  let multi = false;
  for (const step of steps) {
    const next: JsonValue[] = [];
    for (const c of current) {
      if ('key' in step) {
        if (isJsonObject(c)) {
          const hit = c.entries.find(([k]) => k === step.key);
          if (hit) next.push(hit[1]);
        }
      } else if ('index' in step) {
        if (Array.isArray(c) && step.index < c.length) next.push(c[step.index]!);
      } else {
        multi = true;
        if (Array.isArray(c)) next.push(...c);
        else if (isJsonObject(c)) next.push(...c.entries.map(([, x]) => x));
      }
    }
    current = next;
  }
  if (current.length === 0) return undefined;
  if (multi && current.length > 1) return { value: current, multi: true };
  return { value: current[0]!, multi: false };
}
