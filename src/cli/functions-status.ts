/**
 * Parity status of PySpark 3.5's functions, read from the code itself: the
 * `functions` namespace (PySpark's list: implemented wrappers plus the stubs of
 * not-implemented.ts), the registry (definitions the analyzer resolves) and the
 * Polars backend's table (native lowering or delegation to the interpreter).
 */
import * as F from '../functions/index.js';
import * as stubs from '../functions/not-implemented.js';
import { hasFunction, lookupFunction } from '../functions/registry.js';
import { polarsFunctionSupport } from '../backend/polars/functions/index.js';

export interface FunctionStatus {
  readonly name: string;
  /** 'implemented', 'not implemented' (throws NotImplementedException), or 'SQL only' (no `functions.` wrapper). */
  readonly status: 'implemented' | 'not implemented' | 'SQL only';
  /** scalar / aggregate / window / generator, for a registered function. */
  readonly kind: string | null;
  /** How many arguments it takes, e.g. `1`, `1..3`, `2..`. */
  readonly args: string | null;
  /** On the Polars backend: 'native', or 'interpreter' (delegated to the memory interpreter). */
  readonly polars: string | null;
  readonly note: string | null;
}

const STUBS: ReadonlySet<string> = new Set(Object.keys(stubs));

function arity(min: number, max: number): string {
  if (min === max) return String(min);
  return max === Infinity ? `${min}..` : `${min}..${max}`;
}

/** The status of one name, or undefined when it is neither a PySpark function nor a registered SQL function. */
export function functionStatus(name: string): FunctionStatus | undefined {
  const inApi = Object.prototype.hasOwnProperty.call(F, name);
  if (STUBS.has(name)) return { name, status: 'not implemented', kind: null, args: null, polars: null, note: 'throws NotImplementedException' };
  if (hasFunction(name)) {
    const def = lookupFunction(name);
    const support = polarsFunctionSupport(def.name);
    return {
      name,
      status: inApi ? 'implemented' : 'SQL only',
      kind: def.kind,
      args: arity(def.minArgs, def.maxArgs),
      polars: support === 'native' ? 'native' : 'interpreter',
      note: inApi ? null : `no functions.${name}: a SQL function or an operator`,
    };
  }
  if (inApi) return { name, status: 'implemented', kind: null, args: null, polars: null, note: 'a column helper or an alias of another function' };
  return undefined;
}

/** Every name of PySpark's `functions` module, sorted. */
export function pysparkFunctionNames(): string[] {
  return Object.keys(F).sort();
}
