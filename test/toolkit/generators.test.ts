/** fast-check generators: Spark value domains, nullability, schemas, real DataFrames, shrinking. */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { ArrayType, DecimalType, MapType, StructType, type DataType } from '../../src/types/data-types.js';
import { parseSchema } from '../../src/types/ddl.js';
import { parseTimestampText } from '../../src/types/values.js';
import {
  arbitraryDataFrame,
  arbitraryDataType,
  arbitraryRow,
  arbitraryRows,
  arbitrarySchema,
  arbitrarySchemaAndRows,
  arbitraryValue,
  useSparkSession,
} from '../../src/vitest/index.js';

const sample = <T>(arb: fc.Arbitrary<T>, n = 500): T[] => fc.sample(arb, { numRuns: n, seed: 42 });
const type = (t: string): DataType => parseSchema(`x ${t}`).fields[0]!.dataType;

function depth(t: DataType): number {
  if (t instanceof ArrayType) return 1 + depth(t.elementType);
  if (t instanceof MapType) return 1 + Math.max(depth(t.keyType), depth(t.valueType));
  if (t instanceof StructType) return 1 + Math.max(0, ...t.fields.map((f) => depth(f.dataType)));
  return 0;
}

describe('value domains', () => {
  it('integral types stay in range; long uses bigint only beyond 2^53', () => {
    for (const v of sample(arbitraryValue(type('TINYINT')))) expect(v).toSatisfy((x: number) => Number.isInteger(x) && x >= -128 && x <= 127);
    for (const v of sample(arbitraryValue(type('SMALLINT')))) expect(v).toSatisfy((x: number) => x >= -32768 && x <= 32767);
    for (const v of sample(arbitraryValue(type('INT')))) expect(v).toSatisfy((x: number) => x >= -(2 ** 31) && x < 2 ** 31);
    for (const v of sample(arbitraryValue(type('BIGINT')), 2000)) {
      if (typeof v === 'number') expect(Number.isSafeInteger(v)).toBe(true);
      else expect(v).toSatisfy((x: bigint) => (x > BigInt(Number.MAX_SAFE_INTEGER) || x < -BigInt(Number.MAX_SAFE_INTEGER)) && x >= -(2n ** 63n) && x < 2n ** 63n);
    }
  });

  it('float is 32-bit; NaN and infinities only when enabled', () => {
    const floats = sample(arbitraryValue(type('FLOAT')), 2000) as number[];
    expect(floats.every((x) => Math.fround(x) === x || Number.isNaN(x))).toBe(true);
    expect(floats.some((x) => !Number.isFinite(x))).toBe(false);
    const special = sample(arbitraryValue(type('DOUBLE'), { nan: true, infinity: true }), 2000) as number[];
    expect(special.some(Number.isNaN)).toBe(true);
    expect(special.some((x) => x === Infinity)).toBe(true);
    expect(special.some((x) => x === -Infinity)).toBe(true);
  });

  it('decimal(p,s) values are exact text with s fraction digits and at most p digits', () => {
    for (const [p, s] of [[5, 2], [38, 10], [3, 0], [4, 4]] as const) {
      for (const v of sample(arbitraryValue(new DecimalType(p, s)), 300) as string[]) {
        const m = /^-?(\d+)(?:\.(\d+))?$/.exec(v)!;
        expect(m).not.toBeNull();
        expect((m[2] ?? '').length).toBe(s);
        expect((m[1]! + (m[2] ?? '')).replace(/^0+(?=\d)/, '').length).toBeLessThanOrEqual(Math.max(p, 1));
      }
    }
  });

  it('dates are UTC midnights in 0001-01-01..9999-12-31; timestamps are microsecond ISO text', () => {
    for (const d of sample(arbitraryValue(type('DATE')), 1000) as Date[]) {
      expect(Math.abs(d.getTime() % 86_400_000)).toBe(0);
      expect(d.getUTCFullYear()).toBeGreaterThanOrEqual(1);
      expect(d.getUTCFullYear()).toBeLessThanOrEqual(9999);
    }
    for (const t of sample(arbitraryValue(type('TIMESTAMP')), 500) as string[]) {
      expect(t).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
      expect(parseTimestampText(t)).toBeDefined();
    }
    for (const t of sample(arbitraryValue(type('TIMESTAMP_NTZ')), 200) as string[]) expect(t).toMatch(/\.\d{6}$/);
  });

  it('strings are unicode; binary is a Uint8Array', () => {
    const strings = sample(arbitraryValue(type('STRING')), 1000) as string[];
    expect(strings.some((s) => /[^\u0000-\u007f]/.test(s))).toBe(true);
    for (const b of sample(arbitraryValue(type('BINARY')), 100)) expect(b).toBeInstanceOf(Uint8Array);
  });
});

