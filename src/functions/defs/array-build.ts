/**
 * Array functions that build, reshape or index arrays: array_compact,
 * array_repeat, array_size, flatten, slice, sequence, shuffle, arrays_zip,
 * array_sort (with or without a comparator lambda), try_element_at and get.
 */
import {
  ArrayType,
  DataType,
  DateType,
  IntegralType,
  MapType,
  NullType,
  StructField,
  StructType,
  TimestampNTZType,
  TimestampType,
  INT,
} from '../../types/data-types.js';
import { findTightestCommonType } from '../../types/coercion.js';
import { isIntervalType } from '../../types/intervals.js';
import { castsFor, coerceArg, dataTypeMismatch, fn, implicitCast, sqlTypeName, unexpectedInputType } from '../define.js';
import { requireArrayOrMap, strictInt } from '../arg-checks.js';
import type { FunctionDef, LambdaParam } from '../registry.js';
import { arrayArg, elementNullable } from './array-set.js';
import { mapAndKey } from './map.js';

const arrayCompact = fn('array_compact', {
  inputs: ['array'],
  returns: (t) => t[0]!,
  nullIntolerant: true,
});

const arraySize = fn('array_size', { inputs: ['array'], returns: INT, nullIntolerant: true });

const arrayRepeat: FunctionDef = {
  name: 'array_repeat',
  kind: 'scalar',
  minArgs: 2,
  maxArgs: 2,
  resolve(args, _call, ctx) {
    strictInt(args, 1, ctx);
    return { dataType: new ArrayType(args[0]!.dataType, args[0]!.nullable), nullable: args[1]!.nullable, argTypes: castsFor(args, [args[0]!.dataType, INT]) };
  },
};

/** flatten(array<array<T>>): null when the outer array or any inner one is null. */
const flatten: FunctionDef = {
  name: 'flatten',
  kind: 'scalar',
  minArgs: 1,
  maxArgs: 1,
  nullIntolerant: true,
  resolve(args, _call, ctx) {
    const t = args[0]!.dataType;
    if (t instanceof NullType) return { dataType: new ArrayType(new NullType(), true), nullable: true, argTypes: [new ArrayType(new ArrayType(new NullType()))] };
    if (!(t instanceof ArrayType && (t.elementType instanceof ArrayType || t.elementType instanceof NullType))) {
      throw unexpectedInputType(ctx, 0, '"ARRAY" of "ARRAY"', t);
    }
    const inner = t.elementType instanceof ArrayType ? t.elementType : new ArrayType(new NullType(), true);
    return { dataType: new ArrayType(inner.elementType, inner.containsNull), nullable: args[0]!.nullable || t.containsNull };
  },
};

const slice = fn('slice', { inputs: ['array', INT, INT], returns: (t) => t[0]!, nullIntolerant: true });

const SEQUENCE_RULES =
  '`sequence` uses the wrong parameter type. The parameter type must conform to:\n' +
  '1. The start and stop expressions must resolve to the same type.\n' +
  '2. If start and stop expressions resolve to the ("TIMESTAMP" or "TIMESTAMP_NTZ" or "DATE") type, then the step expression must resolve to the ("INTERVAL" or "INTERVAL YEAR TO MONTH" or "INTERVAL DAY TO SECOND") type.\n' +
  '3. Otherwise, if start and stop expressions resolve to the "INTEGRAL" type, then the step expression must resolve to the same type';

const isDatetime = (t: DataType): boolean => t instanceof DateType || t instanceof TimestampType || t instanceof TimestampNTZType;

/**
 * sequence(start, stop[, step]): integral bounds with an integral step, or
 * date/timestamp bounds with an interval step (year-month, day-time or
 * calendar; one day by default). Any other step is Spark's
 * SEQUENCE_WRONG_INPUT_TYPES.
 */
const sequence: FunctionDef = {
  name: 'sequence',
  kind: 'scalar',
  minArgs: 2,
  maxArgs: 3,
  nullIntolerant: true,
  resolve(args, _call, ctx) {
    const wrong = () => dataTypeMismatch(ctx, 'SEQUENCE_WRONG_INPUT_TYPES', SEQUENCE_RULES, { functionName: '`sequence`' });
    const types = args.map((a) => a.dataType);
    const common = types.reduce<DataType | undefined>((acc, t) => acc && findTightestCommonType(acc, t), types[0]);
    const bounds = findTightestCommonType(types[0]!, types[1]!);
    if (!bounds || !(bounds instanceof IntegralType || isDatetime(bounds))) throw wrong();
    if (isDatetime(bounds)) {
      if (args.length === 3 && !isIntervalType(types[2]!)) throw wrong();
      const argTypes = castsFor(args, args.length === 3 ? [bounds, bounds, types[2]!] : [bounds, bounds]);
      return { dataType: new ArrayType(bounds, false), nullable: args.some((a) => a.nullable), argTypes };
    }
    if (!common || !(common instanceof IntegralType)) throw wrong();
    return { dataType: new ArrayType(common, false), nullable: args.some((a) => a.nullable), argTypes: castsFor(args, args.map(() => common)) };
  },
};

