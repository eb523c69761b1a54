/**
 * Arithmetic and bit functions (try_*, pmod, positive, cot/csc/sec, bin, conv,
 * unhex, width_bucket, shifts, bit_count, bit_get): values, types, nullability
 * and names as Spark 3.5.7 gives them.
 */
import { expect, it } from 'vitest';
import { F } from '../../src/index.js';
import { forEachBackend, analyzed } from '../helpers/backends.js';

const { col, lit } = F;

forEachBackend('math functions', (session) => {
  const nums = () =>
    session().createDataFrame(
      [
        { i: 2147483647, l: 3, n: -7, m: 3, d: -7.5, z: 0, s: '100' },
        { i: null, l: null, n: 7, m: 0, d: 2, z: 0, s: 'zz' },
      ],
      'i INT, l BIGINT, n INT, m INT, d DOUBLE, z INT, s STRING',
    );
  const rows = (df: ReturnType<typeof nums>) => df.collect().map((r) => r.toArray());
  const schemaOf = (df: ReturnType<typeof nums>) => df.schema.fields.map((f) => `${f.name}:${f.dataType.simpleString()}:${f.nullable}`);

  it('try_* give null on overflow and division by zero', () => {
    const df = nums().select(F.try_add('i', lit(1)), F.try_add('n', 'l'), F.try_subtract('n', 'm'), F.try_multiply('l', lit(4)), F.try_divide('n', 'z'), F.try_divide('n', lit(2)));
    expect(schemaOf(df)).toEqual([
      'try_add(i, 1):int:true',
      'try_add(n, l):bigint:true',
      'try_subtract(n, m):int:true',
      'try_multiply(l, 4):bigint:true',
      'try_divide(n, z):double:true',
      'try_divide(n, 2):double:true',
    ]);
    expect(rows(df)).toEqual([
      [null, -4, -10, 12, null, -3.5],
      [null, null, 7, null, null, 3.5],
    ]);
  });

  it('try_sum is null on overflow; try_avg averages', () => {
    const df = session().createDataFrame([{ x: 9223372036854775807n, y: 1 }, { x: 1n, y: 2 }], 'x BIGINT, y INT');
    const out = df.select(F.try_sum('x'), F.try_avg('y'), F.try_sum('y'));
    expect(out.columns).toEqual(['try_sum(x)', 'try_avg(y)', 'try_sum(y)']);
    expect(out.first()!.toArray()).toEqual([null, 1.5, 3]);
  });

  it('pmod is the positive remainder; positive is the identity', () => {
    const df = nums().select(F.pmod('n', 'm'), F.pmod('d', 2), F.pmod(-7, lit(3)), F.positive('n'));
    expect(schemaOf(df)).toEqual(['pmod(n, m):int:true', 'pmod(d, 2):double:true', 'pmod(-7, 3):int:true', '(+ n):int:true']);
    expect(rows(df)).toEqual([
      [2, 0.5, 2, -7],
      [null, 0, 2, 7],
    ]);
  });

  it('cot, csc and sec', () => {
    const df = nums().select(F.cot(lit(1)), F.csc(lit(1)), F.sec(lit(1)));
    expect(schemaOf(df)).toEqual(['COT(1):double:true', 'CSC(1):double:true', 'SEC(1):double:true']);
    expect(df.first()!.toArray()).toEqual([0.6420926159343306, 1.1883951057781212, 1.8508157176809255]);
  });

  it('bin, conv, unhex and width_bucket', () => {
    const df = nums().select(F.bin(lit(-5)), F.bin('m'), F.conv('s', 2, 10), F.conv(lit('-10'), 16, -10), F.unhex(lit('4A')), F.unhex(lit('G1')));
    expect(schemaOf(df)).toEqual([
      'bin(-5):string:false',
      'bin(m):string:true',
      'conv(s, 2, 10):string:true',
      'conv(-10, 16, -10):string:true',
      'unhex(4A):binary:true',
      'unhex(G1):binary:true',
    ]);
    const [first, second] = rows(df);
    expect(first!.slice(0, 4)).toEqual(['1'.repeat(61) + '011', '11', '4', '-16']);
    expect([...(first![4] as Uint8Array)]).toEqual([0x4a]);
    expect(first![5]).toBeNull();
    expect(second!.slice(1, 3)).toEqual(['0', '0']);
    const wb = nums().select(F.width_bucket(lit(5.3), lit(0.2), lit(10.6), 5), F.width_bucket(lit(-2.1), lit(1.3), lit(3.4), lit(3)), F.width_bucket(lit(5.5), lit(0.5), lit(10.5), 0));
    expect(wb.columns).toEqual(['width_bucket(5.3, 0.2, 10.6, 5)', 'width_bucket(-2.1, 1.3, 3.4, 3)', 'width_bucket(5.5, 0.5, 10.5, 0)']);
    expect(wb.first()!.toArray()).toEqual([3, 0, null]);
    // a bucket past 2^53 is the exact BIGINT of the truncated quotient; n = Long.MaxValue is null
    const huge = session().sql('SELECT width_bucket(5.35, 0.024, 10.06, 9223372036854775806L), width_bucket(5.35, 0.024, 10.06, 9223372036854775807L), width_bucket(11, 0, 10, 9223372036854775806L)');
    expect(huge.first()!.toArray()).toEqual([4894746858139549697n, null, 9223372036854775807n]);
    expect(() => analyzed(nums().select(F.conv('s', 2.5, 10)))).toThrow(/should be an int/);
    // Spark 3.5.7: conv('') is null; an infinite value falls outside the range, infinite bounds give null.
    expect(nums().select(F.conv(lit(''), 10, 2)).first()!.get(0)).toBeNull();
    const inf = session().createDataFrame([{ v: Infinity, w: -Infinity }], 'v DOUBLE, w DOUBLE');
    expect(inf.select(F.width_bucket('v', lit(0.5), lit(10.5), 2), F.width_bucket('w', lit(0.5), lit(10.5), 2), F.width_bucket(lit(5.5), lit(0.5), 'v', 2)).first()!.toArray()).toEqual([3, 0, null]);
  });

  it('shifts keep int or bigint with Java semantics; bit_count and bit_get', () => {
    const df = nums().select(
      F.shiftleft(lit(1), 33),
      F.shiftLeft('l', 33),
      F.shiftright('n', 1),
      F.shiftRightUnsigned(lit(-1), 28),
      F.shiftrightunsigned(col('l').minus(4), 60),
      F.bit_count('n'),
      F.bit_count(lit(true)),
      F.bit_get(lit(11), 0),
      F.getbit(lit(11), lit(2)),
    );
    expect(schemaOf(df)).toEqual([
      'shiftleft(1, 33):int:false',
      'shiftleft(l, 33):bigint:true',
      'shiftright(n, 1):int:true',
      'shiftrightunsigned(-1, 28):int:false',
      'shiftrightunsigned((l - 4), 60):bigint:true',
      'bit_count(n):int:true',
      'bit_count(true):int:false',
      'bit_get(11, 0):tinyint:false',
      'getbit(11, 2):tinyint:false',
    ]);
    expect(df.first()!.toArray()).toEqual([2, 25769803776, -4, 15, 15, 62, 1, 1, 0]);
    expect(() => nums().select(F.bit_get(lit(1), 32)).collect()).toThrow(/Invalid bit position/);
  });

  it('ceil/floor with a scale round to a decimal of that scale (RoundCeil/RoundFloor)', () => {
    const df = session()
      .createDataFrame([{ d: -7.55, n: 17 }, { d: 2.01, n: -3 }], 'd DOUBLE, n INT')
      .select(F.ceil('d', 1), F.floor('d', -1), F.ceiling('d', 0), F.floor('n', 1), F.ceil('d'));
    expect(df.schemaString()).toBe(
      [
        'root',
        ' |-- ceil(d, 1): decimal(17,1) (nullable = true)',
        ' |-- floor(d, -1): decimal(16,0) (nullable = true)',
        ' |-- ceiling(d, 0): decimal(16,0) (nullable = true)',
        ' |-- floor(n, 1): decimal(11,0) (nullable = true)',
        ' |-- CEIL(d): long (nullable = true)',
        '',
      ].join('\n'),
    );
    expect(df.showString(20, false)).toContain('|-7.5      |-10         |-7           |17         |-7     |');
    expect(df.showString(20, false)).toContain('|2.1       |0           |3            |-3         |3      |');
  });

  it('ceil/floor scale types, limits and errors follow Spark', () => {
    const df = session().sql(
      "SELECT ceil(3.1411, -3), floor(99.9, -1), ceil(CAST(1.5 AS FLOAT), 1), floor(5L, -1), ceil(NULL, 1), ceil('1.55', 1)",
    );
    expect(schemaOf(df)).toEqual([
      'ceil(3.1411, -3):decimal(4,0):true',
      'floor(99.9, -1):decimal(3,0):true',
      'ceil(CAST(1.5 AS FLOAT), 1):decimal(9,1):true',
      'floor(5, -1):decimal(21,0):true',
      'ceil(NULL, 1):decimal(22,1):true',
      'ceil(1.55, 1):decimal(22,1):true',
    ]);
    expect(df.showString(20, false)).toContain('|1000            |90             |1.5                        |0           |NULL         |1.6          |');
    // Spark reports it without an error class over Connect (_LEGACY_ERROR_TEMP_1100 in the JVM)
    expect(() => session().sql('SELECT ceil(1.5, CAST(1 AS BIGINT))')).toThrow(/The 'scale' parameter of function 'ceil' needs to be a int literal/);
    expect(() => session().sql('SELECT floor(true, 1)')).toThrow(expect.objectContaining({ errorClass: 'DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE' }));
    expect(() => session().sql('SELECT ceil(99999999999999999999999999999999999999BD, -2)')).toThrow(
      expect.objectContaining({ errorClass: 'DECIMAL_PRECISION_EXCEEDS_MAX_PRECISION' }),
    );
  });

  it('exp and cosh are StrictMath (fdlibm) to the last bit', () => {
    const df = session().sql(
      'SELECT exp(x), cosh(x) FROM VALUES (1D), (-1D), (0.5D), (3.7D), (100.5D), (-745D), (1D-9), (20.25D), (0.1D), (710D) AS t(x)',
    );
    expect(df.collect().map((r) => r.toArray())).toEqual([
      [2.7182818284590455, 1.543080634815244],
      [0.36787944117144233, 1.543080634815244],
      [1.6487212707001282, 1.1276259652063807],
      [40.4473043600674, 20.23601394326887],
      [4.4319559098458955e43, 2.2159779549229477e43],
      [5e-324, Infinity],
      [3.3546262790251185e-4, 1490.479161252178], // 1D-9 is 1D - 9
      [6.229644421984454e8, 3.114822210992227e8],
      [1.1051709180756477, 1.0050041680558035],
      [Infinity, 1.1169973830808557e308],
    ]);
  });
});
