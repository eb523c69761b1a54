import { createRequire } from 'node:module';
import { afterEach, describe, expect, it } from 'vitest';
import { BackendException, ExecutionException, SparklessError } from '../../../src/errors/index.js';
import { INT } from '../../../src/types/data-types.js';
import { bindingVersion, isNativeLoaded, POLARS_VERSION_ENV, setNativeRequire } from '../../../src/backend/polars/native.js';
import { parsePolarsError, translatePolarsError } from '../../../src/backend/polars/errors.js';
import { PolarsMaterializer } from '../../../src/backend/polars/index.js';
import { rel, run } from './helpers.js';

afterEach(() => {
  setNativeRequire(undefined);
  delete process.env[POLARS_VERSION_ENV];
});

/** A require that records the ids asked for and loads only `ok` (the real 0.24.1 binding under either id). */
function recording(ok: readonly string[]): { ids: string[] } {
  const ids: string[] = [];
  const real = createRequire(import.meta.url);
  setNativeRequire((id) => {
    ids.push(id);
    if (!ok.includes(id)) throw new Error(`Cannot find module '${id}'`);
    return real('nodejs-polars/bin/native-polars.js');
  });
  return { ids };
}

const ID24 = 'nodejs-polars/bin/native-polars.js';
const ID26 = 'nodejs-polars-026/bin/native-polars.js';
const node22 = Number(process.versions.node.split('.')[0]) >= 22;

describe('polars backend: binding version choice', () => {
  it('on Node >= 22 tries 0.26 first and falls back to 0.24; on Node 20 loads 0.24 only', () => {
    const { ids } = recording([ID24]);
    expect(bindingVersion()).toBe('0.24');
    expect(ids).toStrictEqual(node22 ? [ID26, ID24] : [ID24]);
  });

  it('uses 0.26 when it loads on Node >= 22', () => {
    const { ids } = recording([ID24, ID26]);
    expect(bindingVersion()).toBe(node22 ? '0.26' : '0.24');
    expect(ids).toStrictEqual([node22 ? ID26 : ID24]);
  });

  it(`${POLARS_VERSION_ENV} forces one version, without falling back`, () => {
    process.env[POLARS_VERSION_ENV] = '0.26';
    const { ids } = recording([ID24]);
    expect(() => bindingVersion()).toThrow(/native binary .* could not be loaded \(0\.26: Cannot find module/);
    expect(ids).toStrictEqual([ID26]);
    process.env[POLARS_VERSION_ENV] = '0.24';
    const second = recording([ID24, ID26]);
    expect(bindingVersion()).toBe('0.24');
    expect(second.ids).toStrictEqual([ID24]);
  });

  it(`rejects an unknown ${POLARS_VERSION_ENV}`, () => {
    process.env[POLARS_VERSION_ENV] = '0.25';
    recording([ID24]);
    expect(() => bindingVersion()).toThrow(/must be '0\.24' or '0\.26', got '0\.25'/);
  });
});

describe('polars backend: native binding loading', () => {
  it('reports a missing native binary with the fix', () => {
    setNativeRequire(() => {
      throw new Error("Cannot find module 'nodejs-polars-linux-x64-gnu'");
    });
    expect(isNativeLoaded()).toBe(false);
    let err: unknown;
    try {
      run(rel([['a', INT]], [[1]]));
    } catch (e) {
      err = e;
    }
    expect(BackendException.isBackendException(err)).toBe(true);
    const msg = (err as Error).message;
    expect(msg).toContain('npm install nodejs-polars@0.24.1');
    expect(msg).toContain("'memory' backend");
    expect(msg).toContain('native binary');
  });

  it('rejects a binding that is not nodejs-polars', () => {
    setNativeRequire(() => ({}));
    expect(() => run(rel([['a', INT]], [[1]]))).toThrow(/does not look like version 0\.24\.1/);
  });

  it('does not load the binding at construction', () => {
    setNativeRequire(() => {
      throw new Error('should not be called');
    });
    const m = new PolarsMaterializer();
    expect(m.backendType).toBe('polars');
    expect(isNativeLoaded()).toBe(false);
  });
});

describe('polars backend: error translation', () => {
  it('wraps Polars errors in ExecutionException with our message', () => {
    const e = translatePolarsError(new Error('ComputeError: regex error: regex parse error\n\nResolved plan until failure: ...'), 'executing the query');
    expect(ExecutionException.isExecutionException(e)).toBe(true);
    expect(e.message).toBe('[POLARS_EXECUTION_ERROR] The Polars backend failed while executing the query: ComputeError: regex error: regex parse error');
    expect(e.message).not.toContain('Resolved plan');
  });

  it('never leaks a raw panic', () => {
    const e = translatePolarsError(new Error('called `Option::unwrap()` on a `None` value'), 'planning Join');
    expect(BackendException.isBackendException(e)).toBe(true);
    expect(e.message).toContain('failed internally while planning Join');
    expect(parsePolarsError('thread panicked at src/x.rs').kind).toBe('Panic');
  });

  it('passes our own errors through', () => {
    const ours = new SparklessError('x');
    expect(translatePolarsError(ours, 'y')).toBe(ours);
  });
});
