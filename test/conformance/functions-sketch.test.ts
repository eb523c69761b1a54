/** Sketch aggregates (count_min_sketch, hll_*) as Spark 3.5.7 serializes and estimates them: every hex string and message checked against Spark. */
import { expect, it } from 'vitest';
import { F } from '../../src/index.js';
import { analyzed, forEachBackend } from '../helpers/backends.js';

// SELECT hex(count_min_sketch(...)) answers of Spark 3.5.7.
const CMS_INTS = '0000000100000000000000030000000100000004000000005D8D6AB90000000000000000000000000000000100000000000000020000000000000000';
const CMS_STRINGS = '0000000100000000000000030000000400000014000000005D20CE9A0000000006FF457B000000005773DDF0000000000622E01400000000000000010000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000001000000000000000000000000000000010000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000001000000000000000000000000000000000000000000000000000000000000000100000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000100000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000010000000000000000000000000000000100000000000000000000000000000000000000000000000000000000000000000000000000000001000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000010000000000000000000000000000000000000000000000000000000000000001000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000010000000000000000';
const CMS_LONGS = '000000010000000000000003000000050000000A000000002272954600000000736445C100000000562ACD1600000000791176FB0000000042C02C2E00000000000000010000000000000000000000000000000000000000000000000000000000000000000000000000000200000000000000000000000000000000000000000000000000000000000000000000000000000002000000000000000000000000000000010000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000200000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000010000000000000000000000000000000000000000000000020000000000000000000000000000000100000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000001000000000000000000000000000000010000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000001';
const CMS_BINARY = '0000000100000000000000030000000300000007000000005D9349A60000000047FD02CC0000000009164442000000000000000100000000000000010000000000000000000000000000000000000000000000010000000000000000000000000000000000000000000000010000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000020000000000000001000000000000000000000000000000010000000000000000000000000000000000000000000000000000000000000001';
const CMS_EMPTY = '0000000100000000000000000000000100000004000000005D8D6AB90000000000000000000000000000000000000000000000000000000000000000';

