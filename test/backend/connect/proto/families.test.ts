import { describe, expect, it } from 'vitest';
import type { Msg } from '../../../../src/backend/connect/proto/codec.js';
import { decodeMessage, encodeMessage } from '../../../../src/backend/connect/proto/codec.js';

// Round trips use only non-default plain scalars and bigint int64s, so decode(encode(x)) equals x.
function roundTrip(type: string, value: Msg): void {
  expect(decodeMessage(type, encodeMessage(type, value))).toEqual(value);
}

const col = (name: string): Msg => ({ unresolved_attribute: { unparsed_identifier: name } });
const lit = (v: number): Msg => ({ literal: { integer: v } });
// Empty repeated fields are not written, so `arguments` is left out when there are none.
const fn = (name: string, ...args: Msg[]): Msg => ({
  unresolved_function: { function_name: name, ...(args.length > 0 ? { arguments: args } : {}) },
});
const range = (end: bigint, planId: bigint): Msg => ({ common: { plan_id: planId }, range: { start: 0n, end, step: 1n } });
const LONG_T = { long: {} };

describe('relations', () => {
  it('read, project, filter, join, set_op, sort, limit, aggregate', () => {
    const read = { common: { plan_id: 1n, source_info: 'x' }, read: { named_table: { unparsed_identifier: 'db.t', options: { a: 'b' } } } };
    const ds = { read: { data_source: { format: 'csv', schema: 'a INT', options: { header: 'true' }, paths: ['/a', '/b'], predicates: ['a > 1'] }, is_streaming: true } };
    const project = { project: { input: read, expressions: [col('a'), { unresolved_star: {} }, { unresolved_star: { unparsed_target: 't.*' } }] } };
    const filter = { filter: { input: project, condition: fn('>', col('a'), lit(1)) } };
    const join = { join: { left: filter, right: ds, join_type: 3, using_columns: ['a'], join_condition: fn('==', col('a'), col('b')), join_data_type: { is_left_struct: true } } };
    const setOp = { set_op: { left_input: join, right_input: range(3n, 2n), set_op_type: 2, is_all: true, by_name: false, allow_missing_columns: true } };
    const sort = {
      sort: {
        input: setOp,
        order: [{ child: col('a'), direction: 2, null_ordering: 2 }, { child: col('b'), direction: 1, null_ordering: 1 }],
        is_global: true,
      },
    };
    const limit = { limit: { input: sort, limit: 10 } };
    const aggregate = {
      aggregate: {
        input: limit,
        group_type: 4,
        grouping_expressions: [col('k')],
        aggregate_expressions: [{ alias: { expr: fn('sum', col('v')), name: ['s'], metadata: '{"x":1}' } }],
        pivot: { col: col('p'), values: [{ string: 'a' }, { integer: 2 }] },
      },
    };
    roundTrip('spark.connect.Relation', aggregate);
    roundTrip('spark.connect.Plan', { root: aggregate });
  });

  it('sql, local_relation, sample, offset, deduplicate, range, subquery_alias, repartition, to_df, renames', () => {
    const base = range(10n, 7n);
    const rels: Msg[] = [
      { sql: { query: 'SELECT :a, ?', args: { a: { long: 5n } }, pos_args: [{ string: 'x' }] } },
      { local_relation: { data: new Uint8Array([1, 2, 3]), schema: 'a INT' } },
      { sample: { input: base, lower_bound: 0.1, upper_bound: 0.9, with_replacement: false, seed: 42n, deterministic_order: true } },
      { offset: { input: base, offset: 3 } },
      { deduplicate: { input: base, column_names: ['a', 'b'], all_columns_as_keys: false, within_watermark: true } },
      { range: { start: -5n, end: 5n, step: 2n, num_partitions: 4 } },
      { subquery_alias: { input: base, alias: 't', qualifier: ['cat', 'db'] } },
      { repartition: { input: base, num_partitions: 8, shuffle: true } },
      { to_df: { input: base, column_names: ['x', 'y'] } },
      { with_columns_renamed: { input: base, rename_columns_map: { a: 'b', c: 'd' } } },
      { show_string: { input: base, num_rows: 20, truncate: 20, vertical: true } },
      { html_string: { input: base, num_rows: 5, truncate: 1 } },
      { drop: { input: base, columns: [col('a')], column_names: ['b'] } },
      { tail: { input: base, limit: 2 } },
      { with_columns: { input: base, aliases: [{ expr: lit(1), name: ['one'] }] } },
      { hint: { input: base, name: 'broadcast', parameters: [lit(3)] } },
      { unpivot: { input: base, ids: [col('id')], values: { values: [col('a'), col('b')] }, variable_column_name: 'var', value_column_name: 'val' } },
      { to_schema: { input: base, schema: { struct: { fields: [{ name: 'id', data_type: LONG_T, nullable: true }] } } } },
      { repartition_by_expression: { input: base, partition_exprs: [col('a')], num_partitions: 3 } },
      { collect_metrics: { input: base, name: 'm', metrics: [fn('count', lit(1))] } },
      { parse: { input: base, format: 2, schema: LONG_T, options: { mode: 'FAILFAST' } } },
      { with_watermark: { input: base, event_time: 'ts', delay_threshold: '1 minute' } },
      { cached_local_relation: { hash: 'abc' } },
      { cached_remote_relation: { relation_id: 'r1' } },
      { unknown: {} },
    ];
    for (const r of rels) roundTrip('spark.connect.Relation', { common: { plan_id: 9n }, ...r });
  });

  it('na and stat relations', () => {
    const base = range(10n, 7n);
    const rels: Msg[] = [
      { fill_na: { input: base, cols: ['a'], values: [{ double: 0.5 }] } },
      { drop_na: { input: base, cols: ['a', 'b'], min_non_nulls: 0 } },
      { replace: { input: base, cols: ['a'], replacements: [{ old_value: { integer: 1 }, new_value: { null: { integer: {} } } }] } },
      { summary: { input: base, statistics: ['count', 'mean'] } },
      { crosstab: { input: base, col1: 'a', col2: 'b' } },
      { describe: { input: base, cols: ['a'] } },
      { cov: { input: base, col1: 'a', col2: 'b' } },
      { corr: { input: base, col1: 'a', col2: 'b', method: 'pearson' } },
      { approx_quantile: { input: base, cols: ['a'], probabilities: [0.25, 0.5, 1], relative_error: 0.01 } },
      { freq_items: { input: base, cols: ['a'], support: 0.3 } },
      { sample_by: { input: base, col: col('k'), fractions: [{ stratum: { string: 'x' }, fraction: 0.5 }], seed: 1n } },
      { catalog: { list_tables: { db_name: 'default' } } },
    ];
    for (const r of rels) roundTrip('spark.connect.Relation', r);
  });
});

