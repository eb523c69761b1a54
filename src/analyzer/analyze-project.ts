/**
 * `select`/`withColumn`: expands `*`, and pulls aggregates, window functions
 * and generators out of the projection into their own plan nodes (Aggregate,
 * Window, Generate), as Spark's analyzer does, so a resolved Project holds
 * plain scalar expressions only.
 */
import { AnalysisException } from '../errors/index.js';
import { E, children, exists, mapChildren, typeOf, type Alias, type Call, type Expr, type WindowExpr } from '../expr/nodes.js';
import { exprSql } from '../expr/naming.js';
import { exprKey } from '../expr/key.js';
import { hasFunction, lookupFunction } from '../functions/registry.js';
import { plan, withProps, type LogicalPlan, type PlanOfKind } from '../plan/nodes.js';
import { StructField, StructType } from '../types/data-types.js';
import { analyzeAggregateExprs } from './analyze-aggregate.js';
import { isAggregateCall, projectAttributes } from './analyzer.js';
import { resolveCall } from './resolve-call.js';
import { expandStars } from './resolve-column.js';
import { resolveExpr } from './resolve-expr.js';
import { extractInputFile } from './input-file.js';
import { extractTimeWindows } from './time-windows.js';
import { parseIdentifier } from './identifiers.js';
import { schemaFromAttributes, type AnalyzerContext, type Analyzed, type Attribute } from './scope.js';

const isGeneratorCall = (e: Expr): e is Call => e.kind === 'Call' && lookupFunction(e.fn).kind === 'generator';
const isGeneratorName = (e: Expr): boolean => e.kind === 'Call' && hasFunction(e.fn) && lookupFunction(e.fn).kind === 'generator';

/** A generator only stands alone in a select item (`explode(x) + 1`, `explode(explode(x))` are rejected, as in Spark). */
function checkNestedGenerator(item: Expr): void {
  const top = item.kind === 'Alias' ? item.child : item;
  const below = isGeneratorName(top) ? (top as Call).args : [top];
  if (!below.some((x) => exists(x, isGeneratorName))) return;
  const sql = exprSql(top);
  throw new AnalysisException(`The generator is not supported: nested in expressions "${sql}".`, {
    errorClass: 'UNSUPPORTED_GENERATOR.NESTED_IN_EXPRESSIONS',
    messageParameters: { expression: `"${sql}"` },
  });
}

function containsAggregate(e: Expr): boolean {
  if (e.kind === 'WindowExpr') return false;
  if (isAggregateCall(e)) return true;
  return children(e).some(containsAggregate);
}

export function containsWindow(e: Expr): boolean {
  return e.kind === 'WindowExpr' || children(e).some(containsWindow);
}

/** Name of a projected expression: alias, column name, or Spark's pretty SQL. */
export const nameOf = (e: Expr): string => (e.kind === 'Alias' ? e.name : castOfNamed(e) ?? exprSql(e));

/**
 * Spark names an unaliased explicit cast of a column or alias after it
 * (ResolveAliases: `CAST(age AS STRING)` is called `age`); any other cast keeps its SQL text.
 */
function castOfNamed(e: Expr): string | undefined {
  if (e.kind !== 'Cast' || e.implicit) return undefined;
  return e.child.kind === 'BoundRef' || (e.child.kind === 'Alias' && !e.child.typedLiteral) ? e.child.name : undefined;
}

/** As `nameOf`, except that a selected nested field (`'s.f'`) is named after the field, as Spark names it. */
export function selectedName(unresolved: Expr, resolved: Expr): string {
  if (unresolved.kind === 'ColumnRef' && resolved.kind === 'Call') {
    if (resolved.fn === 'get_field') return String(resolved.options?.field);
    // A map key reached by a path (`m.k`) is named after the key, as a field is.
    const key = resolved.args[1];
    if (resolved.fn === 'get_item' && key?.kind === 'Literal') return String(key.value);
  }
  // A column matched case-insensitively is named as the reference is written (`SELECT ID FROM range(1)` is `ID`).
  if (unresolved.kind === 'ColumnRef' && resolved.kind === 'BoundRef') {
    const written = writtenName(unresolved.name);
    if (written !== undefined && written !== resolved.name && written.toLowerCase() === resolved.name.toLowerCase()) return written;
  }
  return nameOf(resolved);
}

export function analyzeProject(p: PlanOfKind<'Project'>, source: Analyzed, ctx: AnalyzerContext): Analyzed {
  const expanded = expandStars(p.exprs, source.attrs, ctx);
  expanded.forEach(checkNestedGenerator);
  const scope = { attrs: source.attrs, ctx };
  // A window()/session_window() call becomes a column computed below the projection.
  // So do the input_file_* functions (columns of the file read below).
  const fileCols = extractInputFile(
    expanded.map((e) => resolveExpr(e, scope)),
    source,
  );
  const { base: input, exprs: resolved } = extractTimeWindows(fileCols.exprs, fileCols.base);
  const names = resolved.map((e, i) => selectedName(expanded[i]!, e));

  if (resolved.some(containsAggregate)) {
    // `df.select(sum(x))`: a global aggregate.
    return analyzeAggregateExprs(p.id, input, [], resolved, ctx);
  }

  let base: Analyzed = input;
  let exprs = resolved;
  // Several generators nest, one Generate per generator in select-list order (Spark's ExtractGenerator
  // extracts the first one each round): `stack(...), stack(...)` is their cross product.
  const isGen = (e: Expr): boolean => isGeneratorCall(e.kind === 'Alias' ? e.child : e);
  for (let at = exprs.findIndex(isGen); at >= 0; at = exprs.findIndex(isGen)) {
    const before = exprs.length;
    ({ base, exprs } = extractGenerator(exprs, at, base, ctx));
    // The generator's slot now holds its output columns (bound references), named by the generator.
    names.splice(at, 1, ...exprs.slice(at, at + exprs.length - before + 1).map(nameOf));
  }
  if (exprs.some(containsWindow)) {
    ({ base, exprs } = extractWindows(exprs, base, p.id));
  }
  const aliased = exprs.map((e, i) => nameExpr(e, names[i]!));
  const attrs = projectAttributes(aliased, names, base.attrs, p.id);
  const project = withProps(p, { input: base.plan, exprs: aliased, schema: schemaFromAttributes(attrs) });
  return { plan: project, attrs };
}

