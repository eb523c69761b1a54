/**
 * Spark's ParseException layout for SQL text: `msg(line l, pos p)`, then the
 * `== SQL ==` excerpt with a `---^^^` marker under the offending position.
 * The formatting lives in `types/ddl.ts` (shared with type strings and DDL
 * schemas); it is used from there once that module exports it.
 */
import { ParseException } from '../errors/index.js';
import * as ddl from '../types/ddl.js';

type ParseErrorFn = (src: string, offset: number, errorClass: string, message: string, params: Record<string, string>) => ParseException;

const shared = (ddl as unknown as { parseError?: ParseErrorFn }).parseError;

/** A ParseException pointing at `offset` of `src`. */
export function sqlParseError(src: string, offset: number, errorClass: string, message: string, params: Record<string, string>): ParseException {
  if (shared) return shared(src, offset, errorClass, message, params);
  return fallbackParseError(src, offset, errorClass, message, params);
}

/** Same layout as `types/ddl.ts`'s `parseError` (used until that one is exported). */
function fallbackParseError(src: string, offset: number, errorClass: string, message: string, params: Record<string, string>): ParseException {
  const before = src.slice(0, offset);
  const line = before.split('\n').length;
  const pos = offset - (before.lastIndexOf('\n') + 1);
  const lines = src.split('\n');
  let text = `${message}(line ${line}, pos ${pos})\n\n== SQL ==\n`;
  for (const l of lines.slice(0, line)) text += l + '\n';
  text += '-'.repeat(pos) + '^^^\n';
  for (const l of lines.slice(line)) text += l + '\n';
  return new ParseException(text, { errorClass, messageParameters: params });
}
