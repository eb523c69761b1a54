/**
 * Tests of the parity harness itself (loader, comparator, gap list), which do
 * not need an execution backend: a harness bug must not pass for a parity gap.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Row } from '../../src/data/row.js';
import { ArrayType, DoubleType, LongType, MapType, StringType, StructField, StructType } from '../../src/types/data-types.js';
import { CASES, caseId } from './cases.js';
import { compareRows, compareSchema, normalizeFixtureType } from './compare.js';
import { parseKnownGaps } from './known-gaps.js';
import {
  FIXTURE_ROOT,
  JsonNumber,
  inferSchemaFromDicts,
  listFixtureIds,
  loadFixture,
  parseFixture,
  parseJsonKeepingNumbers,
  toPlain,
  type ExpectedOutput,
  type RawJson,
} from './load.js';

const ddl = (s: StructType): string => s.fields.map((f) => `${f.name}:${f.dataType.simpleString()}`).join(',');

describe('parseJsonKeepingNumbers', () => {
  it('remembers which numbers were written as floats', () => {
    const v = parseJsonKeepingNumbers('{"a": 1, "b": 50000.0, "c": 1e5, "d": -0.5, "e": [2, 2.5E-3], "s": "x\\"1.0", "n": null, "t": true}') as Record<string, RawJson>;
    expect(v['a']).toEqual(new JsonNumber(1, false, '1'));
    expect((v['b'] as JsonNumber).isFloat).toBe(true);
    expect((v['b'] as JsonNumber).value).toBe(50000);
    expect((v['c'] as JsonNumber).isFloat).toBe(true);
    expect((v['d'] as JsonNumber).value).toBe(-0.5);
    expect((v['e'] as JsonNumber[]).map((x) => x.isFloat)).toEqual([false, true]);
    expect(toPlain(v as RawJson)).toEqual({ a: 1, b: 50000, c: 100000, d: -0.5, e: [2, 0.0025], s: 'x"1.0', n: null, t: true });
  });

  it('agrees with JSON.parse on every fixture and rejects malformed text', () => {
    for (const id of listFixtureIds()) {
      const text = loadText(id);
      expect(toPlain(parseJsonKeepingNumbers(text)), id).toEqual(JSON.parse(text));
    }
    expect(() => parseJsonKeepingNumbers('{"a": 1,}')).toThrow(SyntaxError);
    expect(() => parseJsonKeepingNumbers('[1] 2')).toThrow(SyntaxError);
  });
});

describe('inferSchemaFromDicts (PySpark 3.5 rules)', () => {
  const rows = (text: string) => parseJsonKeepingNumbers(text) as { [k: string]: RawJson }[];

  it('sorts keys, maps int→long, float→double, merges None, keeps everything nullable', () => {
    const s = inferSchemaFromDicts(rows('[{"id": 1, "salary": null, "name": "a", "ok": true}, {"id": 2, "salary": 1.5, "name": null, "ok": false}]'));
    expect(ddl(s)).toBe('id:bigint,name:string,ok:boolean,salary:double');
    expect(s.fields.every((f) => f.nullable)).toBe(true);
  });

  it('infers lists as arrays and dicts as maps; appends keys first seen in later rows', () => {
    const s = inferSchemaFromDicts(rows('[{"b": [1, 2], "a": {"k": 1.0}}, {"c": "x", "b": null, "a": null}]'));
    expect(ddl(s)).toBe('a:map<string,double>,b:array<bigint>,c:string');
  });

  it('refuses what PySpark refuses: int/float in one column, only None', () => {
    expect(() => inferSchemaFromDicts(rows('[{"x": 1}, {"x": 1.5}]'))).toThrow(/cannot merge/);
    expect(() => inferSchemaFromDicts(rows('[{"x": null}]'))).toThrow(/only None/);
  });
});

describe('loadFixture', () => {
  it('recovers double columns written as 50000.0 and long ones written as 50000', () => {
    const f = loadFixture('null_handling/coalesce');
    expect(ddl(f.inputs[0]!.schema)).toBe('age:bigint,department:string,id:bigint,name:string,salary:double');
    const j = loadFixture('joins/inner_join', { inputCount: 2 });
    expect(j.inputs.map((i) => ddl(i.schema))).toEqual(['dept_id:bigint,id:bigint,name:string,salary:bigint', 'dept_id:bigint,location:string,name:string']);
    expect(j.inputs.map((i) => i.rows.length)).toEqual([4, 3]);
  });

  it('splits same-shaped inputs by the given sizes and rejects impossible splits', () => {
    const f = loadFixture('set_operations/union', { inputCount: 2, splitSizes: [3, 3] });
    expect(f.inputs.map((i) => i.rows.map((r) => r['id']))).toEqual([
      [1, 2, 3],
      [2, 3, 4],
    ]);
    expect(() => loadFixture('set_operations/union', { inputCount: 2, splitSizes: [2, 3] })).toThrow(/cannot split/);
  });

  it('reads files without an operation and with repr-form types', () => {
    const f = loadFixture('aggregations/global_aggregation');
    expect(f.operation).toBeUndefined();
    expect(f.expected.fields.map((x) => normalizeFixtureType(x.type))).toEqual(['long', 'double', 'long']);
  });

  it('loads every case with its declared inputs', () => {
    for (const c of CASES) {
      const f = loadFixture(caseId(c), c.inputs ? { inputCount: c.inputs.count, ...(c.inputs.splitSizes ? { splitSizes: c.inputs.splitSizes } : {}) } : {});
      expect(f.inputs.length, caseId(c)).toBe(c.inputs?.count ?? 1);
      expect(f.expected.data.length, caseId(c)).toBe(f.expected.rowCount);
    }
  });
});

describe('normalizeFixtureType', () => {
  it.each([
    ['long', 'long'],
    ['LongType()', 'long'],
    ['bigint', 'long'],
    ['integer', 'integer'],
    ['IntegerType()', 'integer'],
    ['int', 'integer'],
    ['StringType()', 'string'],
    ['DoubleType()', 'double'],
    ['array', 'array'],
    ['ArrayType(StringType(), True)', 'array'],
    ['array<string>', 'array'],
    ['map', 'map'],
    ['struct', 'struct'],
    ['DecimalType(10,2)', 'decimal(10,2)'],
    ['decimal(10, 2)', 'decimal(10,2)'],
    ['TimestampNTZType()', 'timestamp_ntz'],
  ])('%s → %s', (input, out) => expect(normalizeFixtureType(input)).toBe(out));
});

const expected = (fields: [string, string, boolean][], data: Record<string, unknown>[]): ExpectedOutput => ({
  fieldNames: fields.map((f) => f[0]),
  fields: fields.map(([name, type, nullable]) => ({ name, type, nullable })),
  data,
  rowCount: data.length,
});
const schemaOf = (fields: [string, InstanceType<typeof LongType | typeof DoubleType | typeof StringType> | ArrayType | MapType, boolean][]) =>
  new StructType(fields.map(([n, t, nl]) => new StructField(n, t, nl)));

describe('compareSchema', () => {
  it('checks names, types and nullability', () => {
    const exp = expected([['id', 'LongType()', true], ['c', 'long', false]], []);
    expect(compareSchema(schemaOf([['id', new LongType(), true], ['c', new LongType(), false]]), exp)).toEqual([]);
    const problems = compareSchema(schemaOf([['id', new DoubleType(), true], ['d', new LongType(), true]]), exp);
    expect(problems).toHaveLength(3);
    expect(problems.join('\n')).toMatch(/column names/);
    expect(problems.join('\n')).toMatch(/expected type LongType\(\)/);
    expect(problems.join('\n')).toMatch(/nullable=false/);
  });
});

describe('compareRows', () => {
  const schema = schemaOf([['k', new StringType(), true], ['v', new DoubleType(), true]]);
  const exp = expected([['k', 'string', true], ['v', 'double', true]], [{ k: 'a', v: 0.1 }, { k: 'b', v: null }, { k: 'a', v: 0.1 }]);
  const rowsOf = (...vals: [string, number | null][]) => vals.map((v) => new Row(v, ['k', 'v']));

  it('compares as a multiset by default, with a relative tolerance for doubles', () => {
    expect(compareRows(rowsOf(['b', null], ['a', 0.1 + 1e-12], ['a', 0.1]), schema, exp)).toEqual([]);
    expect(compareRows(rowsOf(['b', null], ['a', 0.1], ['a', 0.2]), schema, exp).join('\n')).toMatch(/missing row.*\n.*unexpected row/);
    expect(compareRows(rowsOf(['b', null], ['a', 0.1]), schema, exp).join('\n')).toMatch(/row count: expected 3, got 2/);
    // null is not 0, and multiplicity counts.
    expect(compareRows(rowsOf(['b', 0], ['a', 0.1], ['a', 0.1]), schema, exp)).not.toEqual([]);
    expect(compareRows(rowsOf(['b', null], ['b', null], ['a', 0.1]), schema, exp)).not.toEqual([]);
  });

  it('compares in order when asked', () => {
    expect(compareRows(rowsOf(['a', 0.1], ['b', null], ['a', 0.1]), schema, exp, { ordered: true })).toEqual([]);
    expect(compareRows(rowsOf(['b', null], ['a', 0.1], ['a', 0.1]), schema, exp, { ordered: true })).toHaveLength(2);
  });

  it('compares integral values exactly and accepts bigint', () => {
    const s = schemaOf([['n', new LongType(), true]]);
    const e = expected([['n', 'long', true]], [{ n: 3 }]);
    expect(compareRows([new Row([3n], ['n'])], s, e)).toEqual([]);
    expect(compareRows([new Row([3.0000000001], ['n'])], s, e)).not.toEqual([]);
  });

  it('with duplicate names compares the last value of each name, as the fixture kept it', () => {
    const s = schemaOf([['id', new LongType(), true], ['name', new StringType(), true], ['name', new StringType(), true]]);
    const e = expected([['id', 'long', true], ['name', 'string', true], ['name', 'string', true]], [{ id: 1, name: 'IT' }]);
    expect(compareRows([new Row([1, 'Alice', 'IT'], ['id', 'name', 'name'])], s, e)).toEqual([]);
    expect(compareRows([new Row([1, 'IT', 'Alice'], ['id', 'name', 'name'])], s, e)).not.toEqual([]);
  });

  it('compares arrays in order unless the column is declared unordered; maps by key', () => {
    const s = schemaOf([['xs', new ArrayType(new StringType(), false), false], ['m', new MapType(new StringType(), new LongType(), true), true]]);
    const e = expected([['xs', 'array', false], ['m', 'map', true]], [{ xs: ['b', 'a'], m: { x: 1 } }]);
    const r = [new Row([['a', 'b'], new Map([['x', 1]])], ['xs', 'm'])];
    expect(compareRows(r, s, e)).not.toEqual([]);
    expect(compareRows(r, s, e, { unorderedArrayColumns: ['xs'] })).toEqual([]);
    expect(compareRows([new Row([['a', 'b'], new Map([['x', 2]])], ['xs', 'm'])], s, e, { unorderedArrayColumns: ['xs'] })).not.toEqual([]);
  });

  it('matches dates and timestamps against ISO text', () => {
    const e = expected([['d', 'date', true], ['t', 'timestamp', true]], [{ d: '2020-01-15', t: '2020-01-15T10:30:00' }]);
    const s = new StructType([new StructField('d', new StringType(), true), new StructField('t', new StringType(), true)]);
    expect(compareRows([new Row([new Date(Date.UTC(2020, 0, 15)), new Date(Date.UTC(2020, 0, 15, 10, 30))], ['d', 't'])], s, e)).toEqual([]);
    expect(compareRows([new Row([new Date(Date.UTC(2020, 0, 16)), new Date(Date.UTC(2020, 0, 15, 10, 30))], ['d', 't'])], s, e)).not.toEqual([]);
  });
});

describe('parseKnownGaps', () => {
  it('reads the gap rows of the tables and ignores other tables', () => {
    const gaps = parseKnownGaps(
      ['| Case | Backend | Mode | Reason |', '|---|---|---|---|', '| `joins/inner_join` | polars | fails | wrong | order |', '| other | table |', '| `dataframe_methods/sample#rows` | all | skip | RNG |'].join('\n'),
    );
    expect(gaps.map((g) => [g.key, g.backend, g.mode, g.reason])).toEqual([
      ['joins/inner_join', 'polars', 'fails', 'wrong | order'],
      ['dataframe_methods/sample#rows', 'all', 'skip', 'RNG'],
    ]);
  });

  it('rejects malformed or duplicated rows', () => {
    expect(() => parseKnownGaps('| `joins/inner_join` | duckdb | fails | x |')).toThrow(/backend/);
    expect(() => parseKnownGaps('| `joins/inner_join` | memory | maybe | x |')).toThrow(/mode/);
    expect(() => parseKnownGaps('| `joins/inner_join` | memory | fails |  |')).toThrow(/reason/);
    expect(() => parseKnownGaps('| `joins/inner_join` | all | fails | x |\n| `joins/inner_join` | memory | fails | y |')).toThrow(/twice/);
  });
});

describe('parseFixture', () => {
  it('keeps the expected data as JSON.parse reads it', () => {
    const f = parseFixture(
      'x/y',
      '{"test_id": "y", "operation": "DataFrame operation: y", "input_data": [{"a": 1.0}], "expected_output": {"schema": {"field_names": ["a"], "field_types": ["double"], "fields": [{"name": "a", "type": "double", "nullable": true}]}, "data": [{"a": 1.0}], "row_count": 1}}',
    );
    expect(f.operation).toBe('y');
    expect(ddl(f.inputs[0]!.schema)).toBe('a:double');
    expect(f.expected.data).toEqual([{ a: 1 }]);
  });
});

function loadText(id: string): string {
  return readFileSync(join(FIXTURE_ROOT, `${id}.json`), 'utf8');
}