forEachBackend('sketch aggregates', (session) => {
  it('count_min_sketch: Spark CountMinSketch bytes for integral, string and binary values', () => {
    const one = (sql: string) => session().sql(sql).first()!.get(0);
    const df = session().sql('SELECT hex(count_min_sketch(a, 0.5D, 0.5D, 1)) FROM VALUES (1),(2),(2) AS t(a)');
    expect(df.columns).toEqual(['hex(count_min_sketch(a, 0.5, 0.5, 1))']);
    expect(df.first()!.get(0)).toBe(CMS_INTS);
    expect(one("SELECT hex(count_min_sketch(a, 0.1D, 0.9D, 42)) FROM VALUES ('a'),('bb'),(NULL),('hello world') AS t(a)")).toBe(CMS_STRINGS);
    expect(one('SELECT hex(count_min_sketch(a, 0.2D, 0.95D, -7)) FROM VALUES (CAST(-5 AS BIGINT)),(9223372036854775807),(0) AS t(a)')).toBe(CMS_LONGS);
    expect(one("SELECT hex(count_min_sketch(a, 0.3D, 0.8D, 3)) FROM VALUES (X'0102'),(X''),(X'01020304050607') AS t(a)")).toBe(CMS_BINARY);
    expect(one('SELECT hex(count_min_sketch(a, 0.5D, 0.5D, 1)) FROM VALUES (CAST(NULL AS INT)) AS t(a)')).toBe(CMS_EMPTY);
    expect(one('SELECT hex(count_min_sketch(a, 0.5D, 0.5D, 1)) FROM VALUES (1) AS t(a) WHERE a > 5')).toBe(CMS_EMPTY);
    expect(one('SELECT hex(count_min_sketch(NULL, 0.5D, 0.5D, 1))')).toBe(CMS_EMPTY);
    const win = session().sql('SELECT hex(count_min_sketch(a, 0.5D, 0.5D, 1) OVER ()) FROM VALUES (1),(2),(2) AS t(a)');
    expect(win.columns).toEqual(['hex(count_min_sketch(a, 0.5, 0.5, 1) OVER (ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING))']);
    expect(win.collect().map((r) => r.get(0))).toEqual([CMS_INTS, CMS_INTS, CMS_INTS]);
  });

  it('count_min_sketch in the DataFrame API: binary, not nullable, named as Spark names it', () => {
    const df = session()
      .createDataFrame([{ a: 1 }, { a: 2 }, { a: 2 }], 'a INT')
      .agg(F.count_min_sketch('a', F.lit(0.5), F.lit(0.5), F.lit(1)));
    expect(df.schema.fields.map((f) => [f.name, f.dataType.simpleString(), f.nullable])).toEqual([['count_min_sketch(a, 0.5, 0.5, 1)', 'binary', false]]);
    expect(Buffer.from(df.first()!.get(0) as Uint8Array).toString('hex').toUpperCase()).toBe(CMS_INTS);
  });

  it('count_min_sketch: Spark\'s analysis errors', () => {
    const fails = (sql: string) => expect(() => analyzed(session().sql(sql)));
    fails('SELECT count_min_sketch(a, 0.5D, 0.5D, 1) FROM VALUES (1.5D) AS t(a)').toThrow(
      'Parameter 1 requires the ("INTEGRAL" or "STRING" or "BINARY") type, however "a" has the type "DOUBLE"',
    );
    fails('SELECT count_min_sketch(a, 0.5, 0.5, 1) FROM VALUES (1) AS t(a)').toThrow('Parameter 2 requires the "DOUBLE" type, however "0.5" has the type "DECIMAL(1,1)"');
    fails('SELECT count_min_sketch(a, 0.5D, 0.5D, 1L) FROM VALUES (1) AS t(a)').toThrow('Parameter 4 requires the "INT" type, however "1" has the type "BIGINT"');
    fails('SELECT count_min_sketch(a, 0.5D, 0.5D, a) FROM VALUES (1) AS t(a)').toThrow(
      '[DATATYPE_MISMATCH.NON_FOLDABLE_INPUT] Cannot resolve "count_min_sketch(a, 0.5, 0.5, a)" due to data type mismatch: the input seed should be a foldable "INT" expression; however, got "a".',
    );
    fails('SELECT count_min_sketch(a, CAST(NULL AS DOUBLE), 0.5D, 1) FROM VALUES (1) AS t(a)').toThrow('[DATATYPE_MISMATCH.UNEXPECTED_NULL] Cannot resolve "count_min_sketch(a, CAST(NULL AS DOUBLE), 0.5, 1)" due to data type mismatch: The eps must not be null.');
    fails('SELECT count_min_sketch(a, 0.5D, 0.5D, CAST(NULL AS INT)) FROM VALUES (1) AS t(a)').toThrow('The seed must not be null.');
    fails('SELECT count_min_sketch(a, -1D, 0D, 1) FROM VALUES (1) AS t(a)').toThrow(
      '[DATATYPE_MISMATCH.VALUE_OUT_OF_RANGE] Cannot resolve "count_min_sketch(a, -1.0, 0.0, 1)" due to data type mismatch: The eps must be between (0.0, 1.7976931348623157E308] (current value = -1.0D).',
    );
    fails('SELECT count_min_sketch(a, 0.5D, 1D, 1) FROM VALUES (1) AS t(a)').toThrow('The confidence must be between (0.0, 1.0] (current value = 1.0D).');
  });
});

// SELECT hex(hll_...) answers of Spark 3.5.7 (one input partition where the data is a range).
const HLL_LIST_INTS = '0201070C030002082BF2FB06862FF90D000000000000000000000000000000000000000000000000';
const HLL_LIST_STRINGS = '0201070C030002082F823B0406D74916000000000000000000000000000000000000000000000000';
const HLL_LIST_BINARY = '0201070C03000108C83E010600000000000000000000000000000000000000000000000000000000';
const HLL_SET_LGK8 = '03010708050000090A0000000000000081BC5D0600000000000000000000000000000000862FF90D00000000000000000000000000000000CBD7C20400000000000000000000000000000000C1E9170500000000D21673070000000034A2610E7581660700000000000000000000000000000000FC2D420A7B65E6082BF2FB06000000000000000000000000';
const HLL_HLL_LGK8 = '0A0107080000000A0601076DE274584000000000804169400000000000000000AE0000000000000000000100000001000000000000020000000000000001000000000100000000020400010000000000000000010100000103000100030101000000000100000001000000000000010000000000000000000000000000000000000300000000000000010000010400000000030000010101000000000001000000000002010000000001000001020301000000000002000100000001010000060001010000030600000200020100000000010500000004000400010000030100030000010000010000010007010001000100000100000700000101000104000100000002010202040400000000000005000400000001000400000300000001000000000002000000';
const HLL_HLL_LGK4 = '0A0107040000000A3A6F57993EE238400000000000481A400000000000000000030000000000000004010101030103000303000202000701';
const HLL_HLL_LGK5 = '0A0107050000000A378160945A1EAB400000000000CACA3F000000000000000000000000000000000A0C0708080E0608070805080A060B0809060A0808090907070B080707060607';
const HLL_UNION_AGG_LGK6 = '0A0107060010010A000000000000000000000000001E20400000000000000000050000000000000003020107010404030203050203040707030304030504020602030104050306040404020208040505020405040104050404040506030301020403060404030305';
const HLL_UNION_LIST = '0201070C030004082BF2FB06862FF90D81BC5D067B65E60800000000000000000000000000000000';
const HLL_UNION_FOLDED_AGG = '0A0107040010040A0000000000000000000000000060E43F0000000000000000080000000000000004040507080405060404050404040707';
const HLL_UNION_FOLDED = '0A0107040010040A0000000000000000000000000060E33F0000000000000000070000000000000004040507080405060404050405040707';
const HLL_EMPTY = '0201070C030400080000000000000000000000000000000000000000000000000000000000000000';
const HLL_SET_LGK12 = '0301070C05000009140000000000000081BC5D0600000000CEF05B1F6EC5340600000000862FF90D0000000000000000DB522D0400000000CBD7C20400000000B05B4612AE3C881100000000C1E9170500000000D21673070000000034A2610E75816607F671F20600000000B83FF907464AB704FC2D420A7B65E6082BF2FB06C3DD5104000000007C74B907';

