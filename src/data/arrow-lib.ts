/**
 * apache-arrow, loaded on first use.
 *
 * Importing apache-arrow costs ~120-200 ms, and small results and inputs never
 * need it (see the Polars backend's input.ts and output.ts), so every module
 * that builds Arrow values (the Polars backend, the export backend) loads it
 * through here, on first use.
 * Where the runtime can `require` an ES module (Node >= 20.19) the ESM entry
 * is loaded, which is the same module instance `import 'apache-arrow'` gives:
 * Arrow classes stay identical for callers (`instanceof Table`). Otherwise
 * (older Node, the CommonJS build) it is the package's CommonJS entry.
 */
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type * as Arrow from 'apache-arrow';

export type ArrowModule = typeof Arrow;

let lib: ArrowModule | undefined;

export function arrow(): ArrowModule {
  return (lib ??= load());
}

function load(): ArrowModule {
  const req = createRequire(import.meta.url);
  return req(esmEntry(req) ?? 'apache-arrow') as ArrowModule;
}

/**
 * The file `import 'apache-arrow'` loads under Node: the `node`/`import` entry
 * of the package's exports map, found next to the CommonJS entry (the map does
 * not export package.json, and the CommonJS build has no `import.meta.resolve`).
 * Undefined when this runtime cannot `require` an ES module (Node < 20.19).
 */
function esmEntry(req: NodeRequire): string | undefined {
  if (!canRequireEsm()) return undefined;
  try {
    let dir = dirname(req.resolve('apache-arrow'));
    while (!existsSync(join(dir, 'package.json'))) dir = dirname(dir);
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
      exports?: { '.'?: { node?: { import?: { default?: string } } } };
    };
    const esm = pkg.exports?.['.']?.node?.import?.default;
    return esm ? join(dir, esm) : undefined;
  } catch {
    return undefined;
  }
}

function canRequireEsm(): boolean {
  return typeof process.features === 'object' && (process.features as { require_module?: boolean }).require_module === true;
}
