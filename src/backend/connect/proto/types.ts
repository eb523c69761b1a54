/** spark/connect/types.proto (Spark 3.5): DataType. */
import { OPT, REP } from './schema.js';
import type { MessageSpec, MessageTable } from './schema.js';

const T = 'spark.connect.DataType';

// Most kinds carry only a type_variation_reference at field 1.
const SIMPLE: MessageSpec = { type_variation_reference: [1, 'uint32'] };

const INTERVAL: MessageSpec = {
  start_field: [1, 'int32', OPT],
  end_field: [2, 'int32', OPT],
  type_variation_reference: [3, 'uint32'],
};

const CHAR: MessageSpec = { length: [1, 'int32'], type_variation_reference: [2, 'uint32'] };

export const TYPE_MESSAGES: MessageTable = {
  [T]: {
    null: [1, `${T}.NULL`],
    binary: [2, `${T}.Binary`],
    boolean: [3, `${T}.Boolean`],
    byte: [4, `${T}.Byte`],
    short: [5, `${T}.Short`],
    integer: [6, `${T}.Integer`],
    long: [7, `${T}.Long`],
    float: [8, `${T}.Float`],
    double: [9, `${T}.Double`],
    decimal: [10, `${T}.Decimal`],
    string: [11, `${T}.String`],
    char: [12, `${T}.Char`],
    var_char: [13, `${T}.VarChar`],
    date: [14, `${T}.Date`],
    timestamp: [15, `${T}.Timestamp`],
    timestamp_ntz: [16, `${T}.TimestampNTZ`],
    calendar_interval: [17, `${T}.CalendarInterval`],
    year_month_interval: [18, `${T}.YearMonthInterval`],
    day_time_interval: [19, `${T}.DayTimeInterval`],
    array: [20, `${T}.Array`],
    struct: [21, `${T}.Struct`],
    map: [22, `${T}.Map`],
    udt: [23, `${T}.UDT`],
    unparsed: [24, `${T}.Unparsed`],
  },
  [`${T}.NULL`]: SIMPLE,
  [`${T}.Binary`]: SIMPLE,
  [`${T}.Boolean`]: SIMPLE,
  [`${T}.Byte`]: SIMPLE,
  [`${T}.Short`]: SIMPLE,
  [`${T}.Integer`]: SIMPLE,
  [`${T}.Long`]: SIMPLE,
  [`${T}.Float`]: SIMPLE,
  [`${T}.Double`]: SIMPLE,
  [`${T}.String`]: SIMPLE,
  [`${T}.Date`]: SIMPLE,
  [`${T}.Timestamp`]: SIMPLE,
  [`${T}.TimestampNTZ`]: SIMPLE,
  [`${T}.CalendarInterval`]: SIMPLE,
  [`${T}.YearMonthInterval`]: INTERVAL,
  [`${T}.DayTimeInterval`]: INTERVAL,
  [`${T}.Char`]: CHAR,
  [`${T}.VarChar`]: CHAR,
  [`${T}.Decimal`]: {
    scale: [1, 'int32', OPT],
    precision: [2, 'int32', OPT],
    type_variation_reference: [3, 'uint32'],
  },
  [`${T}.StructField`]: {
    name: [1, 'string'],
    data_type: [2, T],
    nullable: [3, 'bool'],
    metadata: [4, 'string', OPT],
  },
  [`${T}.Struct`]: { fields: [1, `${T}.StructField`, REP], type_variation_reference: [2, 'uint32'] },
  [`${T}.Array`]: {
    element_type: [1, T],
    contains_null: [2, 'bool'],
    type_variation_reference: [3, 'uint32'],
  },
  [`${T}.Map`]: {
    key_type: [1, T],
    value_type: [2, T],
    value_contains_null: [3, 'bool'],
    type_variation_reference: [4, 'uint32'],
  },
  [`${T}.UDT`]: {
    type: [1, 'string'],
    jvm_class: [2, 'string', OPT],
    python_class: [3, 'string', OPT],
    serialized_python_class: [4, 'string', OPT],
    sql_type: [5, T],
  },
  [`${T}.Unparsed`]: { data_type_string: [1, 'string'] },
};
