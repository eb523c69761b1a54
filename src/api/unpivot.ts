/**
 * `df.unpivot(ids, values, variableColumnName, valueColumnName)` and its
 * alias `melt`: one output row per input row and value column, with the
 * value column's name and its value cast to the values' least common type
 * (nulls kept), as Spark's Unpivot. Built from select/explode, so it also
 * runs on Spark Connect.
 */
import { AnalysisException } from '../errors/index.js';
import { E } from '../expr/nodes.js';
import { findWiderCommonTypeOf } from '../types/coercion.js';
import { StringType } from '../types/data-types.js';
import { Column, toColumnExpr, type ColumnOrName } from './column.js';
import { literalExpr } from './literals.js';
import type { DataFrame } from './dataframe.js';

export type ColumnList = ColumnOrName | readonly ColumnOrName[];

const list = (x: ColumnList | null | undefined): ColumnOrName[] | undefined =>
  x === undefined || x === null ? undefined : Array.isArray(x) ? [...(x as readonly ColumnOrName[])] : [x as ColumnOrName];

const quotedCol = (name: string): Column => new Column(E.col(name, undefined, true));

export function unpivot(df: DataFrame, ids: ColumnList, values: ColumnList | null | undefined, variableColumnName: string, valueColumnName: string): DataFrame {
  const idCols = list(ids) ?? [];
  const idNames = idCols.length > 0 ? df.select(...idCols).columns : [];
  let valueCols = list(values);
  if (valueCols === undefined) {
    const taken = new Set(idNames.map((n) => n.toLowerCase()));
    valueCols = df.columns.filter((c) => !taken.has(c.toLowerCase())).map(quotedCol);
  }
  if (valueCols.length === 0) {
    throw new AnalysisException('At least one value column needs to be specified for UNPIVOT, all columns specified as ids.', {
      errorClass: 'UNPIVOT_REQUIRES_VALUE_COLUMNS',
    });
  }
  const valueFields = df.select(...valueCols).schema.fields;
  const common = findWiderCommonTypeOf(valueFields.map((f) => f.dataType));
  // Spark's least common type never promotes to string (int and string have none).
  const promoted = common instanceof StringType && !valueFields.every((f) => f.dataType instanceof StringType);
  if (!common || promoted) {
    const types = valueFields.map((f) => `"${f.dataType.simpleString().toUpperCase()}" (\`${f.name}\`)`).join(', ');
    throw new AnalysisException(`Unpivot value columns must share a least common type, some types do not: [${types}].`, {
      errorClass: 'UNPIVOT_VALUE_DATA_TYPE_MISMATCH',
      messageParameters: { types },
    });
  }
  const entries = valueCols.map((v, i) =>
    E.call('struct', [E.alias(literalExpr(valueFields[i]!.name), variableColumnName), E.alias(E.cast(toColumnExpr(v), common), valueColumnName)]),
  );
  const holder = '__sparkless_unpivot';
  const exploded = df.select(...idCols, new Column(E.alias(E.call('explode', [E.call('array', entries)]), holder)));
  return exploded.select(
    ...idNames.map(quotedCol),
    new Column(E.alias(E.call('get_field', [E.col(holder, undefined, true)], { options: { field: variableColumnName } }), variableColumnName)),
    new Column(E.alias(E.call('get_field', [E.col(holder, undefined, true)], { options: { field: valueColumnName } }), valueColumnName)),
  );
}
