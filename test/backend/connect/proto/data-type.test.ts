import { describe, expect, it } from 'vitest';
import { fromProtoDataType, fromProtoSchema, toProtoDataType } from '../../../../src/backend/connect/data-type.js';
import type { Msg } from '../../../../src/backend/connect/proto/codec.js';
import { decodeMessage, encodeMessage } from '../../../../src/backend/connect/proto/codec.js';
import { NotImplementedException, SparklessError } from '../../../../src/errors/index.js';
import {
  CalendarIntervalType,
  DayTimeIntervalType,
  YearMonthIntervalType,
  ArrayType,
  BINARY,
  BOOLEAN,
  BYTE,
  DATE,
  DOUBLE,
  DataType,
  DecimalType,
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
} from '../../../../src/types/data-types.js';

const T = 'spark.connect.DataType';

// Through the wire as well, as a server response would arrive.
function viaWire(t: DataType): DataType {
  return fromProtoDataType(decodeMessage(T, encodeMessage(T, toProtoDataType(t))));
}

const nested = new StructType([
  new StructField('id', LONG, false),
  new StructField('name', STRING, true, { comment: 'the name' }),
  new StructField('tags', new ArrayType(STRING, false)),
  new StructField('scores', new MapType(STRING, new DecimalType(12, 3), false)),
  new StructField('inner', new StructType([new StructField('x', DOUBLE), new StructField('when', TIMESTAMP_NTZ, false)])),
  new StructField('deep', new ArrayType(new MapType(INT, new ArrayType(BINARY)))),
]);

describe('Spark Connect DataType conversion', () => {
  it.each([NULL, STRING, BINARY, BOOLEAN, BYTE, SHORT, INT, LONG, FLOAT, DOUBLE, DATE, TIMESTAMP, TIMESTAMP_NTZ])('round-trips %s', (t) => {
    expect(viaWire(t).equals(t)).toBe(true);
  });

  it('round-trips decimals, arrays, maps and structs (nullability and metadata included)', () => {
    for (const t of [new DecimalType(), new DecimalType(38, 18), new DecimalType(5, 0), new ArrayType(INT), new MapType(STRING, LONG), nested]) {
      const back = viaWire(t);
      expect(back.json(), t.simpleString()).toBe(t.json());
    }
    expect(fromProtoSchema(decodeMessage(T, encodeMessage(T, toProtoDataType(nested)))).fields[1]!.metadata).toEqual({ comment: 'the name' });
  });

  it('produces the message shapes Spark expects', () => {
    expect(toProtoDataType(LONG)).toEqual({ long: {} });
    expect(toProtoDataType(new DecimalType(10, 2))).toEqual({ decimal: { precision: 10, scale: 2 } });
    expect(toProtoDataType(new StructType([new StructField('a', INT, false)]))).toEqual({
      struct: { fields: [{ name: 'a', data_type: { integer: {} }, nullable: false, metadata: undefined }] },
    });
    // DataType{long{}} = field 7 (3a), empty.
    expect(Buffer.from(encodeMessage(T, toProtoDataType(LONG))).toString('hex')).toBe('3a00');
  });

  it('reads what the server sends: absent bools are false, decimal defaults, char/varchar as string', () => {
    expect(fromProtoDataType({ array: { element_type: { integer: {} } } })).toEqual(new ArrayType(INT, false));
    expect(fromProtoDataType({ decimal: {} }).equals(new DecimalType(10, 0))).toBe(true);
    expect(fromProtoDataType({ decimal: { precision: 7 } }).equals(new DecimalType(7, 0))).toBe(true);
    expect(fromProtoDataType({ char: { length: 3 } })).toBe(STRING);
    expect(fromProtoDataType({ var_char: { length: 3 } })).toBe(STRING);
    expect(fromProtoDataType({ unparsed: { data_type_string: 'array<int>' } }).equals(new ArrayType(INT))).toBe(true);
    const s = fromProtoSchema({ struct: { fields: [{ name: 'a', data_type: { long: { type_variation_reference: 0 } } }] } });
    expect(s.fields[0]!.nullable).toBe(false);
    expect(fromProtoSchema({ struct: {} }).fields).toHaveLength(0);
  });

  it('reads interval types with their fields (unset fields are Spark defaults)', () => {
    expect(fromProtoDataType({ day_time_interval: { start_field: 1, end_field: 2 } })).toEqual(new DayTimeIntervalType(1, 2));
    expect(fromProtoDataType({ year_month_interval: {} })).toEqual(new YearMonthIntervalType(0, 1));
    expect(fromProtoDataType({ calendar_interval: {} })).toEqual(new CalendarIntervalType());
    expect(fromProtoDataType(toProtoDataType(new DayTimeIntervalType(0, 0)))).toEqual(new DayTimeIntervalType(0, 0));
  });

  it('throws a typed error naming a type sparkless lacks', () => {
    const cases: [Msg, RegExp][] = [
      [{ udt: { type: 'udt', jvm_class: 'org.apache.spark.ml.linalg.VectorUDT' } }, /VectorUDT/],
    ];
    for (const [m, msg] of cases) {
      let err: unknown;
      try {
        fromProtoDataType(m);
      } catch (e) {
        err = e;
      }
      expect(NotImplementedException.isNotImplementedException(err)).toBe(true);
      expect((err as Error).message).toMatch(msg);
    }
  });

  it('rejects an unknown DataType subclass and non-struct schemas with typed errors', () => {
    class WeirdType extends DataType {
      typeName(): string {
        return 'weird';
      }
    }
    expect(() => toProtoDataType(new WeirdType())).toThrow(/'weird'/);
    expect(() => fromProtoSchema({ long: {} })).toThrow(/expected a struct/);
    expect(() => fromProtoDataType({})).toThrow(SparklessError);
  });
});
