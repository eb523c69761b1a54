/** Every built-in function definition, in registration order. */
import type { FunctionDef } from '../registry.js';
import { aggregateDefs } from './aggregate.js';
import { arrayBuildDefs } from './array-build.js';
import { arraySetDefs } from './array-set.js';
import { collectionDefs } from './collection.js';
import { generatorDefs } from './generators.js';
import { mapDefs } from './map.js';
import { sentencesDef } from './sentences.js';
import { conditionalDefs } from './conditional.js';
import { datetimeDefs } from './datetime.js';
import { datetimeExtractDefs } from './datetime-extract.js';
import { datetimeMakeDefs } from './datetime-make.js';
import { intervalDefs } from './intervals.js';
import { timestampUnitDefs } from './timestamp-units.js';
import { intervalMathDefs } from './interval-math.js';
import { timeWindowDefs } from './time-window.js';
import { higherOrderDefs } from './higher-order.js';
import { jsonDefs } from './json.js';
import { sketchDefs } from './sketches.js';
import { cryptoDefs } from './crypto.js';
import { groupingDefs } from './grouping.js';
import { jvmDefs } from './jvm.js';
import { numberFormatDefs } from './number-format.js';
import { csvDefs } from './csv.js';
import { integralDivideDefs } from './integral-divide.js';
import { partitionTransformDefs } from './partition-transforms.js';
import { xpathDefs } from './xpath.js';
import { bitmapDefs } from './bitmap.js';
import { histogramDefs } from './histogram.js';
import { countMinSketchDefs } from './count-min-sketch.js';
import { hllDefs } from './hll.js';
import { unwrapUdtDefs } from './unwrap-udt.js';
import { mathDefs } from './math.js';
import { mathExtraDefs } from './math-extra.js';
import { miscDefs } from './misc.js';
import { operatorDefs } from './operators.js';
import { stringDefs } from './string.js';
import { padDefs } from './pad.js';
import { stringExtraDefs } from './string-extra.js';
import { udfDefs } from './udf.js';
import { windowDefs } from './window.js';

export const builtinFunctionDefs: readonly FunctionDef[] = [
  ...operatorDefs,
  ...integralDivideDefs,
  ...partitionTransformDefs,
  ...conditionalDefs,
  ...mathDefs,
  ...mathExtraDefs,
  ...stringDefs,
  ...padDefs,
  ...stringExtraDefs,
  ...datetimeDefs,
  ...datetimeMakeDefs,
  ...datetimeExtractDefs,
  ...intervalDefs,
  ...timestampUnitDefs,
  ...intervalMathDefs,
  ...timeWindowDefs,
  ...aggregateDefs,
  ...windowDefs,
  ...collectionDefs,
  ...arraySetDefs,
  ...arrayBuildDefs,
  ...mapDefs,
  ...generatorDefs,
  sentencesDef,
  ...higherOrderDefs,
  ...miscDefs,
  ...jsonDefs,
  ...sketchDefs,
  ...cryptoDefs,
  ...groupingDefs,
  ...jvmDefs,
  ...numberFormatDefs,
  ...csvDefs,
  ...udfDefs,
  ...xpathDefs,
  ...bitmapDefs,
  ...histogramDefs,
  ...countMinSketchDefs,
  ...hllDefs,
  ...unwrapUdtDefs,
];
