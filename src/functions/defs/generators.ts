/**
 * Table-generating functions beyond explode: `inline`/`inline_outer` (one row
 * per struct of an array, columns named after the struct's fields) and
 * `stack(n, v1, ..., vk)` (n rows of ceil(k/n) columns `col0`, `col1`, ...).
 */
import { ArrayType, DataType, IntegerType, NullType, StructField, StructType } from '../../types/data-types.js';
import { castsFor, dataTypeMismatch, sqlTypeName, unexpectedInputType, nonFoldableInput, valueOutOfRange } from '../define.js';
import type { ArgInfo, FunctionDef, ResolveContext } from '../registry.js';
import { withSql } from '../resolve-context.js';
import { foldedValue } from '../../optimizer/rules/constant-folding.js';

interface GenColumn {
  name: string;
  dataType: DataType;
  nullable: boolean;
}

const asStruct = (cols: readonly GenColumn[]): StructType => new StructType(cols.map((c) => new StructField(c.name, c.dataType, c.nullable)));

/** inline's columns: the struct's fields, nullable when the field or the array's elements (or an outer row) can be null. */
function inlineColumns(args: readonly ArgInfo[], outer: boolean, ctx?: ResolveContext): GenColumn[] {
  const t = args[0]!.dataType;
  if (!(t instanceof ArrayType && t.elementType instanceof StructType)) {
    if (ctx) throw unexpectedInputType(withSql(ctx, ctx.sql.replace(/^inline_outer\(/, 'inline(')), 0, '"ARRAY<STRUCT>"', t);
    return [];
  }
  return t.elementType.fields.map((f) => ({ name: f.name, dataType: f.dataType, nullable: f.nullable || t.containsNull || outer }));
}

function inline(name: string, outer: boolean): FunctionDef {
  return {
    name,
    kind: 'generator',
    minArgs: 1,
    maxArgs: 1,
    resolve(args, _call, ctx) {
      return { dataType: asStruct(inlineColumns(args, outer, ctx)), nullable: true };
    },
    generatorOutput: (args) => inlineColumns(args, outer),
  };
}

/** The number of rows of stack: a foldable INT in (0, 2147483647]. */
function stackRows(args: readonly ArgInfo[], ctx: ResolveContext): number {
  const n = args[0]!;
  if (!(n.dataType instanceof IntegerType)) throw unexpectedInputType(ctx, 0, '"INT"', n.dataType);
  // Any constant counts (`stack(CAST(1 AS INT), ...)`), as Spark's foldable does.
  const folded = n.literal ?? foldedValue(n.expr);
  if (!folded || folded.value === null) {
    throw nonFoldableInput(ctx, 0, 'n', '"INT"');
  }
  const v = Number(folded.value);
  if (v <= 0) {
    throw valueOutOfRange(ctx, '`n`', '(0, 2147483647]', String(v));
  }
  return v;
}

/** Column j's type: its values' common type, NULLs aside (Spark compares with the first typed value). */
function stackColumns(args: readonly ArgInfo[], ctx: ResolveContext): { columns: GenColumn[]; casts: (DataType | undefined)[] } {
  const rows = stackRows(args, ctx);
  const k = args.length - 1;
  const width = Math.ceil(k / rows);
  const columns: GenColumn[] = [];
  const casts: (DataType | undefined)[] = [undefined];
  for (let j = 0; j < width; j++) {
    let first: { t: DataType; at: number } | undefined;
    for (let r = 0; r < rows; r++) {
      const at = 1 + r * width + j;
      if (at > k) break;
      const t = args[at]!.dataType;
      if (t instanceof NullType) continue;
      if (!first) first = { t, at };
      else if (!first.t.equals(t)) {
        throw dataTypeMismatch(
          ctx,
          'STACK_COLUMN_DIFF_TYPES',
          `The data type of the column (${j}) do not have the same type: ${sqlTypeName(first.t)} (${first.at}) <> ${sqlTypeName(t)} (${at})`,
          { columnIndex: String(j), leftParamIndex: String(first.at), leftType: sqlTypeName(first.t), rightParamIndex: String(at), rightType: sqlTypeName(t) },
        );
      }
    }
    columns.push({ name: `col${j}`, dataType: first?.t ?? new NullType(), nullable: true });
  }
  for (let at = 1; at <= k; at++) casts.push(columns[(at - 1) % width]!.dataType);
  return { columns, casts: castsFor(args, casts.map((t, i) => t ?? args[i]!.dataType)) };
}

const stack: FunctionDef = {
  name: 'stack',
  kind: 'generator',
  minArgs: 2,
  maxArgs: Infinity,
  resolve(args, _call, ctx) {
    const { columns, casts } = stackColumns(args, ctx);
    return { dataType: asStruct(columns), nullable: true, argTypes: casts };
  },
  generatorOutput(args) {
    const n = args[0]!;
    const folded = n.literal ?? foldedValue(n.expr);
    const rows = folded ? Number(folded.value) : 1;
    const width = Math.ceil((args.length - 1) / Math.max(rows, 1));
    return Array.from({ length: width }, (_, j) => {
      let t: DataType = new NullType();
      for (let at = 1 + j; at < args.length; at += width) if (!(args[at]!.dataType instanceof NullType)) t = args[at]!.dataType;
      return { name: `col${j}`, dataType: t, nullable: true };
    });
  },
};

export const generatorDefs: readonly FunctionDef[] = [inline('inline', false), inline('inline_outer', true), stack];
