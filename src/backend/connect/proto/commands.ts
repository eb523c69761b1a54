/**
 * spark/connect/commands.proto (Spark 3.5): Command and the batch write/view/SQL
 * commands. The streaming commands (fields 6, 7, 9) are not described: sparkless
 * has no streaming API, and their results are skipped as unknown fields.
 */
import { EMPTY, MAP, ONE, OPT, REP } from './schema.js';
import type { MessageTable } from './schema.js';

const P = 'spark.connect';
const R = `${P}.Relation`;
const E = `${P}.Expression`;
const L = `${E}.Literal`;
const WO = `${P}.WriteOperation`;

export const COMMAND_MESSAGES: MessageTable = {
  [`${P}.Command`]: {
    register_function: [1, `${P}.CommonInlineUserDefinedFunction`],
    write_operation: [2, WO],
    create_dataframe_view: [3, `${P}.CreateDataFrameViewCommand`],
    write_operation_v2: [4, `${P}.WriteOperationV2`],
    sql_command: [5, `${P}.SqlCommand`],
    get_resources_command: [8, `${P}.GetResourcesCommand`],
    register_table_function: [10, `${P}.CommonInlineUserDefinedTableFunction`],
    extension: [999, 'google.protobuf.Any'],
  },
  [`${P}.SqlCommand`]: { sql: [1, 'string'], args: [2, L, MAP], pos_args: [3, L, REP] },
  [`${P}.CreateDataFrameViewCommand`]: {
    input: [1, R],
    name: [2, 'string'],
    is_global: [3, 'bool'],
    replace: [4, 'bool'],
  },
  // mode: SaveMode 0 UNSPECIFIED, 1 APPEND, 2 OVERWRITE, 3 ERROR_IF_EXISTS, 4 IGNORE.
  [WO]: {
    input: [1, R],
    source: [2, 'string', OPT],
    path: [3, 'string', ONE],
    table: [4, `${WO}.SaveTable`],
    mode: [5, 'enum'],
    sort_column_names: [6, 'string', REP],
    partitioning_columns: [7, 'string', REP],
    bucket_by: [8, `${WO}.BucketBy`],
    options: [9, 'string', MAP],
  },
  // save_method: 0 UNSPECIFIED, 1 SAVE_AS_TABLE, 2 INSERT_INTO.
  [`${WO}.SaveTable`]: { table_name: [1, 'string'], save_method: [2, 'enum'] },
  [`${WO}.BucketBy`]: { bucket_column_names: [1, 'string', REP], num_buckets: [2, 'int32'] },
  // mode: 0 UNSPECIFIED, 1 CREATE, 2 OVERWRITE, 3 OVERWRITE_PARTITIONS, 4 APPEND, 5 REPLACE, 6 CREATE_OR_REPLACE.
  [`${P}.WriteOperationV2`]: {
    input: [1, R],
    table_name: [2, 'string'],
    provider: [3, 'string', OPT],
    partitioning_columns: [4, E, REP],
    options: [5, 'string', MAP],
    table_properties: [6, 'string', MAP],
    mode: [7, 'enum'],
    overwrite_condition: [8, E],
  },
  [`${P}.GetResourcesCommand`]: EMPTY,
  [`${P}.GetResourcesCommandResult`]: { resources: [1, `${P}.ResourceInformation`, MAP] },
  [`${P}.ResourceInformation`]: { name: [1, 'string'], addresses: [2, 'string', REP] },
};
