import { expect, it } from 'vitest';
import { forEachBackend } from '../helpers/backends.js';

forEachBackend('show()', (session) => {
  it('right-aligns cells, prints NULL for nulls and truncates at 20 characters', () => {
    const df = session().createDataFrame(
      [
        { id: 1, note: 'short', score: 1.5 },
        { id: 22, note: 'a note that is definitely longer than twenty characters', score: null },
      ],
      'id INT, note STRING, score DOUBLE',
    );
    expect(df.showString()).toBe(
      [
        '+---+--------------------+-----+',
        '| id|                note|score|',
        '+---+--------------------+-----+',
        '|  1|               short|  1.5|',
        '| 22|a note that is de...| NULL|',
        '+---+--------------------+-----+',
        '',
      ].join('\n'),
    );
  });

  it('left-aligns and keeps full values when truncate is false', () => {
    const df = session().createDataFrame([{ s: 'a value longer than twenty chars' }, { s: 'x' }], 's STRING');
    expect(df.showString(20, false)).toBe(
      [
        '+--------------------------------+',
        '|s                               |',
        '+--------------------------------+',
        '|a value longer than twenty chars|',
        '|x                               |',
        '+--------------------------------+',
        '',
      ].join('\n'),
    );
  });

  it('says how many rows it shows when there are more', () => {
    const df = session().range(5);
    expect(df.showString(2)).toBe(['+---+', '| id|', '+---+', '|  0|', '|  1|', '+---+', 'only showing top 2 rows', ''].join('\n'));
  });

  it('prints an empty frame as its header', () => {
    const df = session().createDataFrame([], 'a INT, b STRING');
    expect(df.showString()).toBe(['+---+---+', '|  a|  b|', '+---+---+', '+---+---+', ''].join('\n'));
  });

  it('renders nested values, booleans and doubles as Spark does', () => {
    const df = session().createDataFrame(
      [{ arr: [1, null, 3], m: new Map([['k', 1]]), flag: true, d: 1e10 }],
      'arr ARRAY<INT>, m MAP<STRING, INT>, flag BOOLEAN, d DOUBLE',
    );
    expect(df.showString()).toBe(
      [
        '+------------+--------+----+------+',
        '|         arr|       m|flag|     d|',
        '+------------+--------+----+------+',
        '|[1, NULL, 3]|{k -> 1}|true|1.0E10|',
        '+------------+--------+----+------+',
        '',
      ].join('\n'),
    );
  });

  it('prints vertically with one block per row', () => {
    const df = session().createDataFrame([{ a: 1, b: 'x' }, { a: 2, b: null }], 'a INT, b STRING');
    expect(df.showString(20, true, true)).toBe(
      // Spark pads names and values to at least 3 characters (minimumColWidth).
      ['-RECORD 0---', ' a   | 1    ', ' b   | x    ', '-RECORD 1---', ' a   | 2    ', ' b   | NULL ', ''].join('\n'),
    );
  });
});
