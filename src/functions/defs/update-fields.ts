/**
 * `Column.withField` / `Column.dropFields` as Spark's UpdateFields: a field name
 * is a path (`'e.g'` reaches into the nested struct `e`; backquotes protect dots),
 * names match case-insensitively, `withField` replaces every matching field (taking
 * the new name's spelling) or appends one, `dropFields` removes every match and
 * ignores a name that matches nothing. A nested path is Spark's expansion:
 * `UpdateFields(s, WithField(p, UpdateFields(s.p, op)))`.
 *
 * The backends share the type rules (`withFieldType`, `dropFieldType`) and the
 * value rules (`compileFieldUpdate`); `updateFieldsSql` reproduces Spark's name,
 * where a chain of updates on one struct merges into one `update_fields(...)`.
 */
import { AnalysisException } from '../../errors/index.js';
import type { Call, Expr } from '../../expr/nodes.js';
import { exprSql } from '../../expr/naming.js';
import { parseIdentifier } from '../../analyzer/identifiers.js';
import { StructField, StructType, type DataType } from '../../types/data-types.js';
import { unexpectedInputType } from '../define.js';

/** One requested change: set `parts` (with the call's value) or drop it. */
export interface FieldUpdate {
  readonly kind: 'with' | 'drop';
  readonly parts: readonly string[];
}

/** The updates a `with_field` / `drop_fields` call makes, in order. */
export function fieldUpdates(call: Call): FieldUpdate[] {
  if (call.fn === 'with_field') return [{ kind: 'with', parts: parseIdentifier(String(call.options?.field)) }];
  return ((call.options?.fields as string[] | undefined) ?? []).map((f) => ({ kind: 'drop', parts: parseIdentifier(f) }));
}

const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/** Spark's ExtractValue on a struct: the one field matching `name`, else FIELD_NOT_FOUND / ambiguity. */
function extractIndex(t: StructType, name: string): number {
  const at = t.fields.findIndex((f) => same(f.name, name));
  const fields = t.fields.map((x) => `\`${x.name}\``).join(', ');
  if (at < 0) {
    throw new AnalysisException(`No such struct field \`${name}\` in ${fields}.`, {
      errorClass: 'FIELD_NOT_FOUND',
      messageParameters: { fieldName: `\`${name}\``, fields },
    });
  }
  if (t.fields.findIndex((f, i) => i > at && same(f.name, name)) >= 0) {
    throw new AnalysisException(`Ambiguous reference to fields ${t.fields.filter((f) => same(f.name, name)).map((f) => `\`${f.name}\``).join(', ')}.`, {
      errorClass: 'AMBIGUOUS_REFERENCE_TO_FIELDS',
      messageParameters: { field: `\`${name}\``, count: String(t.fields.filter((f) => same(f.name, name)).length) },
    });
  }
  return at;
}

/** The struct one level down a path, or Spark's UNEXPECTED_INPUT_TYPE naming the inner update. */
function innerStruct(t: StructType, name: string, structSql: string, innerSql: string): { at: number; struct: StructType } {
  const at = extractIndex(t, name);
  const inner = t.fields[at]!.dataType;
  if (!(inner instanceof StructType)) {
    throw unexpectedInputType({ sql: innerSql, argSql: [`${structSql}.${name}`] }, 0, '"STRUCT"', inner);
  }
  return { at, struct: inner };
}

/** Fields after setting `name` to a field of type `dataType`: every match replaced, else appended. */
function setField(fields: readonly StructField[], name: string, dataType: DataType, nullable: boolean): StructField[] {
  const field = new StructField(name, dataType, nullable);
  const out = fields.map((f) => (same(f.name, name) ? field : f));
  return fields.some((f) => same(f.name, name)) ? out : [...out, field];
}

/** The struct type after one update; `value` is the new field's type for `with`. */
export function updatedType(
  t: StructType,
  u: FieldUpdate,
  value: { dataType: DataType; nullable: boolean } | undefined,
  structSql: string,
  opSql: string,
  structNullable: boolean,
): StructType {
  const [head, ...rest] = u.parts as [string, ...string[]];
  if (rest.length === 0) {
    if (u.kind === 'with') return new StructType(setField(t.fields, head, value!.dataType, value!.nullable));
    return new StructType(t.fields.filter((f) => !same(f.name, head)));
  }
  const innerSql = `update_fields(${structSql}.${head}, ${opSql})`;
  const { at, struct } = innerStruct(t, head, structSql, innerSql);
  // The inner struct is read by ExtractValue: null when the outer struct or the field is.
  const nullable = structNullable || t.fields[at]!.nullable;
  const inner = updatedType(struct, { kind: u.kind, parts: rest }, value, `${structSql}.${head}`, opSql, nullable);
  if (inner.fields.length === 0) throw cannotDropAll(innerSql);
  return new StructType(setField(t.fields, head, inner, nullable));
}