describe('expressions', () => {
  it('every literal kind', () => {
    const lits: Msg[] = [
      { null: { string: {} } },
      { binary: new Uint8Array([0, 255]) },
      { boolean: true },
      { byte: -3 },
      { short: 300 },
      { integer: -2147483648 },
      { long: -(2n ** 63n) },
      { float: 1.5 },
      { double: -0.1 },
      { decimal: { value: '12.50', precision: 4, scale: 2 } },
      { string: 'héllo ✓' },
      { date: 19000 },
      { timestamp: 1700000000000000n },
      { timestamp_ntz: -1n },
      { calendar_interval: { months: 1, days: 2, microseconds: 3n } },
      { year_month_interval: 13 },
      { day_time_interval: 86400000000n },
      { array: { element_type: { integer: {} }, elements: [{ integer: 1 }, { integer: 2 }] } },
      { map: { key_type: { string: {} }, value_type: LONG_T, keys: [{ string: 'a' }], values: [{ long: 1n }] } },
      {
        struct: {
          struct_type: { struct: { fields: [{ name: 'a', data_type: { integer: {} }, nullable: true }] } },
          elements: [{ integer: 1 }],
        },
      },
    ];
    for (const l of lits) roundTrip('spark.connect.Expression', { literal: l });
  });

  it('every other expression kind', () => {
    const exprs: Msg[] = [
      { unresolved_attribute: { unparsed_identifier: 'a.b', plan_id: 3n } },
      { unresolved_function: { function_name: 'count', arguments: [col('a')], is_distinct: true, is_user_defined_function: true } },
      { expression_string: { expression: 'a + 1' } },
      { unresolved_star: { unparsed_target: 'a.*' } },
      { alias: { expr: col('a'), name: ['x', 'y'] } },
      { cast: { expr: col('a'), type: { decimal: { precision: 10, scale: 2 } } } },
      { cast: { expr: col('a'), type_str: 'int' } },
      { unresolved_regex: { col_name: '`a.*`', plan_id: 1n } },
      { sort_order: { child: col('a'), direction: 1, null_ordering: 1 } },
      {
        lambda_function: {
          function: fn('+', { unresolved_named_lambda_variable: { name_parts: ['x_1'] } }, lit(1)),
          arguments: [{ name_parts: ['x_1'] }],
        },
      },
      {
        window: {
          window_function: fn('row_number'),
          partition_spec: [col('k')],
          order_spec: [{ child: col('t'), direction: 1, null_ordering: 1 }],
          frame_spec: { frame_type: 1, lower: { unbounded: true }, upper: { current_row: true } },
        },
      },
      { window: { window_function: fn('sum', col('v')), frame_spec: { frame_type: 2, lower: { value: lit(-1) }, upper: { value: lit(1) } } } },
      { unresolved_extract_value: { child: col('s'), extraction: { literal: { string: 'f' } } } },
      { update_fields: { struct_expression: col('s'), field_name: 'f', value_expression: lit(1) } },
      { update_fields: { struct_expression: col('s'), field_name: 'g' } },
      { call_function: { function_name: 'my_fn', arguments: [col('a')] } },
      {
        common_inline_user_defined_function: {
          function_name: 'f',
          deterministic: true,
          arguments: [col('a')],
          python_udf: { output_type: LONG_T, eval_type: 100, command: new Uint8Array([1]), python_ver: '3.11' },
        },
      },
    ];
    for (const e of exprs) roundTrip('spark.connect.Expression', e);
  });
});

