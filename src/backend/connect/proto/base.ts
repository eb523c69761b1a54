/**
 * spark/connect/base.proto and common.proto (Spark 3.5): the RPC requests and
 * responses, plus the google.rpc messages that carry error details in the
 * `grpc-status-details-bin` trailer. Artifact upload and the streaming results
 * of ExecutePlanResponse are not described (skipped as unknown fields).
 */
import { EMPTY, MAP, ONE, OPT, REP } from './schema.js';
import type { MessageSpec, MessageTable } from './schema.js';

const P = 'spark.connect';
const A = `${P}.AnalyzePlanRequest`;
const AR = `${P}.AnalyzePlanResponse`;
const X = `${P}.ExecutePlanResponse`;
const C = `${P}.ConfigRequest`;
const PLAN = `${P}.Plan`;
const REL = `${P}.Relation`;
const DT = `${P}.DataType`;
const UC = `${P}.UserContext`;

const PLAN_ONLY: MessageSpec = { plan: [1, PLAN] };
const KEYS: MessageSpec = { keys: [1, 'string', REP] };
const PAIRS: MessageSpec = { pairs: [1, `${P}.KeyValue`, REP] };

export const BASE_MESSAGES: MessageTable = {
  [PLAN]: { root: [1, REL], command: [2, `${P}.Command`] },
  [UC]: { user_id: [1, 'string'], user_name: [2, 'string'], extensions: [999, 'google.protobuf.Any', REP] },
  [`${P}.StorageLevel`]: {
    use_disk: [1, 'bool'],
    use_memory: [2, 'bool'],
    use_off_heap: [3, 'bool'],
    deserialized: [4, 'bool'],
    replication: [5, 'int32'],
  },

  // ---- AnalyzePlan ----
  [A]: {
    session_id: [1, 'string'],
    user_context: [2, UC],
    client_type: [3, 'string', OPT],
    schema: [4, `${A}.Schema`],
    explain: [5, `${A}.Explain`],
    tree_string: [6, `${A}.TreeString`],
    is_local: [7, `${A}.IsLocal`],
    is_streaming: [8, `${A}.IsStreaming`],
    input_files: [9, `${A}.InputFiles`],
    spark_version: [10, `${A}.SparkVersion`],
    ddl_parse: [11, `${A}.DDLParse`],
    same_semantics: [12, `${A}.SameSemantics`],
    semantic_hash: [13, `${A}.SemanticHash`],
    persist: [14, `${A}.Persist`],
    unpersist: [15, `${A}.Unpersist`],
    get_storage_level: [16, `${A}.GetStorageLevel`],
  },
  [`${A}.Schema`]: PLAN_ONLY,
  // explain_mode: 0 UNSPECIFIED, 1 SIMPLE, 2 EXTENDED, 3 CODEGEN, 4 COST, 5 FORMATTED.
  [`${A}.Explain`]: { plan: [1, PLAN], explain_mode: [2, 'enum'] },
  [`${A}.TreeString`]: { plan: [1, PLAN], level: [2, 'int32', OPT] },
  [`${A}.IsLocal`]: PLAN_ONLY,
  [`${A}.IsStreaming`]: PLAN_ONLY,
  [`${A}.InputFiles`]: PLAN_ONLY,
  [`${A}.SparkVersion`]: EMPTY,
  [`${A}.DDLParse`]: { ddl_string: [1, 'string'] },
  [`${A}.SameSemantics`]: { target_plan: [1, PLAN], other_plan: [2, PLAN] },
  [`${A}.SemanticHash`]: PLAN_ONLY,
  [`${A}.Persist`]: { relation: [1, REL], storage_level: [2, `${P}.StorageLevel`] },
  [`${A}.Unpersist`]: { relation: [1, REL], blocking: [2, 'bool', OPT] },
  [`${A}.GetStorageLevel`]: { relation: [1, REL] },
  [AR]: {
    session_id: [1, 'string'],
    schema: [2, `${AR}.Schema`],
    explain: [3, `${AR}.Explain`],
    tree_string: [4, `${AR}.TreeString`],
    is_local: [5, `${AR}.IsLocal`],
    is_streaming: [6, `${AR}.IsStreaming`],
    input_files: [7, `${AR}.InputFiles`],
    spark_version: [8, `${AR}.SparkVersion`],
    ddl_parse: [9, `${AR}.DDLParse`],
    same_semantics: [10, `${AR}.SameSemantics`],
    semantic_hash: [11, `${AR}.SemanticHash`],
    persist: [12, `${AR}.Persist`],
    unpersist: [13, `${AR}.Unpersist`],
    get_storage_level: [14, `${AR}.GetStorageLevel`],
  },
  [`${AR}.Schema`]: { schema: [1, DT] },
  [`${AR}.Explain`]: { explain_string: [1, 'string'] },
  [`${AR}.TreeString`]: { tree_string: [1, 'string'] },
  [`${AR}.IsLocal`]: { is_local: [1, 'bool'] },
  [`${AR}.IsStreaming`]: { is_streaming: [1, 'bool'] },
  [`${AR}.InputFiles`]: { files: [1, 'string', REP] },
  [`${AR}.SparkVersion`]: { version: [1, 'string'] },
  [`${AR}.DDLParse`]: { parsed: [1, DT] },
  [`${AR}.SameSemantics`]: { result: [1, 'bool'] },
  [`${AR}.SemanticHash`]: { result: [1, 'int32'] },
  [`${AR}.Persist`]: EMPTY,
  [`${AR}.Unpersist`]: EMPTY,
  [`${AR}.GetStorageLevel`]: { storage_level: [1, `${P}.StorageLevel`] },

  // ---- ExecutePlan, reattach and release ----
  [`${P}.ExecutePlanRequest`]: {
    session_id: [1, 'string'],
    user_context: [2, UC],
    plan: [3, PLAN],
    client_type: [4, 'string', OPT],
    request_options: [5, `${P}.ExecutePlanRequest.RequestOption`, REP],
    operation_id: [6, 'string', OPT],
    tags: [7, 'string', REP],
  },
  [`${P}.ExecutePlanRequest.RequestOption`]: {
    reattach_options: [1, `${P}.ReattachOptions`],
    extension: [999, 'google.protobuf.Any'],
  },
  [`${P}.ReattachOptions`]: { reattachable: [1, 'bool'] },
  [X]: {
    session_id: [1, 'string'],
    arrow_batch: [2, `${X}.ArrowBatch`],
    metrics: [4, `${X}.Metrics`],
    sql_command_result: [5, `${X}.SqlCommandResult`],
    observed_metrics: [6, `${X}.ObservedMetrics`, REP],
    schema: [7, DT],
    get_resources_command_result: [10, `${P}.GetResourcesCommandResult`],
    operation_id: [12, 'string'],
    response_id: [13, 'string'],
    result_complete: [14, `${X}.ResultComplete`],
    extension: [999, 'google.protobuf.Any'],
  },
  [`${X}.ArrowBatch`]: { row_count: [1, 'int64'], data: [2, 'bytes'] },
  [`${X}.SqlCommandResult`]: { relation: [1, REL] },
  [`${X}.Metrics`]: { metrics: [1, `${X}.Metrics.MetricObject`, REP] },
  [`${X}.Metrics.MetricObject`]: {
    name: [1, 'string'],
    plan_id: [2, 'int64'],
    parent: [3, 'int64'],
    execution_metrics: [4, `${X}.Metrics.MetricValue`, MAP],
  },
  [`${X}.Metrics.MetricValue`]: { name: [1, 'string'], value: [2, 'int64'], metric_type: [3, 'string'] },
  [`${X}.ObservedMetrics`]: { name: [1, 'string'], values: [2, `${P}.Expression.Literal`, REP] },
  [`${X}.ResultComplete`]: EMPTY,
  [`${P}.ReattachExecuteRequest`]: {
    session_id: [1, 'string'],
    user_context: [2, UC],
    operation_id: [3, 'string'],
    client_type: [4, 'string', OPT],
    last_response_id: [5, 'string', OPT],
  },
  [`${P}.ReleaseExecuteRequest`]: {
    session_id: [1, 'string'],
    user_context: [2, UC],
    operation_id: [3, 'string'],
    client_type: [4, 'string', OPT],
    release_all: [5, `${P}.ReleaseExecuteRequest.ReleaseAll`],
    release_until: [6, `${P}.ReleaseExecuteRequest.ReleaseUntil`],
  },
  [`${P}.ReleaseExecuteRequest.ReleaseAll`]: EMPTY,
  [`${P}.ReleaseExecuteRequest.ReleaseUntil`]: { response_id: [1, 'string'] },
  [`${P}.ReleaseExecuteResponse`]: { session_id: [1, 'string'], operation_id: [2, 'string', OPT] },

  // ---- Config ----
  [`${P}.KeyValue`]: { key: [1, 'string'], value: [2, 'string', OPT] },
  [C]: {
    session_id: [1, 'string'],
    user_context: [2, UC],
    operation: [3, `${C}.Operation`],
    client_type: [4, 'string', OPT],
  },
  [`${C}.Operation`]: {
    set: [1, `${C}.Set`],
    get: [2, `${C}.Get`],
    get_with_default: [3, `${C}.GetWithDefault`],
    get_option: [4, `${C}.GetOption`],
    get_all: [5, `${C}.GetAll`],
    unset: [6, `${C}.Unset`],
    is_modifiable: [7, `${C}.IsModifiable`],
  },
  [`${C}.Set`]: PAIRS,
  [`${C}.Get`]: KEYS,
  [`${C}.GetWithDefault`]: PAIRS,
  [`${C}.GetOption`]: KEYS,
  [`${C}.GetAll`]: { prefix: [1, 'string', OPT] },
  [`${C}.Unset`]: KEYS,
  [`${C}.IsModifiable`]: KEYS,
  [`${P}.ConfigResponse`]: {
    session_id: [1, 'string'],
    pairs: [2, `${P}.KeyValue`, REP],
    warnings: [3, 'string', REP],
  },

  // ---- Interrupt ----
  // interrupt_type: 0 UNSPECIFIED, 1 ALL, 2 TAG, 3 OPERATION_ID.
  [`${P}.InterruptRequest`]: {
    session_id: [1, 'string'],
    user_context: [2, UC],
    client_type: [3, 'string', OPT],
    interrupt_type: [4, 'enum'],
    operation_tag: [5, 'string', ONE],
    operation_id: [6, 'string', ONE],
  },
  [`${P}.InterruptResponse`]: { session_id: [1, 'string'], interrupted_ids: [2, 'string', REP] },

  // ---- google.rpc error details ----
  'google.protobuf.Any': { type_url: [1, 'string'], value: [2, 'bytes'] },
  'google.rpc.Status': { code: [1, 'int32'], message: [2, 'string'], details: [3, 'google.protobuf.Any', REP] },
  'google.rpc.ErrorInfo': { reason: [1, 'string'], domain: [2, 'string'], metadata: [3, 'string', MAP] },
};
