/**
 * `DESCRIBE FUNCTION [EXTENDED] f`: Spark's `Function:`, `Class:`, `Usage:`
 * and `Extended Usage:` rows for the builtins sparkless implements. The texts
 * are Spark 3.5.7's own documentation, recorded from it into
 * functions/descriptions.json by scripts/record-function-descriptions.ts.
 */
import descriptions from '../functions/descriptions.json' with { type: 'json' };

interface Description {
  /** The name Spark shows, when not the one asked for. */
  readonly f?: string;
  /** The implementing class (a few operators have none). */
  readonly c?: string;
  readonly u: string;
  readonly x: string;
}

const FUNCTIONS = descriptions.functions as Readonly<Record<string, Description>>;

/** Spark's function_desc rows, or undefined when Spark has no builtin of that name. */
export function describeFunctionRows(name: string, extended: boolean): string[] | undefined {
  const key = name.toLowerCase();
  const d = Object.prototype.hasOwnProperty.call(FUNCTIONS, key) ? FUNCTIONS[key] : undefined;
  if (!d) return undefined;
  const rows = [`Function: ${d.f ?? key}`, ...(d.c !== undefined ? [`Class: ${d.c}`] : []), `Usage: ${d.u}`];
  if (extended) rows.push(`Extended Usage:${d.x}`);
  return rows;
}

/** The builtins with a recorded description. */
export const describedFunctionNames = (): string[] => Object.keys(FUNCTIONS);
