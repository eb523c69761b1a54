/** spark/connect/expressions.proto (Spark 3.5): Expression and the inline UDF messages. */
import { ONE, OPT, REP } from './schema.js';
import type { MessageTable } from './schema.js';

const E = 'spark.connect.Expression';
const L = `${E}.Literal`;
const DT = 'spark.connect.DataType';
const W = `${E}.Window`;
const WF = `${W}.WindowFrame`;

export const EXPRESSION_MESSAGES: MessageTable = {
  [E]: {
    literal: [1, L],
    unresolved_attribute: [2, `${E}.UnresolvedAttribute`],
    unresolved_function: [3, `${E}.UnresolvedFunction`],
    expression_string: [4, `${E}.ExpressionString`],
    unresolved_star: [5, `${E}.UnresolvedStar`],
    alias: [6, `${E}.Alias`],
    cast: [7, `${E}.Cast`],
    unresolved_regex: [8, `${E}.UnresolvedRegex`],
    sort_order: [9, `${E}.SortOrder`],
    lambda_function: [10, `${E}.LambdaFunction`],
    window: [11, W],
    unresolved_extract_value: [12, `${E}.UnresolvedExtractValue`],
    update_fields: [13, `${E}.UpdateFields`],
    unresolved_named_lambda_variable: [14, `${E}.UnresolvedNamedLambdaVariable`],
    common_inline_user_defined_function: [15, 'spark.connect.CommonInlineUserDefinedFunction'],
    call_function: [16, 'spark.connect.CallFunction'],
    extension: [999, 'google.protobuf.Any'],
  },
  [W]: {
    window_function: [1, E],
    partition_spec: [2, E, REP],
    order_spec: [3, `${E}.SortOrder`, REP],
    frame_spec: [4, WF],
  },
  // frame_type: FrameType enum (0 UNDEFINED, 1 ROW, 2 RANGE).
  [WF]: { frame_type: [1, 'enum'], lower: [2, `${WF}.FrameBoundary`], upper: [3, `${WF}.FrameBoundary`] },
  [`${WF}.FrameBoundary`]: { current_row: [1, 'bool', ONE], unbounded: [2, 'bool', ONE], value: [3, E] },
  // direction: 0 UNSPECIFIED, 1 ASCENDING, 2 DESCENDING; null_ordering: 0 UNSPECIFIED, 1 NULLS_FIRST, 2 NULLS_LAST.
  [`${E}.SortOrder`]: { child: [1, E], direction: [2, 'enum'], null_ordering: [3, 'enum'] },
  [`${E}.Cast`]: { expr: [1, E], type: [2, DT], type_str: [3, 'string', ONE] },
  [L]: {
    null: [1, DT],
    binary: [2, 'bytes', ONE],
    boolean: [3, 'bool', ONE],
    byte: [4, 'int32', ONE],
    short: [5, 'int32', ONE],
    integer: [6, 'int32', ONE],
    long: [7, 'int64', ONE],
    float: [10, 'float', ONE],
    double: [11, 'double', ONE],
    decimal: [12, `${L}.Decimal`],
    string: [13, 'string', ONE],
    date: [16, 'int32', ONE],
    timestamp: [17, 'int64', ONE],
    timestamp_ntz: [18, 'int64', ONE],
    calendar_interval: [19, `${L}.CalendarInterval`],
    year_month_interval: [20, 'int32', ONE],
    day_time_interval: [21, 'int64', ONE],
    array: [22, `${L}.Array`],
    map: [23, `${L}.Map`],
    struct: [24, `${L}.Struct`],
  },
  [`${L}.Decimal`]: { value: [1, 'string'], precision: [2, 'int32', OPT], scale: [3, 'int32', OPT] },
  [`${L}.CalendarInterval`]: { months: [1, 'int32'], days: [2, 'int32'], microseconds: [3, 'int64'] },
  [`${L}.Array`]: { element_type: [1, DT], elements: [2, L, REP] },
  [`${L}.Map`]: { key_type: [1, DT], value_type: [2, DT], keys: [3, L, REP], values: [4, L, REP] },
  [`${L}.Struct`]: { struct_type: [1, DT], elements: [2, L, REP] },
  [`${E}.UnresolvedAttribute`]: { unparsed_identifier: [1, 'string'], plan_id: [2, 'int64', OPT] },
  [`${E}.UnresolvedFunction`]: {
    function_name: [1, 'string'],
    arguments: [2, E, REP],
    is_distinct: [3, 'bool'],
    is_user_defined_function: [4, 'bool'],
  },
  [`${E}.ExpressionString`]: { expression: [1, 'string'] },
  [`${E}.UnresolvedStar`]: { unparsed_target: [1, 'string', OPT] },
  [`${E}.UnresolvedRegex`]: { col_name: [1, 'string'], plan_id: [2, 'int64', OPT] },
  [`${E}.UnresolvedExtractValue`]: { child: [1, E], extraction: [2, E] },
  [`${E}.UpdateFields`]: { struct_expression: [1, E], field_name: [2, 'string'], value_expression: [3, E] },
  [`${E}.Alias`]: { expr: [1, E], name: [2, 'string', REP], metadata: [3, 'string', OPT] },
  [`${E}.LambdaFunction`]: { function: [1, E], arguments: [2, `${E}.UnresolvedNamedLambdaVariable`, REP] },
  [`${E}.UnresolvedNamedLambdaVariable`]: { name_parts: [1, 'string', REP] },
  'spark.connect.CommonInlineUserDefinedFunction': {
    function_name: [1, 'string'],
    deterministic: [2, 'bool'],
    arguments: [3, E, REP],
    python_udf: [4, 'spark.connect.PythonUDF'],
    scalar_scala_udf: [5, 'spark.connect.ScalarScalaUDF'],
    java_udf: [6, 'spark.connect.JavaUDF'],
  },
  'spark.connect.PythonUDF': {
    output_type: [1, DT],
    eval_type: [2, 'int32'],
    command: [3, 'bytes'],
    python_ver: [4, 'string'],
  },
  // The proto spells these two fields in camelCase.
  'spark.connect.ScalarScalaUDF': {
    payload: [1, 'bytes'],
    inputTypes: [2, DT, REP],
    outputType: [3, DT],
    nullable: [4, 'bool'],
  },
  'spark.connect.JavaUDF': { class_name: [1, 'string'], output_type: [2, DT], aggregate: [3, 'bool'] },
  'spark.connect.CallFunction': { function_name: [1, 'string'], arguments: [2, E, REP] },
};