export function cannotDropAll(sql: string): AnalysisException {
  return new AnalysisException(`Cannot resolve "${sql}" due to data type mismatch: Cannot drop all fields in struct.`, {
    errorClass: 'DATATYPE_MISMATCH.CANNOT_DROP_ALL_FIELDS',
    messageParameters: { sqlExpr: `"${sql}"` },
  });
}

/** A struct value (its field values in order) after one update; null structs stay null. */
export type StructUpdate = (row: readonly unknown[], value: unknown) => unknown[];

/** Compiles one update against the input struct type (the rules of `updatedType`). */
export function compileFieldUpdate(t: StructType, u: FieldUpdate): StructUpdate {
  const [head, ...rest] = u.parts as [string, ...string[]];
  const matches = t.fields.map((f, i) => (same(f.name, head) ? i : -1)).filter((i) => i >= 0);
  if (rest.length === 0) {
    if (u.kind === 'drop') {
      const keep = t.fields.map((_, i) => i).filter((i) => !matches.includes(i));
      return (row) => keep.map((i) => row[i] ?? null);
    }
    return (row, v) => setValue(row, matches, v);
  }
  const at = matches[0]!;
  const inner = compileFieldUpdate(t.fields[at]!.dataType as StructType, { kind: u.kind, parts: rest });
  return (row, v) => {
    const s = row[at] as unknown[] | null | undefined;
    return setValue(row, matches, s === null || s === undefined ? null : inner(s, v));
  };
}

function setValue(row: readonly unknown[], matches: readonly number[], v: unknown): unknown[] {
  const value = v === undefined ? null : v;
  if (matches.length === 0) return [...row, value];
  const out = row.slice();
  for (const i of matches) out[i] = value;
  return out;
}

// ---- Spark's name: one update_fields(...) per struct, chains merged --------------

type NameNode =
  | { readonly kind: 'leaf'; readonly sql: string }
  | { readonly kind: 'extract'; readonly of: NameNode; readonly name: string }
  | { readonly kind: 'update'; readonly struct: NameNode; readonly ops: readonly NameOp[] };
type NameOp = { readonly kind: 'with'; readonly name: string; readonly value: NameNode } | { readonly kind: 'drop' };

function printName(n: NameNode): string {
  if (n.kind === 'leaf') return n.sql;
  if (n.kind === 'extract') return `${printName(n.of)}.${n.name}`;
  const ops = n.ops.map((o) => (o.kind === 'with' ? `WithField(${printName(o.value)})` : 'dropfield()'));
  return `update_fields(${printName(n.struct)}, ${ops.join(', ')})`;
}

/** UpdateFields over UpdateFields merges; all-WithField lists keep the last value per name (first position). */
function update(struct: NameNode, ops: readonly NameOp[]): NameNode {
  if (struct.kind !== 'update') return { kind: 'update', struct, ops };
  const merged = [...struct.ops, ...ops];
  if (!merged.every((o) => o.kind === 'with')) return { kind: 'update', struct: struct.struct, ops: merged };
  const withs = merged as Extract<NameOp, { kind: 'with' }>[];
  const names = [...new Set(withs.map((o) => o.name.toLowerCase()))];
  return { kind: 'update', struct: struct.struct, ops: names.map((n) => withs.filter((o) => o.name.toLowerCase() === n).at(-1)!) };
}

function expand(struct: NameNode, parts: readonly string[], leaf: NameOp): NameNode {
  const [head, ...rest] = parts as [string, ...string[]];
  if (rest.length === 0) return update(struct, [leaf]);
  return update(struct, [{ kind: 'with', name: head, value: expand({ kind: 'extract', of: struct, name: head }, rest, leaf) }]);
}

const isUpdate = (e: Expr): e is Call => e.kind === 'Call' && (e.fn === 'with_field' || e.fn === 'drop_fields');

function applyUpdates(struct: NameNode, call: Call, valueSql: string): NameNode {
  const value: NameNode = { kind: 'leaf', sql: valueSql };
  let node = struct;
  for (const u of fieldUpdates(call)) {
    node = expand(node, u.parts, u.kind === 'with' ? { kind: 'with', name: u.parts.at(-1)!, value } : { kind: 'drop' });
  }
  return node;
}

function nameNode(e: Expr): NameNode {
  if (!isUpdate(e)) return { kind: 'leaf', sql: exprSql(e) };
  return applyUpdates(nameNode(e.args[0]!), e, e.args[1] ? exprSql(e.args[1]) : '');
}

/** Spark's column name of a with_field / drop_fields call (`update_fields(a, WithField(3))`). */
export function updateFieldsSql(argSql: readonly string[], call: Call): string {
  const struct = isUpdate(call.args[0]!) ? nameNode(call.args[0]!) : { kind: 'leaf' as const, sql: argSql[0]! };
  return printName(applyUpdates(struct, call, argSql[1] ?? ''));
}
