/**
 * Function behaviour that used to differ from Spark 3.5: column names of casts
 * and alias functions, arguments that were silently ignored, arrays in
 * concat/reverse, star arguments, column-name string arguments. Expected
 * names and values were produced by Spark 3.5.7.
 */
import { expect, it } from 'vitest';
import { F } from '../../src/index.js';
import { forEachBackend, analyzed } from '../helpers/backends.js';

const { col, lit } = F;

forEachBackend('function semantics', (session, backend) => {
  const people = () =>
    session().createDataFrame(
      [
        { age: 30, a: 'ab', id: -3, n: 2, d: new Date(Date.UTC(2020, 0, 1)) },
        { age: null, a: null, id: 4, n: 1, d: new Date(Date.UTC(2021, 5, 30)) },
      ],
      'age INT, a STRING, id INT, n INT, d DATE',
    );

  it('names an explicit cast of a column after the column, other casts by their SQL text', () => {
    const df = people();
    const out = df.select(col('age').cast('string'), col('age').alias('x').cast('long'), col('age').plus(1).cast('string'), F.upper(col('age').cast('string')));
    // Spark Connect (3.5.7) names the column after analysis, so implicit casts and some explicit ones do not show; classic PySpark names it from the expression as written.
    expect(out.columns).toEqual(
      backend === 'connect' ? ['age', 'x', '(age + 1)', 'upper(age)'] : ['age', 'x', 'CAST((age + 1) AS STRING)', 'upper(CAST(age AS STRING))'],
    );
    expect(out.dtypes.map(([, t]) => t)).toEqual(['string', 'bigint', 'string', 'string']);
    expect(out.first()!.toArray()).toEqual(['30', 30, '31', '30']);
    // groupBy() keys keep their SQL text, as RelationalGroupedDataset names them.
    // Spark Connect 3.5.7 names a cast grouping key after its column, as in select(); classic PySpark keeps CAST(...).
    expect(df.groupBy(col('age').cast('string')).count().columns).toEqual([backend === 'connect' ? 'age' : 'CAST(age AS STRING)', 'count']);
    df.createOrReplaceTempView('people');
    const sql = session().sql('SELECT CAST(age AS STRING), CAST(CAST(age AS INT) AS STRING) FROM people');
    expect(sql.columns).toEqual(['age', 'CAST(CAST(age AS INT) AS STRING)']);
    const grouped = session().sql('SELECT CAST(age AS STRING), count(*) FROM people GROUP BY CAST(age AS STRING)');
    expect(grouped.columns).toEqual(['age', 'count(1)']);
  });

  it('names alias functions as the user called them', () => {
    const df = people();
    const scalar = df.select(
      F.negative('id'),
      F.negate('id'),
      F.sign(lit(-5)),
      F.signum(lit(-5)),
      F.substr(col('a'), lit(1), lit(2)),
      F.substr(col('a'), lit(2)),
      F.char_length('a'),
      F.character_length('a'),
      F.lcase('a'),
      F.ucase('a'),
      F.ceiling(lit(2.5)),
      F.day('d'),
    );
    expect(scalar.columns).toEqual([
      'negative(id)',
      'negative(id)',
      'sign(-5)',
      'SIGNUM(-5)',
      'substr(a, 1, 2)',
      'substr(a, 2, 2147483647)',
      'char_length(a)',
      'character_length(a)',
      'lcase(a)',
      'ucase(a)',
      'ceiling(2.5)',
      'day(d)',
    ]);
    expect(scalar.first()!.toArray()).toEqual([3, 3, -1, -1, 'ab', 'b', 2, 2, 'ab', 'AB', 3, 1]);
    const aggs = df.select(F.stddev('id'), F.std('id'), F.first_value('a'), F.last_value('a'), F.variance('id'), F.mean('id'));
    expect(aggs.columns).toEqual(['stddev(id)', 'std(id)', 'first_value(a)', 'last_value(a)', 'var_samp(id)', 'avg(id)']);
    expect(aggs.first()!.toArray()).toEqual([4.949747468305833, 4.949747468305833, 'ab', null, 24.5, 0.5]);
  });

  it('honours ignoreNulls of any_value, first_value and last_value', () => {
    const df = session().createDataFrame([{ x: null }, { x: 1 }, { x: null }], 'x INT');
    const out = df.select(F.any_value('x'), F.any_value('x', true), F.first_value('x', true), F.last_value('x', lit(true)), F.last('x'));
    expect(out.columns).toEqual(['any_value(x)', 'any_value(x)', 'first_value(x)', 'last_value(x)', 'last(x)']);
    expect(out.first()!.toArray()).toEqual([null, 1, 1, 1, null]);
    expect(() => analyzed(df.select(F.any_value('x', col('x') as never)))).toThrow(/boolean literal/);
  });

  it('uses the escape character of like and ilike', () => {
    const df = session().createDataFrame([{ s: 'a_c' }, { s: 'abc' }, { s: 'A_C' }], 's STRING');
    const out = df.select(F.like('s', lit('a!_c'), '!'), F.ilike('s', lit('a!_c'), lit('!')), F.like('s', lit('a_c')));
    expect(out.columns).toEqual(['s LIKE a!_c', 'ilike(s, a!_c)', 's LIKE a_c']);
    expect(out.collect().map((r) => r.toArray())).toEqual([
      [true, true, true],
      [false, false, true],
      [false, true, false],
    ]);
    expect(() => analyzed(df.select(F.like('s', lit('a'), '!!')))).toThrow(/INVALID_ESCAPE_CHAR|string literal of length one, but got "!!"/);
    expect(() => analyzed(df.select(F.like('s', lit('a'), col('s'))))).toThrow(/length one, but got "s"/);
  });

  it('applies the levenshtein threshold', () => {
    const df = session().createDataFrame([{ l: 'kitten', r: 'sitting' }], 'l STRING, r STRING');
    const out = df.select(F.levenshtein('l', 'r'), F.levenshtein('l', 'r', 2), F.levenshtein('l', 'r', 3));
    expect(out.columns).toEqual(['levenshtein(l, r)', 'levenshtein(l, r, 2)', 'levenshtein(l, r, 3)']);
    expect(out.first()!.toArray()).toEqual([3, -1, 3]);
  });

  it('concatenates and reverses arrays', () => {
    const df = session().createDataFrame([{ x: [1, 2], y: [3], z: null }], 'x ARRAY<INT>, y ARRAY<BIGINT>, z ARRAY<INT>');
    const out = df.select(F.concat('x', 'y'), F.reverse('x'), F.concat('x', 'z'), F.reverse(lit('abc')));
    expect(out.columns).toEqual(['concat(x, y)', 'reverse(x)', 'concat(x, z)', 'reverse(abc)']);
    expect(out.dtypes.map(([, t]) => t)).toEqual(['array<bigint>', 'array<int>', 'array<int>', 'string']);
    expect(out.first()!.toArray()).toEqual([[1, 2, 3], [2, 1], null, 'cba']);
    expect(() => analyzed(df.select(F.concat('x', lit('s'))))).toThrow(/DATA_DIFF_TYPES|should all be the same type/);
  });

  it('counts rows for count(expr("*")) and expands struct("*")', () => {
    const df = people();
    const counted = df.select(F.count(F.expr('*')), F.count('age'));
    expect(counted.columns).toEqual(['count(1)', 'count(age)']);
    expect(counted.first()!.toArray()).toEqual([2, 1]);
    const s = df.select('age', 'a').select(F.struct('*'));
    expect(s.columns).toEqual(['struct(age, a)']);
    expect(s.schema.fields[0]!.dataType.simpleString()).toBe('struct<age:int,a:string>');
    expect((s.first()!.get(0) as { asDict(): unknown }).asDict()).toEqual({ age: 30, a: 'ab' });
  });

  it('reads string arguments of date_add, date_sub and add_months as column names', () => {
    const out = people().select(F.date_add('d', 'n'), F.date_sub('d', 'n'), F.add_months('d', 'n'), F.date_add('d', 1));
    expect(out.columns).toEqual(['date_add(d, n)', 'date_sub(d, n)', 'add_months(d, n)', 'date_add(d, 1)']);
    const iso = (v: unknown) => (v as Date).toISOString().slice(0, 10);
    expect(out.first()!.toArray().map(iso)).toEqual(['2020-01-03', '2019-12-30', '2020-03-01', '2020-01-02']);
  });

  it('reports MEMORY_AND_DISK_DESER after cache(), as PySpark does', () => {
    const df = people();
    expect(df.storageLevel).toBe('NONE');
    expect(df.cache().storageLevel).toBe('MEMORY_AND_DISK_DESER');
    expect(people().persist().storageLevel).toBe('MEMORY_AND_DISK_DESER');
    // Spark keeps the first level of data it has cached already (it warns and ignores the new one).
    expect(people().persist('DISK_ONLY').storageLevel).toBe(backend === 'connect' ? 'MEMORY_AND_DISK_DESER' : 'DISK_ONLY');
  });
});

