/**
 * The optimizer: meaning-preserving rewrites of a resolved plan, run in the
 * order listed until nothing changes (bounded). After every rule the output
 * schema must be unchanged; a failing rule's error names the rule.
 */
import { InternalError, SparklessError } from '../errors/index.js';
import { inputs, schemaOf, type LogicalPlan, type PlanKind } from '../plan/nodes.js';
import { transformDown, transformUp } from '../plan/transform.js';
import type { OptimizerRule } from './rule.js';
import { constantFolding, constantFoldingRule, type FoldingSettings } from './rules/constant-folding.js';
import { booleanSimplification } from './rules/boolean-simplification.js';
import { collapseProjects } from './rules/collapse-projects.js';
import { combineFilters } from './rules/combine-filters.js';
import { eliminateLimits } from './rules/eliminate-limits.js';
import { limitPushdown } from './rules/limit-pushdown.js';
import { pushFilterThroughAggregate } from './rules/push-filter-through-aggregate.js';
import { pushFilterThroughJoin } from './rules/push-filter-through-join.js';
import { pushJoinCondition } from './rules/push-join-condition.js';
import { pushFilterThroughProject } from './rules/push-filter-through-project.js';
import { pushFilterThroughUnion } from './rules/push-filter-through-union.js';
import { removeNoopProject } from './rules/remove-noop-project.js';

/** Ordered: pushing filters first lets adjacent filters meet and combine. */
export const DEFAULT_RULES: readonly OptimizerRule[] = [
  constantFoldingRule, // expressions over literals only become literals (once, not per row)
  booleanSimplification, // constant conditions fold (a filter on true goes away)
  pushFilterThroughProject, // filter rows before projecting them
  pushJoinCondition, // conditions on both sides of a join become its keys (FROM a, b WHERE a.k = b.k)
  pushFilterThroughJoin, // ... before joining them
  pushFilterThroughAggregate, // ... before grouping them (conditions on the keys)
  pushFilterThroughUnion, // ... on each side of a union
  combineFilters, // one predicate evaluation pass instead of several
  limitPushdown, // compute only the rows a limit keeps
  eliminateLimits, // nested limits collapse to the smallest
  collapseProjects, // one projection pass; unread columns never computed
  removeNoopProject, // drop identity projections left by the API (e.g. select('*'))
];

const MAX_ITERATIONS = 50;

const withSettings = new Map<string, readonly OptimizerRule[]>();

/** DEFAULT_RULES with constant folding under a query's ANSI mode and time zone (as Spark folds). */
export function rulesFor(settings: FoldingSettings): readonly OptimizerRule[] {
  const key = `${settings.ansiEnabled}|${settings.timeZone}`;
  let rules = withSettings.get(key);
  if (!rules) {
    const folding = constantFolding(settings);
    rules = DEFAULT_RULES.map((r) => (r === constantFoldingRule ? folding : r));
    if (withSettings.size > 16) withSettings.clear();
    withSettings.set(key, rules);
  }
  return rules;
}

export function optimize(plan: LogicalPlan, rules: readonly OptimizerRule[] = DEFAULT_RULES): LogicalPlan {
  let current = plan;
  // How many nodes of each kind `current` holds: rules whose `requires` it lacks are not walked.
  let kinds = kindCounts(current);
  // Rules applied in a row (in pass order, across passes) that left `current` unchanged: once every
  // rule has, `current` is the fixpoint (rules are deterministic), with no need to finish the pass.
  let unchanged = 0;
  for (let i = 0; i < MAX_ITERATIONS; i++) {
    const before = current;
    for (const rule of rules) {
      if (unchanged >= rules.length) return current;
      const next = rule.requires && !satisfies(kinds, rule.requires) ? current : applyRule(rule, current);
      if (next === current) {
        unchanged++;
        continue;
      }
      current = next;
      kinds = kindCounts(current);
      unchanged = 0;
    }
    if (current === before) return current;
  }
  return current;
}

type KindCounts = Partial<Record<PlanKind, number>>;

/** A plain record filled by one walk (no Map and no closure: this runs after every rewrite). */
function kindCounts(plan: LogicalPlan, counts: KindCounts = {}): KindCounts {
  counts[plan.kind] = (counts[plan.kind] ?? 0) + 1;
  // Indexed: a for-of here allocated an iterator per node on every count (the count runs after each rewrite).
  const ins = inputs(plan);
  for (let i = 0; i < ins.length; i++) kindCounts(ins[i]!, counts);
  return counts;
}

function satisfies(kinds: KindCounts, requires: Readonly<KindCounts>): boolean {
  for (const k in requires) if ((kinds[k as PlanKind] ?? 0) < requires[k as PlanKind]!) return false;
  return true;
}

function applyRule(rule: OptimizerRule, plan: LogicalPlan): LogicalPlan {
  let out: LogicalPlan;
  try {
    out = rule.order === 'topDown' ? transformDown(plan, (n) => rule.apply(n)) : transformUp(plan, (n) => rule.apply(n));
  } catch (err) {
    if (SparklessError.isSparklessError(err)) throw err;
    throw new InternalError(`optimizer rule ${rule.name} failed: ${(err as Error).message}`);
  }
  if (out !== plan && !schemaOf(out).equals(schemaOf(plan))) {
    throw new InternalError(`optimizer rule ${rule.name} changed the output schema from ${schemaOf(plan).simpleString()} to ${schemaOf(out).simpleString()}`);
  }
  return out;
}
