/** Installs the toolkit on a Vitest or Jest `expect`: matchers, asymmetric forms, equality tester, snapshot serializer. */
import { asymmetricFactories } from './asymmetric.js';
import { dataFrameEqualityTester, dataFrameMatchers } from './matchers.js';
import { dataFrameSnapshotSerializer } from './snapshot.js';

/** The part of Vitest's and Jest's `expect` the matchers are installed through. */
export interface MatcherHost {
  extend(matchers: typeof dataFrameMatchers): void;
  /** Absent before Jest 29.4 (then `toEqual` compares DataFrames structurally). */
  addEqualityTesters?(testers: (typeof dataFrameEqualityTester)[]): void;
  addSnapshotSerializer(serializer: typeof dataFrameSnapshotSerializer): void;
  /** Where `expect.extend` put the asymmetric forms (`expect.not.x`). */
  not?: Record<string, unknown>;
}

/** The asymmetric matchers that print their own diff instead of the runner's generic one. */
const OWN_ASYMMETRIC = ['dataFrameEqualTo', 'toEqualDataFrame'] as const;

/** Vitest copies `expect.<asymmetric>` from this global object into each test's local `expect`. */
const VITEST_ASYMMETRIC = Symbol.for('asymmetric-matchers-object');

const installedOn = new WeakSet<object>();

/** Registers the matchers, the equality tester and the snapshot serializer on an `expect` (idempotent). */
export function installMatchersOn(host: MatcherHost): void {
  if (installedOn.has(host)) return;
  installedOn.add(host);
  host.extend(dataFrameMatchers);
  const shared = (globalThis as Record<symbol, Record<string, unknown> | undefined>)[VITEST_ASYMMETRIC];
  for (const name of OWN_ASYMMETRIC) {
    const f = asymmetricFactories(name);
    (host as unknown as Record<string, unknown>)[name] = f.positive;
    if (host.not) host.not[name] = f.inverse;
    if (shared && name in shared) shared[name] = f.positive;
  }
  host.addEqualityTesters?.([dataFrameEqualityTester]);
  host.addSnapshotSerializer(dataFrameSnapshotSerializer);
}
