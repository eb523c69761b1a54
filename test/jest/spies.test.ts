/** Spied backends with jest.fn: interaction assertions and fault injection. */
import { describe, expect, it, jest } from '@jest/globals';
import { SparkSession } from '../../src/session/session.js';
import { createSpiedStorageBackend, failOnCall, spyOnBackend, STORAGE_BACKEND_METHODS, useSparkSession } from '../../src/jest/index.js';

describe('spies (Jest)', () => {
  const spark = useSparkSession({ backend: 'memory' });

  it('every storage method is a jest.fn that delegates', () => {
    const storage = createSpiedStorageBackend('memory');
    for (const m of STORAGE_BACKEND_METHODS) expect(jest.isMockFunction(storage[m])).toBe(true);
    const s = new SparkSession('jest-spies', { backendType: 'memory', storageBackend: storage });
    try {
      s.createDataFrame([{ id: 1, name: 'Ann' }]).write.saveAsTable('people');
      expect(storage.createTable).toHaveBeenCalledWith('default', 'people', expect.anything());
      expect(s.table('people')).toEqualDataFrame([{ id: 1, name: 'Ann' }]);
    } finally {
      s.stop();
    }
  });

  it('fault injection keeps previously stored data', () => {
    const storage = createSpiedStorageBackend('memory');
    const s = new SparkSession('jest-faults', { backendType: 'memory', storageBackend: storage });
    try {
      const write = (id: number): void => s.createDataFrame([{ id }], 'id INT').write.mode('append').saveAsTable('events');
      write(1);
      storage.insertData.mockImplementationOnce(() => {
        throw new Error('disk full');
      });
      expect(() => write(2)).toThrow('disk full');
      expect(s.table('events')).toEqualDataFrame([{ id: 1 }]);
      write(3);
      expect(s.table('events')).toEqualDataFrame([{ id: 1 }, { id: 3 }]);
    } finally {
      s.stop();
    }
  });

  it('failOnCall: the nth call fails', () => {
    const storage = createSpiedStorageBackend('memory');
    const s = new SparkSession('jest-nth', { backendType: 'memory', storageBackend: storage });
    try {
      failOnCall(storage.tableExists, 2, new Error('lookup failed'));
      expect(s.catalog.tableExists('a')).toBe(false);
      expect(() => s.catalog.tableExists('b')).toThrow('lookup failed');
      expect(s.catalog.tableExists('c')).toBe(false);
    } finally {
      s.stop();
    }
  });

  it('spyOnBackend on the session materializer', () => {
    const m = spyOnBackend(spark().materializer);
    m.materialize.mockImplementationOnce(() => {
      throw new Error('worker lost');
    });
    expect(() => spark().range(2).count()).toThrow('Query execution failed on the memory backend: worker lost');
    expect(spark().range(2).count()).toBe(2);
    expect(m.materialize).toHaveBeenCalledTimes(2);
  });
});
