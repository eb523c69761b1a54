/** Every built-in function definition, in registration order. */
import type { FunctionDef } from '../registry.js';
import { aggregateDefs } from './aggregate.js';
import { collectionDefs } from './collection.js';
import { conditionalDefs } from './conditional.js';
import { datetimeDefs } from './datetime.js';
import { higherOrderDefs } from './higher-order.js';
import { jsonDefs } from './json.js';
import { sketchDefs } from './sketches.js';
import { cryptoDefs } from './crypto.js';
import { groupingDefs } from './grouping.js';
import { jvmDefs } from './jvm.js';
import { numberFormatDefs } from './number-format.js';
import { csvDefs } from './csv.js';
import { xpathDefs } from './xpath.js';
import { bitmapDefs } from './bitmap.js';
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
  ...aggregateDefs,
  ...windowDefs,
  ...collectionDefs,
  ...higherOrderDefs,
  ...miscDefs,
  ...jsonDefs,
  ...sketchDefs,
  ...cryptoDefs,
  ...groupingDefs,
  ...jvmDefs,
  ...numberFormatDefs,
  ...csvDefs,
  ...xpathDefs,
  ...bitmapDefs,
];
