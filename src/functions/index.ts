/** The `functions` namespace: implemented functions plus clear stubs for the rest of PySpark 3.5's list. */
export * from './not-implemented.js';
export * from './api.js';
export * from './higher-order-api.js';
