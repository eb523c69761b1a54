/** The xpath family over XPath 1.0: values, types, names and errors as Spark 3.5.7 gives them. */
import { expect, it } from 'vitest';
import { F } from '../../src/index.js';
import { analyzed, forEachBackend } from '../helpers/backends.js';

const { lit } = F;

forEachBackend('xpath functions', (session) => {
  it('node values, strings, booleans and numbers narrowed as Java does', () => {
    const df = session().sql(
      `SELECT xpath('<a><b>b1</b><b>b2</b><c/></a>', 'a/b/text()') a, xpath('<a><b>b1</b></a>', 'a/b') b, xpath_string('<a><b>x</b><b>y</b></a>', 'a/b') c,
        xpath_boolean('<a><b>1</b></a>', 'a/b') d, xpath_int('<a><b>1</b><b>2</b></a>', 'sum(a/b)') e, xpath_long('<a>x</a>', 'a') f, xpath_double('<a>1.5</a>', 'a') g,
        xpath_float('<a>1.5</a>', 'a') i, xpath_short('<a>7</a>', 'a') j, xpath(NULL, 'a') k, xpath('<a/>', 'b') l, xpath_string('<a/>', 'b') m,
        xpath_int('<a>3.9</a>', 'a') n, xpath_long('<a>1e20</a>', 'a') o, xpath('<a x="1" y="2"/>', 'a/@*') p, isnan(xpath_number('<a>x</a>', 'a')) q`,
    );
    expect(df.schema.fields.map((f) => `${f.name}:${f.dataType.simpleString()}`)).toEqual([
      'a:array<string>', 'b:array<string>', 'c:string', 'd:boolean', 'e:int', 'f:bigint', 'g:double', 'i:float', 'j:smallint',
      'k:array<string>', 'l:array<string>', 'm:string', 'n:int', 'o:bigint', 'p:array<string>', 'q:boolean',
    ]);
    expect(df.schema.fields.every((f) => f.nullable || f.name === 'q')).toBe(true);
    expect(df.first()!.toArray()).toEqual([['b1', 'b2'], [null], 'x', true, 3, 0, 1.5, 1.5, 7, null, [], '', 3, 0, ['1', '2'], true]);
    const api = session().createDataFrame([{ x: '<r><v>4</v></r>' }], 'x STRING').select(F.xpath_int('x', lit('r/v')), F.xpath('x', lit('r/v/text()')));
    expect(api.columns).toEqual(['xpath_int(x, r/v)', 'xpath(x, r/v/text())']);
    expect(api.first()!.toArray()).toEqual([4, ['4']]);
  });

  it('bad XML, bad paths and argument checks', () => {
    expect(() => session().sql("SELECT xpath('<a>', 'a')").collect()).toThrow(/Error loading expression 'a'/);
    expect(() => session().sql("SELECT xpath('<a/>', '!!')").collect()).toThrow(/Invalid XPath '!!'/);
    expect(() => analyzed(session().sql("SELECT xpath(s, s) FROM VALUES ('a') t(s)"))).toThrow('the input path should be a foldable "STRING" expression');
    expect(() => analyzed(session().sql("SELECT xpath_int(1, 'a')"))).toThrow('Parameter 1 requires the "STRING" type, however "1" has the type "INT"');
  });
});
