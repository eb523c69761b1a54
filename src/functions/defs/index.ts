/** Every built-in function definition, in registration order. */
import type { FunctionDef } from '../registry.js';
import { aggregateDefs } from './aggregate.js';
import { collectionDefs } from './collection.js';
import { conditionalDefs } from './conditional.js';
import { datetimeDefs } from './datetime.js';
import { datetimeExtractDefs } from './datetime-extract.js';
import { datetimeMakeDefs } from './datetime-make.js';
import { intervalDefs } from './intervals.js';
import { timeWindowDefs } from './time-window.js';
import { higherOrderDefs } from './higher-order.js';
import { mathDefs } from './math.js';
import { mathExtraDefs } from './math-extra.js';
import { miscDefs } from './misc.js';
import { operatorDefs } from './operators.js';
import { stringDefs } from './string.js';
import { stringExtraDefs } from './string-extra.js';
import { windowDefs } from './window.js';

export const builtinFunctionDefs: readonly FunctionDef[] = [
  ...operatorDefs,
  ...conditionalDefs,
  ...mathDefs,
  ...mathExtraDefs,
  ...stringDefs,
  ...stringExtraDefs,
  ...datetimeDefs,
  ...datetimeMakeDefs,
  ...datetimeExtractDefs,
  ...intervalDefs,
  ...timeWindowDefs,
  ...aggregateDefs,
  ...windowDefs,
  ...collectionDefs,
  ...higherOrderDefs,
  ...miscDefs,
];
