/** Math functions. Spark names most unary math functions in upper case (`SQRT(x)`). */
import { DecimalType, DOUBLE, INT, LONG } from '../../types/data-types.js';
import { boundedDecimal } from '../../types/coercion.js';
import { fn } from '../define.js';
import type { FunctionDef } from '../registry.js';

/** Spark declares its unary math expressions nullable whatever the input (checked on 3.5.7). */
const unaryDouble = (name: string, sqlName = name.toUpperCase()): FunctionDef =>
  fn(name, { inputs: [DOUBLE], returns: DOUBLE, nullable: true, nullIntolerant: true, sql: sqlName });

/** floor/ceil: integral and double inputs give bigint; decimals keep a scale-0 decimal. Always nullable in Spark. */
const floorCeil = (name: string): FunctionDef =>
  fn(name, {
    inputs: ['numeric'],
    nullable: true,
    nullIntolerant: true,
    returns: (t) => {
      const x = t[0]!;
      if (x instanceof DecimalType) return boundedDecimal(x.precision - x.scale + 1, 0);
      return LONG;
    },
    sql: name.toUpperCase(),
  });

/** round/bround keep the input type (decimal scale adjusts); scale defaults to 0. Always nullable in Spark. */
const rounding = (name: string): FunctionDef =>
  fn(name, {
    inputs: ['numeric', INT],
    min: 1,
    nullable: true,
    nullIntolerant: true,
    returns: (t, args) => {
      const x = t[0]!;
      if (x instanceof DecimalType) {
        const scale = Number(args[1]?.literal?.value ?? 0);
        const s = Math.max(0, Math.min(scale, x.scale));
        return boundedDecimal(x.precision - x.scale + s + 1, s);
      }
      return x;
    },
    sql: (a) => `${name}(${a[0]}, ${a[1] ?? 0})`,
  });

export const mathDefs: readonly FunctionDef[] = [
  fn('abs', { inputs: ['numeric'], returns: (t) => t[0]!, nullIntolerant: true }),
  rounding('round'),
  rounding('bround'),
  floorCeil('floor'),
  floorCeil('ceil'),
  unaryDouble('sqrt'),
  unaryDouble('cbrt'),
  unaryDouble('exp'),
  unaryDouble('expm1'),
  unaryDouble('log10'),
  unaryDouble('log2'),
  unaryDouble('log1p'),
  unaryDouble('ln', 'ln'),
  unaryDouble('sin'),
  unaryDouble('cos'),
  unaryDouble('tan'),
  unaryDouble('asin'),
  unaryDouble('acos'),
  unaryDouble('atan'),
  unaryDouble('sinh'),
  unaryDouble('cosh'),
  unaryDouble('tanh'),
  unaryDouble('asinh'),
  unaryDouble('acosh'),
  unaryDouble('atanh'),
  unaryDouble('degrees'),
  unaryDouble('radians'),
  unaryDouble('signum'),
  unaryDouble('rint', 'rint'),
  fn('pow', { inputs: [DOUBLE, DOUBLE], returns: DOUBLE, nullIntolerant: true, sql: 'POWER' }),
  fn('atan2', { inputs: [DOUBLE, DOUBLE], returns: DOUBLE, nullIntolerant: true, sql: 'ATAN2' }),
  fn('hypot', { inputs: [DOUBLE, DOUBLE], returns: DOUBLE, nullIntolerant: true, sql: 'HYPOT' }),
  /** `log(base, x)`; the one-argument form is `ln` (built by the API). */
  fn('log', { inputs: [DOUBLE, DOUBLE], returns: DOUBLE, nullable: true, nullIntolerant: true, sql: 'LOG' }),
  fn('pi', { returns: DOUBLE, nullable: false, sql: 'PI' }),
  fn('e', { returns: DOUBLE, nullable: false, sql: 'E' }),
  fn('bitwise_not', {
    inputs: ['integral'],
    returns: (t) => t[0]!,
    nullIntolerant: true,
    sql: (a) => `~${a[0]}`,
  }),
  fn('factorial', { inputs: [INT], returns: LONG, nullable: true, nullIntolerant: true }),
  fn('rand', { inputs: [LONG], min: 0, returns: DOUBLE, nullable: false, nondeterministic: true }),
  fn('randn', { inputs: [LONG], min: 0, returns: DOUBLE, nullable: false, nondeterministic: true }),
];
