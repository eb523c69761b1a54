/**
 * FROM-clause relations → plans: table and CTE references, SQL on files,
 * table-valued functions, VALUES, aliases with column lists, joins
 * (including LATERAL subqueries) and PIVOT. Each takes the `Translator`
 * whose options and CTE/outer scopes it reads.
 */
import { checkJoinStar } from './star-usage.js';
import { AnalysisException, NotImplementedException } from '../errors/index.js';
import { parseIdentifier } from '../analyzer/identifiers.js';
import { makeBatch, type Batch } from '../data/batch.js';
import { values } from './inline-table.js';
import { E, exists, type Expr } from '../expr/nodes.js';
import { plan, type LogicalPlan } from '../plan/nodes.js';
import { StructField, StructType } from '../types/data-types.js';
import { canCast } from '../types/coercion.js';
import type { RelationAst, TableAlias } from './ast.js';
import { unpivotPlan } from './unpivot.js';
import { checkCorrelatedShape, checkJoinConditionOuterRefs, checkLateralJoinType, OuterScope } from './correlation.js';
import { lastPart } from './parsed-expressions.js';
import { analysisError, childrenOf, containsMap, isAggregateFn, ordinalRef, quoteName, safeSql, stripAlias, type Translator } from './translate.js';
import { inScope, subqueries } from './translate-subqueries.js';
import { checkTvfAliases, generatorSelect, isGeneratorFunction, tableFunction } from './table-functions.js';

export function relation(t: Translator, r: RelationAst): LogicalPlan {
  switch (r.kind) {
    case 'table':
      return tableRef(t, r.parts, r.alias);
    case 'subquery':
    case 'lateral': {
      const p = t.query(r.query);
      return aliased(t, p, r.alias);
    }
    case 'values':
      return values(t, r.rows, r.alias);
    case 'tvf':
      return tableFunction(t, r.name, r.args, r.alias);
    case 'join':
      return join(t, r);
    case 'pivot':
      return aliased(t, pivot(t, r), r.alias);
    case 'unpivot': {
      const { schemaOf } = t.opts;
      if (!schemaOf) throw new NotImplementedException('SQL UNPIVOT without a session', 'the kept columns come from the input schema');
      return aliased(t, unpivotPlan(relation(t, r.input), r, schemaOf), r.alias);
    }
    case 'sample': {
      const input = relation(t, r.input);
      const sampled = r.rows
        ? plan('Limit', { input, n: t.limitValue(r.rows, 'limit') })
        : plan('Sample', { input, fraction: r.fraction!, withReplacement: false, seed: r.seed ?? Math.floor(Math.random() * 2 ** 31) });
      return aliased(t, sampled, r.alias);
    }
    case 'lateralView': {
      const input = relation(t, r.input);
      const gen = r.outer ? withOuter(r.generator) : r.generator;
      // the view's name qualifies its columns (`t.v`)
      const meta = { ...(r.columns.length > 1 ? { multiAlias: [...r.columns] } : {}), ...(r.tableAlias ? { qualifier: r.tableAlias } : {}) };
      const item = r.columns.length === 0 ? gen : E.alias(gen, r.columns[0]!, Object.keys(meta).length > 0 ? meta : undefined);
      return plan('Project', { input, exprs: [E.star(), item] });
    }
  }
}

export function aliased(t: Translator, p: LogicalPlan, alias: TableAlias | undefined): LogicalPlan {
  if (!alias) return p;
  const renamed = alias.columns ? renameColumns(t, p, alias.columns, alias.name) : p;
  return plan('SubqueryAlias', { input: renamed, alias: alias.name });
}

/** `t(a, b)`: positional renames. */
export function renameColumns(t: Translator, p: LogicalPlan, columns: readonly string[], relName: string): LogicalPlan {
  const actual = t.opts.columnsOf?.(p);
  if (actual && actual.length !== columns.length) {
    throw analysisError(
      `Number of column aliases does not match number of columns. Number of column aliases: ${columns.length}; number of columns: ${actual.length}.`,
      'ASSIGNMENT_ARITY_MISMATCH',
      { relName },
    );
  }
  return plan('Project', { input: p, exprs: columns.map((c, i) => E.alias(ordinalRef(i), c)) });
}

export function lookupCte(t: Translator, name: string): { plan: LogicalPlan } | undefined {
  for (let i = t.ctes.length - 1; i >= 0; i--) {
    const hit = t.ctes[i]!.get(name.toLowerCase());
    if (hit) return hit;
  }
  return undefined;
}

