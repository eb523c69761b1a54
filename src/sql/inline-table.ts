/**
 * Inline tables, `VALUES (...), (...) [AS t(a, b)]`: Spark's checks (row
 * widths, constant cells, one common type per column without promoting a
 * value to STRING), then a LocalRelation when every cell is a literal of its
 * column's type, else a UNION ALL of one-row projections cast to that type.
 */
import { makeBatch } from '../data/batch.js';
import { unresolvedColumn } from '../errors/analysis-errors.js';
import { E, exists, type Expr } from '../expr/nodes.js';
import { hasFunction, lookupFunction } from '../functions/registry.js';
import { plan, type LogicalPlan } from '../plan/nodes.js';
import { findWiderCommonTypeOf } from '../types/coercion.js';
import { ArrayType, DataType, MapType, NULL, NullType, StringType, StructField, StructType } from '../types/data-types.js';
import type { SelectAst, TableAlias } from './ast.js';
import { bindOuterRefs } from './correlation.js';
import { analysisError, containsAggregate, safeSql, stripAlias, type Translator } from './translate.js';
import { oneRow } from './translate-relations.js';

type Literal = Extract<Expr, { kind: 'Literal' }>;

export function values(t: Translator, rawRows: readonly (readonly Expr[])[], alias: TableAlias | undefined): LogicalPlan {
  // `VALUES ("one", 1 AS one)`: names inside a row are accepted and ignored (columns are col1, col2, ... or the alias's)
  const rows = rawRows.map((r) => r.map(stripAlias));
  const width = alias?.columns?.length ?? rows[0]?.length ?? 0;
  const bad = rows.findIndex((r) => r.length !== width);
  if (bad >= 0) {
    const found = rows[bad]!.length;
    throw analysisError(`Invalid inline table. Inline table expected ${width} columns but found ${found} columns in row ${bad}.`, 'INVALID_INLINE_TABLE.NUM_COLUMNS_MISMATCH', {
      expectedNumCols: String(width),
      actualNumCols: String(found),
      rowIndex: String(bad),
    });
  }
  checkOuterReferences(t, rows);
  for (const r of rows) for (const c of r) checkEvaluable(c);
  const names = alias?.columns ?? Array.from({ length: width }, (_, i) => `col${i + 1}`);
  const types = columnTypes(t, rows, names);
  let p = literalRelation(rows, names, types);
  if (!p) {
    const projections = rows.map(
      (r) => plan('Project', { input: oneRow(t), exprs: r.map((c, i) => E.alias(types && !(types[i] instanceof NullType) ? E.cast(c, types[i]!, true) : c, names[i]!)) }) as LogicalPlan,
    );
    // a balanced UNION ALL tree keeps the plan shallow for long VALUES lists (order is preserved)
    const union = (parts: readonly LogicalPlan[]): LogicalPlan =>
      parts.length === 1 ? parts[0]! : plan('SetOperation', { op: 'union', all: true, left: union(parts.slice(0, parts.length >> 1)), right: union(parts.slice(parts.length >> 1)) });
    p = union(projections);
  }
  return alias ? plan('SubqueryAlias', { input: p, alias: alias.name }) : p;
}

/** `LATERAL (VALUES (t.c1))`: a column of an enclosing query is not a constant either (Spark names it `outer(t.c1)`). */
function checkOuterReferences(t: Translator, rows: readonly (readonly Expr[])[]): void {
  const { schemaOf } = t.opts;
  const cells = rows.flat();
  if (t.outer.length === 0 || !schemaOf || !cells.some((c) => exists(c, (x) => x.kind === 'ColumnRef'))) return;
  const select: SelectAst = { kind: 'select', distinct: false, items: cells, windows: new Map() };
  for (const cell of bindOuterRefs(select, [], oneRow(t), t.outer, { schemaOf }).select.items) {
    if (exists(cell, (x) => x.kind === 'Alias' && x.name.startsWith('outer('))) throw cannotEvaluate(cell);
  }
}

function cannotEvaluate(cell: Expr): Error {
  const sql = safeSql(cell);
  return analysisError(`Invalid inline table. Cannot evaluate the expression "${sql}" in inline table definition.`, 'INVALID_INLINE_TABLE.CANNOT_EVALUATE_EXPRESSION_IN_INLINE_TABLE', {
    expr: `"${sql}"`,
  });
}