describe('nullability', () => {
  it('nullable columns are null at nullRate; non-nullable ones never', () => {
    const schema = 'a INT, b INT NOT NULL';
    const rows = sample(arbitraryRow(schema, { nullRate: 0.5 }), 2000) as Record<string, unknown>[];
    const nulls = rows.filter((r) => r['a'] === null).length / rows.length;
    expect(nulls).toBeGreaterThan(0.35);
    expect(nulls).toBeLessThan(0.65);
    expect(rows.every((r) => r['b'] !== null)).toBe(true);
    expect((sample(arbitraryRow(schema, { nullRate: 0 }), 300) as Record<string, unknown>[]).every((r) => r['a'] !== null)).toBe(true);
    expect((sample(arbitraryRow(schema, { nullRate: 1 }), 100) as Record<string, unknown>[]).every((r) => r['a'] === null && r['b'] !== null)).toBe(true);
  });

  it('nested nulls follow containsNull, valueContainsNull and field nullability', () => {
    const t = new StructType([]).add('xs', new ArrayType(type('INT'), false)).add('m', new MapType(type('STRING'), type('INT'), false)).add('s', type('STRUCT<a: INT NOT NULL>'), false);
    for (const r of sample(arbitraryRow(t, { nullRate: 0.9 }), 300) as Record<string, unknown>[]) {
      if (r['xs'] !== null) expect((r['xs'] as unknown[]).includes(null)).toBe(false);
      if (r['m'] !== null) expect([...(r['m'] as Map<unknown, unknown>).values()].includes(null)).toBe(false);
      expect(r['s']).not.toBeNull();
      expect((r['s'] as Record<string, unknown>)['a']).not.toBeNull();
    }
  });
});

describe('types and schemas', () => {
  it('arbitraryDataType honours allow-lists and depth', () => {
    for (const t of sample(arbitraryDataType({ types: ['int', 'string'] }))) expect(['int', 'string']).toContain(t.simpleString());
    const nested = sample(arbitraryDataType({ nested: true, maxDepth: 2 }), 1000);
    expect(nested.every((t) => depth(t) <= 2)).toBe(true);
    expect(nested.some((t) => t instanceof ArrayType)).toBe(true);
    expect(nested.some((t) => t instanceof MapType)).toBe(true);
    expect(nested.some((t) => t instanceof StructType)).toBe(true);
    expect(sample(arbitraryDataType({ types: ['decimal'] }), 200).every((t) => t instanceof DecimalType && t.scale <= t.precision)).toBe(true);
    expect(() => arbitraryDataType({ types: ['uuid' as never] })).toThrow("Unknown type name 'uuid'");
  });

  it('arbitrarySchema: column bounds, unique names, nullability', () => {
    for (const s of sample(arbitrarySchema({ minColumns: 2, maxColumns: 4, nullable: false }), 300)) {
      expect(s.fields.length).toBeGreaterThanOrEqual(2);
      expect(s.fields.length).toBeLessThanOrEqual(4);
      expect(new Set(s.names.map((n) => n.toLowerCase())).size).toBe(s.names.length);
      expect(s.fields.every((f) => !f.nullable)).toBe(true);
    }
  });

  it('arbitraryRows: length bounds and uniqueness on chosen columns', () => {
    for (const rows of sample(arbitraryRows('k TINYINT, v STRING', { minLength: 5, maxLength: 30, unique: ['k'] }), 100) as Record<string, unknown>[][]) {
      expect(rows.length).toBeGreaterThanOrEqual(5);
      expect(rows.length).toBeLessThanOrEqual(30);
      const keys = rows.map((r) => r['k']);
      expect(new Set(keys).size).toBe(keys.length);
    }
    expect(() => arbitraryRows('k INT', { unique: ['nope'] })).toThrow(/not a column/);
  });
});

describe('DataFrames from generated rows', () => {
  const spark = useSparkSession({ backend: 'memory' });

  test.prop([arbitrarySchemaAndRows({ nested: true, maxColumns: 4, maxLength: 8 })], { numRuns: 60 })(
    'the engine accepts every generated row and collect() gives it back',
    ({ schema, rows }) => {
      expect(spark().createDataFrame(rows, schema)).toEqualDataFrame(rows, { schema, rtol: 0, atol: 0 });
    },
  );

  test.prop([arbitraryDataFrame(spark, 'id INT NOT NULL, amount DOUBLE', { maxLength: 10 })])('arbitraryDataFrame gives a real DataFrame', (df) => {
    expect(df.columns).toEqual(['id', 'amount']);
    expect(df.count()).toBeLessThanOrEqual(10);
  });

  it('a failing property shrinks to a minimal DataFrame, printed as a table, with the seed and path to replay', () => {
    const property = fc.property(arbitraryDataFrame(spark, 'id INT NOT NULL, amount DOUBLE NOT NULL', { maxLength: 30 }), (df) => {
      expect(df.filter(df.col('amount').gt(1000))).toHaveRowCount(0);
    });
    const details = fc.check(property, { seed: 7 });
    expect(details.failed).toBe(true);
    const [df] = details.counterexample!;
    // Minimal: a single row, shrunk towards the boundary.
    expect(df.count()).toBe(1);
    expect(df).toEqualDataFrame([{ id: 0, amount: expect.anything() }].map(() => df.collect()[0]!.asDict()));
    const report = fc.defaultReportMessage(details)!;
    expect(report).toContain('Counterexample: [DataFrame[id INT NOT NULL,amount DOUBLE NOT NULL] (1 row)');
    expect(report).toMatch(/\+---\+-+\+\n\|id \|amount\s*\|\n\+---\+-+\+\n\|0  \|/);
    expect(report).toContain(`seed: 7, path: "${details.counterexamplePath}"`);
    // Replaying the seed and path gives the same counterexample at once.
    const replay = fc.check(property, { seed: 7, path: details.counterexamplePath!, endOnFailure: true });
    expect(replay.failed).toBe(true);
    expect(replay.counterexample![0].collect()).toEqual(df.collect());
  });
});
