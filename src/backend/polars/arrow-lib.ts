/**
 * apache-arrow, loaded on first use.
 *
 * Importing apache-arrow costs ~120-200 ms, and small results and inputs never
 * need it (see input.ts, output.ts), so the Polars backend loads it lazily.
 * Where the runtime can `require` an ES module (Node >= 20.19) the ESM entry
 * is loaded, which is the same module instance `import 'apache-arrow'` gives:
 * Arrow classes stay identical for callers (`instanceof Table`). Otherwise
 * (older Node, the CommonJS build) it is the package's CommonJS entry.
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type * as Arrow from 'apache-arrow';

export type ArrowModule = typeof Arrow;

let lib: ArrowModule | undefined;

export function arrow(): ArrowModule {
  return (lib ??= load());
}

function load(): ArrowModule {
  const req = createRequire(import.meta.url);
  const resolve = (import.meta as { resolve?: (specifier: string) => string }).resolve;
  if (typeof resolve === 'function') {
    try {
      const url = resolve('apache-arrow');
      if (url.startsWith('file:')) return req(fileURLToPath(url)) as ArrowModule;
    } catch {
      // No require(esm) here: the CommonJS entry below.
    }
  }
  return req('apache-arrow') as ArrowModule;
}
