/** Bitmap functions: positions, buckets, construction and OR aggregates, bit counts, as Spark 3.5.7 computes them. */
import { expect, it } from 'vitest';
import { F } from '../../src/index.js';
import { analyzed, forEachBackend } from '../helpers/backends.js';

forEachBackend('bitmap functions', (session) => {
  it('bit positions and bucket numbers', () => {
    const df = session().sql(
      `SELECT bitmap_bit_position(1) a, bitmap_bit_position(-1) b, bitmap_bit_position(32769) c, bitmap_bucket_number(1) d, bitmap_bucket_number(32769) e,
        bitmap_bucket_number(0) f, bitmap_bucket_number(-1) g, bitmap_bucket_number(-32769) h, bitmap_count(X'0F01') i, bitmap_bit_position(123456789012L) j`,
    );
    expect(df.schema.fields.every((f) => f.dataType.simpleString() === 'bigint' && !f.nullable)).toBe(true);
    expect(df.first()!.toArray()).toEqual([0, 1, 0, 1, 2, 0, 0, -1, 5, 6675]);
    expect(() => analyzed(session().sql('SELECT bitmap_count(1)'))).toThrow('requires the "BINARY" type, however "1" has the type "INT"');
  });

  it('bitmap_construct_agg and bitmap_or_agg build 4096-byte bitmaps', () => {
    const df = session()
      .createDataFrame([{ p: 1 }, { p: 2 }, { p: 9 }, { p: null }], 'p BIGINT')
      .agg(F.bitmap_construct_agg('p').alias('bm'))
      .select(F.substring(F.hex('bm'), 1, 6), F.length('bm'), F.bitmap_count('bm'));
    expect(df.first()!.toArray()).toEqual(['060200', 4096, 3]);
    const or = session().sql("SELECT bitmap_count(bitmap_or_agg(b)) x, substring(hex(bitmap_or_agg(b)), 1, 4) y FROM VALUES (X'01'), (X'0302') t(b)");
    expect(or.first()!.toArray()).toEqual([3, '0302']);
    const none = session().sql('SELECT bitmap_count(bitmap_construct_agg(p)) FROM VALUES (1) t(p) WHERE p > 5');
    expect(none.first()!.get(0)).toBe(0);
    expect(() => session().sql('SELECT bitmap_construct_agg(p) FROM VALUES (40000) t(p)').collect()).toThrow('The 0-indexed bitmap position 40000 is out of bounds');
  });
});
