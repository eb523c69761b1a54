/**
 * SQL `UNPIVOT`: each input row becomes one row per IN-list entry, holding
 * the columns not unpivoted, the entry's name and its value(s). Built from
 * existing plan nodes as Spark's Expand would produce it, row by row:
 * `explode(array(struct(name, v1, ...), ...))`, then the struct's fields.
 */
import { AnalysisException } from '../errors/index.js';
import { E, type Expr } from '../expr/nodes.js';
import { sqlTypeName } from '../functions/define.js';
import { plan, type LogicalPlan } from '../plan/nodes.js';
import { findTightestCommonType } from '../types/coercion.js';
import { STRING, StructType, type DataType } from '../types/data-types.js';
import type { RelationAst } from './ast.js';

type UnpivotAst = Extract<RelationAst, { kind: 'unpivot' }>;

const lastPart = (name: string): string => name.split('.').pop()!.replace(/`/g, '');
const quoted = (name: string): string => '`' + name.replace(/`/g, '``') + '`';
const refTo = (name: string): Expr => E.col(name.split('.').map((p) => quoted(p.replace(/`/g, ''))).join('.'));

/** The unpivoted plan; `schemaOf` analyzes `input` (and checks the IN-list names). */
export function unpivotPlan(input: LogicalPlan, u: UnpivotAst, schemaOf: (p: LogicalPlan) => StructType): LogicalPlan {
  const width = u.valueColumns.length;
  for (const c of u.columns) {
    if (c.names.length !== width) {
      throw new AnalysisException(
        `All unpivot value columns must have the same size as there are value column names (${width}).`,
        { errorClass: 'UNPIVOT_VALUE_SIZE_MISMATCH', messageParameters: { names: String(width) } },
      );
    }
  }
  const allNames = u.columns.flatMap((c) => c.names);
  const types = schemaOf(plan('Project', { input, exprs: allNames.map(refTo) })).fields.map((f) => f.dataType);
  const valueTypes = Array.from({ length: width }, (_, j) => commonValueType(u.columns.map((c, i) => ({ name: c.names[j]!, type: types[i * width + j]! }))));

  const unpivoted = new Set(allNames.map((n) => lastPart(n).toLowerCase()));
  const ids = schemaOf(input).fields.filter((f) => !unpivoted.has(f.name.toLowerCase()));
  const entries = u.columns.map((c) => {
    const label = c.alias ?? c.names.map(lastPart).join('_');
    const values = c.names.map((n, j) => E.alias(E.cast(refTo(n), valueTypes[j]!), `v${j}`));
    return E.call('struct', [E.alias(E.lit(label, STRING), 'n'), ...values]);
  });
  const exploded = plan('Project', {
    input,
    exprs: [...ids.map((f) => refTo(f.name)), E.alias(E.call('explode', [E.call('array', entries)]), '__unpivot')],
  });
  const entry = E.col('__unpivot');
  let out: LogicalPlan = plan('Project', {
    input: exploded,
    exprs: [
      ...ids.map((f) => refTo(f.name)),
      E.alias(E.call('get_field', [entry], { options: { field: 'n' } }), u.nameColumn),
      ...u.valueColumns.map((v, j) => E.alias(E.call('get_field', [entry], { options: { field: `v${j}` } }), v)),
    ],
  });
  if (!u.includeNulls) {
    // EXCLUDE NULLS (the default) drops entries whose values are all null.
    const present = u.valueColumns.map((v) => E.call('is_not_null', [refTo(v)]));
    out = plan('Filter', { input: out, condition: present.reduce((a, b) => E.call('or', [a, b])) });
  }
  return out;
}

/** The least common type of one value position across the IN list, or Spark's UNPIVOT_VALUE_DATA_TYPE_MISMATCH. */
function commonValueType(cols: readonly { name: string; type: DataType }[]): DataType {
  let t: DataType | undefined = cols[0]!.type;
  for (const c of cols.slice(1)) t = t && findTightestCommonType(t, c.type);
  if (!t) {
    const types = cols.map((c) => `${sqlTypeName(c.type)} (${quoted(lastPart(c.name))})`).join(', ');
    throw new AnalysisException(`Unpivot value columns must share a least common type, some types do not: [${types}].`, {
      errorClass: 'UNPIVOT_VALUE_DATA_TYPE_MISMATCH',
      messageParameters: { types },
    });
  }
  return t;
}
