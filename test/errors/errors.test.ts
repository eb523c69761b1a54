/**
 * Error classes report their own names and are detected by brand: for subclasses
 * (a ParseException is an AnalysisException, as in PySpark), across copies of the
 * library, and whatever a bundler renames the classes to (see test/package).
 */
import { describe, expect, it, vi } from 'vitest';
import * as errors from '../../src/errors/index.js';

const { AnalysisException, ParseException, SparklessError, IllegalArgumentException, NotImplementedException, InternalError } = errors;

const KINDS = [
  'AnalysisException',
  'ParseException',
  'IllegalArgumentException',
  'PySparkTypeError',
  'PySparkValueError',
  'ExecutionException',
  'NotImplementedException',
  'BackendException',
  'InternalError',
] as const;

type Ctor = new (message: string, details?: errors.ErrorDetails) => errors.SparklessError;
type Check = (err: unknown) => boolean;

function make(lib: typeof errors, kind: (typeof KINDS)[number]): errors.SparklessError {
  const C = lib[kind] as unknown as Ctor;
  return new C('boom', { errorClass: 'SOME_CLASS' });
}

describe('error names', () => {
  it.each(KINDS)('%s names itself in name, String(), the stack and constructor.name', (kind) => {
    const e = make(errors, kind);
    expect(e.name).toBe(kind);
    expect(e.constructor.name).toBe(kind);
    expect(String(e)).toMatch(new RegExp(`^${kind}: `));
    expect(e.stack!.split('\n')[0]).toMatch(new RegExp(`^${kind}: `));
    expect(Object.keys(e)).not.toContain('name');
  });

  it("a user's subclass is named after its class", () => {
    class PipelineError extends SparklessError {}
    class MyAnalysisError extends AnalysisException {}
    expect(new PipelineError('x').name).toBe('PipelineError');
    expect(String(new MyAnalysisError('x'))).toBe('MyAnalysisError: x');
    expect(AnalysisException.isAnalysisException(new MyAnalysisError('x'))).toBe(true);
  });
});

describe('error detection', () => {
  it.each(KINDS)('%s: each isX check is true for its kind only (and its subkinds)', (kind) => {
    const e = make(errors, kind);
    expect(SparklessError.isSparklessError(e)).toBe(true);
    for (const other of KINDS) {
      const check = (errors[other] as unknown as Record<string, Check>)[`is${other}`]!;
      const expected = other === kind || (other === 'AnalysisException' && kind === 'ParseException');
      expect(check(e), `is${other}(${kind})`).toBe(expected);
    }
  });

  it('a ParseException is an AnalysisException, as in PySpark, but not the reverse', () => {
    expect(AnalysisException.isAnalysisException(new ParseException('x'))).toBe(true);
    expect(ParseException.isParseException(new AnalysisException('x'))).toBe(false);
  });

  it('works across two copies of the library', async () => {
    // A second module instance, as under Vitest/Jest module isolation or a duplicated install.
    vi.resetModules();
    const other = await import('../../src/errors/index.js');
    expect(other.AnalysisException).not.toBe(AnalysisException);
    const foreign = make(other, 'AnalysisException');
    expect(foreign instanceof AnalysisException).toBe(false);
    expect(AnalysisException.isAnalysisException(foreign)).toBe(true);
    expect(SparklessError.isSparklessError(foreign)).toBe(true);
    expect(IllegalArgumentException.isIllegalArgumentException(foreign)).toBe(false);
    expect(other.ParseException.isParseException(new ParseException('x'))).toBe(true);
    expect(other.NotImplementedException.isNotImplementedException(new NotImplementedException('f'))).toBe(true);
    expect(InternalError.isInternalError(new other.InternalError('bug'))).toBe(true);
  });

  it('rejects values that are not errors', () => {
    for (const v of [null, undefined, 'AnalysisException', { name: 'AnalysisException' }, new Error('x')]) {
      expect(AnalysisException.isAnalysisException(v)).toBe(false);
      expect(SparklessError.isSparklessError(v)).toBe(false);
    }
  });
});
