/**
 * String functions added in PySpark 3.x: values, types, nullability and names
 * as Spark 3.5.7 gives them (including the defaults Spark shows in names).
 */
import { expect, it } from 'vitest';
import { F } from '../../src/index.js';
import { forEachBackend, analyzed } from '../helpers/backends.js';

const { col, lit } = F;

forEachBackend('string functions', (session, backend) => {
  const one = () => session().createDataFrame([{ s: 'abcb', t: null }], 's STRING NOT NULL, t STRING');
  const schemaOf = (df: ReturnType<typeof one>) => df.schema.fields.map((f) => `${f.name}:${f.dataType.simpleString()}:${f.nullable}`);

  it('format_number, format_string and printf', () => {
    const df = one().select(
      F.format_number(lit(12332.123456), 4),
      F.format_number(lit(0.125), 2),
      F.format_number(lit(1234567), 0),
      F.format_number(lit(5), -1),
      F.format_string('Hello %d %s', lit(100), lit('days')),
      F.printf(lit('%5.2f|%-4s|%05d'), lit(3.14159), lit('a'), lit(42)),
      F.format_string('%s', 't'),
    );
    expect(schemaOf(df)).toEqual([
      'format_number(12332.123456, 4):string:true',
      'format_number(0.125, 2):string:true',
      'format_number(1234567, 0):string:true',
      'format_number(5, -1):string:true',
      'format_string(Hello %d %s, 100, days):string:false',
      'printf(%5.2f|%-4s|%05d, 3.14159, a, 42):string:false',
      'format_string(%s, t):string:false',
    ]);
    expect(df.first()!.toArray()).toEqual(['12,332.1235', '0.12', '1,234,567', null, 'Hello 100 days', ' 3.14|a   |00042', 'null']);
    expect(() => analyzed(one().select(F.format_number('s', 'x' as never)))).toThrow(/should be an int/);
  });

  it("formats numbers as Java does: HALF_UP on Java's digits for %f/%e/%g, the sign of a negative zero kept", () => {
    const df = one().select(
      F.format_string('%.1f|%.2f|%.0f|%.1e|%g|%g|%g|%,.2f|%08.3f|%-8.2e|', lit(0.25), lit(1.005), lit(2.5), lit(0.25), lit(0).cast('double'), lit(100000).cast('double'), lit(1000000).cast('double'), lit(1234567.891), lit(-3.14159), lit(9.999)),
      F.format_string('%g|%G|%.3g|%x|%X|%o|%b|%c', lit(3.5), lit(0.00012345), lit(1234567.5), lit(255), col('s').isNull().cast('bigint').minus(1), lit(8), lit(null), lit(65)),
      F.format_number(lit(-0.001), 2),
      F.format_number(lit(-0.5), 0),
    );
    expect(df.first()!.toArray()).toEqual([
      '0.3|1.01|3|2.5e-01|0.00000|100000|1.00000e+06|1,234,567.89|-003.142|1.00e+01|',
      '3.50000|0.000123450|1.23e+06|ff|FFFFFFFFFFFFFFFF|10|false|A',
      '-0.00',
      '-0',
    ]);
    expect(() => one().select(F.format_string('%d', lit(1.5))).collect()).toThrow('d != java.lang.Double');
    expect(() => one().select(F.format_string('%f', lit(1))).collect()).toThrow('f != java.lang.Integer');
  });

  it('mask uses Unicode letter and digit classes; url_decode rejects bad escapes with Spark\'s message', () => {
    expect(one().select(F.mask(lit('AbÇ d9!'), lit('X'), lit('x'), lit('n'), lit('*'))).first()!.get(0)).toBe('XxX*xn*');
    expect(() => one().select(F.url_decode(lit('%zz'))).collect()).toThrow(
      'The provided URL cannot be decoded: %zz. Please ensure that the URL is properly formatted and try again.',
    );
  });

  it('split_part, position, char, btrim, elt, find_in_set, left and right', () => {
    const df = one().select(
      F.split_part(lit('11.12.13'), lit('.'), lit(3)),
      F.split_part(lit('11.12.13'), lit('.'), lit(-1)),
      F.split_part(lit('11.12.13'), lit('.'), lit(5)),
      F.position(lit('b'), 's'),
      F.position(lit('b'), 's', lit(3)),
      F.char(lit(65)),
      F.char(lit(321)),
      F.btrim(lit('  ab  ')),
      F.btrim(lit('xaby'), lit('xy')),
      F.elt(lit(2), lit('a'), lit('b')),
      F.elt(lit(3), lit('a'), lit('b')),
      F.find_in_set(lit('b'), lit('a,b,c')),
      F.left('s', lit(2)),
      F.right('s', lit(2)),
      F.left('s', lit(-1)),
    );
    expect(schemaOf(df)).toEqual([
      'split_part(11.12.13, ., 3):string:true',
      'split_part(11.12.13, ., -1):string:true',
      'split_part(11.12.13, ., 5):string:true',
      'position(b, s, 1):int:false',
      'position(b, s, 3):int:false',
      'char(65):string:false',
      'char(321):string:false',
      'btrim(  ab  ):string:false',
      'btrim(xaby, xy):string:false',
      'elt(2, a, b):string:true',
      'elt(3, a, b):string:true',
      'find_in_set(b, a,b,c):int:false',
      'left(s, 2):string:false',
      'right(s, 2):string:true',
      'left(s, -1):string:false',
    ]);
    expect(df.first()!.toArray()).toEqual(['13', '13', '', 2, 4, 'A', 'A', 'ab', 'ab', 'b', null, 2, 'ab', 'cb', '']);
  });

  it('mask, octet_length, bit_length, replace, url_encode and url_decode', () => {
    const df = one().select(
      F.mask(lit('AbCD123-@$#')),
      F.mask(lit('AbCD123'), lit('Y'), lit('y'), lit('n'), lit('o')),
      F.mask(lit('AbCD123'), lit(null), lit(null), lit(null), lit(null)),
      F.octet_length(lit('héllo')),
      F.bit_length(lit('héllo')),
      F.replace(lit('ABCabc'), lit('abc'), lit('DEF')),
      F.replace(lit('ABCabc'), lit('abc')),
      F.url_encode(lit('a b&c=d/é')),
      F.url_decode(lit('a+b%26c')),
    );
    expect(schemaOf(df)).toEqual([
      'mask(AbCD123-@$#, X, x, n, NULL):string:true',
      'mask(AbCD123, Y, y, n, o):string:true',
      'mask(AbCD123, NULL, NULL, NULL, NULL):string:true',
      'octet_length(héllo):int:false',
      'bit_length(héllo):int:false',
      'replace(ABCabc, abc, DEF):string:false',
      'replace(ABCabc, abc, ):string:false',
      'url_encode(a b&c=d/é):string:true',
      'url_decode(a+b%26c):string:true',
    ]);
    expect(df.first()!.toArray()).toEqual(['XxXXnnn-@$#', 'YyYYnnn', 'AbCD123', 6, 48, 'ABCDEF', 'ABC', 'a+b%26c%3Dd%2F%C3%A9', 'a b&c']);
  });

  it('regexp_like, regexp, regexp_count, regexp_substr and regexp_instr', () => {
    const df = one().select(
      F.regexp_like(lit('abc'), lit('b')),
      F.regexp(lit('abc'), lit('^b')),
      F.regexp_count(lit('abcabc'), lit('b')),
      F.regexp_substr(lit('1a 2b 14m'), lit('\\d+')),
      F.regexp_substr(lit('abc'), lit('\\d+')),
      F.regexp_instr(lit('user@spark.apache.org'), lit('@[^.]*')),
      F.regexp_instr(lit('abc'), lit('z')),
      F.regexp_like('t', lit('a')),
    );
    expect(schemaOf(df)).toEqual([
      'REGEXP_LIKE(abc, b):boolean:false',
      'REGEXP(abc, ^b):boolean:false',
      'regexp_count(abcabc, b):int:false',
      'regexp_substr(1a 2b 14m, \\d+):string:true',
      'regexp_substr(abc, \\d+):string:true',
      'regexp_instr(user@spark.apache.org, @[^.]*, 0):int:false',
      'regexp_instr(abc, z, 0):int:false',
      'REGEXP_LIKE(t, a):boolean:true',
    ]);
    expect(df.first()!.toArray()).toEqual([true, false, 2, '1', null, 5, 0, null]);
    // An empty match is null, as Spark's nullif(regexp_extract(s, re, 0), '').
    expect(one().select(F.regexp_substr(lit('abc'), lit(''))).first()!.get(0)).toBeNull();
    // A column pattern goes through the same matcher as a literal one.
    const rows = session().createDataFrame([{ s: 'a1', p: '\\d' }, { s: 'ab', p: '\\d' }], 's STRING, p STRING');
    expect(rows.select(F.regexp_like('s', col('p'))).collect().map((r) => r.get(0))).toEqual([true, false]);
  });

  it("encode and decode with Java's charsets; binary literals are named X'..'", () => {
    const hex = (v: unknown) => Array.from(v as Uint8Array, (b) => b.toString(16).padStart(2, '0')).join(' ');
    const enc = one().select(
      F.encode(lit('héllo'), 'UTF-8'),
      F.encode(lit('héllo'), 'US-ASCII'),
      F.encode(lit('héllo'), 'iso-8859-1'),
      F.encode(lit('hé'), 'UTF-16'),
      F.encode(lit('hé'), 'UTF-16LE'),
      F.encode(lit('hé'), 'utf-16be'),
    );
    expect(schemaOf(enc)[0]).toBe('encode(héllo, UTF-8):binary:false');
    expect(enc.first()!.toArray().map(hex)).toEqual(['68 c3 a9 6c 6c 6f', '68 3f 6c 6c 6f', '68 e9 6c 6c 6f', 'fe ff 00 68 00 e9', '68 00 e9 00', '00 68 00 e9']);
    const bins = session().createDataFrame([{ b: Uint8Array.from([0x68, 0xc3, 0xa9]), bad: Uint8Array.from([0xff, 0x68]), e9: Uint8Array.from([0xe9]), u16: Uint8Array.from([0xfe, 0xff, 0x00, 0x68, 0x00, 0x65]) }], 'b BINARY, bad BINARY, e9 BINARY, u16 BINARY');
    const dec = bins.select(F.decode('b', 'UTF-8'), F.decode('bad', 'UTF-8'), F.decode('e9', 'ISO-8859-1'), F.decode('u16', 'UTF-16'), F.decode('e9', 'US-ASCII'));
    expect(dec.first()!.toArray()).toEqual(['hé', '\uFFFDh', 'é', 'he', '\uFFFD']);
    // Spark raises Java's UnsupportedEncodingException, whose message is the charset name alone.
    expect(() => bins.select(F.decode('b', 'nope')).collect()).toThrow(backend === 'connect' ? /\(java\.io\.UnsupportedEncodingException\) nope/ : /Unsupported charset: nope/);
    expect(session().sql("SELECT octet_length(X'0102')").columns).toEqual(["octet_length(X'0102')"]);
  });

  it('to_binary and try_to_binary read hex, utf-8 and base64', () => {
    const hex = (v: unknown) => (v === null ? null : Array.from(v as Uint8Array, (b) => b.toString(16).padStart(2, '0')).join(' '));
    const df = one().select(
      F.to_binary(lit('abc')),
      F.to_binary(lit('616263'), lit('hex')),
      F.to_binary(lit('abc'), lit('utf-8')),
      F.to_binary(lit('YW Jj'), lit('base64')),
      F.to_binary(lit('YWJ'), lit('base64')),
      F.try_to_binary(lit('xyz'), lit('hex')),
      F.try_to_binary(lit('abc'), lit('nope')),
    );
    expect(schemaOf(df)).toEqual([
      'to_binary(abc):binary:true',
      'to_binary(616263, hex):binary:true',
      'to_binary(abc, utf-8):binary:false',
      'to_binary(YW Jj, base64):binary:false',
      'to_binary(YWJ, base64):binary:false',
      'try_to_binary(xyz, hex):binary:true',
      'try_to_binary(abc, nope):binary:true',
    ]);
    expect(df.first()!.toArray().map(hex)).toEqual(['0a bc', '61 62 63', '61 62 63', '61 62 63', '61 62', null, null]);
    expect(() => one().select(F.to_binary(lit('zz'), lit('hex'))).collect()).toThrow(
      `The value 'zz' ('HEX') cannot be converted to "BINARY" because it is malformed.`,
    );
    expect(() => analyzed(one().select(F.to_binary(lit('abc'), 's')))).toThrow(/NON_FOLDABLE_INPUT|foldable "STRING"/);
  });
  it('concat_ws flattens arrays of any atomic type (cast to ARRAY<STRING>) and skips nulls', () => {
    const df = session().sql(
      "SELECT concat_ws('-', array(1, 2), 3, array('a'), CAST(NULL AS ARRAY<STRING>), array(CAST(NULL AS STRING))) x, concat_ws(',', array(true), array(date'2020-01-01'), array()) y",
    );
    expect(df.schema.fields.map((f) => `${f.dataType.simpleString()}:${f.nullable}`)).toEqual(['string:false', 'string:false']);
    expect(df.first()!.toArray()).toEqual(['1-2-3-a', 'true,2020-01-01']);
    expect(() => analyzed(session().sql("SELECT concat_ws(',', array(array('a')))"))).toThrow(
      'Parameter 2 requires the ("ARRAY<STRING>" or "STRING") type, however "array(array(a))" has the type "ARRAY<ARRAY<STRING>>"',
    );
    expect(() => analyzed(session().sql("SELECT concat_ws(array('a'), 'b')"))).toThrow('Parameter 1 requires the "STRING" type');
  });
});
