/** Registers every built-in function definition (imported once by the functions module). */
import { registerFunctions } from '../registry.js';
import { aggregateDefs } from './aggregate.js';
import { collectionDefs } from './collection.js';
import { conditionalDefs } from './conditional.js';
import { datetimeDefs } from './datetime.js';
import { mathDefs } from './math.js';
import { operatorDefs } from './operators.js';
import { stringDefs } from './string.js';
import { windowDefs } from './window.js';

let registered = false;

export function registerBuiltinFunctions(): void {
  if (registered) return;
  registered = true;
  registerFunctions([
    ...operatorDefs,
    ...conditionalDefs,
    ...mathDefs,
    ...stringDefs,
    ...datetimeDefs,
    ...aggregateDefs,
    ...windowDefs,
    ...collectionDefs,
  ]);
}

registerBuiltinFunctions();
