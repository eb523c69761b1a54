/**
 * `@bufbuild/protobuf`'s low-level wire reader/writer, loaded on first use.
 *
 * The package is an optional peer dependency: only Spark Connect users need it,
 * so it is required lazily and a missing install becomes a typed error that
 * says what to install. `createRequire(import.meta.url)` works in the ESM build
 * and in the CommonJS one (tsup shims `import.meta.url`); the package ships a
 * CommonJS entry, and only plain classes are used, so instance identity with
 * an ESM copy does not matter.
 */
import { createRequire } from 'node:module';
import type * as Wire from '@bufbuild/protobuf/wire';
import { IllegalArgumentException } from '../../../errors/index.js';

export type WireModule = typeof Wire;

let lib: WireModule | undefined;

export function wire(): WireModule {
  return (lib ??= load());
}

function load(): WireModule {
  const req = createRequire(import.meta.url);
  try {
    return req('@bufbuild/protobuf/wire') as WireModule;
  } catch (e) {
    const code = (e as { code?: string }).code;
    // Version 1 of the package has no `wire` subpath.
    const v1 = code === 'ERR_PACKAGE_PATH_NOT_EXPORTED';
    if (code !== 'MODULE_NOT_FOUND' && !v1) throw e;
    const what = v1 ? "version 2 of the package '@bufbuild/protobuf'" : "the package '@bufbuild/protobuf'";
    throw new IllegalArgumentException(`Spark Connect needs ${what}: npm i @bufbuild/protobuf @grpc/grpc-js`, {
      errorClass: 'CONNECT_MISSING_PACKAGE',
      cause: e,
    });
  }
}
