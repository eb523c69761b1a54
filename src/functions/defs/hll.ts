/**
 * The DataSketches HLL functions of Spark 3.5 (hll_sketch_agg, hll_union_agg,
 * hll_sketch_estimate, hll_union): input types exactly as Spark's (no implicit
 * casts), the optional constant shown in the auto-generated name
 * (`hll_sketch_agg(a, 12)`, `hll_union(x, y, false)`).
 */
import { BinaryType, BooleanType, IntegerType, LongType, NullType, StringType, BINARY, BOOLEAN, LONG, type DataType } from '../../types/data-types.js';
import { anyNullable, castsFor, unexpectedInputType } from '../define.js';
import type { ArgInfo, FunctionDef, ResolveContext } from '../registry.js';

function requireType(args: readonly ArgInfo[], i: number, ctx: ResolveContext, expected: string, ok: (t: DataType) => boolean): void {
  if (!ok(args[i]!.dataType)) throw unexpectedInputType(ctx, i, expected, args[i]!.dataType);
}

// A NULL literal is taken (cast to the parameter's type), as Spark takes hll_sketch_estimate(NULL).
const isBinary = (t: DataType): boolean => t instanceof BinaryType || t instanceof NullType;
const isBoolean = (t: DataType): boolean => t instanceof BooleanType || t instanceof NullType;
/** Spark's name shows the optional last parameter's default when it is left out. */
const withDefault = (name: string, arity: number, dflt: string) => (a: readonly string[]) =>
  `${name}(${(a.length < arity ? [...a, dflt] : a).join(', ')})`;

export const hllDefs: readonly FunctionDef[] = [
  {
    name: 'hll_sketch_agg',
    kind: 'aggregate',
    minArgs: 1,
    maxArgs: 2,
    resolve(args, _call, ctx) {
      requireType(args, 0, ctx, '("INT" or "BIGINT" or "STRING" or "BINARY")', (t) => t instanceof IntegerType || t instanceof LongType || t instanceof StringType || isBinary(t));
      // (a NULL column is taken: every row is skipped)
      if (args[1]) requireType(args, 1, ctx, '"INT"', (t) => t instanceof IntegerType);
      return { dataType: BINARY, nullable: false, argTypes: [] };
    },
    sql: withDefault('hll_sketch_agg', 2, '12'),
  },
  {
    name: 'hll_union_agg',
    kind: 'aggregate',
    minArgs: 1,
    maxArgs: 2,
    resolve(args, _call, ctx) {
      requireType(args, 0, ctx, '"BINARY"', isBinary);
      if (args[1]) requireType(args, 1, ctx, '"BOOLEAN"', isBoolean);
      return { dataType: BINARY, nullable: false, argTypes: castsFor(args, [BINARY, BOOLEAN]) };
    },
    sql: withDefault('hll_union_agg', 2, 'false'),
  },
  {
    name: 'hll_sketch_estimate',
    kind: 'scalar',
    minArgs: 1,
    maxArgs: 1,
    nullIntolerant: true,
    resolve(args, _call, ctx) {
      requireType(args, 0, ctx, '"BINARY"', isBinary);
      return { dataType: LONG, nullable: args[0]!.nullable, argTypes: castsFor(args, [BINARY]) };
    },
  },
  {
    name: 'hll_union',
    kind: 'scalar',
    minArgs: 2,
    maxArgs: 3,
    nullIntolerant: true,
    resolve(args, _call, ctx) {
      requireType(args, 0, ctx, '"BINARY"', isBinary);
      requireType(args, 1, ctx, '"BINARY"', isBinary);
      if (args[2]) requireType(args, 2, ctx, '"BOOLEAN"', isBoolean);
      return { dataType: BINARY, nullable: anyNullable(args), argTypes: castsFor(args, [BINARY, BINARY, BOOLEAN]) };
    },
    sql: withDefault('hll_union', 3, 'false'),
  },
];
