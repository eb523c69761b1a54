import { describe, expect, it } from 'vitest';
import '../../../src/functions/defs/index.js';
import { lookupFunction, registeredFunctionNames } from '../../../src/functions/registry.js';
import { POLARS_FUNCTIONS, PolarsMaterializer, polarsFunctionSupport } from '../../../src/backend/polars/index.js';
import { DOUBLE, INT, STRING } from '../../../src/types/data-types.js';
import { aggregate, alias, call, filter, lit, project, ref, rel } from './helpers.js';

describe('polars backend: function table', () => {
  it('has a native lowering or an explicit delegation for every registered function', () => {
    const missing = registeredFunctionNames().filter((n) => polarsFunctionSupport(n) === 'missing');
    expect(missing).toEqual([]);
  });

  it('lowers each function in the role its definition declares', () => {
    for (const name of registeredFunctionNames()) {
      const f = POLARS_FUNCTIONS[name]!;
      if (f.delegated) continue;
      const kind = lookupFunction(name).kind;
      if (kind === 'aggregate') expect(f.aggregate, name).toBeDefined();
      else if (kind === 'window') expect(f.window, name).toBe(true);
      else if (kind === 'generator') expect(f.generator, name).toBe(true);
      else expect(f.scalar, name).toBeDefined();
    }
  });
});

describe('polars backend: describe()', () => {
  it('marks native and delegated nodes and shows the Polars plan when fully native', () => {
    const t = rel([['a', INT], ['x', DOUBLE], ['s', STRING]], [[1, 0.5, 'x']]);
    const f = filter(t, call('gt', [ref(t, 'a'), lit(0, INT)]));
    const a = aggregate(f, [ref(f, 's')], [alias(call('sum', [ref(f, 'x')]), 'sx')]);
    const m = new PolarsMaterializer({ timeZone: 'UTC' });
    const text = m.describe(a);
    expect(text.split('\n')[0]).toBe('Aggregate [s: string, sx: float64] [polars]');
    expect(text).toContain('+- Filter [a: int32, x: float64, s: string] [polars]');
    expect(text).toContain('Polars plan:');

    const p = project(t, [alias(call('sin', [ref(t, 'x')]), 'sx')]);
    const d = m.describe(p);
    expect(d.split('\n')[0]).toMatch(/^Project \[sx: float64\] \[delegated to memory: sin: /);
    expect(d).toContain('LocalRelation [a: int32, x: float64, s: string] [polars]');
    expect(d).not.toContain('Polars plan:');
  });
});
