/**
 * The joins of DataFrame (join, crossJoin): two plans combined into one Join
 * node, with the join keys or condition as PySpark takes them.
 */
import { requireDataFrame } from './require-dataframe.js';
import { PySparkTypeError } from '../../errors/index.js';
import { E } from '../../expr/nodes.js';
import { plan } from '../../plan/nodes.js';
import { normalizeJoinType } from '../../analyzer/analyzer.js';
import { Column, typeName } from '../column.js';
import type { DataFrame } from '../dataframe.js';

export function join(df: DataFrame, other: DataFrame, on: string | readonly string[] | Column | readonly Column[] | undefined, how: string): DataFrame {
  requireDataFrame('other', other);
  const joinType = normalizeJoinType(how);
  const base = { left: df.plan, right: other.plan, joinType };
  // `on=None` is a join without a condition, as in PySpark.
  if (on === undefined || on === null || (Array.isArray(on) && on.length === 0)) return df.withPlan(plan('Join', base));
  if (typeof on === 'string') return df.withPlan(plan('Join', { ...base, using: [on] }));
  if (Column.isColumn(on)) return df.withPlan(plan('Join', { ...base, condition: on.expr }));
  if (!Array.isArray(on)) {
    throw new PySparkTypeError(`Argument \`on\` should be a Column, list or str, got ${typeName(on)}.`, {
      errorClass: 'NOT_COLUMN_OR_LIST_OR_STR',
      messageParameters: { arg_name: 'on', arg_type: typeName(on) },
    });
  }
  const list = on as readonly (string | Column)[];
  if (list.every((x) => typeof x === 'string')) return df.withPlan(plan('Join', { ...base, using: list as string[] }));
  if (list.every((x) => Column.isColumn(x))) {
    const condition = (list as Column[]).map((c) => c.expr).reduce((a, b) => E.call('and', [a, b]));
    return df.withPlan(plan('Join', { ...base, condition }));
  }
  throw new PySparkTypeError('Argument `on` should be a Column, str or a list of either, not a mix.', { errorClass: 'NOT_COLUMN_OR_STR' });
}

export function crossJoin(df: DataFrame, other: DataFrame): DataFrame {
  requireDataFrame('other', other);
  return df.withPlan(plan('Join', { left: df.plan, right: other.plan, joinType: 'cross' }));
}
