export { adaptiveConf, parseBytes, type AdaptiveConf } from './config.js';
export { simulateAdaptiveExecution, formatAdaptiveReport, skewHintsFromSimulation, type AdaptiveReport, type JoinSimulation, type SkewedPartition } from './simulate.js';
export { hashRow, partitionOf } from './hash-partitioning.js';
