import { afterEach, describe, expect, it } from 'vitest';
import { BackendException, ExecutionException, SparklessError } from '../../../src/errors/index.js';
import { INT } from '../../../src/types/data-types.js';
import { isNativeLoaded, setNativeRequire } from '../../../src/backend/polars/native.js';
import { parsePolarsError, translatePolarsError } from '../../../src/backend/polars/errors.js';
import { PolarsMaterializer } from '../../../src/backend/polars/index.js';
import { rel, run } from './helpers.js';

afterEach(() => setNativeRequire(undefined));

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
