import { describe, expect, it } from 'vitest';
import { F, SparkSession } from '../../../src/index.js';
import { AutoMaterializer } from '../../../src/backend/auto/index.js';

const pipeline = (spark: SparkSession, n: number) =>
  spark
    .range(n)
    .withColumn('g', F.col('id').mod(7))
    .filter(F.col('id').mod(3).neq(0))
    .groupBy('g')
    .agg(F.count('*').alias('n'), F.sum('id').alias('s'))
    .orderBy('g');

describe("the 'auto' backend", () => {
  it('runs small inputs on the memory interpreter and large ones on Polars, with identical results', () => {
    const materializer = new AutoMaterializer({ maxMemoryRows: 1000 });
    const auto = new SparkSession('auto', { backendType: 'auto', materializer });
    const memory = new SparkSession('mem', { backendType: 'memory' });
    try {
      expect(auto.backendType).toBe('auto');
      const small = pipeline(auto, 500).collect();
      expect(materializer.lastChoice).toBe('memory');
      const large = pipeline(auto, 5000).collect();
      expect(materializer.lastChoice).toBe('polars');
      expect(small.map((r) => r.asDict())).toEqual(pipeline(memory, 500).collect().map((r) => r.asDict()));
      expect(large.map((r) => r.asDict())).toEqual(pipeline(memory, 5000).collect().map((r) => r.asDict()));
      expect(pipeline(auto, 5000).explainString()).toContain('auto: 5000 input rows -> polars backend (threshold 1000)');
    } finally {
      auto.stop();
      memory.stop();
    }
  });

  it('is chosen like any backend, by option, environment or config', () => {
    const s = new SparkSession('auto', { conf: { 'spark.sparkless.backend': 'auto' } });
    try {
      expect(s.backendType).toBe('auto');
      expect(s.materializer).toBeInstanceOf(AutoMaterializer);
      expect(s.createDataFrame([{ a: 1 }]).count()).toBe(1);
    } finally {
      s.stop();
    }
  });
});
