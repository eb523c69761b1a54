/**
 * PySpark 3.5 parity: every case in `cases.ts` runs on every execution backend
 * and must reproduce the fixture real Spark produced (schema and rows; see
 * `compare.ts` for the exact rules). A case that does not is listed in
 * KNOWN_GAPS.md with its reason, and runs here as `it.fails` (so a fix shows
 * up as a failure until the entry is removed) or is skipped when it cannot be
 * compared at all; the reason is part of the test name. Nothing else is skipped.
 *
 * Random cases (`sample`, `randomSplit`) check the schema and invariants in the
 * main test and the exact rows in a separate `<id>#rows` test.
 */
import { describe, expect, it } from 'vitest';
import type { SparkSession } from '../../src/session/session.js';
import { backendsUnderTest, newTestSession } from '../helpers/backends.js';
import { CASES, caseId, type ParityCase } from './cases.js';
import { compareRows, compareSchema } from './compare.js';
import { findGap, loadKnownGaps } from './known-gaps.js';
import { createInputs, listFixtureIds, loadFixture, type ParityFixture } from './load.js';

// memory and polars, plus real Spark (connect) when SPARK_REMOTE answers: the fixtures came from Spark.
const BACKENDS = backendsUnderTest();
const GAPS = loadKnownGaps();

/** Every test key the suite defines: case ids plus `#rows` for random cases. */
const TEST_KEYS = CASES.flatMap((c) => (c.random ? [caseId(c), `${caseId(c)}#rows`] : [caseId(c)]));

describe('parity case table', () => {
  it('has exactly one case per fixture file', () => {
    const ids = CASES.map(caseId);
    expect(new Set(ids).size, 'duplicate cases').toBe(ids.length);
    expect([...ids].sort()).toEqual(listFixtureIds());
  });

  it('lists in KNOWN_GAPS.md only tests that exist', () => {
    const unknown = GAPS.filter((g) => !TEST_KEYS.includes(g.key)).map((g) => `KNOWN_GAPS.md:${g.line} ${g.key}`);
    expect(unknown).toEqual([]);
  });
});

function load(c: ParityCase): ParityFixture {
  return loadFixture(caseId(c), c.inputs ? { inputCount: c.inputs.count, ...(c.inputs.splitSizes ? { splitSizes: c.inputs.splitSizes } : {}) } : {});
}

function withSession<T>(backend: string, body: (spark: SparkSession) => T): T {
  const spark = newTestSession(backend as (typeof BACKENDS)[number], 'parity');
  try {
    return body(spark);
  } finally {
    spark.stop();
  }
}

/** Registers a test, as `it.fails`/`it.skip` with the reason when KNOWN_GAPS.md lists it for this backend. */
function register(key: string, backend: string, body: () => void): void {
  const gap = findGap(GAPS, key, backend);
  if (!gap) it(key, body);
  else if (gap.mode === 'skip') it.skip(`${key} [known gap, not comparable: ${gap.reason}]`, body);
  else it.fails(`${key} [known gap: ${gap.reason}]`, body);
}

describe.each(BACKENDS)('PySpark 3.5 parity [%s]', (backend) => {
  for (const c of CASES) {
    const id = caseId(c);
    const context = `${id} on ${backend}\n  pyspark: ${c.pyspark}`;

    register(id, backend, () => {
      const fixture = load(c);
      withSession(backend, (spark) => {
        const inputs = createInputs(spark, fixture);
        const df = c.run(spark, inputs);
        const schema = df.schema;
        const problems = compareSchema(schema, fixture.expected);
        if (c.random) problems.push(...c.random.invariants(spark, inputs).map((p) => `invariant: ${p}`));
        else problems.push(...compareRows(df.collect(), schema, fixture.expected, c.compare));
        expect(problems, context).toEqual([]);
      });
    });

    if (c.random) {
      register(`${id}#rows`, backend, () => {
        const fixture = load(c);
        withSession(backend, (spark) => {
          const df = c.run(spark, createInputs(spark, fixture));
          expect(compareRows(df.collect(), df.schema, fixture.expected, c.compare), context).toEqual([]);
        });
      });
    }
  }
});
