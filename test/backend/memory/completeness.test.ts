import { describe, expect, it } from 'vitest';
import '../../../src/functions/defs/index.js';
import { lookupFunction, registeredFunctionNames } from '../../../src/functions/registry.js';
import { MEMORY_FUNCTIONS } from '../../../src/backend/memory/functions/index.js';

describe('memory function table', () => {
  it('implements every registered function with the same kind', () => {
    const names = registeredFunctionNames();
    const missing = names.filter((n) => !Object.prototype.hasOwnProperty.call(MEMORY_FUNCTIONS, n));
    expect(missing).toEqual([]);
    const wrongKind = names.filter((n) => MEMORY_FUNCTIONS[n]!.kind !== lookupFunction(n).kind);
    expect(wrongKind).toEqual([]);
  });

  it('null-intolerant definitions never get an implementation that asks for nulls', () => {
    const names = registeredFunctionNames().filter((n) => lookupFunction(n).nullIntolerant);
    const offenders = names.filter((n) => {
      const impl = MEMORY_FUNCTIONS[n]!;
      return impl.kind === 'scalar' && impl.handlesNulls === true;
    });
    expect(offenders).toEqual([]);
  });
});
