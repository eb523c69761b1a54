/**
 * The projection, filtering and ordering methods of DataFrame (select, withColumns,
 * drop, toDF, alias, filter, orderBy, limit, offset, distinct, dropDuplicates, ...):
 * each builds one plan node over `df.plan`.
 */
import { requireDict, requireInt, requireStr, requireStrs } from '../arg-checks.js';
import { PySparkTypeError, PySparkValueError } from '../../errors/index.js';
import { E, type Expr } from '../../expr/nodes.js';
import { parseExpression } from '../../sql/parse.js';
import { plan, type PlanOfKind } from '../../plan/nodes.js';
import { Column, toColumnExpr, toSortOrder, typeName, type ColumnOrName } from '../column.js';
import type { DataFrame, SortOptions } from '../dataframe.js';

/** Column arguments as PySpark takes them: names or Columns, loose or in lists. */
export type Cols = (ColumnOrName | readonly ColumnOrName[])[];
export function flat(cols: Cols): ColumnOrName[] {
  // A loop, not flatMap (an array per argument): every select, groupBy and orderBy goes through here.
  const out: ColumnOrName[] = [];
  for (const c of cols) {
    if (Array.isArray(c)) for (const x of c as readonly ColumnOrName[]) out.push(x);
    else out.push(c as ColumnOrName);
  }
  return out;
}

export function colRegex(df: DataFrame, colName: string): Column {
  if (typeof colName !== 'string') {
    throw new PySparkTypeError(`Argument \`colName\` should be a str, got ${typeName(colName)}.`, {
      errorClass: 'NOT_STR',
      messageParameters: { arg_name: 'colName', arg_type: typeName(colName) },
    });
  }
  const m = /^`(.+)`$/s.exec(colName);
  if (!m) return df.col(colName);
  return new Column(Object.freeze({ kind: 'Star' as const, regex: m[1]!.replace(/``/g, '`'), planId: df.plan.id }));
}

export function boundColumn(df: DataFrame, name: string): Column {
  requireStr('col', name);
  if (name === '*') return new Column(E.star(undefined, df.plan.id));
  const col = new Column(E.col(name, df.plan.id));
  const session = df.sparkSession;
  if (!session.remote) session.analyze(plan('Project', { input: df.plan, exprs: [col.expr] })); // fail fast on a bad name
  return col;
}

export function select(df: DataFrame, cols: Cols): DataFrame {
  const exprs = flat(cols).map(toColumnExpr);
  return df.withPlan(plan('Project', { input: df.plan, exprs }));
}

export function selectExpr(df: DataFrame, exprs: (string | readonly string[])[]): DataFrame {
  requireStrs('expr', exprs.flat());
  const texts = exprs.flatMap((e) => (Array.isArray(e) ? e : [e as string]));
  return df.select(...texts.map((t) => new Column(parseExpression(t))));
}

export function withColumns(df: DataFrame, colsMap: Readonly<Record<string, Column>>): DataFrame {
  if (typeof colsMap !== 'object' || colsMap === null || Column.isColumn(colsMap) || Array.isArray(colsMap)) {
    throw new PySparkTypeError(`Argument \`colsMap\` should be a dict, got ${typeName(colsMap)}.`, {
      errorClass: 'NOT_DICT',
      messageParameters: { arg_name: 'colsMap', arg_type: typeName(colsMap) },
    });
  }
  const entries = Object.entries(colsMap);
  for (const [, col] of entries) {
    if (!Column.isColumn(col)) {
      throw new PySparkTypeError(`Argument \`col\` should be a Column, got ${typeName(col)}.`, {
        errorClass: 'NOT_COLUMN',
        messageParameters: { arg_name: 'col', arg_type: typeName(col) },
      });
    }
  }
  return df.withPlan(plan('WithColumns', { input: df.plan, names: entries.map(([n]) => n), exprs: entries.map(([, c]) => c.expr) }));
}

export function withColumnsRenamed(df: DataFrame, colsMap: Readonly<Record<string, string>>): DataFrame {
  requireDict('colsMap', colsMap);
  const renames = Object.entries(colsMap).map(([from, to]) => {
    if (typeof to !== 'string') {
      throw new PySparkTypeError(`Argument \`colsMap\` should be a dict of str to str, got ${typeName(to)} for '${from}'.`, {
        errorClass: 'NOT_STR',
        messageParameters: { arg_name: 'colsMap', arg_type: typeName(to) },
      });
    }
    return [from, to] as const;
  });
  return df.withPlan(plan('WithColumnsRenamed', { input: df.plan, renames }));
}

