/**
 * `df.to(schema)` (Spark's Project.matchSchema: columns by name in the
 * schema's order, only lossless casts, a nullable column cannot become
 * non-nullable, other columns dropped) and `df.withMetadata(col, metadata)`.
 */
import { AnalysisException, PySparkTypeError, unresolvedColumn } from '../errors/index.js';
import { E } from '../expr/nodes.js';
import { StructType } from '../types/data-types.js';
import { canUpCast } from '../types/upcast.js';
import { Column, typeName } from './column.js';
import type { DataFrame } from './dataframe.js';

export function toSchema(df: DataFrame, schema: StructType): DataFrame {
  if (!(schema instanceof StructType)) {
    throw new PySparkTypeError(`Argument \`schema\` should be a StructType, got ${typeName(schema)}.`, {
      errorClass: 'NOT_STRUCT',
      messageParameters: { arg_name: 'schema', arg_type: typeName(schema) },
    });
  }
  const fields = df.schema.fields;
  const exprs = schema.fields.map((target) => {
    const matches = fields.filter((f) => f.name.toLowerCase() === target.name.toLowerCase());
    if (matches.length === 0) throw unresolvedColumn(target.name, fields.map((f) => f.name));
    if (matches.length > 1) {
      throw new AnalysisException(`Reference \`${target.name}\` is ambiguous, could be: [${matches.map((m) => `\`${m.name}\``).join(', ')}].`, {
        errorClass: 'AMBIGUOUS_REFERENCE',
      });
    }
    const source = matches[0]!;
    if (source.nullable && !target.nullable) {
      throw new AnalysisException(`Column or field \`${target.name}\` is nullable while it's required to be non-nullable.`, {
        errorClass: 'NULLABLE_COLUMN_OR_FIELD',
        messageParameters: { name: `\`${target.name}\`` },
      });
    }
    if (!canUpCast(source.dataType, target.dataType)) {
      throw new AnalysisException(
        `Column or field \`${target.name}\` is of type "${source.dataType.sql()}" while it's required to be "${target.dataType.sql()}".`,
        {
          errorClass: 'INVALID_COLUMN_OR_FIELD_DATA_TYPE',
          messageParameters: { name: `\`${target.name}\``, type: `"${source.dataType.sql()}"`, expectedType: `"${target.dataType.sql()}"` },
        },
      );
    }
    const ref = E.col(source.name, undefined, true);
    const value = source.dataType.equals(target.dataType) ? ref : E.cast(ref, target.dataType);
    return new Column(E.alias(value, target.name, { ...target.metadata }));
  });
  return df.select(...exprs);
}

export function withMetadata(df: DataFrame, columnName: string, metadata: Readonly<Record<string, unknown>>): DataFrame {
  if (typeof metadata !== 'object' || metadata === null || Array.isArray(metadata)) {
    throw new PySparkTypeError(`Argument \`metadata\` should be a dict, got ${typeName(metadata)}.`, {
      errorClass: 'NOT_DICT',
      messageParameters: { arg_name: 'metadata', arg_type: typeName(metadata) },
    });
  }
  const names = df.columns;
  const at = names.findIndex((n) => n.toLowerCase() === columnName.toLowerCase());
  if (at < 0) throw unresolvedColumn(columnName, names);
  // A Project (not withColumn's intent node) so the alias's metadata reaches the schema.
  return df.select(...names.map((n, i) => new Column(i === at ? E.alias(E.col(n, undefined, true), n, { ...metadata }) : E.col(n, undefined, true))));
}
