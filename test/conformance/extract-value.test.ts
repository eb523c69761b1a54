/**
 * Spark's ExtractValue: getItem, getField, `a.b` paths and `x[k]` resolve by
 * the value's type (a struct's field, a map's key, an array's element or the
 * field of every struct in an array), named as Spark 3.5.7 names them; and
 * concat/reverse, which take arrays as well as strings.
 */
import { expect, it } from 'vitest';
import { F } from '../../src/index.js';
import { forEachBackend } from '../helpers/backends.js';

const { col } = F;

forEachBackend('extract value by type', (session) => {
  const df = () =>
    session().createDataFrame(
      [{ a: [1, 2], s: { x: 1 }, m: new Map([['k', 5]]), xs: [{ p: 1 }, null] }],
      'a ARRAY<INT>, s STRUCT<x: INT>, m MAP<STRING, INT>, xs ARRAY<STRUCT<p: INT>>',
    );

  it('getItem on a struct is a field; getField on a map is a key lookup', () => {
    const out = df().select(col('s').getItem('x'), col('m').getField('k'), col('m').getItem('k'), col('a').getItem(0), col('m.k'), col('s.x'));
    expect(out.columns).toEqual(['s.x', 'm[k]', 'm[k]', 'a[0]', 'k', 'x']);
    expect(out.first()!.toArray()).toEqual([1, 5, 5, 1, 5, 1]);
    const sql = df().selectExpr("s['x']", 'm.k', "m['k']");
    expect(sql.columns).toEqual(['s.x', 'k', 'm[k]']);
    expect(sql.first()!.toArray()).toEqual([1, 5, 5]);
  });

  it('a field of an array of structs is the array of that field', () => {
    const out = df().select(col('xs').getField('p'), col('xs.p'));
    expect(out.schema.fields.map((f) => `${f.name}:${f.dataType.simpleString()}:${f.nullable}`)).toEqual(['xs.p:array<int>:true', 'p:array<int>:true']);
    expect(out.first()!.toArray()).toEqual([
      [1, null],
      [1, null],
    ]);
  });

  it('concat and reverse take arrays', () => {
    const out = df().select(F.concat('a', F.array(F.lit(3))), F.reverse('a'));
    expect(out.columns).toEqual(['concat(a, array(3))', 'reverse(a)']);
    expect(out.schema.fields.map((f) => f.dataType.simpleString())).toEqual(['array<int>', 'array<int>']);
    expect(out.first()!.toArray()).toEqual([
      [1, 2, 3],
      [2, 1],
    ]);
    expect(() => df().select(F.concat('a', F.lit('x'))).columns).toThrow(/DATA_DIFF_TYPES|should all be the same type/);
  });
});
