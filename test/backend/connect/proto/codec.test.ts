import { describe, expect, it } from 'vitest';
import { decodeMessage, encodeMessage, isMessageType, TABLE } from '../../../../src/backend/connect/proto/codec.js';

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');
const bytes = (h: string): Uint8Array => new Uint8Array(Buffer.from(h.replace(/\s+/g, ''), 'hex'));

describe('Spark Connect codec: golden bytes (computed by hand from the wire format)', () => {
  it('Relation{common{plan_id:1}, range{start:0,end:3,step:1}}', () => {
    const rel = { common: { plan_id: 1 }, range: { start: 0, end: 3, step: 1 } };
    // common = field 1 (0a), len 2: plan_id field 2 varint (10 01).
    // range = field 15 LEN (7a), len 6: start 08 00 (optional, so 0 is written), end 10 03, step 18 01.
    expect(hex(encodeMessage('spark.connect.Relation', rel))).toBe('0a021001' + '7a06' + '0800' + '1003' + '1801');
    expect(decodeMessage('spark.connect.Relation', bytes('0a0210017a06080010031801'))).toEqual({
      common: { plan_id: 1n },
      range: { start: 0n, end: 3n, step: 1n },
    });
  });

  it('oneof scalars are written even when default', () => {
    // integer = field 6 varint; boolean = field 3; string = field 13 LEN.
    expect(hex(encodeMessage('spark.connect.Expression.Literal', { integer: 0 }))).toBe('3000');
    expect(hex(encodeMessage('spark.connect.Expression.Literal', { boolean: false }))).toBe('1800');
    expect(hex(encodeMessage('spark.connect.Expression.Literal', { string: '' }))).toBe('6a00');
    expect(decodeMessage('spark.connect.Expression.Literal', bytes('3000'))).toEqual({ integer: 0 });
  });

  it('negative int64 and int32 use ten-byte two’s-complement varints', () => {
    expect(hex(encodeMessage('spark.connect.Expression.Literal', { long: -1n }))).toBe('38ffffffffffffffffff01');
    expect(hex(encodeMessage('spark.connect.Expression.Literal', { integer: -1 }))).toBe('30ffffffffffffffffff01');
    expect(decodeMessage('spark.connect.Expression.Literal', bytes('38ffffffffffffffffff01'))).toEqual({ long: -1n });
  });

  it('map<string, Literal> entries are {key = 1, value = 2} messages', () => {
    const sql = { query: 'q', args: { a: { integer: 1 } } };
    expect(hex(encodeMessage('spark.connect.SQL', sql))).toBe('0a0171' + '1207' + '0a0161' + '12023001');
    expect(decodeMessage('spark.connect.SQL', bytes('0a01711207' + '0a016112023001'))).toEqual(sql);
  });

  it('repeated doubles are packed; unpacked input decodes too', () => {
    const m = { probabilities: [0.5] };
    expect(hex(encodeMessage('spark.connect.StatApproxQuantile', m))).toBe('1a08' + '000000000000e03f');
    // The same value unpacked: field 3, wire type 1 (19).
    expect(decodeMessage('spark.connect.StatApproxQuantile', bytes('19000000000000e03f'))).toEqual(m);
  });

  it('empty messages are written when set (DataType{string{}})', () => {
    expect(hex(encodeMessage('spark.connect.DataType', { string: {} }))).toBe('5a00');
    expect(decodeMessage('spark.connect.DataType', bytes('5a00'))).toEqual({ string: {} });
  });

  it('repeated strings and nested repeated messages', () => {
    const m = { session_id: 's', pairs: [{ key: 'k', value: '' }], warnings: ['w1', 'w2'] };
    // pairs: field 2 LEN, {key 0a 01 6b, value 12 00 (optional: written though empty)}.
    expect(hex(encodeMessage('spark.connect.ConfigResponse', m))).toBe('0a0173' + '1205' + '0a016b1200' + '1a027731' + '1a027732');
    expect(decodeMessage('spark.connect.ConfigResponse', encodeMessage('spark.connect.ConfigResponse', m))).toEqual(m);
  });
});

describe('Spark Connect codec: presence rules', () => {
  it('plain proto3 scalars equal to their default are skipped', () => {
    const m = { input: undefined, num_rows: 0, truncate: 0, vertical: false };
    expect(encodeMessage('spark.connect.ShowString', m)).toHaveLength(0);
    expect(encodeMessage('spark.connect.ExecutePlanResponse', { session_id: '', operation_id: '' })).toHaveLength(0);
    expect(encodeMessage('spark.connect.ExecutePlanResponse.ArrowBatch', { row_count: 0n, data: new Uint8Array(0) })).toHaveLength(0);
  });

  it('proto3 optional scalars are written when set, even to a default', () => {
    expect(hex(encodeMessage('spark.connect.SetOperation', { is_all: false, by_name: false }))).toBe('2000' + '2800');
    expect(hex(encodeMessage('spark.connect.RelationCommon', { plan_id: 0 }))).toBe('1000');
    expect(hex(encodeMessage('spark.connect.LocalRelation', { data: new Uint8Array(0) }))).toBe('0a00');
    expect(decodeMessage('spark.connect.SetOperation', bytes('20002800'))).toEqual({ is_all: false, by_name: false });
  });

  it('undefined, null and empty repeated fields are not written', () => {
    expect(encodeMessage('spark.connect.Project', { input: undefined, expressions: [] })).toHaveLength(0);
    expect(encodeMessage('spark.connect.Read.DataSource', { format: null, options: {}, paths: [] })).toHaveLength(0);
  });

  it('decoding leaves absent fields absent (no defaults filled in)', () => {
    const m = decodeMessage('spark.connect.ShowString', bytes('1014'));
    expect(m).toEqual({ num_rows: 20 });
    expect('truncate' in m).toBe(false);
  });
});

