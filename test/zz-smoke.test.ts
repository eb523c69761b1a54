import { it } from 'vitest';
import { SparkSession } from '../src/index.js';
const qs = process.env.Q!.split(';;');
it('smoke', () => {
  for (const backend of (process.env.B ?? 'memory,polars').split(',') as ('memory' | 'polars')[]) {
    const spark = new SparkSession('x', { backendType: backend, conf: { 'spark.sql.session.timeZone': 'UTC' } });
    for (const q of qs) {
      try {
        const df = spark.sql(q);
        df.collect();
        console.log(backend, df.schema.fields.map((f, i) => `${f.name}: ${f.dataType.simpleString()} (${f.nullable}) = ${df.showString(1, 0, true).split('\n').filter(l => l.includes('|'))[i]?.split('|')[1]?.trim()}`).join('\n'));
      } catch (e) { console.log(backend, 'ERR', (e as Error).constructor.name, (e as any).errorClass, (e as Error).message); }
    }
    spark.stop();
  }
});