export function tableRef(t: Translator, parts: readonly string[], alias: TableAlias | undefined): LogicalPlan {
  if (parts.length === 1) {
    const cte = lookupCte(t, parts[0]!);
    if (cte) return aliased(t, plan('SubqueryAlias', { input: cte.plan, alias: parts[0]! }), alias);
  }
  const file = parts.length === 2 ? t.opts.readFile?.(parts[0]!, parts[1]!) : undefined;
  if (file) return aliased(t, file, alias);
  const table = parts[parts.length - 1]!;
  const database = parts.length >= 2 ? parts[parts.length - 2]! : undefined;
  const scan = plan('TableScan', { database, table });
  return aliased(t, scan, alias);
}

/** One row and no columns (Spark's OneRowRelation): the input of `SELECT` without FROM, so no name resolves in it. */
export function oneRow(_t: Translator): LogicalPlan {
  return plan('LocalRelation', { data: makeBatch(new StructType([]), [], 1) });
}

export function join(t: Translator, r: Extract<RelationAst, { kind: 'join' }>): LogicalPlan {
  const left = relation(t, r.left);
  if (r.right.kind === 'lateral') return lateralJoin(t, left, r.right, r);
  if (r.right.kind === 'tvf' && r.right.lateral && isGeneratorFunction(r.right.name)) {
    // `JOIN LATERAL gen(args) t(a, b)`: the generator runs once per row of the left side
    const { name, args, alias } = r.right;
    return lateralJoin(t, left, { kind: 'lateral', query: generatorSelect(name, args), ...(alias ? { alias } : {}) }, r, name);
  }
  const right = relation(t, r.right);
  if (r.natural) {
    const columnsOf = t.opts.columnsOf;
    if (!columnsOf) throw new NotImplementedException('SQL NATURAL JOIN without a session', 'the common columns come from the input schemas');
    const rightNames = columnsOf(right).map((n) => n.toLowerCase());
    const using = columnsOf(left).filter((n) => rightNames.includes(n.toLowerCase()));
    if (using.length === 0) return plan('Join', { left, right, joinType: r.joinType === 'inner' ? 'cross' : r.joinType });
    return plan('Join', { left, right, joinType: r.joinType, using });
  }
  if (r.using) return plan('Join', { left, right, joinType: r.joinType, using: r.using });
  if (r.on) {
    checkJoinStar(r.on);
    if (t.outer.length > 0 && t.opts.schemaOf) {
      checkJoinConditionOuterRefs(r.on, plan('Join', { left, right, joinType: 'cross' }), t.outer, { schemaOf: t.opts.schemaOf });
    }
    return plan('Join', { left, right, joinType: r.joinType === 'cross' ? 'inner' : r.joinType, condition: subqueries(t, r.on, undefined, undefined, { joinCondition: true }) });
  }
  return plan('Join', { left, right, joinType: r.joinType === 'inner' ? 'cross' : r.joinType });
}

/**
 * `left [JOIN] LATERAL (query) [ON cond]`: the subquery runs once per
 * distinct tuple of the left columns it uses; its rows, tagged with their
 * tuple, join back null-safely on those columns (the tags are projected away).
 */
