/**
 * JSON options (JSONOptions) of from_json / schema_of_json / to_json and
 * spark.read.json / write.json: the Jackson relaxations, `pretty`, `lineSep`,
 * `encoding`, and what Spark 3.5.7 answers for each (checked against it).
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { IllegalArgumentException } from '../../src/index.js';
import { forEachBackend } from '../helpers/backends.js';

const dir = mkdtempSync(join(tmpdir(), 'sparkless-json-options-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
/** A fresh folder holding one JSON file with these bytes. */
function jsonFile(content: string | Buffer): string {
  const d = join(dir, `in${n++}`);
  mkdirSync(d);
  writeFileSync(join(d, 'part-00000.json'), content);
  return d;
}

const cells = (rows: readonly { toArray(): unknown[] }[]): unknown[][] =>
  rows.map((r) => r.toArray().map((v) => (v !== null && typeof v === 'object' && 'toArray' in v ? (v as { toArray(): unknown[] }).toArray() : v)));

const RELAXED = {
  allowComments: 'true',
  allowUnquotedFieldNames: 'true',
  allowNumericLeadingZeros: 'true',
  allowBackslashEscapingAnyCharacter: 'true',
};

forEachBackend('JSON options', (session, backend) => {
  it('from_json: comments, unquoted names, leading zeros and any escaped character only when allowed', () => {
    const df = session().sql(`SELECT
      from_json('{"a":/*c*/1 // x\n}', 'a INT', map('allowComments','true')) c,
      from_json('{"a":/*c*/1}', 'a INT') c0,
      from_json('{a:1, $b_2:2, @c:3, é:4}', 'a INT, \`$b_2\` INT, \`@c\` INT, \`é\` INT', map('allowUnquotedFieldNames','true')) u,
      from_json('{a:1}', 'a INT') u0,
      from_json('{"a":007, "b":-00.5, "c":00, "d":01e1}', 'a INT, b DOUBLE, c INT, d DOUBLE', map('allowNumericLeadingZeros','true')) z,
      from_json('{"a":-007.50}', 'a STRING', map('allowNumericLeadingZeros','true')) zs,
      from_json('{"a":01}', 'a INT') z0,
      from_json('{"a":"\\\\q\\\\$"}', 'a STRING', map('allowBackslashEscapingAnyCharacter','true')) e,
      from_json('{"a":"\\\\q"}', 'a STRING') e0`);
    expect(cells(df.collect())).toEqual([[[1], [null], [1, 2, 3, 4], [null], [7, -0.5, 0, 10], ['-7.5'], [null], ['q$'], [null]]]);
  });

  it('unquoted names are Java identifier characters and @#*+-; a comment must be closed', () => {
    const df = session().sql(`SELECT j, from_json(j, '\`a-b\` INT, \`1x\` INT, a INT', map('allowUnquotedFieldNames','true','allowComments','true')) u
      FROM VALUES ('{a-b:1}'), ('{1x:2}'), ('{a.b:3}'), ('{·:4}'), ('{a\t:5}'), ('{a:6 /* open'), ('{a/**/:7}') AS t(j)`);
    expect(cells(df.collect()).map((r) => r[1])).toEqual([
      [1, null, null],
      [null, 2, null],
      [null, null, null],
      [null, null, null],
      [null, null, 5],
      [null, null, null],
      [null, null, 7],
    ]);
  });

  it('schema_of_json reads with the same relaxations', () => {
    const df = session().sql(
      `SELECT schema_of_json('{a:007, /*x*/ b:"\\\\q"}', map('allowUnquotedFieldNames','true','allowNumericLeadingZeros','true','allowComments','true','allowBackslashEscapingAnyCharacter','true')) s`,
    );
    expect(df.first()!.toArray()).toEqual(['STRUCT<a: BIGINT, b: STRING>']);
  });

  it('to_json with pretty lays out as Jackson DefaultPrettyPrinter', () => {
    const df = session().sql(`SELECT
      to_json(named_struct('a', 1, 'b', array(1, 2), 'c', named_struct('d', array(named_struct('e', 1)), 'f', map('k', 'v')), 'g', array(), 'h', map()), map('pretty', 'true')) p,
      to_json(array(named_struct('a', 1), named_struct('a', 2)), map('pretty', 'true')) q,
      to_json(named_struct(), map('pretty', 'true')) r`);
    expect(df.first()!.toArray()).toEqual([
      '{\n  "a" : 1,\n  "b" : [ 1, 2 ],\n  "c" : {\n    "d" : [ {\n      "e" : 1\n    } ],\n    "f" : {\n      "k" : "v"\n    }\n  },\n  "g" : [ ],\n  "h" : { }\n}',
      '[ {\n  "a" : 1\n}, {\n  "a" : 2\n} ]',
      '{ }',
    ]);
  });

  it('spark.read.json: the relaxations, and what follows a record\'s first value is ignored', () => {
    const path = jsonFile('// c\n{a:1, /* x */ "b":007}\n  \n{"a":"\\q"}\n{"a":3} tail\n');
    const df = session().read.options(RELAXED).json(path);
    expect(df.schema.simpleString()).toBe('struct<a:string,b:bigint>');
    expect(cells(df.collect())).toEqual([
      ['1', 7],
      ['q', null],
      ['3', null],
    ]);
    // Without them the same lines are corrupt records (the comment line included).
    const strict = session().read.schema('a STRING, b LONG, _corrupt_record STRING').json(path);
    expect(cells(strict.collect())).toEqual([
      [null, null, '// c'],
      [null, null, '{a:1, /* x */ "b":007}'],
      [null, null, '{"a":"\\q"}'],
      ['3', null, null],
    ]);
  });

  it('spark.read.json: allowSingleQuotes and allowNonNumericNumbers can be switched off', () => {
    const path = jsonFile(`{'a':1.5}\n{"a":NaN}\n{"a":2}\n`);
    const df = session().read.options({ allowSingleQuotes: 'false', allowNonNumericNumbers: 'false' }).schema('a DOUBLE, _corrupt_record STRING').json(path);
    expect(cells(df.collect())).toEqual([
      [null, `{'a':1.5}`],
      [null, '{"a":NaN}'],
      [2, null],
    ]);
    expect(cells(session().read.schema('a DOUBLE').json(path).collect())).toEqual([[1.5], [NaN], [2]]);
  });

  it('spark.read.json: lineSep splits records, multiLine reads the first value of a file', () => {
    const piped = session().read.options({ lineSep: '|', allowUnquotedFieldNames: 'true' }).json(jsonFile('{"a":1}|{"a":2}\n|{a:3}|'));
    expect(cells(piped.collect())).toEqual([[1], [2], [3]]);
    const whole = session().read.option('multiLine', 'true').json(jsonFile('{"a":1}\n{"a":2}\n'));
    expect(cells(whole.collect())).toEqual([[1]]);
  });

  it('spark.read.json: encoding, which needs lineSep unless multiLine', () => {
    const path = jsonFile(Buffer.from('{"a":"é1"}\n{"a":2}\n', 'utf16le'));
    const df = session().read.options({ encoding: 'UTF-16LE', lineSep: '\n' }).json(path);
    expect(cells(df.collect())).toEqual([['é1'], ['2']]);
    const noSep = () => session().read.option('encoding', 'UTF-16LE').json(path).collect();
    expect(noSep).toThrow('The lineSep option must be specified for the UTF-16LE encoding');
    if (backend !== 'connect') expect(noSep).toThrow(IllegalArgumentException);
  });

  it('write.json with pretty writes each record laid out, then the line separator', () => {
    const out = join(dir, `out${n++}`);
    session()
      .sql(`SELECT 1 AS a, array(1,2) AS b, named_struct('x', 'y') AS c UNION ALL SELECT 2, array(), NULL`)
      .coalesce(1)
      .write.option('pretty', 'true')
      .json(out);
    const text = readdirSync(out)
      .filter((f) => f.endsWith('.json'))
      .map((f) => readFileSync(join(out, f), 'utf8'))
      .join('');
    expect(text).toBe('{\n  "a" : 1,\n  "b" : [ 1, 2 ],\n  "c" : {\n    "x" : "y"\n  }\n}\n{\n  "a" : 2,\n  "b" : [ ]\n}\n');
  });

  it('inferTimestamp: strings CAST AS TIMESTAMP accepts (or timestampFormat) infer as TIMESTAMP; prefersDecimal reads decimal strings', () => {
    const df = session().sql(`SELECT schema_of_json('{"a":"2020","b":"10:00","c":"1","d":"2020-01-01T10:00:00+02:00"}', map('inferTimestamp','true')) t,
      schema_of_json('{"a":"2020-01-01 10:00","b":"2020-01-01"}', map('inferTimestamp','true','timestampFormat','yyyy-MM-dd HH:mm')) f,
      schema_of_json('{"a":"1,000.5","b":"1e5","c":"0.000001","d":""}', map('prefersDecimal','true')) d`);
    expect(df.first()!.toArray()).toEqual([
      'STRUCT<a: TIMESTAMP, b: TIMESTAMP, c: STRING, d: TIMESTAMP>',
      'STRUCT<a: TIMESTAMP, b: STRING>',
      'STRUCT<a: DECIMAL(5,1), b: STRING, c: STRING, d: STRING>',
    ]);
    const read = session().read.option('inferTimestamp', 'true').json(jsonFile('{"a":"2020-01-01","b":"2020-01-02 03:04:05","c":"x"}\n{"a":"2021-05-06T07:08:09Z","c":"2020-01-01"}\n'));
    expect(read.schema.simpleString()).toBe('struct<a:timestamp,b:timestamp,c:string>');
    expect(read.collect().map((r) => (r.toArray()[0] as Date).toISOString())).toEqual(['2020-01-01T00:00:00.000Z', '2021-05-06T07:08:09.000Z']);
  });
});
