/**
 * The natively lowered scalar functions, one module per family (the order is the registry's:
 * conditional and math, strings, datetime, collections). Lowering helpers shared by the families
 * are in scalar-args.ts.
 */
import { collectionScalarFunctions } from './scalar-collections.js';
import { datetimeFunctions } from './scalar-datetime.js';
import { conditionalMathFunctions } from './scalar-math.js';
import { stringFunctions } from './scalar-strings.js';
import type { FunctionTable } from './types.js';

export const scalarFunctions: FunctionTable = {
  ...conditionalMathFunctions,
  ...stringFunctions,
  ...datetimeFunctions,
  ...collectionScalarFunctions,
};
