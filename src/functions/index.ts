/** The `functions` namespace: implemented functions plus clear stubs for the rest of PySpark 3.5's list. */
export * from './not-implemented.js';
export * from './pyspark-helpers.js';
export * from './api.js';
export * from './higher-order-api.js';
export * from './api-math.js';
export * from './api-strings.js';
export * from './api-aggregates.js';
export * from './api-misc.js';
export * from './api-datetime.js';
export * from './api-collections.js';
export * from './api-json.js';
export * from './api-sketches.js';
export * from './api-crypto.js';
export * from './api-udf.js';
