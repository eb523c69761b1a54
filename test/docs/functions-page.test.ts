import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PAGE_PATH, functionStatuses, readFunctionNames, renderFunctionsPage } from '../../scripts/functions-page.js';

describe('docs/functions.md', () => {
  it('is up to date with the registry (regenerate with `npm run docs:functions`)', () => {
    expect(readFileSync(PAGE_PATH, 'utf8')).toBe(renderFunctionsPage());
  });

  it('lists each of the 428 PySpark 3.5 names once, each probed', () => {
    const names = readFunctionNames();
    expect(names.length).toBe(428);
    expect(new Set(names).size).toBe(428);
    const statuses = functionStatuses(names);
    expect(statuses.filter((s) => s.memory === '?').map((s) => s.name)).toEqual([]);
    // the probe sees real states: a stub, a native lowering, a delegation, a JVM-only name
    const by = new Map(statuses.map((s) => [s.name, s]));
    expect(by.get('upper')).toMatchObject({ memory: 'yes', polars: 'native', connect: 'yes' });
    expect(by.get('udf')).toMatchObject({ memory: 'yes', polars: 'delegated' });
    expect(by.get('udf')!.connect).toMatch(/^no: /);
    expect(by.get('reflect')!.notes).toMatch(/needs a JVM/);
  });
});
