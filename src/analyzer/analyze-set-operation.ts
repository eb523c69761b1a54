/**
 * union / intersect / except: aligns columns (by position, or by name for
 * unionByName), widens each column to a common type with casts on either
 * side, and names the output after the left input, as Spark does.
 */
import { AnalysisException } from '../errors/index.js';
import { E, typeOf, type Expr } from '../expr/nodes.js';
import { sqlTypeName } from '../functions/define.js';
import { plan, withProps, type LogicalPlan, type PlanOfKind } from '../plan/nodes.js';
import { findWiderCommonType } from '../types/coercion.js';
import type { DataType } from '../types/data-types.js';
import { nameExpr } from './analyze-project.js';
import { coerceTo } from './resolve-call.js';
import { namesEqual, schemaFromAttributes, type AnalyzerContext, type Analyzed, type Attribute } from './scope.js';

const OP_NAME = { union: 'UNION', intersect: 'INTERSECT', except: 'EXCEPT' } as const;

export function analyzeSetOperation(p: PlanOfKind<'SetOperation'>, left: Analyzed, right: Analyzed, ctx: AnalyzerContext): Analyzed {
  let l = left;
  let r = right;
  if (p.byName) ({ l, r } = alignByName(left, right, p.allowMissingColumns ?? false, ctx));
  const opName = OP_NAME[p.op] + (p.all && p.op !== 'union' ? ' ALL' : '');
  if (l.attrs.length !== r.attrs.length) {
    throw new AnalysisException(
      `${opName} can only be performed on inputs with the same number of columns, but the first input has ${l.attrs.length} columns and the second input has ${r.attrs.length} columns.`,
      {
        errorClass: 'NUM_COLUMNS_MISMATCH',
        messageParameters: { operator: opName, firstNumColumns: String(l.attrs.length), invalidNumColumns: String(r.attrs.length) },
      },
    );
  }
  const types: DataType[] = l.attrs.map((a, i) => {
    const b = r.attrs[i]!;
    const t = findWiderCommonType(a.dataType, b.dataType, ctx.ansiEnabled === true);
    if (!t) {
      throw new AnalysisException(
        // Spark 3.5's wording, trailing '..' included (its template ends in a period after a sentence that has one).
        `${opName} can only be performed on tables with compatible column types. The ${ordinal(i)} column of the second table is ${sqlTypeName(b.dataType)} type which is not compatible with ${sqlTypeName(a.dataType)} at the same column of the first table..`,
        { errorClass: 'INCOMPATIBLE_COLUMN_TYPE' },
      );
    }
    return t;
  });
  const lc = castSide(l, types, p.id, ctx.ansiEnabled === true);
  const rc = castSide(r, types, p.id, ctx.ansiEnabled === true);
  const attrs: Attribute[] = lc.attrs.map((a, i) => ({
    ...a,
    // Spark: UNION is nullable where either side is, INTERSECT only where both are, EXCEPT as its left side.
    nullable: p.op === 'union' ? a.nullable || rc.attrs[i]!.nullable : p.op === 'intersect' ? a.nullable && rc.attrs[i]!.nullable : a.nullable,
    planIds: new Set([...a.planIds]),
  }));
  const node = withProps(p, {
    left: lc.plan,
    right: rc.plan,
    byName: undefined,
    allowMissingColumns: undefined,
    schema: schemaFromAttributes(attrs),
  });
  const clean = Object.freeze(Object.fromEntries(Object.entries(node).filter(([, v]) => v !== undefined))) as LogicalPlan;
  return { plan: clean, attrs };
}

/** Projects one side to the common column types (no-op when already aligned). */
function castSide(side: Analyzed, types: readonly DataType[], planId: number, ansi: boolean): Analyzed {
  if (side.attrs.every((a, i) => a.dataType.equals(types[i]!))) return side;
  const exprs: Expr[] = side.attrs.map((a, i) => nameExpr(coerceTo(E.bound(i, a.name, a.dataType, a.nullable), types[i]!, ansi), a.name));
  // A cast that can fail makes the column nullable (ANSI's `'1' UNION SELECT 2` is a nullable BIGINT).
  const attrs = side.attrs.map((a, i) => ({ ...a, dataType: types[i]!, nullable: exprs[i]!.nullable ?? true, planIds: new Set([...a.planIds, planId]) }));
  const project = withProps(plan('Project', { input: side.plan, exprs }), { schema: schemaFromAttributes(attrs) });
  return { plan: project as LogicalPlan, attrs };
}

/** unionByName: reorders the right side to the left's names, adding null columns when allowed. */
function alignByName(left: Analyzed, right: Analyzed, allowMissing: boolean, ctx: AnalyzerContext): { l: Analyzed; r: Analyzed } {
  const cs = ctx.caseSensitive;
  const find = (attrs: readonly Attribute[], name: string) => attrs.findIndex((a) => namesEqual(a.name, name, cs));
  const rightOnly = right.attrs.filter((a) => find(left.attrs, a.name) < 0);
  if (!allowMissing) {
    for (const a of left.attrs) {
      if (find(right.attrs, a.name) < 0) {
        throw new AnalysisException(`Cannot resolve column name "${a.name}" among (${right.attrs.map((x) => x.name).join(', ')}).`, {
          errorClass: 'UNRESOLVED_COLUMN_AMONG_FIELD_NAMES',
        });
      }
    }
    if (rightOnly.length > 0) {
      throw new AnalysisException(
        `UNION can only be performed on inputs with the same number of columns, but the first input has ${left.attrs.length} columns and the second input has ${right.attrs.length} columns.`,
        { errorClass: 'NUM_COLUMNS_MISMATCH' },
      );
    }
  }
  const nullCol = (a: Attribute): Expr => nameExpr(E.lit(null, a.dataType), a.name);
  const lExprs: Expr[] = [
    ...left.attrs.map((a, i) => E.bound(i, a.name, a.dataType, a.nullable)),
    ...rightOnly.map(nullCol),
  ];
  const rExprs: Expr[] = [
    ...left.attrs.map((a) => {
      const j = find(right.attrs, a.name);
      return j >= 0 ? nameExpr(E.bound(j, right.attrs[j]!.name, right.attrs[j]!.dataType, right.attrs[j]!.nullable), a.name) : nullCol(a);
    }),
    ...rightOnly.map((a) => {
      const j = find(right.attrs, a.name);
      return E.bound(j, a.name, a.dataType, a.nullable);
    }),
  ];
  const project = (side: Analyzed, exprs: Expr[], names: Attribute[]): Analyzed => {
    // Names come from the left side, types from the side's own columns: the
    // common-type check and casts in analyzeSetOperation run on these.
    const attrs = exprs.map((e, i) => ({
      ...names[i]!,
      dataType: typeOf(e),
      nullable: e.kind === 'Literal' ? true : (e.nullable ?? true),
    }));
    if (exprs.length === side.attrs.length && exprs.every((e, i) => e.kind === 'BoundRef' && e.index === i)) return side;
    const p = withProps(plan('Project', { input: side.plan, exprs }), { schema: schemaFromAttributes(attrs) });
    return { plan: p as LogicalPlan, attrs };
  };
  const names = [...left.attrs, ...rightOnly];
  return { l: project(left, lExprs, names), r: project(right, rExprs, names) };
}

/** Spark's column ordinal in set-operation errors: first/second/third, then `${n}th` for every later one (21th too). */
function ordinal(index: number): string {
  return ['first', 'second', 'third'][index] ?? `${index + 1}th`;
}
