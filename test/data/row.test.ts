import { describe, expect, it } from 'vitest';
import { Row, row } from '../../src/data/row.js';
import { PySparkValueError } from '../../src/errors/index.js';

describe('Row', () => {
  it('exposes fields as properties, by index and by name', () => {
    const r = new Row([1, 'a'], ['id', 'name']);
    expect(r.id).toBe(1);
    expect(r['name']).toBe('a');
    expect(r.get(0)).toBe(1);
    expect(r.get(-1)).toBe('a');
    expect(r.get('name')).toBe('a');
    expect(r.length).toBe(2);
    expect(r.fields).toEqual(['id', 'name']);
    expect(r.toArray()).toEqual([1, 'a']);
    expect([...r]).toEqual([1, 'a']);
    expect(Object.keys(r)).toEqual(['id', 'name']);
  });

  it('is read-only', () => {
    const r = row({ a: 1 });
    expect(() => {
      (r as Record<string, unknown>).a = 2;
    }).toThrow(TypeError);
    expect(r.a).toBe(1);
  });

  it('compares with toEqual against plain objects and other rows', () => {
    const r = row({ id: 1, name: 'a', nested: row({ x: [1, 2] }) });
    expect(r).toEqual({ id: 1, name: 'a', nested: { x: [1, 2] } });
    expect(r).toEqual(row({ id: 1, name: 'a', nested: row({ x: [1, 2] }) }));
    expect(r).not.toEqual({ id: 2, name: 'a', nested: { x: [1, 2] } });
    expect(r).not.toEqual({ id: 1, name: 'a' });
    expect([row({ a: 1 }), row({ a: 2 })]).toEqual([{ a: 1 }, { a: 2 }]);
    expect(row({ a: 1 })).not.toEqual(row({ a: 2 }));
  });

  it('keeps Row members when a field has the same name', () => {
    const r = new Row([3, 'x'], ['length', 'get']);
    expect(r.length).toBe(2);
    expect(r.get('length')).toBe(3);
    expect(r.get('get')).toBe('x');
    expect(r.asDict()).toEqual({ length: 3, get: 'x' });
    const c = new Row([1], ['constructor']);
    expect(c.get('constructor')).toBe(1);
    expect(Row.isRow(c)).toBe(true);
  });

  it('handles duplicate names like PySpark (first wins for access, last for asDict)', () => {
    const r = new Row([1, 2], ['a', 'a']);
    expect(r.a).toBe(1);
    expect(r.get('a')).toBe(1);
    expect(r.asDict()).toEqual({ a: 2 });
    expect(r.fields).toEqual(['a', 'a']);
    // Positional access still sees the shadowed field.
    expect(r.get(1)).toBe(2);
    expect(r.get(-1)).toBe(2);
    expect(r.toArray()).toEqual([1, 2]);
    expect([...r]).toEqual([1, 2]);
    expect(r.toString()).toBe('Row(a=1, a=2)');
  });

  it('keeps its values when the array it was built from changes', () => {
    const values = [1, 'x'];
    const r = new Row(values, ['id', 'name']);
    values[0] = 99;
    values.push('extra');
    expect(r.toArray()).toEqual([1, 'x']);
    expect(r.get(0)).toBe(1);
    expect(r.length).toBe(2);
    const unnamed = new Row([5, 6]);
    expect(unnamed.fields).toEqual(['_1', '_2']);
    expect(unnamed.get(1)).toBe(6);
    expect(unnamed.toArray()).toEqual([5, 6]);
  });

  it('asDict, recursive asDict and toJSON', () => {
    const inner = row({ name: 'a', age: 2 });
    const r = row({ key: 1, value: inner, list: [inner], map: new Map([['k', inner]]) });
    expect(r.asDict().value).toBe(inner);
    const deep = r.asDict(true);
    expect(Row.isRow(deep.value)).toBe(false);
    expect(deep.value).toEqual({ name: 'a', age: 2 });
    expect(deep.list).toEqual([{ name: 'a', age: 2 }]);
    expect((deep.map as Map<string, unknown>).get('k')).toEqual({ name: 'a', age: 2 });
    expect(JSON.stringify(row({ a: 1, b: row({ c: null }) }))).toBe('{"a":1,"b":{"c":null}}');
    const proto = new Row([1], ['__proto__']).asDict();
    expect(Object.keys(proto)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(proto)).toBe(Object.prototype);
  });

  it('constructors and markers', () => {
    expect(Row.fromEntries([['b', 1], ['a', 2]]).fields).toEqual(['b', 'a']);
    expect(new Row([1, 2]).fields).toEqual(['_1', '_2']);
    expect(Row.isRow(row({}))).toBe(true);
    expect(Row.isRow({ a: 1 })).toBe(false);
    expect(Row.isRow(null)).toBe(false);
    expect((row({}) as unknown as Record<symbol, unknown>)[Symbol.for('sparkless.row')]).toBe(true);
    expect(() => new Row([1], ['a', 'b'])).toThrow(/LENGTH_SHOULD_BE_THE_SAME/);
  });

  it('throws on unknown names and indexes', () => {
    const r = row({ a: 1 });
    expect(() => r.get('b')).toThrow(PySparkValueError);
    expect(() => r.get(1)).toThrow(PySparkValueError);
  });

  it('prints like PySpark', () => {
    expect(row({ name: 'Alice', age: 11, ok: true, n: null }).toString()).toBe("Row(name='Alice', age=11, ok=True, n=None)");
    expect(row({ a: row({ b: [1, 2] }) }).toString()).toBe('Row(a=Row(b=[1, 2]))');
    expect(String(row({}))).toBe('Row()');
  });
});
