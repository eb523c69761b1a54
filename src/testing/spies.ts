/**
 * Spy-wrapped backends. Every protocol method of a backend (`StorageBackend`,
 * `DataMaterializer`, `QueryExecutor`, `ExportBackend`) is replaced, on the
 * same object, by a spy that still delegates to the real method, so a session
 * built on it works normally while a test asserts the interactions or makes
 * one call fail (`storage.insertData.mockImplementationOnce(() => { throw ... })`).
 *
 * The spy function comes from the test framework (`vi.fn`, `jest.fn`), passed
 * in as a `SpyFactory`; the adapters bind it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BackendFactory, type StorageOptions } from '../backend/factory.js';
import type { BackendType, StorageBackend } from '../backend/protocols.js';
import { usageError } from './errors.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyFn = (...args: any[]) => any;

/** Makes a spy that records calls and runs `impl` (e.g. `(impl) => vi.fn(impl)`). */
export type SpyFactory = (impl: AnyFn) => AnyFn;

export const STORAGE_BACKEND_METHODS = [
  'createSchema',
  'dropSchema',
  'schemaExists',
  'listSchemas',
  'createTable',
  'insertData',
  'queryTable',
  'dropTable',
  'tableExists',
  'listTables',
  'getTableSchema',
  'close',
] as const;
export const DATA_MATERIALIZER_METHODS = ['materialize', 'describe', 'close'] as const;
export const QUERY_EXECUTOR_METHODS = ['executeQuery', 'createTable', 'close'] as const;
export const EXPORT_BACKEND_METHODS = ['toArrow', 'writeFile', 'readFile'] as const;

/** Every method name of the four backend protocols. */
export const PROTOCOL_METHODS: readonly string[] = [
  ...new Set<string>([...STORAGE_BACKEND_METHODS, ...DATA_MATERIALIZER_METHODS, ...QUERY_EXECUTOR_METHODS, ...EXPORT_BACKEND_METHODS]),
];

/** The function-valued keys of T. */
export type MethodKeys<T> = { [K in keyof T]-?: T[K] extends AnyFn ? K : never }[keyof T];

const SPIED = Symbol.for('sparkless.testing.spied');

interface SpiedState {
  readonly originals: Map<string, PropertyDescriptor | undefined>;
}

/**
 * Replaces each protocol method present on `backend` by `spy(realMethod)` and
 * returns the same object. Spying twice is a no-op. `methods` narrows the set.
 */
export function spyOnBackendWith<T extends object>(backend: T, spy: SpyFactory, methods: readonly string[] = PROTOCOL_METHODS): T {
  if (typeof backend !== 'object' || backend === null) {
    throw usageError('TESTING_INVALID_INPUT', `spyOnBackend expects a backend object, got ${backend === null ? 'null' : typeof backend}.`);
  }
  const target = backend as Record<string | symbol, unknown>;
  if (target[SPIED]) return backend;
  const originals = new Map<string, PropertyDescriptor | undefined>();
  for (const name of methods) {
    const real = target[name];
    if (typeof real !== 'function') continue;
    originals.set(name, Object.getOwnPropertyDescriptor(backend, name));
    const delegate = function (this: unknown, ...args: unknown[]): unknown {
      return (real as AnyFn).apply(backend, args);
    };
    Object.defineProperty(delegate, 'name', { value: name });
    Object.defineProperty(backend, name, { value: spy(delegate), writable: true, configurable: true, enumerable: false });
  }
  if (originals.size === 0) {
    throw usageError('TESTING_INVALID_INPUT', `spyOnBackend found no protocol method on the object (expected some of: ${PROTOCOL_METHODS.join(', ')}).`);
  }
  Object.defineProperty(backend, SPIED, { value: { originals } satisfies SpiedState, configurable: true, enumerable: false });
  return backend;
}

/** Undoes `spyOnBackend`: the object gets its real methods back. */
export function restoreBackend<T extends object>(backend: T): T {
  const state = (backend as Record<symbol, SpiedState | undefined>)[SPIED];
  if (!state) return backend;
  for (const [name, desc] of state.originals) {
    if (desc) Object.defineProperty(backend, name, desc);
    else delete (backend as Record<string, unknown>)[name];
  }
  delete (backend as Record<symbol, unknown>)[SPIED];
  return backend;
}

/** True when `spyOnBackend` wrapped this object. */
export function isSpiedBackend(backend: unknown): boolean {
  return typeof backend === 'object' && backend !== null && Boolean((backend as Record<symbol, unknown>)[SPIED]);
}

/**
 * A real storage backend of `type` from the BackendFactory, spied. A `file`
 * backend without `basePath` gets a temp directory that `close()` removes.
 */
export function createSpiedStorageBackendWith(type: BackendType, spy: SpyFactory, opts: StorageOptions = {}): StorageBackend {
  let cleanup: (() => void) | undefined;
  let options = opts;
  if (type === 'file' && opts.basePath === undefined) {
    const dir = mkdtempSync(join(tmpdir(), 'sparkless-storage-'));
    options = { ...opts, basePath: dir };
    cleanup = () => rmSync(dir, { recursive: true, force: true });
  }
  const storage = BackendFactory.createStorageBackend(type, options);
  if (cleanup) {
    const close = storage.close;
    const remove = cleanup;
    Object.defineProperty(storage, 'close', {
      value: function (this: StorageBackend): void {
        try {
          close.call(storage);
        } finally {
          remove();
        }
      },
      writable: true,
      configurable: true,
      enumerable: false,
    });
  }
  return spyOnBackendWith(storage, spy);
}

/** The parts of a `vi.fn` / `jest.fn` mock that `failOnCall` uses. */
export interface MockLike {
  getMockImplementation(): AnyFn | undefined;
  mockImplementation(fn: AnyFn): unknown;
}

/**
 * Fault injection: the `n`th call (1-based, counted from now) of a spied method
 * throws `error` (an Error, or a function making one); every other call still
 * runs the current implementation. `mockImplementationOnce` covers the next call;
 * this covers "the third insert fails".
 *
 * @example
 * ```ts
 * failOnCall(storage.insertData, 3, new Error('disk full'));
 * ```
 */
export function failOnCall(mock: MockLike, n: number, error: unknown): void {
  if (!Number.isInteger(n) || n < 1) throw usageError('TESTING_INVALID_INPUT', `failOnCall: n must be an integer >= 1, got ${n}.`);
  const current = mock.getMockImplementation();
  let calls = 0;
  mock.mockImplementation(function (this: unknown, ...args: unknown[]): unknown {
    calls++;
    if (calls === n) throw typeof error === 'function' ? (error as () => unknown)() : error;
    return current?.apply(this, args);
  });
}
