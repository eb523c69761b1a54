import { describe, expect, it } from 'vitest';
import { escapeMetaCharacters, formatShow, stringHalfWidth, truncateCell } from '../../src/format/show.js';
import { rowsToBatch } from '../../src/types/values.js';
import { parseSchema } from '../../src/types/ddl.js';
import { emptyBatch } from '../../src/data/batch.js';
import { StructType } from '../../src/types/data-types.js';

const people = rowsToBatch([[1, 'a'], [2, null]], parseSchema('id BIGINT, name STRING'));

describe('formatShow', () => {
  it('prints a table with right-aligned cells and NULL', () => {
    expect(formatShow(people)).toBe(
      ['+---+----+', '| id|name|', '+---+----+', '|  1|   a|', '|  2|NULL|', '+---+----+', ''].join('\n'),
    );
  });

  it('left-aligns when truncate is false or 0', () => {
    const expected = ['+---+----+', '|id |name|', '+---+----+', '|1  |a   |', '|2  |NULL|', '+---+----+', ''].join('\n');
    expect(formatShow(people, { truncate: false })).toBe(expected);
    expect(formatShow(people, { truncate: 0 })).toBe(expected);
  });

  it('truncates long cells to 20 characters by default but never the header', () => {
    const b = rowsToBatch([['abcdefghijklmnopqrstuvwxyz']], parseSchema('a_really_long_column_name_here STRING'));
    expect(formatShow(b)).toBe(
      [
        '+------------------------------+',
        '|a_really_long_column_name_here|',
        '+------------------------------+',
        '|          abcdefghijklmnopq...|',
        '+------------------------------+',
        '',
      ].join('\n'),
    );
    expect(formatShow(b, { truncate: 5 }).split('\n')[3]).toBe('|                         ab...|');
    expect(formatShow(b, { truncate: 3 }).split('\n')[3]).toBe('|                           abc|');
    expect(formatShow(b, { truncate: false }).split('\n')[3]).toBe('|abcdefghijklmnopqrstuvwxyz    |');
  });

  it('adds the footer when more rows exist', () => {
    const b = rowsToBatch([[1], [2], [3]], parseSchema('x INT'));
    expect(formatShow(b, { numRows: 2 })).toBe(['+---+', '|  x|', '+---+', '|  1|', '|  2|', '+---+', 'only showing top 2 rows', ''].join('\n'));
    expect(formatShow(b, { numRows: 1 }).endsWith('+---+\nonly showing top 1 row\n')).toBe(true);
    expect(formatShow(b, { numRows: 3 }).includes('only showing')).toBe(false);
    expect(formatShow(b, { numRows: 3, hasMoreRows: true }).endsWith('only showing top 3 rows\n')).toBe(true);
    expect(formatShow(b, { numRows: 0 })).toBe(['+---+', '|  x|', '+---+', '+---+', 'only showing top 0 rows', ''].join('\n'));
  });

  it('prints the header of an empty DataFrame', () => {
    expect(formatShow(emptyBatch(parseSchema('id INT, name STRING')))).toBe(
      ['+---+----+', '| id|name|', '+---+----+', '+---+----+', ''].join('\n'),
    );
    expect(formatShow(emptyBatch(new StructType([])))).toBe('++\n||\n++\n++\n');
  });

  it('vertical format', () => {
    expect(formatShow(people, { vertical: true })).toBe(
      ['-RECORD 0----', ' id   | 1    ', ' name | a    ', '-RECORD 1----', ' id   | 2    ', ' name | NULL ', ''].join('\n'),
    );
    expect(formatShow(emptyBatch(parseSchema('a INT')), { vertical: true })).toBe('(0 rows)\n');
    const b = rowsToBatch([[1], [2]], parseSchema('x INT'));
    expect(formatShow(b, { vertical: true, numRows: 1 })).toBe('-RECORD 0--\n x   | 1   \nonly showing top 1 row\n');
  });

  it('renders nested values, decimals, doubles, dates and timestamps like show()', () => {
    const schema = parseSchema('a ARRAY<INT>, m MAP<STRING,INT>, s STRUCT<x: INT, y: STRING>, d DECIMAL(5,2), f DOUBLE, dt DATE, ts TIMESTAMP, b BINARY');
    const b = rowsToBatch(
      [[[1, null], { k: null }, [1, null], '1.5', 1e10, '2024-01-15', '2024-01-15 10:30:00.5', new Uint8Array([1, 10])]],
      schema,
    );
    expect(formatShow(b)).toBe(
      [
        '+---------+-----------+---------+----+------+----------+--------------------+-------+',
        '|        a|          m|        s|   d|     f|        dt|                  ts|      b|',
        '+---------+-----------+---------+----+------+----------+--------------------+-------+',
        '|[1, NULL]|{k -> NULL}|{1, NULL}|1.50|1.0E10|2024-01-15|2024-01-15 10:30:...|[01 0A]|',
        '+---------+-----------+---------+----+------+----------+--------------------+-------+',
        '',
      ].join('\n'),
    );
  });

  it('uses the session time zone', () => {
    const b = rowsToBatch([['2024-01-15T10:30:00Z']], parseSchema('ts TIMESTAMP'));
    expect(formatShow(b, { timeZone: 'America/New_York', truncate: false }).split('\n')[3]).toBe('|2024-01-15 05:30:00|');
  });

  it('escapes meta characters in names and cells', () => {
    const b = rowsToBatch([['a\nb\tc']], parseSchema('`x\ny` STRING'));
    expect(formatShow(b)).toBe(['+-------+', '|   x\\ny|', '+-------+', '|a\\nb\\tc|', '+-------+', ''].join('\n'));
    expect(escapeMetaCharacters('\r\f\b\v\x07')).toBe('\\r\\f\\b\\v\\a');
  });

  it('pads by display width for full-width characters', () => {
    const b = rowsToBatch([['中文'], ['abc']], parseSchema('name STRING'));
    expect(formatShow(b)).toBe(['+----+', '|name|', '+----+', '|中文|', '| abc|', '+----+', ''].join('\n'));
    expect(stringHalfWidth('中文a')).toBe(5);
    expect(stringHalfWidth('ｈｉ')).toBe(4);
  });

  it('truncateCell', () => {
    expect(truncateCell('abcdef', 4)).toBe('a...');
    expect(truncateCell('abcdef', 2)).toBe('ab');
    expect(truncateCell('abcdef', 0)).toBe('abcdef');
    expect(truncateCell('abcdef', -1)).toBe('abcdef');
  });
});
