// Cohort simulation in-process: the orchestrator (orchestrate.ts) with the machine run right here. Children whose
// facts give the same cache key share one machine run (see keyOf in generate.ts and tests/engine/fastpath.test.ts).
import type { PathSummary, CohortResult } from './aggregate';
import type { AssumptionSet } from './assumptions/schema';
import type { CohortConfig } from './generate';
import {
  completeCohort,
  planCohort,
  resolvePaths,
  packChoices,
  type CohortRequest,
  type Engine,
  type PathStore,
  type ProgressReport,
} from './orchestrate';

export {
  countChildren,
  type CohortRequest,
  type CountedCases,
  type Engine,
  type PathStore,
  type ProgressReport,
} from './orchestrate';

/**
 * Paths already computed, per (assumption set, configuration). Kept between runs so that re-running,
 * re-seeding or enlarging a cohort only runs the machine for case files not met before.
 */
export class PathCache {
  private scopes = new Map<string, Map<number, PathSummary>>();
  constructor(private maxScopes = 8) {}
  scope(set: AssumptionSet, config: CohortConfig): Map<number, PathSummary> {
    const id = JSON.stringify([set.params, set.horizonDays, config.asOf, config.practice, [...config.reforms].sort()]);
    let scope = this.scopes.get(id);
    if (!scope) {
      if (this.scopes.size >= this.maxScopes) this.scopes.delete(this.scopes.keys().next().value!);
      scope = new Map();
      this.scopes.set(id, scope);
    }
    return scope;
  }
}

export interface SimulateOptions {
  onProgress?: (report: ProgressReport) => void;
  /** in-memory paths kept between runs (ignored when `store` is given) */
  cache?: PathCache;
  store?: PathStore;
  /** `reference`: step XState itself instead of the fast stepper (same results, slower) */
  engine?: Engine;
}

export function simulateCohort(request: CohortRequest, options: SimulateOptions = {}): CohortResult {
  const progress = options.onProgress;
  const store = options.store ?? (options.cache ?? new PathCache()).scope(request.set, request.config);
  const plan = planCohort(request, store, progress);
  const resolved = resolvePaths(plan.sampler, packChoices(plan.counted, plan.missing), options.engine, (done, total) =>
    progress?.({ phase: 'running', done, total }),
  );
  progress?.({ phase: 'aggregating', done: 0, total: 1 });
  return completeCohort(plan, [plan.missing], [resolved], store);
}