describe('commands', () => {
  it('write_operation, create_dataframe_view, write_operation_v2, sql_command', () => {
    const input = range(3n, 1n);
    const cmds: Msg[] = [
      {
        write_operation: {
          input,
          source: 'parquet',
          path: '/tmp/x',
          mode: 2,
          sort_column_names: ['a'],
          partitioning_columns: ['p'],
          bucket_by: { bucket_column_names: ['b'], num_buckets: 4 },
          options: { compression: 'snappy' },
        },
      },
      { write_operation: { input, table: { table_name: 't', save_method: 1 }, mode: 1 } },
      { create_dataframe_view: { input, name: 'v', is_global: true, replace: true } },
      {
        write_operation_v2: {
          input,
          table_name: 'cat.db.t',
          provider: 'delta',
          partitioning_columns: [col('p')],
          options: { a: 'b' },
          table_properties: { c: 'd' },
          mode: 6,
          overwrite_condition: fn('>', col('a'), lit(0)),
        },
      },
      { sql_command: { sql: 'SELECT ?', args: { x: { boolean: false } }, pos_args: [{ double: 1.25 }] } },
    ];
    for (const c of cmds) {
      roundTrip('spark.connect.Command', c);
      roundTrip('spark.connect.Plan', { command: c });
    }
  });
});

