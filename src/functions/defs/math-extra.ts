/**
 * Arithmetic and bit functions added to PySpark's list in 3.x: try_* arithmetic
 * (null instead of overflow), pmod, positive, cot/csc/sec, bin, conv,
 * width_bucket, shifts, bit_count and bit_get. Types follow Spark 3.5's
 * Catalyst expressions (checked against Spark 3.5.7).
 */
import { BooleanType, BYTE, BINARY, DOUBLE, INT, LONG, LongType, STRING, type DataType } from '../../types/data-types.js';
import { callSql, castsFor, fn, implicitCast, unexpectedInputType, unaryOverTypes } from '../define.js';
import type { FunctionDef, ResolveContext } from '../registry.js';
import { withSql } from '../resolve-context.js';
import { avgType, sumType } from './aggregate.js';
import { arithmetic } from './operators.js';

/**
 * An arithmetic operator's typing under a function name (`try_add(a, b)`, `pmod(a, b)`).
 * `symbol`: the operator a try_* function stands for, which Spark's type errors name
 * (`try_add('1', '2')` fails as "(1 + 2)"); pmod's errors name pmod itself.
 */
function arithmeticFunction(name: string, base: string, alwaysNullable: boolean, symbol?: string): FunctionDef {
  const op = arithmetic(base, '');
  return {
    ...op,
    name,
    // try_* catch overflow (and try_divide division by zero) and give null.
    nullIntolerant: true,
    resolve(args, call, ctx) {
      const opCtx = symbol ? operatorContext(ctx, symbol) : ctx;
      const r = op.resolve(args, call, opCtx);
      return alwaysNullable ? { ...r, nullable: true } : r;
    },
    sql: (a) => callSql(name, a),
  };
}

/** `ctx` with the call written as the operator `symbol` (its texts built on first use, as resolveCall's are). */
const operatorContext = (ctx: ResolveContext, symbol: string): ResolveContext => withSql(ctx, () => `(${ctx.argSql[0]} ${symbol} ${ctx.argSql[1]})`);

/** cot/csc/sec: doubles; Spark declares them nullable. */
const reciprocalTrig = (name: string): FunctionDef =>
  fn(name, { inputs: [DOUBLE], returns: DOUBLE, nullable: true, nullIntolerant: true, sql: name.toUpperCase() });

/** Shifts take an int or bigint value (smaller integers and strings are cast to int) and an int amount. */
const shift = (name: string): FunctionDef => ({
  name,
  kind: 'scalar',
  minArgs: 2,
  maxArgs: 2,
  nullIntolerant: true,
  resolve(args, _call, ctx) {
    const t = args[0]!.dataType;
    const value: DataType | undefined = t instanceof LongType ? LONG : implicitCast(t, INT);
    if (!value) throw unexpectedInputType(ctx, 0, '("INT" or "BIGINT")', t);
    const amount = implicitCast(args[1]!.dataType, INT);
    if (!amount) throw unexpectedInputType(ctx, 1, '"INT"', args[1]!.dataType);
    return { dataType: value, nullable: args.some((a) => a.nullable), argTypes: castsFor(args, [value, INT]) };
  },
});

/** bit_count(integral or boolean) → int. */
const bitCount = unaryOverTypes('bit_count', BooleanType, 'integral', '("INTEGRAL" or "BOOLEAN")', () => INT);

const bitGet = (name: string): FunctionDef => fn(name, { inputs: ['integral', INT], returns: BYTE, nullIntolerant: true });

export const mathExtraDefs: readonly FunctionDef[] = [
  arithmeticFunction('try_add', 'add', true, '+'),
  arithmeticFunction('try_subtract', 'subtract', true, '-'),
  arithmeticFunction('try_multiply', 'multiply', true, '*'),
  arithmeticFunction('try_divide', 'divide', true, '/'),
  arithmeticFunction('pmod', 'remainder', true),
  fn('try_sum', { kind: 'aggregate', inputs: ['numeric'], returns: (t) => sumType(t[0]!) }),
  fn('try_avg', { kind: 'aggregate', inputs: ['numeric'], returns: (t) => avgType(t[0]!) }),
  fn('positive', { inputs: ['numeric_or_interval'], returns: (t) => t[0]!, nullIntolerant: true, sql: (a) => `(+ ${a[0]})` }),
  reciprocalTrig('cot'),
  reciprocalTrig('csc'),
  reciprocalTrig('sec'),
  fn('bin', { inputs: [LONG], returns: STRING, nullIntolerant: true }),
  /** conv(num, fromBase, toBase): null for an invalid base. */
  fn('conv', { inputs: [STRING, INT, INT], returns: STRING, nullable: true, nullIntolerant: true }),
  /** unhex: null for text that is not hex. */
  fn('unhex', { inputs: [STRING], returns: BINARY, nullable: true, nullIntolerant: true }),
  fn('width_bucket', { inputs: [DOUBLE, DOUBLE, DOUBLE, LONG], returns: LONG, nullable: true, nullIntolerant: true }),
  shift('shiftleft'),
  shift('shiftright'),
  shift('shiftrightunsigned'),
  bitCount,
  bitGet('bit_get'),
  bitGet('getbit'),
];
