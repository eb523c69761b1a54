import { describe, expect, it } from 'vitest';
import { fromJson, parseDataType, parseSchema, parseTableSchema, parseTypeString, toDDL } from '../../src/types/ddl.js';
import {
  CalendarIntervalType,
  DayTimeIntervalType,
  YearMonthIntervalType,
  ArrayType,
  BINARY,
  BOOLEAN,
  BYTE,
  DATE,
  DataType,
  DecimalType,
  DOUBLE,
  FLOAT,
  INT,
  LONG,
  MapType,
  NULL,
  SHORT,
  STRING,
  StructField,
  StructType,
  TIMESTAMP,
  TIMESTAMP_NTZ,
} from '../../src/types/data-types.js';
import { AnalysisException, ParseException, PySparkValueError } from '../../src/errors/index.js';

function errorOf(fn: () => unknown): Error & { errorClass?: string; messageParameters?: Record<string, string> } {
  try {
    fn();
  } catch (e) {
    return e as Error & { errorClass?: string };
  }
  throw new Error('expected an error');
}

describe('parseDataType', () => {
  it.each<[string, DataType]>([
    ['int', INT],
    ['integer', INT],
    ['INT', INT],
    ['bigint', LONG],
    ['long', LONG],
    ['smallint', SHORT],
    ['short', SHORT],
    ['tinyint', BYTE],
    ['byte', BYTE],
    ['float', FLOAT],
    ['real', FLOAT],
    ['double', DOUBLE],
    ['string', STRING],
    ['varchar(10)', STRING],
    ['char(3)', STRING],
    ['character(3)', STRING],
    ['binary', BINARY],
    ['boolean', BOOLEAN],
    ['date', DATE],
    ['timestamp', TIMESTAMP],
    ['timestamp_ltz', TIMESTAMP],
    ['timestamp_ntz', TIMESTAMP_NTZ],
    ['void', NULL],
    ['decimal', new DecimalType(10, 0)],
    ['decimal(5)', new DecimalType(5, 0)],
    ['DECIMAL(10, 2)', new DecimalType(10, 2)],
    ['dec(38,18)', new DecimalType(38, 18)],
    ['numeric(4,1)', new DecimalType(4, 1)],
    ['  Int  ', INT],
  ])('%s', (text, expected) => {
    expect(parseDataType(text).equals(expected)).toBe(true);
  });

  it('parses nested types', () => {
    expect(parseDataType('array<int>').equals(new ArrayType(INT, true))).toBe(true);
    expect(parseDataType('ARRAY<ARRAY<STRING>>').equals(new ArrayType(new ArrayType(STRING)))).toBe(true);
    expect(parseDataType('map<string, bigint>').equals(new MapType(STRING, LONG, true))).toBe(true);
    const s = parseDataType('struct<a:int,b string,`c d`: array<double> NOT NULL COMMENT \'hi\'>');
    expect(s.equals(new StructType([
      new StructField('a', INT),
      new StructField('b', STRING),
      new StructField('c d', new ArrayType(DOUBLE), false, { comment: 'hi' }),
    ]))).toBe(true);
    expect(parseDataType('struct<>').equals(new StructType([]))).toBe(true);
    expect(parseDataType('struct< >').equals(new StructType([]))).toBe(true);
    expect(parseDataType('map<string,struct<x:map<int,int>>>').simpleString()).toBe('map<string,struct<x:map<int,int>>>');
  });

  it('rejects unknown types with UNSUPPORTED_DATATYPE', () => {
    const e = errorOf(() => parseDataType('foo'));
    expect(ParseException.isParseException(e)).toBe(true);
    expect(e.errorClass).toBe('UNSUPPORTED_DATATYPE');
    expect(e.message).toBe('[UNSUPPORTED_DATATYPE] Unsupported data type "FOO".(line 1, pos 0)\n\n== SQL ==\nfoo\n^^^\n');
    expect(errorOf(() => parseDataType('int(5)')).message).toMatch(/^\[UNSUPPORTED_DATATYPE\] Unsupported data type "INT\(5\)"\./);
    expect(errorOf(() => parseDataType('array<strin>')).message).toMatch(/^\[UNSUPPORTED_DATATYPE\] Unsupported data type "STRIN"\.\(line 1, pos 6\)/);
    expect(errorOf(() => parseDataType('decimal(1,2,3)')).message).toMatch(/"DECIMAL\(1,2,3\)"/);
  });

  it('reports syntax errors like Spark', () => {
    const e = errorOf(() => parseDataType('array<int'));
    expect(e.errorClass).toBe('PARSE_SYNTAX_ERROR');
    expect(e.message).toBe('[PARSE_SYNTAX_ERROR] Syntax error at or near end of input.(line 1, pos 9)\n\n== SQL ==\narray<int\n---------^^^\n');
    expect(errorOf(() => parseDataType('map<int>')).message).toMatch(/^\[PARSE_SYNTAX_ERROR\] Syntax error at or near '>'\.\(line 1, pos 7\)/);
    expect(errorOf(() => parseDataType('int x')).message).toMatch(/^\[PARSE_SYNTAX_ERROR\] Syntax error at or near 'x': extra input 'x'\.\(line 1, pos 4\)/);
    expect(errorOf(() => parseDataType('decimal(10.5)')).message).toMatch(/at or near '10\.5'/);
    expect(errorOf(() => parseDataType('')).message).toMatch(/at or near end of input/);
  });

  it('char without length, decimal bounds, intervals', () => {
    const e = errorOf(() => parseDataType('char'));
    expect(e.errorClass).toBe('DATATYPE_MISSING_SIZE');
    expect(e.message).toMatch(/^\[DATATYPE_MISSING_SIZE\] DataType "CHAR" requires a length parameter, for example "CHAR"\(10\)\. Please specify the length\./);
    const p = errorOf(() => parseDataType('decimal(39,0)'));
    expect(AnalysisException.isAnalysisException(p)).toBe(true);
    expect(p.message).toBe('[DECIMAL_PRECISION_EXCEEDS_MAX_PRECISION] Decimal precision 39 exceeds max precision 38.');
    expect(errorOf(() => parseDataType('decimal(2,3)')).message).toMatch(/Decimal scale \(3\) cannot be greater than precision \(2\)/);
    expect(parseDataType('interval day to second')).toEqual(new DayTimeIntervalType(0, 3));
    expect(parseDataType('INTERVAL YEAR')).toEqual(new YearMonthIntervalType(0, 0));
    expect(parseDataType('interval')).toEqual(new CalendarIntervalType());
  });
});

