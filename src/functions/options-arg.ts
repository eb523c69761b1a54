/**
 * The `options` argument of from_json/to_json/from_csv/...: Spark requires a
 * `map()` call of string keys and values (ExprUtils.convertToMapData) and
 * reads it at analysis. Definitions check it here; backends read the same
 * map back from the resolved call.
 */
import { AnalysisException } from '../errors/index.js';
import type { Expr } from '../expr/nodes.js';
import { MapType, StringType } from '../types/data-types.js';
import { sqlTypeName } from './define.js';
import type { ArgInfo } from './registry.js';

const literalText = (e: Expr): string | null | undefined => {
  if (e.kind === 'Literal') return e.value === null ? null : typeof e.value === 'string' ? e.value : undefined;
  if (e.kind === 'Cast') return literalText(e.child);
  return undefined;
};

/** The options of a resolved `map(k1, v1, ...)` argument (undefined when it is not one of literals). */
export function optionsOf(e: Expr | undefined): Record<string, string> | undefined {
  if (!e) return {};
  if (e.kind !== 'Call' || e.fn !== 'create_map') return undefined;
  const out: Record<string, string> = {};
  for (let i = 0; i + 1 < e.args.length; i += 2) {
    const k = literalText(e.args[i]!);
    const v = literalText(e.args[i + 1]!);
    if (k === undefined || v === undefined || k === null) return undefined;
    // A null option value is dropped, as CaseInsensitiveMap of a null does.
    if (v !== null) out[k] = v;
  }
  return out;
}

/** Checks an options argument as Spark does and returns the options (INVALID_OPTIONS.*). */
export function checkOptions(arg: ArgInfo | undefined): Record<string, string> {
  if (!arg) return {};
  const e = arg.expr;
  if (e.kind !== 'Call' || e.fn !== 'create_map') {
    throw new AnalysisException('Invalid options: Must use the `map()` function for options.', { errorClass: 'INVALID_OPTIONS.NON_MAP_FUNCTION' });
  }
  const t = arg.dataType;
  if (!(t instanceof MapType && t.keyType instanceof StringType && t.valueType instanceof StringType)) {
    throw new AnalysisException(`Invalid options: A type of keys and values in \`map()\` must be string, but got ${sqlTypeName(t)}.`, {
      errorClass: 'INVALID_OPTIONS.NON_STRING_TYPE',
      messageParameters: { mapType: sqlTypeName(t) },
    });
  }
  const o = optionsOf(e);
  if (!o) throw new AnalysisException('Invalid options: Must use the `map()` function for options.', { errorClass: 'INVALID_OPTIONS.NON_MAP_FUNCTION' });
  return o;
}

/** Case-insensitive option lookup (Spark's CaseInsensitiveMap). */
export function option(o: Readonly<Record<string, string>>, key: string): string | undefined {
  const k = key.toLowerCase();
  for (const [name, v] of Object.entries(o)) if (name.toLowerCase() === k) return v;
  return undefined;
}
