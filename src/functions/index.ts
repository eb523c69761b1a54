/** The `functions` namespace: implemented functions plus clear stubs for the rest of PySpark 3.5's list. */
export * from './not-implemented.js';
export * from './api.js';
export * from './higher-order-api.js';
export * from './api-math.js';
export * from './api-strings.js';
export * from './api-aggregates.js';
export * from './api-misc.js';
export * from './api-udf.js';
