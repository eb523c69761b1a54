/** to_number / try_to_number with Spark's number format strings: values, DECIMAL(p, s) types, names and errors. */
import { expect, it } from 'vitest';
import { F } from '../../src/index.js';
import { analyzed, forEachBackend } from '../helpers/backends.js';

const { lit } = F;

forEachBackend('to_number', (session) => {
  it('reads digits, separators, signs, currency and brackets', () => {
    const df = session().sql(
      `SELECT to_number('454', '999') a, to_number('454.00', '000.00') b, to_number('12,454', '99,999') c, to_number('$78.12', '$99.99') d,
        to_number('12,454.8-', '99,999.9S') e, try_to_number('abc', '999') f, to_number('<12>', '99PR') g, to_number('-12', 'S99') h,
        to_number('12', '999.9') i, to_number(' 12', '999') k, to_number('1,234', '9G999') l, to_number('12-', '99MI') m, to_number('5', '9,999') n`,
    );
    expect(df.schema.fields.map((f) => `${f.name}:${f.dataType.simpleString()}:${f.nullable}`).slice(0, 6)).toEqual([
      'a:decimal(3,0):false',
      'b:decimal(5,2):false',
      'c:decimal(5,0):false',
      'd:decimal(4,2):false',
      'e:decimal(6,1):false',
      'f:decimal(3,0):true',
    ]);
    expect(df.first()!.toArray().map((v) => (v === null ? null : String(v)))).toEqual(['454', '454.00', '12454', '78.12', '-12454.8', null, '-12', '-12', '12.0', '12', '1234', '-12', '5']);
    const api = session().createDataFrame([{ s: '$1,234.5' }, { s: 'x' }, { s: null }], 's STRING').select(F.try_to_number('s', lit('$9,999.99')));
    expect(api.columns).toEqual(['try_to_number(s, $9,999.99)']);
    expect(api.collect().map((r) => (r.get(0) === null ? null : String(r.get(0))))).toEqual(['1234.50', null, null]);
  });

  it("mismatches and bad formats fail with Spark's INVALID_FORMAT errors", () => {
    const run = (sql: string) => () => session().sql(sql).collect();
    expect(run("SELECT to_number('123', '99')")).toThrow('The format is invalid: 99. The input "STRING" 123 does not match the format.');
    expect(run("SELECT to_number('1234', '9,999,999')")).toThrow('does not match the format');
    expect(run("SELECT to_number('5', '0999')")).toThrow('does not match the format');
    expect(() => analyzed(session().sql("SELECT to_number('12', '')"))).toThrow('The number format string cannot be empty.');
    expect(() => analyzed(session().sql("SELECT to_number('12', '9.9.9')"))).toThrow('At most one . or D is allowed in the number format.');
    expect(() => analyzed(session().sql("SELECT to_number('12', '9,.9')"))).toThrow('Thousands separators (, or G) must have digits in between them');
    expect(() => analyzed(session().sql("SELECT to_number('12', '99$')"))).toThrow('Currency characters must appear before digits');
    expect(() => analyzed(session().sql("SELECT to_number('12', '99x')"))).toThrow("Found the unexpected character 'X''");
    expect(() => analyzed(session().sql("SELECT to_number(s, s) FROM VALUES ('1') t(s)"))).toThrow('should be a foldable "STRING" expression');
  });
});

forEachBackend('format_number', (session) => {
  it('formats with a DecimalFormat pattern (HALF_EVEN, US symbols) or d decimals, NULL for a negative d', () => {
    const df = session().sql(
      "SELECT format_number(x, '#,##0.00'), format_number(x, '#.##'), format_number(x, '000.0#'), format_number(x, ''), " +
        "format_number(x, '$#,##0.0;($#)'), format_number(x, '0.0%'), format_number(x, '#,#0.###'), format_number(x, -1) " +
        'FROM VALUES (1234.5678D), (-0.5D), (0D), (0.125D), (-1234567.891D), (CAST(NULL AS DOUBLE)) AS t(x)',
    );
    expect(df.columns[4]).toBe('format_number(x, $#,##0.0;($#))');
    expect(df.collect().map((r) => r.toArray())).toEqual([
      ['1,234.57', '1234.57', '1234.57', '1,235', '$1,234.6', '123456.8%', '12,34.568', null],
      ['-0.50', '-0.5', '-000.5', '-0', '($0.5)', '-50.0%', '-0.5', null],
      ['0.00', '0', '000.0', '0', '$0.0', '0.0%', '0', null],
      ['0.12', '0.12', '000.12', '0', '$0.1', '12.5%', '0.125', null],
      ['-1,234,567.89', '-1234567.89', '-1234567.89', '-1,234,568', '($1,234,567.9)', '-123456789.1%', '-1,23,45,67.891', null],
      [null, null, null, null, null, null, null, null],
    ]);
    const typed = session().sql(
      "SELECT format_number(CAST(x AS DECIMAL(20,6)), '#,##0.00'), format_number(CAST(x AS INT), '#.##'), format_number(CAST(x AS BIGINT), '0000'), format_number(x, s) " +
        "FROM VALUES (1234.5678D, '##################.###'), (-0.5D, '#') AS t(x, s)",
    );
    expect(typed.collect().map((r) => r.toArray())).toEqual([
      ['1,234.57', '1234', '1234', '1234.568'],
      ['-0.50', '0', '0000', '-0'],
    ]);
  });
});

forEachBackend(
  'format_number patterns sparkless refuses',
  (session) => {
  it("a malformed pattern fails as Java's DecimalFormat does; scientific patterns are not implemented", () => {
    expect(() => session().sql("SELECT format_number(1.5, '0.#0')").collect()).toThrow(`Unexpected '0' in pattern "0.#0"`);
    expect(() => session().sql("SELECT format_number(1.5, '0.0.0')").collect()).toThrow('Multiple decimal separators in pattern "0.0.0"');
    expect(() => session().sql("SELECT format_number(1.5, '0.0E0')").collect()).toThrow(/NOT_IMPLEMENTED/);
  });
  },
  { localOnly: 'Spark supports scientific patterns' },
);
