/**
 * Spark's analysis checks on MAP values, which have no ordering or equality:
 * a sort key, a grouping key, or a DISTINCT / dropDuplicates key, that is or
 * holds a map is an analysis error (the interpreter would otherwise answer by
 * object identity).
 */
import { AnalysisException } from '../errors/index.js';
import type { Expr, SortOrder } from '../expr/nodes.js';
import { typeOf } from '../expr/nodes.js';
import { exprSql } from '../expr/naming.js';
import { ArrayType, MapType, StructType, type DataType } from '../types/data-types.js';
import type { Attribute } from './scope.js';

export function containsMap(t: DataType): boolean {
  if (t instanceof MapType) return true;
  if (t instanceof ArrayType) return containsMap(t.elementType);
  if (t instanceof StructType) return t.fields.some((f) => containsMap(f.dataType));
  return false;
}

export function assertOrderable(orders: readonly SortOrder[]): void {
  for (const o of orders) {
    const t = typeOf(o.child);
    if (!containsMap(t)) continue;
    const sql = exprSql(o);
    throw new AnalysisException(`Cannot resolve "${sql}" due to data type mismatch: The \`sortorder\` does not support ordering on type "${t.sql()}".`, {
      errorClass: 'DATATYPE_MISMATCH.INVALID_ORDERING_TYPE',
      messageParameters: { sqlExpr: `"${sql}"`, functionName: '`sortorder`', dataType: `"${t.sql()}"` },
    });
  }
}

export function assertNoMapKeys(attrs: readonly Attribute[], keys: readonly number[]): void {
  for (const k of keys) {
    const a = attrs[k]!;
    if (!containsMap(a.dataType)) continue;
    throw new AnalysisException(
      `The feature is not supported: Cannot have MAP type columns in DataFrame which calls set operations (INTERSECT, EXCEPT, etc.), but the type of column \`${a.name}\` is "${a.dataType.sql()}".`,
      { errorClass: 'UNSUPPORTED_FEATURE.SET_OPERATION_ON_MAP_TYPE', messageParameters: { colName: `\`${a.name}\``, dataType: `"${a.dataType.sql()}"` } },
    );
  }
}

export function assertGroupable(keys: readonly Expr[]): void {
  for (const k of keys) {
    const t = typeOf(k);
    if (!containsMap(t)) continue;
    const sql = exprSql(k.kind === 'Alias' ? k.child : k);
    throw new AnalysisException(`The expression "${sql}" cannot be used as a grouping expression because its data type "${t.sql()}" is not an orderable data type.`, {
      errorClass: 'GROUP_EXPRESSION_TYPE_IS_NOT_ORDERABLE',
      messageParameters: { sqlExpr: `"${sql}"`, dataType: `"${t.sql()}"` },
    });
  }
}
