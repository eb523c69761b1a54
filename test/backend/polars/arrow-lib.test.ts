import { Table, tableFromIPC, tableToIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { arrow } from '../../../src/data/arrow-lib.js';
import { PolarsMaterializer } from '../../../src/backend/polars/index.js';
import { INT, STRING } from '../../../src/types/data-types.js';
import { rel } from './helpers.js';

describe('polars backend: lazily loaded apache-arrow', () => {
  it('is the module `import "apache-arrow"` gives (same classes)', () => {
    const A = arrow();
    expect(A.Table).toBe(Table);
    expect(A.tableFromIPC).toBe(tableFromIPC);
  });

  it('returns Arrow tables callers can use with their own apache-arrow import', () => {
    const t = new PolarsMaterializer().materializeArrow(rel([['a', INT], ['b', STRING]], [[1, 'x'], [2, null]]));
    expect(t).toBeInstanceOf(Table);
    expect(tableFromIPC(tableToIPC(t)).numRows).toBe(2);
  });
});
