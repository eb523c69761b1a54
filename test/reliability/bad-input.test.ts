/**
 * The bad-input corpus (issue 11): every public method of SparkSession,
 * DataFrame, Column, GroupedData, Window/WindowSpec, the reader and writer,
 * the catalog, df.na and the functions is called with wrong values
 * (undefined, null, a number, a plain object, nested arrays, an unknown
 * column, NaN, a function, bigints, a symbol, objects whose toString or
 * traps throw, a prototype-less object). Each call must answer or throw a
 * typed sparkless error; a raw TypeError or RangeError fails. Methods are
 * found by walking the prototypes, so new methods are covered as they land.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { F, SparkSession, SparklessError, Window } from '../../src/index.js';

const spark = new SparkSession('bad-input', { backendType: 'memory' });
const scratch = mkdtempSync(join(tmpdir(), 'sparkless-bad-input-'));
afterAll(() => {
  spark.stop();
  rmSync(scratch, { recursive: true, force: true });
});
const df = spark.createDataFrame([[1, 'a']], 'a int, b string');

const TARGETS: Record<string, () => object> = {
  SparkSession: () => spark,
  DataFrame: () => df,
  Column: () => F.col('a'),
  GroupedData: () => df.groupBy('a'),
  WindowSpec: () => Window.partitionBy('a'),
  Window: () => Window,
  reader: () => spark.read,
  writer: () => df.write,
  catalog: () => spark.catalog,
  na: () => df.na,
  functions: () => F,
};

/** Side effects or output only (printing, stopping, new sessions), and internal hooks. */
const SKIP = new Set([
  'constructor', 'stop', 'toString', 'toJSON', 'show', 'printSchema', 'explain', 'foreach', 'foreachPartition', 'toLocalIterator',
  'newSession', 'withPlan', 'execute', 'analyze', 'optimizedPlan', 'simulateAdaptiveExecution', 'ingest', 'lookupRelation',
]);

/**
 * What a value's own code throws (a Proxy trap sparkless cannot avoid running, even for
 * `instanceof`) passes through unchanged, as Python propagates an exception from `__eq__`.
 */
const TRAP_ERROR = new Error('trap');

const BAD: readonly [string, unknown][] = [
  ['undefined', undefined],
  ['null', null],
  ['a number', 42],
  ['a plain object', {}],
  ['nested arrays', [1, [2, [3]]]],
  ['an unknown column', 'no_such_col'],
  ['NaN', Number.NaN],
  ['a function', () => 1],
  ['a huge bigint', 1n << 80n],
  ['a small bigint', 3n],
  ['a symbol', Symbol('s')],
  ['an object whose toString and valueOf throw', { toString: () => { throw new Error('toString'); }, valueOf: () => { throw new Error('valueOf'); } }],
  ['an object without a prototype', Object.create(null)],
  ['a transparent proxy', new Proxy({}, {})],
  ['a proxy of an array', new Proxy([1, 'x'], {})],
  ['a proxy whose every trap throws', new Proxy({}, new Proxy({}, { get: () => () => { throw TRAP_ERROR; } }))],
  ['an array holding a symbol', [Symbol('t')]],
];

function methods(obj: object): string[] {
  const names = new Set<string>();
  for (let p: object | null = obj; p && p !== Object.prototype && p !== Function.prototype; p = Object.getPrototypeOf(p)) {
    for (const k of Object.getOwnPropertyNames(p)) {
      const d = Object.getOwnPropertyDescriptor(p, k);
      if (d && !d.get && typeof d.value === 'function' && !SKIP.has(k) && !k.startsWith('_')) names.add(k);
    }
  }
  return [...names].sort();
}