/** Cells must be constant: no column, aggregate, window, generator or non-deterministic function. */
function checkEvaluable(cell: Expr): void {
  // a column has nothing to resolve against
  exists(cell, (x) => {
    if (x.kind === 'ColumnRef') throw unresolvedColumn(x.name, []);
    return false;
  });
  const unevaluable = (x: Expr): boolean => {
    if (x.kind === 'Star' || x.kind === 'WindowExpr') return true;
    if (x.kind !== 'Call' || !hasFunction(x.fn)) return false;
    const def = lookupFunction(x.fn);
    return (!!def.nondeterministic && !x.fn.startsWith('current_')) || def.kind === 'generator';
  };
  if (exists(cell, unevaluable) || containsAggregate(cell)) throw cannotEvaluate(cell);
}

/** Each column's common type, or undefined without a session to type the cells. */
function columnTypes(t: Translator, rows: readonly (readonly Expr[])[], names: readonly string[]): DataType[] | undefined {
  const { schemaOf } = t.opts;
  const isTyped = (c: Expr): boolean => c.kind === 'Literal' && !!c.dataType;
  const computed = rows.flatMap((r) => r.filter((c) => !isTyped(c)));
  if (computed.length > 0 && !schemaOf) return undefined;
  // every non-literal cell typed by one analysis
  const computedTypes =
    computed.length === 0 ? [] : schemaOf!(plan('Project', { input: oneRow(t), exprs: computed.map((c, i) => E.alias(c, `c${i}`)) })).fields.map((f) => f.dataType);
  let next = 0;
  const typed = rows.map((r) => r.map((c) => (isTyped(c) ? (c as Literal).dataType! : computedTypes[next++]!)));
  return names.map((name, i) => {
    const column = typed.map((r) => r[i]!);
    const wider = findWiderCommonTypeOf(column);
    if (!wider || column.some((c) => promotedToString(wider, c))) {
      throw analysisError(`Invalid inline table. Found incompatible types in the column \`${name}\` for inline table.`, 'INVALID_INLINE_TABLE.INCOMPATIBLE_TYPES_IN_INLINE_TABLE', {
        colName: `\`${name}\``,
      });
    }
    return wider;
  });
}

/** Spark types inline tables without string promotion: `(1), ('a')` has no common type. */
function promotedToString(wider: DataType, t: DataType): boolean {
  if (t instanceof NullType) return false;
  if (wider instanceof StringType) return !(t instanceof StringType);
  if (wider instanceof ArrayType && t instanceof ArrayType) return promotedToString(wider.elementType, t.elementType);
  if (wider instanceof MapType && t instanceof MapType) return promotedToString(wider.keyType, t.keyType) || promotedToString(wider.valueType, t.valueType);
  if (wider instanceof StructType && t instanceof StructType) return wider.fields.some((f, i) => t.fields[i] !== undefined && promotedToString(f.dataType, t.fields[i]!.dataType));
  return false;
}

/** Every cell a literal of its column's type (or NULL): the rows as data. */
function literalRelation(rows: readonly (readonly Expr[])[], names: readonly string[], types: readonly DataType[] | undefined): LogicalPlan | undefined {
  if (!rows.every((r) => r.every((c) => c.kind === 'Literal'))) return undefined;
  const fields: StructField[] = [];
  for (let i = 0; i < names.length; i++) {
    let type: DataType | undefined;
    let nullable = false;
    for (const r of rows) {
      const c = r[i] as Literal;
      if (c.value === null || c.dataType instanceof NullType) {
        nullable = true;
        continue;
      }
      if (!type) type = c.dataType;
      else if (!type.equals(c.dataType)) return undefined;
    }
    if (types && type && !type.equals(types[i]!)) return undefined;
    fields.push(new StructField(names[i]!, type ?? NULL, nullable || !type));
  }
  const schema = new StructType(fields);
  const columns = fields.map((_, i) => rows.map((r) => (r[i] as Literal).value ?? null));
  return plan('LocalRelation', { data: makeBatch(schema, columns) });
}
