import { expect, it } from 'vitest';
import { F, Window } from '../../src/index.js';
import { forEachBackend } from '../helpers/backends.js';

forEachBackend('printSchema()', (session) => {
  it('prints nested types as Spark does', () => {
    const df = session().createDataFrame([], 'id INT NOT NULL, tags ARRAY<STRING>, m MAP<STRING, BIGINT>, s STRUCT<a: INT, b: DECIMAL(10,2)>');
    expect(df.schemaString()).toBe(
      [
        'root',
        ' |-- id: integer (nullable = false)',
        ' |-- tags: array (nullable = true)',
        ' |    |-- element: string (containsNull = true)',
        ' |-- m: map (nullable = true)',
        ' |    |-- key: string',
        ' |    |-- value: long (valueContainsNull = true)',
        ' |-- s: struct (nullable = true)',
        ' |    |-- a: integer (nullable = true)',
        ' |    |-- b: decimal(10,2) (nullable = true)',
        '',
      ].join('\n'),
    );
  });

  it('shows the types and names derived expressions get', () => {
    const df = session().createDataFrame([{ age: 1, name: 'a' }]);
    const out = df.select(df.col('age').plus(1), F.upper('name'), F.count('*').over(Window.partitionBy()));
    expect(out.schemaString()).toBe(
      [
        'root',
        ' |-- (age + 1): long (nullable = true)',
        ' |-- upper(name): string (nullable = true)',
        ' |-- count(1) OVER (ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING): long (nullable = false)',
        '',
      ].join('\n'),
    );
  });
});

