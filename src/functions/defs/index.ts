/** Every built-in function definition, in registration order. */
import type { FunctionDef } from '../registry.js';
import { aggregateDefs } from './aggregate.js';
import { collectionDefs } from './collection.js';
import { conditionalDefs } from './conditional.js';
import { datetimeDefs } from './datetime.js';
import { higherOrderDefs } from './higher-order.js';
import { integralDivideDefs } from './integral-divide.js';
import { mathDefs } from './math.js';
import { mathExtraDefs } from './math-extra.js';
import { miscDefs } from './misc.js';
import { operatorDefs } from './operators.js';
import { stringDefs } from './string.js';
import { stringExtraDefs } from './string-extra.js';
import { windowDefs } from './window.js';

export const builtinFunctionDefs: readonly FunctionDef[] = [
  ...operatorDefs,
  ...integralDivideDefs,
  ...conditionalDefs,
  ...mathDefs,
  ...mathExtraDefs,
  ...stringDefs,
  ...stringExtraDefs,
  ...datetimeDefs,
  ...aggregateDefs,
  ...windowDefs,
  ...collectionDefs,
  ...higherOrderDefs,
  ...miscDefs,
];
