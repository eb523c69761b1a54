/** Spy-wrapped protocol backends (vi.fn): interaction assertions and fault injection. */
import { describe, expect, it, vi } from 'vitest';
import { BackendFactory } from '../../src/backend/factory.js';
import type { QueryExecutor } from '../../src/backend/protocols.js';
import { emptyBatch } from '../../src/data/batch.js';
import { SparkSession } from '../../src/session/session.js';
import { StructType } from '../../src/types/data-types.js';
import {
  createSpiedStorageBackend,
  failOnCall,
  isSpiedBackend,
  restoreBackend,
  spyOnBackend,
  STORAGE_BACKEND_METHODS,
  useSparkSession,
} from '../../src/vitest/index.js';

describe('createSpiedStorageBackend', () => {
  it('spies every StorageBackend method and still stores data', () => {
    const storage = createSpiedStorageBackend('memory');
    for (const m of STORAGE_BACKEND_METHODS) expect(vi.isMockFunction(storage[m])).toBe(true);
    const spark = new SparkSession('spies', { backendType: 'memory', storageBackend: storage });
    try {
      spark.createDataFrame([{ id: 1, name: 'Ann' }]).write.saveAsTable('people');
      expect(storage.createTable).toHaveBeenCalledWith('default', 'people', expect.anything());
      expect(storage.createTable.mock.calls[0]![2]).toBeInstanceOf(StructType);
      expect(storage.insertData).toHaveBeenCalledWith('default', 'people', expect.objectContaining({ numRows: 1 }), 'append');
      expect(spark.table('people')).toEqualDataFrame([{ id: 1, name: 'Ann' }]);
      expect(storage.queryTable).toHaveBeenCalledWith('default', 'people');
    } finally {
      spark.stop();
    }
    expect(storage.close).toHaveBeenCalledTimes(1);
  });

  it('fault injection: the nth call fails, the error surfaces, stored data is kept', () => {
    const storage = createSpiedStorageBackend('memory');
    const spark = new SparkSession('faults', { backendType: 'memory', storageBackend: storage });
    try {
      const write = (id: number): void => spark.createDataFrame([{ id }], 'id INT').write.mode('append').saveAsTable('events');
      write(1);
      storage.insertData.mockImplementationOnce(() => {
        throw new Error('disk full');
      });
      // The storage's own error becomes a typed ExecutionException that says which write failed.
      expect(() => write(2)).toThrow('[EXECUTION_FAILED] Writing table `default`.`events` failed: disk full');
      expect(storage.insertData).toHaveBeenCalledTimes(2);
      // The failed write stored nothing and lost nothing; the next call goes through again.
      expect(spark.table('events')).toEqualDataFrame([{ id: 1 }]);
      write(3);
      expect(spark.table('events')).toEqualDataFrame([{ id: 1 }, { id: 3 }]);
    } finally {
      spark.stop();
    }
  });
});

describe('failOnCall', () => {
  it('makes the nth call fail and leaves the others working', () => {
    const storage = createSpiedStorageBackend('memory');
    const spark = new SparkSession('nth', { backendType: 'memory', storageBackend: storage });
    try {
      const write = (id: number): void => spark.createDataFrame([{ id }], 'id INT').write.mode('append').saveAsTable('events');
      failOnCall(storage.insertData, 3, () => new Error('third insert fails'));
      write(1);
      write(2);
      expect(() => write(3)).toThrow('third insert fails');
      write(4);
      expect(spark.table('events')).toEqualDataFrame([{ id: 1 }, { id: 2 }, { id: 4 }]);
      expect(storage.insertData).toHaveBeenCalledTimes(4);
      expect(() => failOnCall(storage.insertData, 0, new Error('x'))).toThrow('n must be an integer >= 1');
    } finally {
      spark.stop();
    }
  });
});

describe('spyOnBackend', () => {
  const spark = useSparkSession({ backend: 'memory' });

  it('spies the session’s own materializer in place; a failure becomes a clear ExecutionException', () => {
    const materializer = spyOnBackend(spark().materializer);
    expect(materializer).toBe(spark().materializer);
    const df = spark().range(3);
    expect(df.count()).toBe(3);
    expect(materializer.materialize).toHaveBeenCalledTimes(1);
    materializer.materialize.mockImplementationOnce(() => {
      throw new Error('worker lost');
    });
    expect(() => df.count()).toThrow('[EXECUTION_FAILED] Query execution failed on the memory backend: worker lost');
    expect(df.count()).toBe(3);
  });

  it('works for any protocol object (QueryExecutor here), is idempotent and can be restored', () => {
    const executor: QueryExecutor = {
      backendType: 'fake',
      executeQuery: () => emptyBatch(new StructType([])),
      createTable: () => undefined,
      close: () => undefined,
    };
    const original = executor.executeQuery;
    const spied = spyOnBackend(executor);
    expect(spyOnBackend(spied)).toBe(spied);
    spied.executeQuery('SELECT 1');
    expect(spied.executeQuery).toHaveBeenCalledWith('SELECT 1');
    expect(isSpiedBackend(spied)).toBe(true);
    restoreBackend(spied);
    expect(executor.executeQuery).toBe(original);
    expect(isSpiedBackend(executor)).toBe(false);
  });

  it('spies a factory-made backend injected through the session options', () => {
    const storage = spyOnBackend(BackendFactory.createStorageBackend('memory'));
    const s = new SparkSession('injected', { backendType: 'memory', storageBackend: storage });
    try {
      s.catalog.listTables();
      expect(storage.listTables).toHaveBeenCalled();
    } finally {
      s.stop();
    }
  });

  it('refuses objects without protocol methods', () => {
    expect(() => spyOnBackend({ foo: () => 1 })).toThrow(/found no protocol method/);
  });
});
