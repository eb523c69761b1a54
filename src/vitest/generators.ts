/**
 * The fast-check generators as `sparkless/vitest` exports them: typed against
 * fast-check's ESM declarations even in the CommonJS declaration build.
 * `@fast-check/vitest` (and Vitest) are ESM-only, so in a CommonJS TypeScript
 * project (`module: nodenext`) `test.prop` expects ESM-declared arbitraries;
 * fast-check's CommonJS and ESM declarations are distinct classes (private
 * members), and `test.prop([arbitraryDataFrame(...)])` would fail with TS2322.
 * Same functions at run time; only their declared return types differ.
 */
import type { Arbitrary } from 'fast-check' with { 'resolution-mode': 'import' };
import * as gen from '../testing/generators/index.js';

/** `F` with its fast-check return type re-declared from the ESM declarations. */
type Esm<F> = F extends (...args: infer A) => { generate(...a: never[]): { value: infer T } } ? (...args: A) => Arbitrary<T> : never;

export const arbitraryDataType = gen.arbitraryDataType as Esm<typeof gen.arbitraryDataType>;
export const arbitrarySchema = gen.arbitrarySchema as Esm<typeof gen.arbitrarySchema>;
export const decimalTypeArbitrary = gen.decimalTypeArbitrary as Esm<typeof gen.decimalTypeArbitrary>;
export const arbitraryValue = gen.arbitraryValue as Esm<typeof gen.arbitraryValue>;
export const arbitraryRow = gen.arbitraryRow as Esm<typeof gen.arbitraryRow>;
export const arbitraryRows = gen.arbitraryRows as Esm<typeof gen.arbitraryRows>;
export const arbitraryDataFrame = gen.arbitraryDataFrame as Esm<typeof gen.arbitraryDataFrame>;
export const arbitrarySchemaAndRows = gen.arbitrarySchemaAndRows as Esm<typeof gen.arbitrarySchemaAndRows>;
export const arbitraryDataFrameOfAnySchema = gen.arbitraryDataFrameOfAnySchema as Esm<typeof gen.arbitraryDataFrameOfAnySchema>;
