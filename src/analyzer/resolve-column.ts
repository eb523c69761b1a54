/**
 * Binding names to input columns: a column reference (qualified, nested, case-insensitive) and
 * star expansion (`*`, `t.*`, column regexes, `struct.*`), with Spark's resolution errors.
 */
import { AnalysisException, ambiguousReference, unresolvedColumn } from '../errors/index.js';
import { E, typeOf, type Expr } from '../expr/nodes.js';
import { javaMatcher } from '../backend/memory/runtime/regex.js';
import {
  StructType,
  } from '../types/data-types.js';
import { parseIdentifier } from './identifiers.js';
import { originOf } from '../expr/origin.js';
import { positionAnalysisError } from '../errors/query-context.js';
import { namesEqual, type AnalyzerContext, type Attribute } from './scope.js';
import type { ExprScope } from './resolve-expr.js';
import { resolveCall } from './resolve-call.js';

/** Expands `*` / `t.*` into bound references to the matching input columns. */
export function expandStars(exprs: readonly Expr[], attrs: readonly Attribute[], ctx: AnalyzerContext): Expr[] {
  return exprs.flatMap((e) => {
    if (e.kind !== 'Star') return [e];
    // colRegex: the whole name must match, case-insensitively unless spark.sql.caseSensitive (as Spark's `(?i)` prefix).
    const re = e.regex === undefined ? undefined : javaMatcher(`^(?:${e.regex})$`, ctx.caseSensitive ? '' : 'i');
    const matching = attrs
      .map((a, i) => ({ a, i }))
      .filter(({ a }) => (e.planId === undefined || a.planIds.has(e.planId)) && (e.target === undefined || a.qualifiers.some((q) => namesEqual(q, e.target!, ctx.caseSensitive))))
      .filter(({ a }) => re === undefined || fullMatch(re, a.name));
    // `*` skips the hidden USING-join keys; `t.*` lists t's hidden keys first, as Spark does.
    const visible = matching.filter(({ a }) => !a.hidden);
    const picked = e.target === undefined ? visible : [...matching.filter(({ a }) => a.hidden), ...visible];
    if (picked.length === 0 && e.target !== undefined && re === undefined) {
      const fields = structStar(e.target, e.planId, attrs, ctx);
      if (fields) return fields;
    }
    // A column regex matching nothing selects nothing (Spark), even under an unknown qualifier.
    if (picked.length === 0 && e.target !== undefined && re === undefined) {
      const q = (n: string): string => '`' + n.replace(/`/g, '``') + '`';
      const targetString = parseIdentifier(e.target).map(q).join('.');
      const columns = attrs.filter((a) => !a.hidden).map((a) => q(a.name)).join(', ');
      const err = new AnalysisException(
        `Cannot resolve ${targetString}.* given input columns ${columns}. Please check that the specified table or struct exists and is accessible in the input columns.`,
        { errorClass: 'CANNOT_RESOLVE_STAR_EXPAND', messageParameters: { targetString, columns } },
      );
      const origin = originOf(e);
      if (origin) positionAnalysisError(err, origin);
      throw err;
    }
    return picked.map(({ a, i }) => E.bound(i, a.name, a.dataType, a.nullable));
  });
}

/** `s.*` for a struct column `s` (no relation answering to `s`): its fields, each named as the field. */
function structStar(target: string, planId: number | undefined, attrs: readonly Attribute[], ctx: AnalyzerContext): Expr[] | undefined {
  let col: Expr;
  try {
    col = resolveColumn(target, planId, false, { attrs, ctx });
  } catch (err) {
    if (AnalysisException.isAnalysisException(err) && (err as AnalysisException).errorClass?.startsWith('UNRESOLVED_COLUMN')) return undefined;
    throw err;
  }
  const t = typeOf(col);
  if (!(t instanceof StructType)) {
    throw new AnalysisException(`Can only star expand struct data types. Attribute: \`ArrayBuffer(${parseIdentifier(target).join(', ')})\`.`);
  }
  return t.fields.map((f) => E.alias(resolveCall(E.call('get_field', [col], { options: { field: f.name } }), [col]), f.name));
}

/** Whether a qualifier (`t`, or `db.t` / `catalog.db.t` for a table) is the written parts. */
function qualifierMatches(qualifier: string, parts: readonly string[], cs: boolean): boolean {
  if (parts.length === 1) return namesEqual(qualifier, parts[0]!, cs);
  const own = qualifier.split('.');
  return own.length === parts.length && own.every((x, i) => namesEqual(x, parts[i]!, cs));
}

/** An attribute's name parts under its fullest qualifier (`spark_catalog`.`db`.`t`.`c`), as Spark's messages list it. */
function qualifiedName(a: Attribute): string[] {
  const longest = a.qualifiers.reduce<string | undefined>((best, q) => (best === undefined || q.split('.').length > best.split('.').length ? q : best), undefined);
  return longest === undefined ? [a.name] : [...longest.split('.'), a.name];
}

/** Binds `name` (possibly `qualifier.name` or `col.field.field`) to an input attribute. */
export function resolveColumn(name: string, planId: number | undefined, quoted: boolean, scope: ExprScope): Expr {
  const { attrs, ctx } = scope;
  const cs = ctx.caseSensitive;
  // A plain name (no dots, no backquotes) is its own single part.
  const plain = quoted || (name !== '' && !name.includes('.') && !name.includes('`'));
  if (plain && planId === undefined) {
    // The common case, without building candidate lists: exactly one visible column of that name.
    const lower = cs ? name : name.toLowerCase();
    let hit = -1;
    for (let i = 0; i < attrs.length; i++) {
      const a = attrs[i]!;
      if (a.hidden || !(a.name === name || (!cs && a.name.toLowerCase() === lower))) continue;
      if (hit >= 0) {
        hit = -2; // ambiguous: the general path below reports it
        break;
      }
      hit = i;
    }
    if (hit >= 0) {
      const a = attrs[hit]!;
      // A column matched case-insensitively takes the name as written (`ID + 1` is named `(ID + 1)`), as Spark's does.
      return E.bound(hit, name, a.dataType, a.nullable);
    }
  }
  // An empty name (a pivot of an empty value names its column '') parses to no parts: it is the name itself.
  const parts = plain || name === '' ? [name] : parseIdentifier(name);
  const indexed = attrs.map((a, i) => ({ a, i }));
  let pool = indexed;
  if (planId !== undefined) {
    pool = indexed.filter((c) => c.a.planIds.has(planId));
    if (pool.length === 0) {
      throw new AnalysisException(
        `Cannot resolve dataframe column "${name}". It's probably because of illegal references like \`df1.select(df2.col("a"))\`.`,
        { errorClass: 'CANNOT_RESOLVE_DATAFRAME_COLUMN', messageParameters: { name } },
      );
    }
  }
  // Qualified match first (`t.col`), then unqualified with nested field access (`col.field`).
  let matches: typeof pool = [];
  let nested: string[] = [];
  // The longest qualifier first: `spark_catalog.db.t.col`, `db.t.col`, then `t.col` (each part compared as a name).
  for (let k = Math.min(3, parts.length - 1); k >= 1 && matches.length === 0; k--) {
    const q = parts.slice(0, k);
    matches = pool.filter((c) => c.a.qualifiers.some((x) => qualifierMatches(x, q, cs)) && namesEqual(c.a.name, parts[k]!, cs));
    nested = parts.slice(k + 1);
  }
  // Hidden USING-join keys answer only to their qualifier (or to their DataFrame, `df.col`).
  const unqualified = planId === undefined ? pool.filter((c) => !c.a.hidden) : pool;
  if (matches.length === 0) {
    matches = unqualified.filter((c) => namesEqual(c.a.name, parts[0]!, cs));
    nested = parts.slice(1);
  }
  if (matches.length === 0 && parts.length > 1) {
    // A column whose own name contains dots, referenced without backquotes.
    matches = unqualified.filter((c) => namesEqual(c.a.name, name, cs));
    nested = [];
  }
  if (matches.length > 1 && planId === undefined) {
    // The same column reached twice (e.g. through both join inputs' qualifiers) is still ambiguous in Spark.
    throw ambiguousReference(parts, matches.map((m) => qualifiedName(m.a)));
  }
  const hit = matches[0];
  if (!hit) {
    throw unresolvedColumn(parts, attrs.filter((a) => !a.hidden).map(qualifiedName));
  }
  const written = parts[parts.length - 1 - nested.length]!;
  const named = namesEqual(written, hit.a.name, false) ? written : hit.a.name;
  let expr: Expr = E.bound(hit.i, named, hit.a.dataType, hit.a.nullable);
  for (const field of nested) {
    expr = resolveCall(E.call('get_field', [expr], { options: { field } }), [expr]);
  }
  return expr;
}


function fullMatch(re: RegExp, s: string): boolean {
  const m = re.exec(s);
  return m !== null && m.index === 0 && m[0].length === s.length;
}