/** shuffle(array): a random permutation (seeded by the `seed` option when given). */
const shuffle = fn('shuffle', { inputs: ['array'], returns: (t) => t[0]!, nondeterministic: true, nullIntolerant: true });

/** arrays_zip(a, b, ...): structs named after the arguments (column names), else their positions. */
const arraysZip: FunctionDef = {
  name: 'arrays_zip',
  kind: 'scalar',
  minArgs: 0,
  maxArgs: Infinity,
  resolve(args, _call, ctx) {
    const arrays = args.map((_, i) => arrayArg(args, i, ctx));
    const fields = arrays.map((a, i) => new StructField(args[i]!.name ?? String(i), a.elementType, true));
    return { dataType: new ArrayType(new StructType(fields), false), nullable: args.some((a) => a.nullable), argTypes: castsFor(args, arrays) };
  },
};

/** try_element_at: element_at that gives NULL where element_at fails (index out of range in ANSI mode, a missing map key). */
const tryElementAt: FunctionDef = {
  name: 'try_element_at',
  kind: 'scalar',
  minArgs: 2,
  maxArgs: 2,
  nullIntolerant: true,
  resolve(args, _call, ctx) {
    const t = args[0]!.dataType;
    if (t instanceof MapType) return { dataType: t.valueType, nullable: true, argTypes: mapAndKey('try_element_at', args, ctx).argTypes };
    requireArrayOrMap(args, 0, ctx);
    const arr = arrayArg(args, 0, ctx);
    return { dataType: arr.elementType, nullable: elementNullable(args[0]!, args[1]!, 1), argTypes: castsFor(args, [arr, coerceArg(args, 1, INT, ctx)]) };
  },
};

/** get(array, index): 0-based, NULL outside the array (never an error). */
const get: FunctionDef = {
  name: 'get',
  kind: 'scalar',
  minArgs: 2,
  maxArgs: 2,
  nullIntolerant: true,
  resolve(args, _call, ctx) {
    const arr = arrayArg(args, 0, ctx);
    const idx = implicitCast(args[1]!.dataType, INT);
    if (!idx) throw unexpectedInputType(ctx, 1, '"INT"', args[1]!.dataType);
    return { dataType: arr.elementType, nullable: elementNullable(args[0]!, args[1]!, 0), argTypes: castsFor(args, [arr, idx]) };
  },
};

/** The comparator Spark fills in for array_sort(a): ascending, nulls last (it shows in the column name). */
const DEFAULT_COMPARATOR =
  'lambdafunction((IF(((namedlambdavariable() IS NULL) AND (namedlambdavariable() IS NULL)), 0, (IF((namedlambdavariable() IS NULL), 1, ' +
  '(IF((namedlambdavariable() IS NULL), -1, (IF((namedlambdavariable() < namedlambdavariable()), -1, ' +
  '(IF((namedlambdavariable() > namedlambdavariable()), 1, 0)))))))))), namedlambdavariable(), namedlambdavariable())';

/** array_sort(array[, (left, right) -> int]): the comparator must return an INT. */
const arraySort: FunctionDef = {
  name: 'array_sort',
  kind: 'scalar',
  minArgs: 1,
  maxArgs: 2,
  lambdaParams(args, index): readonly LambdaParam[] | undefined {
    if (index !== 1) return undefined;
    const t = args[0]?.dataType;
    const elem = t instanceof ArrayType ? t.elementType : new NullType();
    return [
      { dataType: elem, nullable: true },
      { dataType: elem, nullable: true },
    ];
  },
  resolve(args, _call, ctx) {
    const arr = arrayArg(args, 0, ctx);
    if (args.length === 2) {
      const r = args[1]!.dataType;
      if (!(r.equals(INT) || r instanceof NullType)) {
        throw dataTypeMismatch(ctx, 'UNEXPECTED_RETURN_TYPE', `The \`lambdafunction\` requires return "INT" type, but the actual is ${sqlTypeName(r)} type`, {
          functionName: '`lambdafunction`',
          expectedType: '"INT"',
          actualType: sqlTypeName(r),
        });
      }
    }
    return { dataType: arr, nullable: args[0]!.nullable, argTypes: castsFor(args.slice(0, 1), [arr]) };
  },
  sql: (a) => `array_sort(${[...a, ...(a.length === 1 ? [DEFAULT_COMPARATOR] : [])].join(', ')})`,
};

export const arrayBuildDefs: readonly FunctionDef[] = [
  arrayCompact,
  arraySize,
  arrayRepeat,
  flatten,
  slice,
  sequence,
  shuffle,
  arraysZip,
  tryElementAt,
  get,
  arraySort,
];
