#!/usr/bin/env node
/**
 * After tsup: `sparkless/vitest`'s CommonJS declarations take fast-check's
 * types from its ESM declarations (see src/vitest/generators.ts), as
 * `@fast-check/vitest`, which is ESM-only, does. The declaration bundler drops
 * the `resolution-mode` attribute of the source import, so it is put back here;
 * a build whose output no longer has the line fails rather than ship TS2322.
 */
import { readFileSync, writeFileSync } from 'node:fs';

const file = new URL('../dist/vitest.d.cts', import.meta.url);
const plain = "import { Arbitrary } from 'fast-check';";
const esm = "import type { Arbitrary } from 'fast-check' with { 'resolution-mode': 'import' };";
const text = readFileSync(file, 'utf8');
if (!text.includes(esm)) {
  if (!text.includes(plain)) throw new Error(`dist/vitest.d.cts: expected the line ${plain}`);
  writeFileSync(file, text.replace(plain, esm));
}
