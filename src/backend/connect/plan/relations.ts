/**
 * Unresolved logical plans → Spark Connect `Relation` messages, one relation
 * per DataFrame method, as PySpark builds them. Every relation carries the
 * plan node's id as `common.plan_id`, which is what `df.col()` bindings
 * (`unresolved_attribute.plan_id`) point at.
 */
import { InternalError } from '../../../errors/index.js';
import { E, type Expr } from '../../../expr/nodes.js';
import type { LogicalPlan, PlanOfKind } from '../../../plan/nodes.js';
import type { Msg } from '../proto/codec.js';
import { localRelationMessage } from './local-relation.js';
import { expressionMessage, sortOrderMessage } from './expressions.js';
import { valueLiteralMessage } from './literals.js';

const JOIN_TYPES = { inner: 1, full: 2, left: 3, right: 4, left_anti: 5, left_semi: 6, cross: 7 } as const;
const SET_OPS = { intersect: 1, union: 2, except: 3 } as const;
const GROUP_TYPES = { groupby: 1, rollup: 2, cube: 3, pivot: 4 } as const;

const exprs = (list: readonly Expr[]): Msg[] => list.map(expressionMessage);

export function relationMessage(p: LogicalPlan): Msg {
  if (p.kind === 'RemoteRelation') {
    // Spark's own relation (from spark.sql or a reader), re-tagged with our node id for df.col() bindings.
    return { ...p.relation, common: { ...((p.relation['common'] as Msg | undefined) ?? {}), plan_id: p.id } };
  }
  const [field, body] = relationBody(p);
  return { common: { plan_id: p.id }, [field]: body };
}

function relationBody(p: LogicalPlan): [string, Msg] {
  switch (p.kind) {
    case 'LocalRelation':
      return ['local_relation', localRelationMessage(p.data)];
    case 'Range':
      return ['range', { start: p.start, end: p.end, step: p.step, ...(p.numPartitions !== undefined ? { num_partitions: p.numPartitions } : {}) }];
    case 'TableScan':
      return ['read', { named_table: { unparsed_identifier: p.database ? `${p.database}.${p.table}` : p.table } }];
    case 'Project':
      return ['project', { input: relationMessage(p.input), expressions: exprs(p.exprs) }];
    case 'Filter':
      return ['filter', { input: relationMessage(p.input), condition: expressionMessage(p.condition) }];
    case 'Aggregate':
      return ['aggregate', aggregateBody(p)];
    case 'Pivot':
      return [
        'aggregate',
        {
          input: relationMessage(p.input),
          group_type: GROUP_TYPES.pivot,
          grouping_expressions: exprs(p.groupBy),
          aggregate_expressions: exprs(p.aggs),
          pivot: { col: expressionMessage(p.pivotColumn), values: (p.values ?? []).map(valueLiteralMessage) },
        },
      ];
    case 'Sort':
      return ['sort', { input: relationMessage(p.input), order: p.orders.map(sortOrderMessage), is_global: p.global !== false }];
    case 'Limit':
      return ['limit', { input: relationMessage(p.input), limit: p.n }];
    case 'Offset':
      return ['offset', { input: relationMessage(p.input), offset: p.n }];
    case 'Join':
      return [
        'join',
        {
          left: relationMessage(p.left),
          right: relationMessage(p.right),
          join_type: JOIN_TYPES[p.joinType],
          ...(p.condition ? { join_condition: expressionMessage(p.condition) } : {}),
          ...(p.using ? { using_columns: [...p.using] } : {}),
        },
      ];
    case 'SetOperation':
      return [
        'set_op',
        {
          left_input: relationMessage(p.left),
          right_input: relationMessage(p.right),
          set_op_type: SET_OPS[p.op],
          is_all: p.all,
          ...(p.byName ? { by_name: true, allow_missing_columns: p.allowMissingColumns === true } : {}),
        },
      ];
    case 'Deduplicate':
      return [
        'deduplicate',
        { input: relationMessage(p.input), ...(p.subset ? { column_names: [...p.subset] } : { all_columns_as_keys: true }) },
      ];
    case 'Sample':
      return [
        'sample',
        { input: relationMessage(p.input), lower_bound: 0, upper_bound: p.fraction, with_replacement: p.withReplacement, seed: p.seed },
      ];
    case 'SubqueryAlias':
      return ['subquery_alias', { input: relationMessage(p.input), alias: p.alias }];
    case 'Hint':
      return [
        'hint',
        { input: relationMessage(p.input), name: p.name, parameters: p.parameters.map((v) => ({ literal: valueLiteralMessage(v) })) },
      ];
    case 'Repartition':
      if (p.partitionExprs.length > 0) {
        // Range partitioning is asked for with sort orders (ascending unless given), as PySpark sends it.
        const partitionExprs = p.byRange
          ? p.partitionExprs.map((e) => ({ sort_order: sortOrderMessage(e.kind === 'SortOrder' ? e : E.sort(e)) }))
          : exprs(p.partitionExprs);
        return [
          'repartition_by_expression',
          { input: relationMessage(p.input), partition_exprs: partitionExprs, ...(p.numPartitions !== undefined ? { num_partitions: p.numPartitions } : {}) },
        ];
      }
      return ['repartition', { input: relationMessage(p.input), num_partitions: p.numPartitions ?? 1, shuffle: p.shuffle }];
    case 'WithColumns':
      return [
        'with_columns',
        { input: relationMessage(p.input), aliases: p.names.map((name, i) => ({ expr: expressionMessage(p.exprs[i]!), name: [name] })) },
      ];
    case 'WithColumnsRenamed':
      return ['with_columns_renamed', { input: relationMessage(p.input), rename_columns_map: Object.fromEntries(p.renames) }];
    case 'Drop':
      return ['drop', { input: relationMessage(p.input), columns: exprs(p.columns), column_names: [...p.columnNames] }];
    case 'ToDF':
      return ['to_df', { input: relationMessage(p.input), column_names: [...p.names] }];
    case 'Window':
    case 'Generate':
    case 'RemoteRelation':
    // Resolved-only: a connect session sends its skew repartitions as Repartition (optimizer/remote-repartition.ts).
    case 'AdaptiveRepartition':
      throw new InternalError(`a ${p.kind} node reached the Spark Connect plan converter`);
  }
}

function aggregateBody(p: PlanOfKind<'Aggregate'>): Msg {
  // GroupedData records how rollup/cube were asked for (a one-key cube has a rollup's sets).
  if (p.groupingSets !== undefined && p.groupingKind === undefined) {
    throw new InternalError('an Aggregate with grouping sets but no rollup/cube kind reached the Spark Connect converter');
  }
  return {
    input: relationMessage(p.input),
    group_type: p.groupingKind === undefined ? GROUP_TYPES.groupby : GROUP_TYPES[p.groupingKind],
    grouping_expressions: exprs(p.groupBy),
    aggregate_expressions: exprs(p.aggs),
  };
}