export function lateralJoin(
  t: Translator,
  left: LogicalPlan,
  lat: Extract<RelationAst, { kind: 'lateral' }>,
  r: Extract<RelationAst, { kind: 'join' }>,
  tvfName?: string,
): LogicalPlan {
  const { evaluate, schemaOf, columnsOf } = t.opts;
  if (!evaluate || !schemaOf || !columnsOf) throw new NotImplementedException('SQL LATERAL subqueries without a session', 'the subquery runs through the session');
  checkLateralJoinType(r);
  const collect = new OuterScope(left, undefined, false, 'lateral');
  const first = inScope(t, collect, () => t.query(lat.query), false);
  const refs = [...collect.found.values()];
  if (tvfName) checkTvfAliases(t, tvfName, first, lat.alias);
  const on = r.on ? subqueries(t, r.on, undefined) : undefined;
  const joinType = r.joinType === 'left' ? 'left' : on ? 'inner' : 'cross';
  if (refs.length === 0) return plan('Join', { left, right: aliased(t, first, lat.alias), joinType, ...(on ? { condition: on } : {}) });
  checkCorrelatedShape(lat.query, first, 'lateral', refs, collect, { schemaOf });
  const keys = evaluate(plan('Deduplicate', { input: plan('Project', { input: left, exprs: refs.map((k, i) => E.alias(k.ref, `k${i}`)) }) }));
  const batches: Batch[] = [];
  for (let row = 0; row < keys.numRows; row++) {
    const binding = new Map(refs.map((k, i) => [k.key, E.lit(keys.columns[i]![row] ?? null, k.dataType) as Expr]));
    batches.push(evaluate(inScope(t, new OuterScope(left, binding, false, 'lateral'), () => t.query(lat.query), false)));
  }
  // `AS s(x, y)` renames the subquery's columns, not the tuple tags
  const sub = schemaOf(lat.alias?.columns ? renameColumns(t, first, lat.alias.columns, lat.alias.name) : first).fields;
  const tags = refs.map((k, i) => new StructField(`__lateral_key${i}`, k.dataType, true));
  const fields = sub.map((f, j) => new StructField(f.name, f.dataType, batches.length === 0 ? f.nullable : batches.some((b) => b.schema.fields[j]!.nullable), f.metadata));
  const columns: unknown[][] = [...fields, ...tags].map(() => []);
  batches.forEach((b, t) => {
    for (let i = 0; i < b.numRows; i++) {
      sub.forEach((_, j) => columns[j]!.push(b.columns[j]![i]));
      tags.forEach((_, k) => columns[sub.length + k]!.push(keys.columns[k]![t]));
    }
  });
  const right = aliased(t, plan('LocalRelation', { data: makeBatch(new StructType([...fields, ...tags]), columns) }), lat.alias && { name: lat.alias.name });
  // The outer values are computed on the left first: the subquery's own columns may share their names (`LATERAL (SELECT c1)`).
  const n = columnsOf(left).length;
  const outer = refs.map((_, i) => `__lateral_outer${i}`);
  const keyed = plan('Project', { input: left, exprs: [...Array.from({ length: n }, (_, i) => ordinalRef(i)), ...refs.map((k, i) => E.alias(k.ref, outer[i]!))] });
  const match = refs.map((_, i) => E.call('eq_null_safe', [E.col(outer[i]!), E.col(tags[i]!.name)])).reduce((a, b) => E.call('and', [a, b]));
  const joined = plan('Join', { left: keyed, right, joinType: joinType === 'cross' ? 'inner' : joinType, condition: on ? E.call('and', [match, on]) : match });
  const kept = [...Array.from({ length: n }, (_, i) => i), ...sub.map((_, j) => n + refs.length + j)];
  return plan('Project', { input: joined, exprs: kept.map((i) => ordinalRef(i)) });
}

/**
 * `rel PIVOT (agg [AS a], ... FOR col | (c1, c2) IN (v [AS n], ...))`: grouped by
 * every input column the aggregates and pivot columns do not use; the values
 * are constant expressions evaluated and cast to the pivot column's type.
 */