/** The last part of a column reference's name (`t.ID` → `ID`), undefined when it does not parse. */
function writtenName(name: string): string | undefined {
  try {
    return parseIdentifier(name).at(-1);
  } catch {
    return undefined;
  }
}

/** Wraps an expression in an Alias carrying its output name, unless it is a same-named column. */
export function nameExpr(e: Expr, name: string): Expr {
  if (e.kind === 'BoundRef' && e.name === name) return e;
  // Renamed only in case (a column referenced as written): still the same column, not an alias.
  if (e.kind === 'BoundRef' && e.name.toLowerCase() === name.toLowerCase()) return Object.freeze({ ...e, name });
  if (e.kind === 'Alias') return e.name === name ? e : Object.freeze({ ...e, name });
  return Object.freeze({ ...E.alias(e, name), dataType: typeOf(e), nullable: e.nullable ?? true });
}

function extractGenerator(
  exprs: readonly Expr[],
  at: number,
  input: Analyzed,
  ctx: AnalyzerContext,
): { base: Analyzed; exprs: Expr[] } {
  const target = exprs[at]!;
  const call = (target.kind === 'Alias' ? target.child : target) as Call;
  const def = lookupFunction(call.fn);
  const outputs = def.generatorOutput!(
    call.args.map((a) => ({ expr: a, dataType: typeOf(a), nullable: a.nullable ?? true })),
    call,
  );
  const names =
    target.kind === 'Alias'
      ? outputs.length === 1
        ? [target.name]
        : ((target.metadata?.['multiAlias'] as string[] | undefined) ?? outputs.map((o) => o.name))
      : outputs.map((o) => o.name);
  if (names.length !== outputs.length) {
    throw new AnalysisException(
      `The number of aliases supplied in the AS clause does not match the number of columns output by the UDTF. Expected ${outputs.length} aliases, but got ${names.join(',')}. Please ensure that the number of aliases provided matches the number of columns output by the UDTF.`,
      { errorClass: 'UDTF_ALIAS_NUMBER_MISMATCH' },
    );
  }
  const outer = call.fn.endsWith('_outer');
  // `LATERAL VIEW gen(...) t AS a`: the view's name qualifies its columns
  const qualifier = target.kind === 'Alias' ? target.metadata?.['qualifier'] : undefined;
  const genAttrs: Attribute[] = outputs.map((o, i) => ({
    name: names[i]!,
    dataType: o.dataType,
    nullable: o.nullable,
    metadata: {},
    qualifiers: typeof qualifier === 'string' ? [qualifier] : [],
    planIds: new Set<number>(),
  }));
  const allAttrs = [...input.attrs, ...genAttrs];
  const generate = plan('Generate', {
    input: input.plan,
    generator: resolveCall(call, call.args),
    outer,
    outputNames: names,
  });
  const resolvedGenerate = withProps(generate, { schema: schemaFromAttributes(allAttrs) });
  const n = input.attrs.length;
  const refs = genAttrs.map((a, i) => E.bound(n + i, a.name, a.dataType, a.nullable));
  // The generator's slot in the select list becomes its output column(s).
  const newExprs = [...exprs.slice(0, at), ...refs, ...exprs.slice(at + 1)];
  void ctx;
  return { base: { plan: resolvedGenerate, attrs: allAttrs }, exprs: newExprs };
}

/** Moves every window expression into a Window node and references its output instead. */
export function extractWindows(exprs: readonly Expr[], input: Analyzed, planId: number): { base: Analyzed; exprs: Expr[] } {
  const windows: Alias[] = [];
  const keys = new Map<string, number>();
  const n = input.attrs.length;
  const replace = (e: Expr): Expr => {
    if (e.kind === 'WindowExpr') {
      const key = exprKey(e);
      let idx = keys.get(key);
      if (idx === undefined) {
        idx = windows.length;
        keys.set(key, idx);
        windows.push(Object.freeze({ ...E.alias(e, `_w${idx}`), dataType: typeOf(e), nullable: e.nullable ?? true }) as Alias);
      }
      return E.bound(n + idx, exprSql(e), typeOf(e), e.nullable ?? true);
    }
    return mapChildren(e, replace);
  };
  const newExprs = exprs.map((e) => (e.kind === 'Alias' ? Object.freeze({ ...e, child: replace(e.child) }) : replace(e)));
  const windowAttrs: Attribute[] = windows.map((w) => ({
    name: exprSql(w.child as WindowExpr),
    dataType: typeOf(w),
    nullable: w.nullable ?? true,
    metadata: {},
    qualifiers: [],
    planIds: new Set([planId]),
  }));
  const attrs = [...input.attrs, ...windowAttrs];
  const windowNode = withProps(plan('Window', { input: input.plan, windowExprs: windows }), {
    schema: new StructType(attrs.map((a) => new StructField(a.name, a.dataType, a.nullable, a.metadata))),
  });
  return { base: { plan: windowNode as LogicalPlan, attrs }, exprs: newExprs };
}
