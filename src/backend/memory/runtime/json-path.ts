/**
 * get_json_object's path language and evaluation, as Spark 3.5.7 answers
 * (each rule below was checked against it):
 *
 * Paths: `$` then steps `.name`, `['name']`, `[n]`, `[*]`; `.*` and `['*']`
 * parse but never match. Whitespace (Java's `\s`) may follow `.`, precede or
 * follow `['` (before the name), precede the digits of `[n]`, and end the
 * path; anywhere else it is part of a name or makes the path invalid (NULL).
 * An index beyond a long fails the query as Spark does (NumberFormatException).
 *
 * Evaluation works in three styles: raw (a string result unquoted), quoted
 * (inside a wildcard's array) and flatten (after `[*][*]`, nested arrays are
 * spliced into the outer one). A wildcard buffers its matches and drops its
 * brackets when exactly one element matched; a field whose value is null does
 * not match; the first matching field of an object wins. Values are re-printed
 * as Jackson copies them (compact, numbers re-printed, strings re-escaped).
 */
import { NumberFormatException } from '../../../errors/index.js';
import { nodeText, parseJsonWith, type JsonNode } from '../../export/json-parse.js';

export type PathStep = { readonly key: string } | { readonly index: number } | { readonly any: true } | { readonly never: true };

const WS = /[ \t\n\x0B\f\r]/;

/** Parses a path; undefined when Spark's parser rejects it (get_json_object is then NULL). */
export function parseJsonPath(path: string): PathStep[] | undefined {
  if (path[0] !== '$') return undefined;
  const steps: PathStep[] = [];
  let i = 1;
  const skipWs = (from: number): number => {
    let k = from;
    while (k < path.length && WS.test(path[k]!)) k++;
    return k;
  };
  while (skipWs(i) < path.length) {
    const w = skipWs(i);
    if (path.startsWith('.*', w) || path.startsWith("['*']", w)) {
      steps.push({ never: true });
      i = w + (path[w] === '.' ? 2 : 5);
    } else if (path[i] === '.') {
      const m = /^[^.[]+/.exec(path.slice(skipWs(i + 1)));
      if (!m) return undefined;
      steps.push({ key: m[0] });
      i = skipWs(i + 1) + m[0].length;
    } else if (path.startsWith("['", w) && /^[^'?]+'\]/.test(path.slice(skipWs(w + 2)))) {
      const from = skipWs(w + 2);
      const name = /^[^'?]+/.exec(path.slice(from))![0];
      steps.push({ key: name });
      i = from + name.length + 2;
    } else if (path[i] === '[') {
      if (path[i + 1] === '*' && path[i + 2] === ']') {
        steps.push({ any: true });
        i += 3;
        continue;
      }
      const from = skipWs(i + 1);
      const m = /^(\d+)\]/.exec(path.slice(from));
      if (!m) return undefined;
      const n = BigInt(m[1]!);
      if (n > 9223372036854775807n) {
        throw new NumberFormatException(`For input string: "${m[1]}"`);
      }
      steps.push({ index: Number(n) });
      i = from + m[0].length;
    } else return undefined;
  }
  return steps;
}

type Style = 'raw' | 'quoted' | 'flatten';

/** A Jackson generator's separators: `,` between array elements, a space between root values. */
class Out {
  private text = '';
  private readonly counts: number[] = [];
  private roots = 0;
  private separate(): void {
    const depth = this.counts.length;
    if (depth === 0) {
      if (this.roots++ > 0) this.text += ' ';
    } else if (this.counts[depth - 1]!++ > 0) this.text += ',';
  }
  value(text: string): void {
    this.separate();
    this.text += text;
  }
  /** writeRaw: no separator, no element counted. */
  raw(text: string): void {
    this.text += text;
  }
  startArray(): void {
    this.separate();
    this.text += '[';
    this.counts.push(0);
  }
  endArray(): void {
    this.text += ']';
    this.counts.pop();
  }
  toString(): string {
    return this.text;
  }
}

function evaluate(node: JsonNode, style: Style, steps: readonly PathStep[], i: number, out: Out): boolean {
  if (i === steps.length) {
    if (node.kind === 'string' && style === 'raw') {
      out.raw(node.value);
      return true;
    }
    if (node.kind === 'array' && style === 'flatten') {
      let dirty = false;
      for (const item of node.items) dirty = evaluate(item, style, steps, i, out) || dirty;
      return dirty;
    }
    out.value(nodeText(node));
    return true;
  }
  const step = steps[i]!;
  if (node.kind === 'object' && 'key' in step) {
    for (const [k, v] of node.entries) {
      if (k === step.key && v.kind !== 'null' && evaluate(v, style, steps, i + 1, out)) return true;
    }
    return false;
  }
  if (node.kind !== 'array') return false;
  const next = steps[i + 1];
  if ('any' in step && next !== undefined && 'any' in next) {
    // `[*][*]`: one array of every match, nested arrays spliced in.
    out.startArray();
    let dirty = false;
    for (const item of node.items) dirty = evaluate(item, 'flatten', steps, i + 2, out) || dirty;
    out.endArray();
    return dirty;
  }
  if ('any' in step && style !== 'quoted') {
    const buffer = new Out();
    buffer.startArray();
    let matched = 0;
    for (const item of node.items) if (evaluate(item, style === 'raw' ? 'quoted' : style, steps, i + 1, buffer)) matched++;
    buffer.endArray();
    const text = buffer.toString();
    if (matched > 1) out.value(text);
    else if (matched === 1) out.value(text.slice(1, -1));
    return matched > 0;
  }
  if ('any' in step) {
    out.startArray();
    let dirty = false;
    for (const item of node.items) dirty = evaluate(item, 'quoted', steps, i + 1, out) || dirty;
    out.endArray();
    return dirty;
  }
  if ('index' in step) {
    if (step.index >= node.items.length) return false;
    // An index before a wildcard has one or more results: they are quoted.
    const quoted = next !== undefined && 'any' in next;
    return evaluate(node.items[step.index]!, quoted ? 'quoted' : style, steps, i + 1, out);
  }
  return false;
}

/** get_json_object's document reader: single quotes and raw control characters allowed, the first value read. */
const GET_JSON_FLAGS = { singleQuotes: true, nonNumericNumbers: false, controlChars: true, firstValueOnly: true } as const;

/** The first JSON value of `text`, or undefined when it is not valid JSON. */
export function readFirstJsonValue(text: string): JsonNode | undefined {
  try {
    return parseJsonWith(text, GET_JSON_FLAGS);
  } catch {
    return undefined;
  }
}

/** get_json_object(json, path) for a parsed path: the match's text, or null. */
export function getJsonObject(json: string, steps: readonly PathStep[]): string | null {
  const doc = readFirstJsonValue(json);
  if (doc === undefined) return null;
  const out = new Out();
  return evaluate(doc, 'raw', steps, 0, out) ? out.toString() : null;
}
