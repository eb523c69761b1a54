/**
 * Spark's auto-generated column names (`toPrettySQL`): what a column is
 * called when the user gives no alias, e.g. `(salary * 1.1)`, `upper(name)`,
 * `CASE WHEN (x IS NULL) THEN 0 ELSE x END`,
 * `row_number() OVER (PARTITION BY d ORDER BY s ASC NULLS FIRST ROWS BETWEEN ...)`.
 * Names are computed on resolved trees so implicit casts stay invisible.
 */
import { intervalToString } from '../types/intervals.js';
import { castToString } from '../format/value-string.js';
import { lookupFunction } from '../functions/registry.js';
import { ArrayType, BinaryType, DateType, MapType, NullType, quoteIfNeeded, StringType, StructType, TimestampNTZType, TimestampType, type DataType } from '../types/data-types.js';
import type { Expr, FrameBoundary, Literal, SortOrder, WindowFrame, WindowSpecDef } from './nodes.js';

/** Pretty SQL of a literal as Spark shows it in a column name. */
export function literalSql(e: Literal): string {
  if (e.value === null || e.dataType instanceof NullType) return 'NULL';
  if (e.dataType instanceof StringType) return String(e.value);
  if (e.dataType instanceof BinaryType && e.value instanceof Uint8Array) {
    return `X'${Array.from(e.value, (b) => b.toString(16).padStart(2, '0').toUpperCase()).join('')}'`;
  }
  const text = castToString(e.value, e.dataType, 'UTC');
  if (e.dataType instanceof DateType) return `DATE '${text}'`;
  if (e.dataType instanceof TimestampType) return `TIMESTAMP '${text}'`;
  if (e.dataType instanceof TimestampNTZType) return `TIMESTAMP_NTZ '${text}'`;
  return text;
}

/** The pretty SQL text of a (resolved or unresolved) expression. */
export function exprSql(e: Expr): string {
  switch (e.kind) {
    case 'ColumnRef':
      return e.name;
    case 'BoundRef':
      return e.name;
    case 'Literal':
      return literalSql(e);
    case 'Alias':
      return e.written ? `${exprSql(e.child)} AS ${quoteIfNeeded(e.name)}` : e.name;
    case 'Cast':
      // Spark's Cast.sql drops a cast to a complex type (array/map/struct): `CAST(NULL AS ARRAY<INT>)` is named `NULL`.
      return e.implicit || isComplexType(e.to) ? exprSql(e.child) : `${e.tryCast ? 'TRY_CAST' : 'CAST'}(${exprSql(e.child)} AS ${e.to.simpleString().toUpperCase()})`;
    case 'Call': {
      // An aggregate's row mask follows its call: `sum(b) FILTER (WHERE (a > 1))`.
      const filter = e.filter ? ` FILTER (WHERE ${exprSql(e.filter)})` : '';
      // A call the analyzer rewrote from an operator (`dt + 1` → date_add) keeps the operator's name.
      if (typeof e.options?.['displaySql'] === 'string') return e.options['displaySql'] + filter;
      const args = e.args.map(exprSql);
      const calledAs = e.options?.calledAs;
      // An alias function is named as the user called it (`negative(id)`, `stddev(x)`), as Spark does.
      if (typeof calledAs === 'string') return `${calledAs}(${e.distinct ? 'DISTINCT ' : ''}${args.join(', ')})${filter}`;
      const def = lookupFunction(e.fn);
      const sql = def.sql ? def.sql(args, e) : `${e.fn}(${args.join(', ')})`;
      // Every DISTINCT aggregate shows the keyword, whether or not its own naming mentions it (`first(DISTINCT a)`).
      const distinct = e.distinct && def.kind === 'aggregate' && !sql.includes('(DISTINCT ') ? sql.replace('(', '(DISTINCT ') : sql;
      return distinct + filter;
    }
    case 'CaseWhen': {
      const branches = e.branches.map((b) => ` WHEN ${exprSql(b.when)} THEN ${exprSql(b.then)}`).join('');
      const otherwise = e.otherwise ? ` ELSE ${exprSql(e.otherwise)}` : '';
      return `CASE${branches}${otherwise} END`;
    }
    case 'SortOrder':
      return sortOrderSql(e);
    case 'WindowExpr':
      return `${exprSql(e.fn)} OVER (${windowSpecSql(e.spec, e.fn)})`;
    case 'Star':
      return e.target ? `${e.target}.*` : '*';
    case 'Lambda':
      if (e.hidden) return exprSql(e.body);
      return `lambdafunction(${exprSql(e.body)}, ${e.params.map(() => 'namedlambdavariable()').join(', ')})`;
    case 'LambdaVar':
      return 'namedlambdavariable()';
  }
}