export function drop(df: DataFrame, cols: ColumnOrName[]): DataFrame {
  const columnNames: string[] = [];
  const columns: Expr[] = [];
  for (const c of cols) {
    if (typeof c === 'string') columnNames.push(c);
    else if (Column.isColumn(c)) columns.push(c.expr);
    else throw new PySparkTypeError(`Argument \`col\` should be a Column or str, got ${typeName(c)}.`, { errorClass: 'NOT_COLUMN_OR_STR' });
  }
  return df.withPlan(plan('Drop', { input: df.plan, columnNames, columns }));
}

export function filter(df: DataFrame, condition: Column | string): DataFrame {
  if (typeof condition === 'string') {
    return df.withPlan(plan('Filter', { input: df.plan, condition: parseExpression(condition) }));
  }
  if (!Column.isColumn(condition)) {
    throw new PySparkTypeError(`Argument \`condition\` should be a Column or str, got ${typeName(condition)}.`, {
      errorClass: 'NOT_COLUMN_OR_STR',
    });
  }
  return df.withPlan(plan('Filter', { input: df.plan, condition: condition.expr }));
}

export function orderBy(df: DataFrame, args: (ColumnOrName | readonly ColumnOrName[] | SortOptions)[]): DataFrame {
  const opts = args.find((a): a is SortOptions => typeof a === 'object' && a !== null && !Array.isArray(a) && !Column.isColumn(a));
  const cols = flat(args.filter((a) => a !== opts) as Cols);
  if (cols.length === 0) throw new PySparkValueError('should sort by at least one column', { errorClass: 'CANNOT_BE_EMPTY' });
  const asc = opts?.ascending;
  if (Array.isArray(asc) && asc.length !== cols.length) {
    throw new PySparkValueError(`ascending should have the same length as cols (${cols.length}), got ${asc.length}.`, {
      errorClass: 'LENGTH_SHOULD_BE_THE_SAME',
    });
  }
  const orders = cols.map((c, i) => {
    const a = Array.isArray(asc) ? asc[i]! : (asc as boolean | undefined) ?? true;
    return toSortOrder(c, a);
  });
  return df.withPlan(plan('Sort', { input: df.plan, orders }));
}

export function sortWithinPartitions(df: DataFrame, args: (ColumnOrName | readonly ColumnOrName[] | SortOptions)[]): DataFrame {
  const sorted = df.orderBy(...args).plan as PlanOfKind<'Sort'>;
  return df.withPlan(plan('Sort', { input: sorted.input, orders: sorted.orders, global: false }));
}

export function dropDuplicates(df: DataFrame, subset?: readonly string[]): DataFrame {
  if (subset !== undefined && !Array.isArray(subset)) {
    throw new PySparkTypeError(`Argument \`subset\` should be a list or tuple, got ${typeName(subset)}.`, { errorClass: 'NOT_LIST_OR_TUPLE' });
  }
  if (subset) requireStrs('subset', subset);
  return df.withPlan(plan('Deduplicate', { input: df.plan, ...(subset ? { subset } : {}) }));
}

/** New column names, positionally. */
export function toDF(df: DataFrame, cols: string[]): DataFrame {
  requireStrs('cols', cols);
  return df.withPlan(plan('ToDF', { input: df.plan, names: cols }));
}

export function limit(df: DataFrame, num: number): DataFrame {
  if (typeof num !== 'number') requireInt('num', num);
  return df.withPlan(plan('Limit', { input: df.plan, n: num }));
}

export function offset(df: DataFrame, num: number): DataFrame {
  if (typeof num !== 'number') requireInt('num', num);
  return df.withPlan(plan('Offset', { input: df.plan, n: num }));
}

export function distinct(df: DataFrame): DataFrame {
  return df.withPlan(plan('Deduplicate', { input: df.plan }));
}

/** Qualifies the frame's columns: `df.alias('a')` then `col('a.id')`. */
export function alias(df: DataFrame, alias: string): DataFrame {
  requireStr('alias', alias);
  return df.withPlan(plan('SubqueryAlias', { input: df.plan, alias }));
}
