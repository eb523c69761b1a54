/**
 * Data source options, read case-insensitively as Spark's CaseInsensitiveMap
 * does (`inferSchema`, `inferschema` and `INFERSCHEMA` are one option).
 */
import { IllegalArgumentException } from '../../errors/index.js';
import { defaultTimeZone } from '../memory/context.js';

export class SourceOptions {
  readonly #values = new Map<string, unknown>();

  constructor(options: Readonly<Record<string, unknown>> | undefined) {
    for (const [k, v] of Object.entries(options ?? {})) if (v !== undefined) this.#values.set(k.toLowerCase(), v);
  }

  has(key: string): boolean {
    return this.#values.has(key.toLowerCase());
  }

  /** The option as text (booleans and numbers stringified), or undefined. */
  get(key: string): string | undefined {
    const v = this.#values.get(key.toLowerCase());
    if (v === undefined || v === null) return undefined;
    return typeof v === 'string' ? v : String(v);
  }

  /** The first of several aliases that is set (`sep` / `delimiter`). */
  getAny(...keys: string[]): string | undefined {
    for (const k of keys) {
      const v = this.get(k);
      if (v !== undefined) return v;
    }
    return undefined;
  }

  string(key: string, dflt: string): string {
    return this.get(key) ?? dflt;
  }

  /** Spark's `getBool`: `true`/`false` in any case, else IllegalArgumentException. */
  bool(key: string, dflt: boolean): boolean {
    const v = this.get(key);
    if (v === undefined) return dflt;
    const s = v.trim().toLowerCase();
    if (s === 'true') return true;
    if (s === 'false') return false;
    throw new IllegalArgumentException(`${key} flag can be true or false`);
  }

  /** A single-character option (`quote`, `escape`); empty text gives `\u0000` (disabled), as Spark. */
  char(key: string, dflt: string): string {
    const v = this.get(key);
    if (v === undefined) return dflt;
    if (v.length === 0) return '\u0000';
    if (v.length === 1) return v;
    if (v === '\\t') return '\t';
    if (v === '\\u0000') return '\u0000';
    throw new IllegalArgumentException(`${key} cannot be more than one character`);
  }

  /** The session time zone: the `timeZone` option, else the process's zone (Spark's default session zone). */
  timeZone(): string {
    return this.get('timeZone') ?? defaultTimeZone();
  }

  /** Parse mode: PERMISSIVE (default), DROPMALFORMED or FAILFAST. */
  parseMode(): 'PERMISSIVE' | 'DROPMALFORMED' | 'FAILFAST' {
    const m = (this.get('mode') ?? 'PERMISSIVE').toUpperCase();
    return m === 'DROPMALFORMED' || m === 'FAILFAST' ? m : 'PERMISSIVE';
  }
}

/** Spark's CSV `sep`: one character, or `\t`, `\u0000`-style escapes; multi-character separators are allowed. */
export function delimiterOption(opts: SourceOptions): string {
  const v = opts.getAny('sep', 'delimiter');
  if (v === undefined) return ',';
  if (v.length === 0) throw new IllegalArgumentException('Delimiter cannot be empty string');
  if (v === '\\t') return '\t';
  if (v === '\\') throw new IllegalArgumentException('Single backslash is prohibited. It has special meaning as beginning of an escape sequence. To get the backslash character, pass a string with two backslashes as the delimiter.');
  if (v === '\\\\') return '\\';
  return v.replace(/\\t/g, '\t');
}

/** A boolean JSON option as JSONOptions reads it (Scala's toBoolean: `true`/`false` in any case, nothing else). */
export function jsonBool(o: SourceOptions, key: string, dflt: boolean): boolean {
  const v = o.get(key);
  if (v === undefined) return dflt;
  const s = v.toLowerCase();
  if (s === 'true' || s === 'false') return s === 'true';
  throw new IllegalArgumentException(`For input string: "${v}"`);
}
