/** The `sparkless/optimizer` API: adaptive, skew-driven repartitioning with golden plan text. */
import { describe, expect, it } from 'vitest';
import { F, SparkSession } from '../../src/index.js';
import { attachSkewMetrics, QueryOptimizer, ADAPTIVE_CONF, DEFAULT_ADAPTIVE_EXECUTION } from '../../src/optimizer/index.js';
import { IllegalArgumentException } from '../../src/errors/index.js';
import { forEachBackend } from '../helpers/backends.js';

const spark = new SparkSession('query-optimizer-tests', { backendType: 'memory' });
const facts = spark.createDataFrame([{ k: 1, v: 10 }, { k: 1, v: 20 }, { k: 2, v: 5 }], 'k INT, v INT');
const dims = spark.createDataFrame([{ k: 1, name: 'a' }, { k: 2, name: 'b' }], 'k INT, name STRING');

describe('QueryOptimizer: adaptive execution settings', () => {
  it('is disabled by default, with threshold 5 and split cap 8', () => {
    const o = new QueryOptimizer();
    expect(o.adaptiveExecution).toEqual({ enabled: false, skewThreshold: 5, maxSplitFactor: 8 });
    expect(DEFAULT_ADAPTIVE_EXECUTION.enabled).toBe(false);
  });

  it('configureAdaptiveExecution overrides only what it is given, and rejects bad values', () => {
    const o = new QueryOptimizer().configureAdaptiveExecution({ enabled: true });
    expect(o.adaptiveExecution).toEqual({ enabled: true, skewThreshold: 5, maxSplitFactor: 8 });
    o.configureAdaptiveExecution({ skewThreshold: 3, maxSplitFactor: 4 });
    expect(o.adaptiveExecution).toEqual({ enabled: true, skewThreshold: 3, maxSplitFactor: 4 });
    expect(() => o.configureAdaptiveExecution({ skewThreshold: 0.5 })).toThrow(IllegalArgumentException);
    expect(() => o.configureAdaptiveExecution({ maxSplitFactor: 1.5 })).toThrow(/maxSplitFactor/);
    expect(() => o.configureAdaptiveExecution({ skewTreshold: 3 } as never)).toThrow(/unknown option 'skewTreshold'/);
  });
});

describe('QueryOptimizer: synthesized repartitions (golden plans)', () => {
  const join = facts.join(dims, 'k');
  const agg = facts.groupBy('k').agg(F.sum('v').alias('s'));
  const on = () => new QueryOptimizer().configureAdaptiveExecution({ enabled: true, skewThreshold: 4, maxSplitFactor: 6 });

  it('adds nothing while disabled, whatever the metrics', () => {
    const skewed = attachSkewMetrics(join, { maxPartitionRatio: 50 });
    expect(new QueryOptimizer().explain(skewed)).not.toContain('AdaptiveRepartition');
  });

  it('repartitions the skewed side of a join from attached metrics', () => {
    const skewed = attachSkewMetrics(join, { maxPartitionRatio: 12.5, partitionColumns: ['k'], hotPartitions: [3] });
    expect(on().explain(skewed)).toBe(
      [
        'Project [k, v, name]',
        '+- Join Inner keys=[k = k]',
        '   :- AdaptiveRepartition [k], targetSplitFactor=6, reason=join (left side) skew: maxPartitionRatio 12.5 > skewThreshold 4, skewMetrics={maxPartitionRatio=12.5, partitionColumns=[k], hotPartitions=[3]}',
        '   :  +- LocalRelation [k, v], 3 rows',
        '   +- LocalRelation [k, name], 2 rows',
      ].join('\n'),
    );
  });

  it('takes metrics keyed by operation at optimize time; the split factor is the ratio rounded up, capped', () => {
    const text = on().explain(agg, { runtimeStats: { skewHints: { [agg.plan.id]: { maxPartitionRatio: 4.2 } } } });
    expect(text).toBe(
      [
        'Project [k, sum(v) AS s]',
        '+- Aggregate [k], [sum(v) AS _agg0]',
        '   +- AdaptiveRepartition [k], targetSplitFactor=5, reason=aggregation skew: maxPartitionRatio 4.2 > skewThreshold 4, skewMetrics={maxPartitionRatio=4.2}',
        '      +- LocalRelation [k, v], 3 rows',
      ].join('\n'),
    );
    // At or under the threshold: no step.
    expect(on().explain(agg, { runtimeStats: { skewHints: new Map([[agg.plan.id, { maxPartitionRatio: 4 }]]) } })).not.toContain('AdaptiveRepartition');
  });

  it('validates hints', () => {
    expect(() => on().optimize(agg, { runtimeStats: { skewHints: { [agg.plan.id]: { maxPartitionRatio: 'x' } as never } } })).toThrow(/maxPartitionRatio/);
    expect(() => attachSkewMetrics(facts, { maxPartitionRatio: 9 })).toThrow(/join or aggregation/);
  });
});