forEachBackend('alias function names', (session) => {
  it('names every PySpark alias pair as Spark 3.5.7 does', () => {
    const df = session().createDataFrame(
      [{ x: 2.5, a: 'ab', d: new Date(Date.UTC(2020, 0, 5)), id: -3, n: 5 }],
      'x DOUBLE, a STRING, d DATE, id INT, n INT',
    );
    const cases: [ReturnType<typeof col>, string][] = [
      [F.ceiling('x'), 'ceiling(x)'],
      [F.ceil('x'), 'CEIL(x)'],
      [F.power('x', lit(2)), 'POWER(x, 2)'],
      [F.pow('x', lit(2)), 'POWER(x, 2)'],
      [F.sign('x'), 'sign(x)'],
      [F.signum('x'), 'SIGNUM(x)'],
      [F.day('d'), 'day(d)'],
      [F.dayofmonth('d'), 'dayofmonth(d)'],
      [F.toDegrees('x'), 'DEGREES(x)'],
      [F.toRadians('x'), 'RADIANS(x)'],
      [F.bitwiseNOT('id'), '~id'],
      [F.approxCountDistinct('a'), 'approx_count_distinct(a)'],
      [F.sumDistinct('id'), 'sum(DISTINCT id)'],
      [F.countDistinct('a'), 'count(DISTINCT a)'],
      [F.negate('id'), 'negative(id)'],
      [F.mean('id'), 'avg(id)'],
      [F.variance('id'), 'var_samp(id)'],
      [F.stddev('id'), 'stddev(id)'],
      [F.std('id'), 'std(id)'],
      [F.printf(lit('%s'), 'a'), 'printf(%s, a)'],
      [F.regexp('a', lit('a')), 'REGEXP(a, a)'],
      [F.regexp_like('a', lit('a')), 'REGEXP_LIKE(a, a)'],
      [F.rlike('a', lit('a')), 'RLIKE(a, a)'],
      [F.sha('a'), 'sha(a)'],
      [F.sha1('a'), 'sha1(a)'],
      [F.ifnull('a', lit('z')), 'ifnull(a, z)'],
      [F.nvl('a', lit('z')), 'nvl(a, z)'],
      [F.cardinality(F.array(lit(1))), 'cardinality(array(1))'],
      [F.size(F.array(lit(1))), 'size(array(1))'],
      [F.dateadd('d', 1), 'date_add(d, 1)'],
      [F.date_diff('d', 'd'), 'date_diff(d, d)'],
      [F.datediff('d', 'd'), 'datediff(d, d)'],
      [F.curdate().isNotNull(), '(current_date() IS NOT NULL)'],
      [F.now().isNotNull(), '(now() IS NOT NULL)'],
      [F.shiftLeft('id', 2), 'shiftleft(id, 2)'],
      [F.getbit('n', lit(2)), 'getbit(n, 2)'],
      [F.bit_get('n', lit(0)), 'bit_get(n, 0)'],
      [F.position(lit('b'), 'a'), 'position(b, a, 1)'],
      [F.substr('a', lit(1)), 'substr(a, 1, 2147483647)'],
      [F.substring('a', 1, 1), 'substring(a, 1, 1)'],
      [F.first_value('a', true), 'first_value(a)'],
      [F.any_value('a', true), 'any_value(a)'],
    ];
    for (const [c, name] of cases) expect(df.select(c).columns, name).toEqual([name]);
    const values = df.select(F.sha('a'), F.cardinality(F.array(lit(1), lit(2))), F.date_diff(F.dateadd('d', 3), 'd'), F.now().isNotNull());
    expect(values.first()!.toArray()).toEqual(['da23614e02469a0d7c7bd1bdab5c9c474b1904dc', 2, 3, true]);
  });
});

forEachBackend('alias function errors', (session) => {
  it('reports a type mismatch under the alias the user called', () => {
    const df = session().createDataFrame([{ xs: [1] }], 'xs ARRAY<INT>');
    expect(() => analyzed(df.select(F.lcase('xs')))).toThrow('Cannot resolve "lcase(xs)" due to data type mismatch: Parameter 1 requires the "STRING" type');
  });
});