export function pivot(t: Translator, r: Extract<RelationAst, { kind: 'pivot' }>): LogicalPlan {
  const input = relation(t, r.input);
  const { schemaOf, evaluate } = t.opts;
  if (!schemaOf || !evaluate) throw new NotImplementedException('SQL PIVOT without a session', 'the grouping columns come from the input schema');
  const pivotExpr: Expr = r.columns.length === 1 ? E.col(r.columns[0]!) : E.call('struct', r.columns.map((c) => E.col(c)));
  // Spark's checks in its order: the names resolve (the values may name input columns), the pivot
  // column is comparable, the aggregates aggregate, each value is a constant castable to the column's type.
  const types = schemaOf(plan('Project', { input, exprs: [pivotExpr, ...r.values.map((v) => v.expr)] })).fields.map((f) => f.dataType);
  const pivotType = types[0]!;
  if (containsMap(pivotType)) {
    const name = '`' + (r.columns.length === 1 ? r.columns[0]! : `named_struct(${r.columns.map((c) => `'${c}', ${c}`).join(', ')})`) + '`';
    throw analysisError(`Invalid pivot column ${name}. Pivot columns must be comparable.`, 'INCOMPARABLE_PIVOT_COLUMN', { columnName: name });
  }
  for (const a of r.aggs) {
    const column = columnOutsideAggregates(a);
    if (column) {
      // Spark 3.5.7's legacy error (no class), naming the column as its qualified attribute.
      throw new AnalysisException(`Aggregate expression required for pivot, but '${pivotColumnSql(column.name, r.input)}' did not appear in any aggregate function.`);
    }
  }
  r.values.forEach((v, i) => {
    if (exists(v.expr, (x) => x.kind === 'ColumnRef')) {
      throw analysisError(`Literal expressions required for pivot values, found "${safeSql(v.expr)}".`, 'NON_LITERAL_PIVOT_VALUES', { expression: `"${safeSql(v.expr)}"` });
    }
    const valueType = types[1 + i]!;
    if (!canCast(valueType, pivotType)) {
      throw analysisError(
        `Invalid pivot value '${safeSql(v.expr)}': value data type ${valueType.simpleString()} does not match pivot column data type ${pivotType.simpleString()}.`,
        'PIVOT_VALUE_DATA_TYPE_MISMATCH',
        { value: safeSql(v.expr), valueType: valueType.simpleString(), pivotType: pivotType.simpleString() },
      );
    }
  });
  const row = evaluate(plan('Project', { input: oneRow(t), exprs: r.values.map((v, i) => E.alias(E.cast(v.expr, pivotType), `v${i}`)) }));
  const values = row.columns.map((c) => c[0]);
  // grouping columns: the input columns the aggregates and the pivot columns do not reference
  const used = new Set<string>(r.columns.map((c) => c.toLowerCase()));
  for (const a of r.aggs) {
    exists(a, (x) => {
      if (x.kind === 'ColumnRef') used.add(lastPart(x.name).toLowerCase());
      return false;
    });
  }
  const groupBy = schemaOf(input)
    .fields.filter((f) => !used.has(f.name.toLowerCase()))
    .map((f) => E.col(quoteName(f.name)));
  let p: LogicalPlan = plan('Pivot', { input, groupBy, pivotColumn: pivotExpr, values, valuesOfPivotType: true, aggs: r.aggs });
  if (r.values.some((v) => v.alias !== undefined)) {
    // value aliases rename the pivoted columns: `<alias>` or `<alias>_<aggregate name>`
    const nG = groupBy.length;
    const width = schemaOf(p).names.length;
    const aggNames = schemaOf(plan('Aggregate', { input, groupBy: [], aggs: r.aggs })).names;
    const exprs: Expr[] = Array.from({ length: width }, (_, i) => ordinalRef(i));
    r.values.forEach((v, vi) => {
      if (v.alias === undefined) return;
      r.aggs.forEach((_, ai) => {
        const at = nG + vi * r.aggs.length + ai;
        exprs[at] = E.alias(ordinalRef(at), r.aggs.length === 1 ? v.alias! : `${v.alias}_${aggNames[ai]}`);
      });
    });
    p = plan('Project', { input: p, exprs });
  }
  return p;
}

/** The first column an aggregate expression of PIVOT reads outside any aggregate call (Spark checks these only). */
function columnOutsideAggregates(e: Expr): Extract<Expr, { kind: 'ColumnRef' }> | undefined {
  if (e.kind === 'ColumnRef') return e;
  if (e.kind === 'Call' && isAggregateFn(e.fn)) return undefined;
  for (const c of childrenOf(e)) {
    const found = columnOutsideAggregates(c);
    if (found) return found;
  }
  return undefined;
}

/**
 * A column as Spark prints the attribute: with the qualifier of the relation it comes from (its alias,
 * `__auto_generated_subquery_name` for an unnamed subquery, a temp view's lower-cased name). Other
 * inputs (a join, a catalog table) print it unqualified here.
 */
function pivotColumnSql(name: string, input: RelationAst): string {
  const parts = parseIdentifier(name);
  const quote = (p: string): string => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(p) ? p : '`' + p.replace(/`/g, '``') + '`');
  if (parts.length > 1) return parts.map(quote).join('.');
  const qualifier =
    'alias' in input && input.alias
      ? input.alias.name
      : input.kind === 'subquery'
        ? '__auto_generated_subquery_name'
        : input.kind === 'table' && input.parts.length === 1
          ? input.parts[0]!.toLowerCase()
          : undefined;
  return [...(qualifier !== undefined ? [qualifier] : []), parts[0]!].map(quote).join('.');
}

function withOuter(gen: Expr): Expr {
  const inner = stripAlias(gen);
  if (inner.kind !== 'Call' || inner.fn.endsWith('_outer')) return gen;
  const outer = E.call(`${inner.fn}_outer`, inner.args);
  return gen.kind === 'Alias' ? E.alias(outer, gen.name, gen.metadata ? { ...gen.metadata } : undefined) : outer;
}