describe('adaptive execution through the session conf', () => {
  forEachBackend('skew repartitions', (session, backend) => {
    it('are recorded by local backends (or sent to Spark) and never change results', () => {
      const s = session();
      s.conf.set(ADAPTIVE_CONF.enabled, 'true');
      s.conf.set(ADAPTIVE_CONF.skewThreshold, '2');
      // The repartition makes shuffle.partitions × targetSplitFactor partitions: few, so Spark answers quickly.
      s.conf.set('spark.sql.shuffle.partitions', '4');
      try {
        const f = s.createDataFrame([{ k: 1, v: 10 }, { k: 1, v: 20 }, { k: 2, v: 5 }], 'k INT, v INT');
        const d = s.createDataFrame([{ k: 1, name: 'a' }, { k: 2, name: 'b' }], 'k INT, name STRING');
        const skewed = attachSkewMetrics(f.join(d, 'k'), { maxPartitionRatio: 3, partitionColumns: ['k'] });
        const rows = skewed.collect().map((r) => JSON.stringify(r.asDict())).sort();
        expect(rows).toEqual(['{"k":1,"v":10,"name":"a"}', '{"k":1,"v":20,"name":"a"}', '{"k":2,"v":5,"name":"b"}']);
        if (backend === 'connect') {
          // Spark ran a real repartition: its own plan shows the exchange of the hash repartition.
          expect(skewed.explainString(true)).toMatch(/RepartitionByExpression \[k#\d+\], 12/);
        } else {
          const records = s.materializer.lastRepartitions!;
          expect(records.map((r) => [r.partitionColumns, r.targetSplitFactor, r.skewMetrics.maxPartitionRatio])).toEqual([[['k'], 3, 3]]);
          expect(skewed.explainString(true)).toContain('AdaptiveRepartition [k], targetSplitFactor=3');
        }
      } finally {
        s.conf.unset(ADAPTIVE_CONF.enabled);
        s.conf.unset(ADAPTIVE_CONF.skewThreshold);
        s.conf.unset('spark.sql.shuffle.partitions');
      }
    }, 60_000);

    it('rejects a bad conf value with the key in the message', () => {
      if (backend === 'connect') return;
      const s = session();
      s.conf.set(ADAPTIVE_CONF.maxSplitFactor, 'lots');
      try {
        const f = s.createDataFrame([{ k: 1 }], 'k INT');
        expect(() => f.collect()).toThrow(/spark\.sparkless\.optimizer\.adaptive\.maxSplitFactor/);
      } finally {
        s.conf.unset(ADAPTIVE_CONF.maxSplitFactor);
      }
    });
  });
});

describe('adaptive execution fed by the simulation', () => {
  it("explain('extended') repartitions the join whose measured partition skew exceeds the threshold", () => {
    const s = new SparkSession('aqe-feed', {
      backendType: 'memory',
      conf: {
        'spark.sql.autoBroadcastJoinThreshold': '-1',
        'spark.sql.shuffle.partitions': '10',
        [ADAPTIVE_CONF.enabled]: 'true',
        [ADAPTIVE_CONF.skewThreshold]: '3',
      },
    });
    // 900 of 1,000 rows share k = 1: its shuffle partition is far above the median one.
    const fact = s.createDataFrame(Array.from({ length: 1000 }, (_, i) => ({ k: i < 900 ? 1 : i - 898, v: i })), 'k INT, v INT');
    const dim = s.createDataFrame(Array.from({ length: 101 }, (_, i) => ({ k: i + 1, name: `n${i}` })), 'k INT, name STRING');
    const joined = fact.join(dim, 'k');
    const [sim] = s.simulateAdaptiveExecution(joined.plan).joins;
    const m = sim!.skewMetrics!;
    expect(m.maxPartitionRatio).toBeGreaterThan(3);
    expect(m.partitionColumns).toEqual(['k']);
    expect(m.hotPartitions).toHaveLength(1);
    const text = joined.explainString(true);
    const optimized = text.split('== Optimized Logical Plan ==\n')[1]!.split('\n\n')[0]!;
    expect(optimized).toContain(
      `AdaptiveRepartition [k], targetSplitFactor=${Math.min(8, Math.ceil(m.maxPartitionRatio))}, reason=join (left side) skew: maxPartitionRatio ${m.maxPartitionRatio} > skewThreshold 3, skewMetrics={maxPartitionRatio=${m.maxPartitionRatio}, partitionColumns=[k], hotPartitions=[${m.hotPartitions!.join(', ')}]}`,
    );
    // Off by default: the same query without the key gets no step.
    s.conf.unset(ADAPTIVE_CONF.enabled);
    expect(joined.explainString(true)).not.toContain('AdaptiveRepartition');
    s.stop();
  });
});