describe('catalog', () => {
  it('every 3.5 catalog request', () => {
    const cats: Msg[] = [
      { current_database: {} },
      { set_current_database: { db_name: 'd' } },
      { list_databases: { pattern: 'a*' } },
      { list_tables: { db_name: 'd', pattern: 't*' } },
      { list_functions: { db_name: 'd', pattern: '' } },
      { list_columns: { table_name: 't', db_name: 'd' } },
      { get_database: { db_name: 'd' } },
      { get_table: { table_name: 't', db_name: 'd' } },
      { get_function: { function_name: 'f' } },
      { database_exists: { db_name: 'd' } },
      { table_exists: { table_name: 't', db_name: 'd' } },
      { function_exists: { function_name: 'f', db_name: 'd' } },
      { create_external_table: { table_name: 't', path: '/p', source: 'csv', schema: { struct: { fields: [{ name: 'a', data_type: LONG_T }] } }, options: { a: 'b' } } },
      { create_table: { table_name: 't', path: '/p', source: 'parquet', description: 'd', schema: { struct: {} }, options: {} } },
      { drop_temp_view: { view_name: 'v' } },
      { drop_global_temp_view: { view_name: 'v' } },
      { recover_partitions: { table_name: 't' } },
      { is_cached: { table_name: 't' } },
      { cache_table: { table_name: 't', storage_level: { use_disk: true, use_memory: true, replication: 1 } } },
      { uncache_table: { table_name: 't' } },
      { clear_cache: {} },
      { refresh_table: { table_name: 't' } },
      { refresh_by_path: { path: '/p' } },
      { current_catalog: {} },
      { set_current_catalog: { catalog_name: 'spark_catalog' } },
      { list_catalogs: { pattern: 's*' } },
    ];
    // An empty map is not written, so it does not come back.
    const strip = (m: Msg): Msg => JSON.parse(JSON.stringify(m, (k, v) => (k === 'options' && Object.keys(v).length === 0 ? undefined : v)));
    for (const c of cats) expect(decodeMessage('spark.connect.Catalog', encodeMessage('spark.connect.Catalog', c))).toEqual(strip(c));
  });
});