describe('bad input gives a typed error or an answer, never a raw JS error', () => {
  for (const [target, make] of Object.entries(TARGETS)) {
    it(`${target}: every method`, async () => {
      const raw: string[] = [];
      for (const name of methods(make())) {
        for (const [label, value] of BAD) {
          const obj = make();
          // A writer given a plain name writes there: keep such writes in a temp directory.
          const arg = target === 'writer' && typeof value === 'string' ? join(scratch, value) : value;
          try {
            let out = (obj as Record<string, (...a: unknown[]) => unknown>)[name]!.call(obj, arg);
            // The async twins (collectAsync, showAsync...) fail by rejecting: that is their error to check.
            if (out instanceof Promise) out = await out;
            // A DataFrame or Column answer is analyzed too: a bad argument may only surface there.
            if (out && typeof out === 'object' && 'schema' in out) void (out as { schema: unknown }).schema;
          } catch (e) {
            if (!SparklessError.isSparklessError(e) && e !== TRAP_ERROR) raw.push(`${target}.${name}(${label}): ${String(e)}`);
          }
        }
      }
      expect(raw).toEqual([]);
    });
  }

  it('errors name the argument with PySpark error classes', () => {
    expect(() => df.crossJoin(42 as never)).toThrow(expect.objectContaining({ errorClass: 'NOT_DATAFRAME', message: expect.stringContaining('`other`') }));
    expect(() => df.createOrReplaceTempView(null as never)).toThrow(expect.objectContaining({ errorClass: 'NOT_STR', message: expect.stringContaining('`name`') }));
    expect(() => df.transform(7 as never)).toThrow(expect.objectContaining({ errorClass: 'NOT_CALLABLE' }));
    expect(() => df.randomSplit('x' as never)).toThrow(expect.objectContaining({ errorClass: 'NOT_LIST' }));
    expect(() => df.take('3' as never)).toThrow(expect.objectContaining({ errorClass: 'NOT_INT' }));
    expect(() => spark.catalog.tableExists(undefined as never)).toThrow(expect.objectContaining({ errorClass: 'NOT_STR', message: expect.stringContaining('`tableName`') }));
    expect(() => df.groupBy('a').sum(1 as never)).toThrow(expect.objectContaining({ errorClass: 'NOT_STR' }));
    expect(() => F.broadcast(null as never)).toThrow(expect.objectContaining({ errorClass: 'NOT_DATAFRAME' }));
  });

  it('symbols, prototype-less objects and throwing toString get the same typed errors', () => {
    const noText = { toString: (): string => { throw new Error('toString'); } };
    const cls = (f: () => unknown): unknown => { try { f(); return 'no error'; } catch (e) { return (e as { errorClass?: unknown }).errorClass ?? String(e); } };
    expect(cls(() => df.toDF(Symbol('x') as never, 'b'))).toBe('NOT_STR');
    expect(cls(() => df.summary(Symbol('x') as never))).toBe('NOT_STR');
    expect(cls(() => df.describe(Object.create(null) as never))).toBe('NOT_STR');
    expect(cls(() => df.withColumn(noText as never, F.lit(1)))).toBe('NOT_STR');
    expect(cls(() => df.withColumnRenamed(noText as never, 'x'))).toBe('NOT_STR');
    expect(cls(() => df.freqItems([Symbol('x')] as never))).toBe('NOT_STR');
    expect(cls(() => df.randomSplit([1, Symbol('x')] as never))).toBe('NOT_FLOAT_OR_INT');
    expect(cls(() => df.sample(Symbol('x') as never))).toBe('IllegalArgumentException: requirement failed: Sampling fraction (Symbol(x)) must be on interval [0, 1] without replacement');
    expect(cls(() => Window.rowsBetween(Symbol('x') as never, 0))).toBe('NOT_FLOAT_OR_INT');
    expect(cls(() => Window.partitionBy('a').rangeBetween(0, 1n as never))).toBe('NOT_FLOAT_OR_INT');
    expect(cls(() => spark.read.csv(Symbol('x') as never))).toBe('NOT_STR');
    expect(cls(() => spark.read.option('k', Object.create(null) as never))).toBe('NOT_STR');
    expect(cls(() => df.write.parquet(Symbol('x') as never))).toBe('NOT_STR');
    expect(cls(() => df.na.drop(noText as never))).toBe('VALUE_NOT_ANY_OR_ALL');
  });

  it('unknown columns name the column with a suggestion', () => {
    expect(() => df.select('aa')).toThrow(expect.objectContaining({ errorClass: 'UNRESOLVED_COLUMN.WITH_SUGGESTION' }));
    expect(() => df.fillna(0, ['zz'])).toThrow(SparklessError);
  });

  it('deeply nested expressions give an answer or a typed error, not a stack overflow', () => {
    let c = F.col('a');
    for (let i = 0; i < 20_000; i++) c = c.plus(1);
    let outcome: unknown;
    try {
      outcome = df.select(c.alias('x')).collect()[0]!.get('x');
    } catch (e) {
      outcome = SparklessError.isSparklessError(e) ? 'typed' : e;
    }
    expect([20_001, 'typed']).toContain(outcome);
  });
});