forEachBackend('hll sketches', (session) => {
  const one = (sql: string) => session().sql(sql).first()!.toArray();

  it('hll_sketch_agg: DataSketches HLL_8 images in LIST, SET and HLL modes, as Spark writes them', () => {
    const df = session().sql('SELECT hex(hll_sketch_agg(a)) FROM VALUES (1),(2),(2) AS t(a)');
    expect(df.columns).toEqual(['hex(hll_sketch_agg(a, 12))']);
    expect(df.first()!.get(0)).toBe(HLL_LIST_INTS);
    // Nulls and empty strings are skipped.
    expect(one("SELECT hex(hll_sketch_agg(a, 12)), hll_sketch_estimate(hll_sketch_agg(a)) FROM VALUES ('a'),('bb'),(NULL),('') AS t(a)")).toEqual([HLL_LIST_STRINGS, 2]);
    expect(one("SELECT hex(hll_sketch_agg(a)) FROM VALUES (X'01'),(X'') AS t(a)")).toEqual([HLL_LIST_BINARY]);
    expect(one('SELECT hex(hll_sketch_agg(id)), hll_sketch_estimate(hll_sketch_agg(id)) FROM range(0, 20, 1, 1)')).toEqual([HLL_SET_LGK12, 20]);
    expect(one('SELECT hex(hll_sketch_agg(id, 8)) FROM range(10)')).toEqual([HLL_SET_LGK8]);
    expect(one('SELECT hex(hll_sketch_agg(id, 8)) FROM range(0, 100, 1, 1)')).toEqual([HLL_HLL_LGK8]);
    expect(one('SELECT hex(hll_sketch_agg(id, 4)) FROM range(0, 30, 1, 1)')).toEqual([HLL_HLL_LGK4]);
    expect(one('SELECT hex(hll_sketch_agg(id, 5)) FROM range(0, 3000, 1, 1)')).toEqual([HLL_HLL_LGK5]);
    expect(one('SELECT hex(hll_sketch_agg(a)) FROM VALUES (1) AS t(a) WHERE a > 5')).toEqual([HLL_EMPTY]);
    const nulls = session().sql('SELECT hex(hll_sketch_agg(NULL)), hll_sketch_estimate(hll_union_agg(NULL))');
    expect(nulls.columns).toEqual(['hex(hll_sketch_agg(NULL, 12))', 'hll_sketch_estimate(hll_union_agg(NULL, false))']);
    expect(nulls.first()!.toArray()).toEqual([HLL_EMPTY, 0]);
    const win = session().sql('SELECT a, hll_sketch_estimate(hll_sketch_agg(b) OVER (PARTITION BY a)) FROM VALUES (1, 2), (1, 3) AS t(a, b)');
    expect(win.columns[1]).toBe('hll_sketch_estimate(hll_sketch_agg(b, 12) OVER (PARTITION BY a ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING))');
    expect(win.collect().map((r) => r.toArray())).toEqual([[1, 2], [1, 2]]);
  });

  it('hll_sketch_estimate: coupon-mapped counts, then the HIP estimate, as Spark on one partition', () => {
    expect(one('SELECT hll_sketch_estimate(hll_sketch_agg(id)) FROM range(0, 1000, 1, 1)')).toEqual([996]);
    expect(one('SELECT hll_sketch_estimate(hll_sketch_agg(id)) FROM range(0, 100000, 1, 1)')).toEqual([101148]);
    expect(one('SELECT hll_sketch_estimate(hll_sketch_agg(id, 21)) FROM range(0, 100000, 1, 1)')).toEqual([100009]);
    expect(one('SELECT hll_sketch_estimate(hll_sketch_agg(CAST(id AS STRING), 10)) FROM range(0, 5000, 1, 1)')).toEqual([4877]);
    const df = session().sql('SELECT hll_sketch_estimate(NULL), hll_union(NULL, NULL)');
    expect(df.schema.fields.map((f) => [f.name, f.dataType.simpleString(), f.nullable])).toEqual([
      ['hll_sketch_estimate(NULL)', 'bigint', true],
      ['hll_union(NULL, NULL, false)', 'binary', true],
    ]);
    expect(df.first()!.toArray()).toEqual([null, null]);
  });

  it('hll_union_agg and hll_union: the union rules, composite estimates of out-of-order sketches', () => {
    expect(one('SELECT hll_sketch_estimate(hll_union_agg(s)), hex(hll_union_agg(s)) FROM (SELECT id % 4 AS g, hll_sketch_agg(id, 6) AS s FROM range(0, 400, 1, 1) GROUP BY id % 4)')).toEqual([360, HLL_UNION_AGG_LGK6]);
    expect(one('SELECT hll_sketch_estimate(hll_union_agg(s)) FROM (SELECT id % 3 AS g, hll_sketch_agg(id) AS s FROM range(0, 30000, 1, 1) GROUP BY id % 3)')).toEqual([30706]);
    expect(one('SELECT hll_sketch_estimate(hll_union_agg(s)) FROM (SELECT id % 7 AS g, hll_sketch_agg(CAST(id AS STRING), 14) AS s FROM range(0, 200000, 1, 1) GROUP BY id % 7)')).toEqual([198595]);
    const u = session().sql('SELECT hll_sketch_estimate(hll_union(hll_sketch_agg(a), hll_sketch_agg(b))), hex(hll_union(hll_sketch_agg(a), hll_sketch_agg(b))) FROM VALUES (1, 4), (2, 5) AS t(a, b)');
    expect(u.columns[0]).toBe('hll_sketch_estimate(hll_union(hll_sketch_agg(a, 12), hll_sketch_agg(b, 12), false))');
    expect(u.first()!.toArray()).toEqual([4, HLL_UNION_LIST]);
    expect(one('SELECT hll_sketch_estimate(hll_union(hll_sketch_agg(id, 10), hll_sketch_agg(id + 500, 10))) FROM range(0, 2000, 1, 1)')).toEqual([2631]);
    // Different lgConfigK when allowed: folded onto the smaller one.
    expect(one('SELECT hll_sketch_estimate(hll_union_agg(s, true)), hex(hll_union_agg(s, true)) FROM (SELECT hll_sketch_agg(id, 5) s FROM range(0, 300, 1, 1) UNION ALL SELECT hll_sketch_agg(id, 4) s FROM range(100, 200, 1, 1))')).toEqual([271, HLL_UNION_FOLDED_AGG]);
    expect(one('SELECT hll_sketch_estimate(hll_union(x, y, true)), hex(hll_union(x, y, true)) FROM (SELECT hll_sketch_agg(id, 6) x, hll_sketch_agg(id + 50, 4) y FROM range(0, 300, 1, 1))')).toEqual([285, HLL_UNION_FOLDED]);
    expect(one('SELECT hll_sketch_estimate(hll_union(x, y, true)) FROM (SELECT hll_sketch_agg(id, 12) x, hll_sketch_agg(id * 3, 8) y FROM range(0, 3000, 1, 1))')).toEqual([5581]);
    expect(one('SELECT hll_sketch_estimate(hll_union(x, y, true)) FROM (SELECT hll_sketch_agg(id, 8) x, hll_sketch_agg(id * 3, 12) y FROM range(0, 200, 1, 1))')).toEqual([337]);
    expect(one("SELECT hex(hll_union(hll_sketch_agg(a, 10), hll_sketch_agg(a, 12), true)) FROM VALUES (1) AS t(a)")).toEqual(['0201070A030001082BF2FB0600000000000000000000000000000000000000000000000000000000']);
    expect(one("SELECT hex(hll_union_agg(s, true)) FROM (SELECT hll_sketch_agg(a, 12) s FROM VALUES (1) AS t(a) UNION ALL SELECT hll_sketch_agg(a, 10) s FROM VALUES (2) AS t(a))")).toEqual([HLL_LIST_INTS]);
    expect(one("SELECT hex(hll_union_agg(s)) FROM (SELECT X'00' s) WHERE s IS NULL")).toEqual([HLL_EMPTY]);
  });

  it('hll functions in the DataFrame API', () => {
    const df = session()
      .createDataFrame([{ a: 1 }, { a: 2 }, { a: 2 }], 'a INT')
      .agg(F.hll_sketch_agg('a').alias('s'), F.hll_sketch_agg('a', 12).alias('s12'));
    const row = df.select(F.hex('s'), F.hll_sketch_estimate('s'), F.hex(F.hll_union('s', 's12'))).first()!;
    expect(row.toArray()).toEqual([HLL_LIST_INTS, 2, HLL_LIST_INTS]);
    const named = session().createDataFrame([{ a: 1 }], 'a BIGINT').agg(F.hll_sketch_agg('a'), F.hll_sketch_agg('a', 10));
    expect(named.columns).toEqual(['hll_sketch_agg(a, 12)', 'hll_sketch_agg(a, 10)']);
    const unioned = named.select(F.hll_union_agg('hll_sketch_agg(a, 12)', true));
    expect(unioned.columns).toEqual(['hll_union_agg(hll_sketch_agg(a, 12), true)']);
  });

  it("hll functions: Spark's type and runtime errors", () => {
    const fails = (sql: string) => expect(() => analyzed(session().sql(sql)));
    fails('SELECT hll_sketch_agg(a) FROM VALUES (1.5D) AS t(a)').toThrow(
      '[DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "hll_sketch_agg(a, 12)" due to data type mismatch: Parameter 1 requires the ("INT" or "BIGINT" or "STRING" or "BINARY") type, however "a" has the type "DOUBLE".',
    );
    fails('SELECT hll_sketch_agg(a) FROM VALUES (CAST(1 AS SMALLINT)) AS t(a)').toThrow('however "a" has the type "SMALLINT"');
    fails('SELECT hll_sketch_agg(a, 12L) FROM VALUES (1) AS t(a)').toThrow('Parameter 2 requires the "INT" type, however "12" has the type "BIGINT"');
    fails('SELECT hll_sketch_estimate(1)').toThrow('Parameter 1 requires the "BINARY" type, however "1" has the type "INT"');
    const run = (sql: string) => expect(() => session().sql(sql).collect());
    run('SELECT hll_sketch_agg(a, 3) FROM VALUES (1) AS t(a)').toThrow('[HLL_INVALID_LG_K] Invalid call to `hll_sketch_agg`; the `lgConfigK` value must be between 4 and 21, inclusive: 3.');
    run('SELECT hll_sketch_agg(a, 22) FROM VALUES (1) AS t(a)').toThrow('must be between 4 and 21, inclusive: 22.');
    run('SELECT hll_union(hll_sketch_agg(a, 10), hll_sketch_agg(a, 12)) FROM VALUES (1) AS t(a)').toThrow(
      '[HLL_UNION_DIFFERENT_LG_K] Sketches have different `lgConfigK` values: 10 and 12. Set the `allowDifferentLgConfigK` parameter to true to call `hll_union` with different `lgConfigK` values.',
    );
    run('SELECT hll_union_agg(s) FROM (SELECT hll_sketch_agg(a, 10) s FROM VALUES (1) AS t(a) UNION ALL SELECT hll_sketch_agg(a, 12) s FROM VALUES (1) AS t(a))').toThrow(
      'Sketches have different `lgConfigK` values: 10 and 12. Set the `allowDifferentLgConfigK` parameter to true to call `hll_union_agg` with different `lgConfigK` values.',
    );
    // Spark 3.5.7 lets DataSketches' own exception through for bytes that are not a sketch.
    run("SELECT hll_sketch_estimate(X'00')").toThrow('Possible Corruption: Illegal Family ID: 0');
    run("SELECT hll_union_agg(s) FROM VALUES (X'0102') AS t(s)").toThrow('Possible Corruption: Illegal Family ID: 0');
    run("SELECT hll_sketch_estimate(X'0201030C030400080000000000000000')").toThrow('Possible Corruption, Invalid Preamble');
    expect(one("SELECT hll_sketch_estimate(X'0201070C030400080000')")).toEqual([0]);
  });
});