describe('parseSchema', () => {
  it('parses DDL column lists', () => {
    const s = parseSchema('id INT, name STRING NOT NULL, tags ARRAY<STRING>');
    expect(s.equals(new StructType([
      new StructField('id', INT),
      new StructField('name', STRING, false),
      new StructField('tags', new ArrayType(STRING)),
    ]))).toBe(true);
  });
  it('keeps the case of names and accepts backquotes and comments', () => {
    const s = parseSchema("`Weird Name` bigint COMMENT 'the id', `a``b` map<string,int> comment \"it's\", Score double");
    expect(s.names).toEqual(['Weird Name', 'a`b', 'Score']);
    expect(s.fields[0]!.metadata).toEqual({ comment: 'the id' });
    expect(s.fields[1]!.metadata).toEqual({ comment: "it's" });
    expect(parseSchema("a int comment 'x\\'y'").fields[0]!.metadata).toEqual({ comment: "x'y" });
  });
  it('accepts the `a: int` and `struct<...>` forms', () => {
    const expected = new StructType([new StructField('a', INT), new StructField('b', STRING)]);
    expect(parseSchema('a: int, b: string').equals(expected)).toBe(true);
    expect(parseSchema('struct<a:int,b:string>').equals(expected)).toBe(true);
    expect(parseSchema('STRUCT<a: INT, b: STRING>').equals(expected)).toBe(true);
    expect(parseSchema('a int, b string').equals(expected)).toBe(true);
  });
  it('allows keywords as column names', () => {
    expect(parseSchema('select int, from string, comment string, not int').names).toEqual(['select', 'from', 'comment', 'not']);
  });
  it('reports the error of the DDL-schema attempt', () => {
    const e = errorOf(() => parseSchema('id INT, name'));
    expect(e.errorClass).toBe('PARSE_SYNTAX_ERROR');
    expect(e.message).toBe('[PARSE_SYNTAX_ERROR] Syntax error at or near end of input.(line 1, pos 12)\n\n== SQL ==\nid INT, name\n------------^^^\n');
    const u = errorOf(() => parseSchema('id FOO'));
    expect(u.message).toBe('[UNSUPPORTED_DATATYPE] Unsupported data type "FOO".(line 1, pos 3)\n\n== SQL ==\nid FOO\n---^^^\n');
    expect(errorOf(() => parseSchema('a int,')).message).toMatch(/end of input/);
    expect(errorOf(() => parseSchema('a int b')).message).toMatch(/^\[PARSE_SYNTAX_ERROR\] Syntax error at or near 'b': extra input 'b'\./);
    expect(errorOf(() => parseSchema('a int b c')).message).toMatch(/^\[PARSE_SYNTAX_ERROR\] Syntax error at or near 'b'\.\(/);
    expect(errorOf(() => parseSchema('int')).errorClass).toBe('PARSE_SYNTAX_ERROR');
    const inv = errorOf(() => parseSchema('a-b int'));
    expect(inv.message).toMatch(/^\[INVALID_IDENTIFIER\] The identifier a-b is invalid\. Please, consider quoting it with back-quotes as `a-b`\./);
  });
  it('points at the right line in multi-line DDL', () => {
    const e = errorOf(() => parseSchema('a int,\n  b foo'));
    expect(e.message).toBe('[UNSUPPORTED_DATATYPE] Unsupported data type "FOO".(line 2, pos 4)\n\n== SQL ==\na int,\n  b foo\n----^^^\n');
  });
});

describe('parseTableSchema', () => {
  it('accepts only the column-list form', () => {
    expect(parseTableSchema('a int').names).toEqual(['a']);
    expect(() => parseTableSchema('struct<a:int>')).toThrow(/PARSE_SYNTAX_ERROR/);
    expect(() => parseTableSchema('a: int')).toThrow(/PARSE_SYNTAX_ERROR/);
  });
});

describe('parseTypeString', () => {
  it('follows PySpark _parse_datatype_string fallbacks', () => {
    expect(parseTypeString('int').equals(INT)).toBe(true);
    expect(parseTypeString('array<int>').equals(new ArrayType(INT))).toBe(true);
    expect(parseTypeString('a int').equals(new StructType([new StructField('a', INT)]))).toBe(true);
    expect(parseTypeString('a: int').equals(new StructType([new StructField('a', INT)]))).toBe(true);
    expect(errorOf(() => parseTypeString('a foo')).errorClass).toBe('UNSUPPORTED_DATATYPE');
  });
});

describe('toDDL', () => {
  it('prints like StructType.toDDL (quoting only when needed)', () => {
    const s = new StructType([
      new StructField('id', INT),
      new StructField('name', STRING, false),
      new StructField('my col', LONG, true, { comment: "it's" }),
      new StructField('tags', new ArrayType(STRING)),
      new StructField('m', new MapType(STRING, new DecimalType(10, 2))),
      new StructField('s', new StructType([new StructField('a', INT, false), new StructField('b c', DATE, true, { comment: 'x' })])),
      new StructField('_ok1', TIMESTAMP_NTZ),
      new StructField('1a', BYTE),
      new StructField('n', NULL),
    ]);
    expect(toDDL(s)).toBe(
      "id INT,name STRING NOT NULL,`my col` BIGINT COMMENT 'it\\'s',tags ARRAY<STRING>,m MAP<STRING, DECIMAL(10,2)>," +
        "s STRUCT<a: INT, `b c`: DATE COMMENT 'x'>,_ok1 TIMESTAMP_NTZ,`1a` TINYINT,n VOID",
    );
  });
  it('round-trips through parseSchema', () => {
    const ddl = "id INT NOT NULL,`x y` ARRAY<MAP<STRING, DOUBLE>> COMMENT 'c',s STRUCT<a: SMALLINT, b: BINARY>,f FLOAT,t TIMESTAMP";
    expect(toDDL(parseSchema(ddl))).toBe(ddl);
  });
});

describe('fromJson', () => {
  it('inverts jsonValue()', () => {
    const s = new StructType([
      new StructField('id', LONG, false),
      new StructField('tags', new ArrayType(STRING, false)),
      new StructField('m', new MapType(STRING, new DecimalType(12, 4), false), true, { comment: 'x' }),
      new StructField('n', new StructType([new StructField('d', DATE), new StructField('t', TIMESTAMP_NTZ)])),
      new StructField('b', BINARY),
      new StructField('v', NULL),
      new StructField('sh', SHORT),
      new StructField('by', BYTE),
      new StructField('f', FLOAT),
      new StructField('bo', BOOLEAN),
      new StructField('ts', TIMESTAMP),
    ]);
    const back = fromJson(s.jsonValue());
    expect(back.equals(s)).toBe(true);
    expect(StructType.fromJson(s.json()).equals(s)).toBe(true);
    expect(DataType.fromJson('integer').equals(INT)).toBe(true);
    expect(DataType.fromJson('decimal(5,2)').equals(new DecimalType(5, 2))).toBe(true);
  });
  it('defaults nullable and metadata', () => {
    const f = StructField.fromJson({ name: 'c1', type: 'string' });
    expect(f.toString()).toBe("StructField('c1', StringType(), True)");
    expect(f.metadata).toEqual({});
  });
  it('rejects unknown input with CANNOT_PARSE_DATATYPE', () => {
    const e = errorOf(() => fromJson('foo'));
    expect(PySparkValueError.isPySparkValueError(e)).toBe(true);
    expect(e.message).toBe('[CANNOT_PARSE_DATATYPE] Unable to parse datatype. Could not parse datatype: foo.');
    expect(() => StructType.fromJson('"integer"')).toThrow(/CANNOT_PARSE_DATATYPE/);
    expect(() => fromJson({ type: 'udt' })).toThrow(/CANNOT_PARSE_DATATYPE/);
  });
});

describe('parseSchema cache', () => {
  it('gives the same (immutable) schema for the same text, and keeps throwing for bad text', () => {
    const a = parseSchema('id LONG, g STRING, v DOUBLE');
    const b = parseSchema('id LONG, g STRING, v DOUBLE');
    expect(b).toBe(a);
    expect(Object.isFrozen(a.fields)).toBe(true);
    expect(a.simpleString()).toBe('struct<id:bigint,g:string,v:double>');
    for (let i = 0; i < 2; i++) expect(() => parseSchema('id LONG,, v')).toThrow();
    // Texts differing in anything (even case of names) are parsed on their own.
    expect(parseSchema('ID LONG, g STRING, v DOUBLE').fields[0]!.name).toBe('ID');
  });

  it('stays correct past its bound', () => {
    for (let i = 0; i < 600; i++) expect(parseSchema(`c${i} INT`).fields[0]!.name).toBe(`c${i}`);
    expect(parseSchema('id LONG, g STRING, v DOUBLE').fieldNames()).toEqual(['id', 'g', 'v']);
  });
});