describe('base / rpc', () => {
  const plan = { root: range(3n, 1n) };
  const uc = { user_id: 'u', user_name: 'n' };

  it('ExecutePlanRequest and ExecutePlanResponse', () => {
    roundTrip('spark.connect.ExecutePlanRequest', {
      session_id: 's',
      user_context: uc,
      operation_id: 'op',
      plan,
      client_type: 'sparkless',
      request_options: [{ reattach_options: { reattachable: true } }],
      tags: ['t1', 't2'],
    });
    const responses: Msg[] = [
      { session_id: 's', operation_id: 'o', response_id: 'r', arrow_batch: { row_count: 3n, data: new Uint8Array([9, 8, 7]) } },
      { session_id: 's', sql_command_result: { relation: { local_relation: { data: new Uint8Array([1]) } } } },
      { session_id: 's', result_complete: {} },
      { session_id: 's', schema: { struct: { fields: [{ name: 'id', data_type: LONG_T }] } } },
      {
        metrics: {
          metrics: [{ name: 'Range', plan_id: 5n, parent: 4n, execution_metrics: { rows: { name: 'number of output rows', value: 3n, metric_type: 'sum' } } }],
        },
        observed_metrics: [{ name: 'm', values: [{ long: 3n }] }],
      },
    ];
    for (const r of responses) roundTrip('spark.connect.ExecutePlanResponse', r);
  });

  it('AnalyzePlanRequest sub-requests and AnalyzePlanResponse results', () => {
    const rel = range(3n, 1n);
    const requests: Msg[] = [
      { schema: { plan } },
      { explain: { plan, explain_mode: 5 } },
      { tree_string: { plan, level: 0 } },
      { is_local: { plan } },
      { is_streaming: { plan } },
      { input_files: { plan } },
      { spark_version: {} },
      { ddl_parse: { ddl_string: 'a INT' } },
      { same_semantics: { target_plan: plan, other_plan: plan } },
      { semantic_hash: { plan } },
      { persist: { relation: rel, storage_level: { use_memory: true, deserialized: true, replication: 2 } } },
      { unpersist: { relation: rel, blocking: false } },
      { get_storage_level: { relation: rel } },
    ];
    for (const r of requests) roundTrip('spark.connect.AnalyzePlanRequest', { session_id: 's', user_context: uc, client_type: 'c', ...r });
    const results: Msg[] = [
      { schema: { schema: { struct: { fields: [{ name: 'a', data_type: { integer: {} }, nullable: true }] } } } },
      { explain: { explain_string: '== Physical Plan ==' } },
      { tree_string: { tree_string: 'root' } },
      { is_local: { is_local: true } },
      { is_streaming: { is_streaming: true } },
      { input_files: { files: ['a', 'b'] } },
      { spark_version: { version: '3.5.7' } },
      { ddl_parse: { parsed: LONG_T } },
      { same_semantics: { result: true } },
      { semantic_hash: { result: -12345 } },
      { persist: {} },
      { unpersist: {} },
      { get_storage_level: { storage_level: { use_off_heap: true, replication: 1 } } },
    ];
    for (const r of results) roundTrip('spark.connect.AnalyzePlanResponse', { session_id: 's', ...r });
  });

  it('ConfigRequest operations and ConfigResponse', () => {
    const ops: Msg[] = [
      { set: { pairs: [{ key: 'a', value: '1' }] } },
      { get: { keys: ['a', 'b'] } },
      { get_with_default: { pairs: [{ key: 'a', value: 'd' }, { key: 'b' }] } },
      { get_option: { keys: ['a'] } },
      { get_all: { prefix: 'spark.sql.' } },
      { get_all: {} },
      { unset: { keys: ['a'] } },
      { is_modifiable: { keys: ['a'] } },
    ];
    for (const operation of ops) roundTrip('spark.connect.ConfigRequest', { session_id: 's', user_context: uc, operation, client_type: 'c' });
    roundTrip('spark.connect.ConfigResponse', { session_id: 's', pairs: [{ key: 'a', value: '1' }, { key: 'b' }], warnings: ['w'] });
  });

  it('Interrupt, reattach, release', () => {
    roundTrip('spark.connect.InterruptRequest', { session_id: 's', user_context: uc, interrupt_type: 2, operation_tag: 't' });
    roundTrip('spark.connect.InterruptRequest', { session_id: 's', interrupt_type: 3, operation_id: '' });
    roundTrip('spark.connect.InterruptResponse', { session_id: 's', interrupted_ids: ['a', 'b'] });
    roundTrip('spark.connect.ReattachExecuteRequest', { session_id: 's', operation_id: 'o', last_response_id: 'r' });
    roundTrip('spark.connect.ReleaseExecuteRequest', { session_id: 's', operation_id: 'o', release_all: {} });
    roundTrip('spark.connect.ReleaseExecuteRequest', { session_id: 's', operation_id: 'o', release_until: { response_id: 'r' } });
    roundTrip('spark.connect.ReleaseExecuteResponse', { session_id: 's', operation_id: 'o' });
  });

  it('google.rpc.Status with an ErrorInfo detail', () => {
    const info = { reason: 'org.apache.spark.sql.AnalysisException', domain: 'org.apache.spark', metadata: { classes: '["x"]', errorClass: 'E' } };
    const status = {
      code: 3,
      message: '[E] boom',
      details: [{ type_url: 'type.googleapis.com/google.rpc.ErrorInfo', value: encodeMessage('google.rpc.ErrorInfo', info) }],
    };
    const decoded = decodeMessage('google.rpc.Status', encodeMessage('google.rpc.Status', status));
    expect(decoded).toEqual(status);
    const detail = (decoded['details'] as Msg[])[0]!;
    expect(decodeMessage('google.rpc.ErrorInfo', detail['value'] as Uint8Array)).toEqual(info);
  });
});