describe('Spark Connect codec: unknown fields and errors', () => {
  it('skips unknown fields of every wire type on decode', () => {
    // Range{end: 3} with unknown field 9 of each wire type around it.
    const unknown =
      '4805' + // 9 varint
      '490102030405060708' + // 9 fixed64
      '4a03616263' + // 9 length-delimited
      '4d01020304' + // 9 fixed32
      '4b' + '0801' + '4c'; // 9 start group { 1: 1 } end group
    expect(decodeMessage('spark.connect.Range', bytes(unknown + '1003' + unknown))).toEqual({ end: 3n });
  });

  it('skips unknown nested messages (e.g. a streaming result in ExecutePlanResponse)', () => {
    // field 8 (write_stream_operation_start_result) is not described; field 1 session_id follows.
    expect(decodeMessage('spark.connect.ExecutePlanResponse', bytes('4203' + '0a0178' + '0a0173'))).toEqual({ session_id: 's' });
  });

  it('throws on an unknown field name, naming it', () => {
    expect(() => encodeMessage('spark.connect.Range', { ends: 3 })).toThrow(/spark\.connect\.Range has no field 'ends'/);
    expect(() => encodeMessage('spark.connect.Relation', { range: { end: 3, stpe: 1 } })).toThrow(/has no field 'stpe'/);
  });

  it('throws on an unknown message type', () => {
    expect(() => encodeMessage('spark.connect.Nope', {})).toThrow(/unknown message type/);
    expect(isMessageType('spark.connect.Relation')).toBe(true);
    expect(isMessageType('toString')).toBe(false);
  });

  it('throws on values of the wrong shape', () => {
    expect(() => encodeMessage('spark.connect.Range', { end: '3' })).toThrow(/Range\.end/);
    expect(() => encodeMessage('spark.connect.Range', { end: 1.5 })).toThrow(/Range\.end/);
    expect(() => encodeMessage('spark.connect.Limit', { limit: 10n })).toThrow(/Limit\.limit/);
    expect(() => encodeMessage('spark.connect.ToDF', { column_names: 'a' })).toThrow(/must be an array/);
    expect(() => encodeMessage('spark.connect.Filter', { condition: [] })).toThrow(/must be an object/);
    expect(() => encodeMessage('spark.connect.Read.NamedTable', { options: new Map() })).toThrow(/plain object/);
  });

  it('throws on a known field with the wrong wire type', () => {
    // Range.end (field 2) sent as length-delimited.
    expect(() => decodeMessage('spark.connect.Range', bytes('120101'))).toThrow(/wire type/);
  });

  it('accepts int64 as number or bigint and decodes bigint, including beyond 2^53', () => {
    const big = 2n ** 62n + 7n;
    expect(decodeMessage('spark.connect.Range', encodeMessage('spark.connect.Range', { end: big, step: 2 }))).toEqual({ end: big, step: 2n });
  });
});

describe('Spark Connect message tables', () => {
  const messages = Object.entries(TABLE);

  it('describe every family', () => {
    for (const name of [
      'spark.connect.Plan',
      'spark.connect.Relation',
      'spark.connect.Expression',
      'spark.connect.Command',
      'spark.connect.Catalog',
      'spark.connect.DataType',
      'google.rpc.Status',
      'google.rpc.ErrorInfo',
    ]) {
      expect(isMessageType(name), name).toBe(true);
    }
  });

  it('have unique, valid field numbers and resolvable message types', () => {
    for (const [name, spec] of messages) {
      const numbers = Object.values(spec).map(([no]) => no);
      expect(new Set(numbers).size, name).toBe(numbers.length);
      for (const [field, [no, type, flag]] of Object.entries(spec)) {
        expect(Number.isInteger(no) && no >= 1 && no < 2 ** 29 && (no < 19000 || no > 19999), `${name}.${field}`).toBe(true);
        if (type.includes('.')) {
          expect(isMessageType(type), `${name}.${field} → ${type}`).toBe(true);
          expect(flag === 'optional' || flag === 'oneof', `${name}.${field}: presence flags are for scalars`).toBe(false);
        }
      }
    }
  });
});
