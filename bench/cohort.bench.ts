// Cohort throughput: the machine (runCase, pure stepping), one XState actor per child (baseline, same machine),
// and the fast path (one machine run per distinct case file); 1,000,000 children through the CLI path.
import { createActor, SimulatedClock } from 'xstate';
import { procedureMachine } from '../machines/procedure/machine';
import { stepCase, getCaseEvents } from '../machines/case/run';
import { toFacts } from '../machines/case/facts';
import type { CaseFile } from '../machines/case/types';
import { DEFAULT_ASSUMPTION_SET } from '../src/engine/assumptions';
import { createSampler, SLOT_COUNT, type CohortConfig } from '../src/engine/generate';
import { simulateCohort, TraceCache } from '../src/engine/simulate';
import { simulateCohortInWorkers } from '../src/workers/node-pool';

const set = DEFAULT_ASSUMPTION_SET;
const config: CohortConfig = {
  asOf: set.calibratedFor.asOf,
  practice: set.calibratedFor.practice,
  reforms: [],
};
const rate = (n: number, ms: number) => `${Math.round((n * 1000) / ms).toLocaleString('en')}/s`;
const peakMb = () => `${Math.round(process.resourceUsage().maxRSS / 1024)} MB peak RSS`;

function children(n: number, seed = 9): CaseFile[] {
  const sampler = createSampler(set, config);
  const c = new Int32Array(SLOT_COUNT);
  return Array.from({ length: n }, (_, i) => (sampler.sample(seed, i, c), sampler.toCase(c)));
}

/** Baseline: one actor per child, its case events sent in order on a simulated clock (delays fire as time passes). */
function runWithActor(caseFile: CaseFile): number {
  const { facts, rules } = toFacts(caseFile);
  const events = getCaseEvents(caseFile, rules, new Set());
  const clock = new SimulatedClock();
  const actor = createActor(procedureMachine, { input: { facts, rules }, clock } as never);
  let steps = 0;
  actor.subscribe(() => steps++);
  actor.start();
  let now = 0;
  for (const event of events) {
    if (event.day > facts.horizonDays || actor.getSnapshot().status !== 'active') break;
    clock.increment(event.day - now);
    now = event.day;
    actor.send(event as never);
  }
  if (actor.getSnapshot().status === 'active') clock.increment(facts.horizonDays - now);
  actor.stop();
  return steps + 1;
}

export default async function bench() {
  const sample = children(600);
  // Warm both paths so the JIT does not favour the second.
  sample.slice(0, 50).forEach((c) => (stepCase(c), runWithActor(c)));

  let t = performance.now();
  let steps = 0;
  for (const c of sample) steps += stepCase(c).steps.length;
  const machineMs = performance.now() - t;
  console.log(
    `machine (runCase, pure stepping): ${sample.length} children in ${machineMs.toFixed(0)} ms → ${rate(sample.length, machineMs)} children, ${rate(steps, machineMs)} steps (${(steps / sample.length).toFixed(1)} steps/child)`,
  );

  t = performance.now();
  let actorSteps = 0;
  for (const c of sample) actorSteps += runWithActor(c);
  const actorMs = performance.now() - t;
  console.log(
    `baseline (one XState actor per child): ${sample.length} children in ${actorMs.toFixed(0)} ms → ${rate(sample.length, actorMs)} children, ${rate(actorSteps, actorMs)} snapshots`,
  );

  const cache = new TraceCache();
  for (const n of [100_000]) {
    const cold = simulateCohort({ set, config, seed: 1, cohort: n }, { cache });
    console.log(
      `fast path, cold, 1 thread: ${n.toLocaleString('en')} children in ${cold.stats.elapsedMs} ms → ${rate(n, cold.stats.elapsedMs)} children; ${cold.stats.distinctCases} distinct case files = ${cold.stats.machineRuns} machine runs (${((cold.stats.elapsedMs / cold.stats.machineRuns) * 1000).toFixed(0)} µs per run incl. drawing); ×${(n / cold.stats.elapsedMs / (sample.length / machineMs)).toFixed(1)} the machine, ×${(n / cold.stats.elapsedMs / (sample.length / actorMs)).toFixed(1)} the actor baseline`,
    );
    const warm = simulateCohort({ set, config, seed: 1, cohort: n }, { cache });
    console.log(
      `fast path, warm cache (same set and configuration): ${n.toLocaleString('en')} children in ${warm.stats.elapsedMs} ms → ${rate(n, warm.stats.elapsedMs)} children`,
    );
  }

  const million = 1_000_000;
  t = performance.now();
  const result = await simulateCohortInWorkers({ set, config, seed: 1, cohort: million }, 2);
  const cliMs = performance.now() - t;
  console.log(
    `CLI path (2 worker threads, cold): ${million.toLocaleString('en')} children in ${cliMs.toFixed(0)} ms (goal ≤ 2000 ms) → ${rate(million, cliMs)} children; ${result.stats.distinctCases} distinct case files`,
  );
  const warm = simulateCohort({ set, config, seed: 1, cohort: million }, { cache });
  console.log(
    `1,000,000 children, warm cache, 1 thread: ${warm.stats.elapsedMs} ms (${warm.stats.machineRuns} new machine runs)`,
  );
  console.log(
    `memory: ${peakMb()}, heap now ${Math.round(process.memoryUsage().heapUsed / 2 ** 20)} MB`,
  );
  console.log(
    'browser goal (100,000 children simulated and drawn ≤ 1 s, no main-thread task > 50 ms): the run happens in a Web Worker; the main thread only lays out ~20–60 Sankey nodes and draws — see README "Cohort simulation".',
  );
}