export function sortOrderSql(s: SortOrder): string {
  return `${exprSql(s.child)} ${s.ascending ? 'ASC' : 'DESC'} NULLS ${s.nullsFirst ? 'FIRST' : 'LAST'}`;
}

export function boundarySql(b: FrameBoundary): string {
  switch (b.type) {
    case 'unboundedPreceding':
      return 'UNBOUNDED PRECEDING';
    case 'unboundedFollowing':
      return 'UNBOUNDED FOLLOWING';
    case 'currentRow':
      return 'CURRENT ROW';
    case 'offset':
      // Spark prints offsets as signed "FOLLOWING" values for lag/lead and as PRECEDING/FOLLOWING otherwise.
      // A cast offset prints as its child: a PRECEDING one as its negation FOLLOWING.
      if (b.interval && b.castTo) return `${b.value < 0 ? `(- ${intervalToString(-b.value, b.interval)})` : intervalToString(b.value, b.interval)} FOLLOWING`;
      if (b.interval) return `${intervalToString(Math.abs(b.value), b.interval)} ${b.value < 0 ? 'PRECEDING' : 'FOLLOWING'}`;
      if (b.literal) return `${b.value} FOLLOWING`;
      if (b.castTo) return `${b.value < 0 ? `(- ${-b.value})` : b.value} FOLLOWING`;
      return b.value < 0 ? `${-b.value} PRECEDING` : `${b.value} FOLLOWING`;
  }
}

export function frameSql(f: WindowFrame): string {
  return `${f.frameType === 'rows' ? 'ROWS' : 'RANGE'} BETWEEN ${boundarySql(f.lower)} AND ${boundarySql(f.upper)}`;
}

/** Spark's frame for a window function when the spec gives none. */
export function defaultFrame(spec: WindowSpecDef, fn: Expr): WindowFrame {
  if (fn.kind === 'Call') {
    if (fn.fn === 'lag' || fn.fn === 'lead') {
      const offset = fn.args[1]?.kind === 'Literal' ? Number(fn.args[1].value) : 1;
      const v = fn.fn === 'lag' ? -offset : offset;
      return { frameType: 'rows', lower: { type: 'offset', value: v }, upper: { type: 'offset', value: v } };
    }
    // cume_dist counts peer rows, so Spark gives it a RANGE frame (checked against Spark 3.5.7).
    if (fn.fn === 'cume_dist') return { frameType: 'range', lower: { type: 'unboundedPreceding' }, upper: { type: 'currentRow' } };
    const def = lookupFunction(fn.fn);
    // nth_value is an aggregate over its frame, so it takes the spec's default frame like any aggregate (RANGE when ordered).
    if (def.kind === 'window' && fn.fn !== 'nth_value') {
      return { frameType: 'rows', lower: { type: 'unboundedPreceding' }, upper: { type: 'currentRow' } };
    }
  }
  if (spec.orderBy.length === 0) {
    return { frameType: 'rows', lower: { type: 'unboundedPreceding' }, upper: { type: 'unboundedFollowing' } };
  }
  return { frameType: 'range', lower: { type: 'unboundedPreceding' }, upper: { type: 'currentRow' } };
}

export function windowSpecSql(spec: WindowSpecDef, fn: Expr): string {
  const parts: string[] = [];
  if (spec.partitionBy.length > 0) parts.push(`PARTITION BY ${spec.partitionBy.map(exprSql).join(', ')}`);
  if (spec.orderBy.length > 0) parts.push(`ORDER BY ${spec.orderBy.map(sortOrderSql).join(', ')}`);
  const frame = spec.frame ?? defaultFrame(spec, fn);
  // lag/lead print their offset frame with signed FOLLOWING values, as Spark does.
  if (fn.kind === 'Call' && (fn.fn === 'lag' || fn.fn === 'lead') && frame.lower.type === 'offset') {
    parts.push(`ROWS BETWEEN ${frame.lower.value} FOLLOWING AND ${frame.lower.value} FOLLOWING`);
  } else {
    parts.push(frameSql(frame));
  }
  return parts.join(' ');
}

/** Output column name of a projected expression: its alias, column name, or pretty SQL. */
export function outputName(e: Expr): string {
  return exprSql(e);
}

/** An array, map or struct type (whose casts Spark names after the child alone). */
export function isComplexType(t: DataType): boolean {
  return t instanceof ArrayType || t instanceof MapType || t instanceof StructType;
}
