// Per distinct case file, one thread: the machine stepped by XState (runCase, pure stepping), one XState actor per
// child (the naive baseline, same machine), and the fast stepper (machines/case/fastStepper.ts), in children/s and
// steps/s with their ratios. cohort.bench.ts runs this module as an esbuild bundle, the form the CLI's workers and
// the browser run the machine in (under tsx every function is wrapped to keep its name, which slows all three).
import { createActor, SimulatedClock } from 'xstate';
import { procedureMachine } from '../machines/procedure/machine';
import { createRunSharing, runCase, stepCase } from '../machines/case/run';
import { getCaseEvents } from '../machines/case/events';
import { fastStepper, getFastStepperStats } from '../machines/case/fastStepper';
import { xstateStepper, type Stepper } from '../machines/case/stepper';
import { toFacts } from '../machines/case/facts';
import { createRulesByDay } from '../machines/case/rulesByDay';
import type { CaseFile } from '../machines/case/types';
import { ASSUMPTION_SETS } from '../src/engine/assumptions';
import type { AssumptionSet } from '../src/engine/assumptions/schema';
import { createSampler, SLOT_COUNT, type CohortConfig } from '../src/engine/generate';
import { byFacts, countChildren } from '../src/engine/orchestrate';

const exploited = ASSUMPTION_SETS.find((s) => s.id === 'exploited-children')!;
const configOf = (set: AssumptionSet): CohortConfig => ({ asOf: set.calibratedFor.asOf, practice: set.calibratedFor.practice, reforms: [] });
const perSecond = (n: number, ms: number) => Math.round((n * 1000) / ms);
const fmt = (n: number) => n.toLocaleString('en');
const peakMb = () => Math.round(process.resourceUsage().maxRSS / 1024);
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** Distinct case files of a cohort of the exploited set, in order of first appearance. */
function distinctCases(n: number, seed = 9): CaseFile[] {
  const sampler = createSampler(exploited, configOf(exploited));
  const counted = countChildren(sampler, seed, 0, n * 3);
  return counted.keys.slice(0, n).map((_, k) => sampler.toCase(counted.choices.subarray(k * SLOT_COUNT, (k + 1) * SLOT_COUNT)));
}

/**
 * The cohort's path: the distinct case files of a cohort of n children in the order the cohort runs them (by facts,
 * representatives: src/engine/orchestrate.ts resolvePaths), so that runs share their beginnings.
 */
function cohortCases(n: number, seed = 9): CaseFile[] {
  const sampler = createSampler(exploited, configOf(exploited));
  const counted = countChildren(sampler, seed, 0, n);
  const row = new Int32Array(SLOT_COUNT);
  return Array.from(byFacts(sampler, counted.choices, counted.keys.length), (k) => sampler.toCase(sampler.representative(counted.choices, k, row)));
}

/** Baseline: one actor per child, its case events sent in order on a simulated clock (delays fire as time passes). */
function runWithActor(caseFile: CaseFile): number {
  const { facts } = toFacts(caseFile);
  const events = getCaseEvents(caseFile, createRulesByDay(facts.date, facts.practice, facts.reforms), new Set());
  const clock = new SimulatedClock();
  const actor = createActor(procedureMachine, { input: { facts }, clock } as never);
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

/** A stepper that adds the CPU time spent inside it (the stepping alone, without the runner's trace building). */
function timedStepper(stepper: Stepper): { stepper: Stepper; ms: () => number } {
  let spent = 0;
  const time = <T>(f: () => T): T => {
    const c = cpuMs();
    try {
      return f();
    } finally {
      spent += cpuMs() - c;
    }
  };
  return {
    stepper: { initial: (input) => time(() => stepper.initial(input)), next: (s, e) => time(() => stepper.next(s, e)) },
    ms: () => spent,
  };
}

/** Passes over the same cases: the fastest counts (others' work on a shared machine only ever slows a pass down). */
const PASSES = 3;

/** Runs every case, PASSES times; steps are the runs' steps (events taken, the same for every engine since the runs are). */
function measure(label: string, cases: CaseFile[], run: (c: CaseFile) => unknown) {
  const steps = cases.reduce((n, c) => n + stepCase(c).steps.length, 0);
  let ms = Infinity;
  let wall = Infinity;
  for (let pass = 0; pass < PASSES; pass++) {
    const t = performance.now();
    const c = cpuMs();
    for (const caseFile of cases) run(caseFile);
    ms = Math.min(ms, cpuMs() - c);
    wall = Math.min(wall, performance.now() - t);
  }
  const childrenPerS = perSecond(cases.length, ms);
  console.log(
    `${label}: ${fmt(cases.length)} distinct case files, best of ${PASSES} passes: ${ms.toFixed(0)} ms CPU (${wall.toFixed(0)} ms wall) → ${fmt(childrenPerS)} children/s, ${fmt(perSecond(steps, ms))} steps/s`,
  );
  return childrenPerS;
}

export function measurePerCase() {
  const sample = distinctCases(3_000);
  // Warm every path (JIT; the fast stepper's trie) on other children, so that no path is favoured.
  for (const c of distinctCases(6_000, 4)) runCase(c, { stepper: fastStepper });
  sample.slice(0, 100).forEach((c) => (runCase(c), runWithActor(c)));
  const recordedBefore = getFastStepperStats().recorded;

  console.log('### Per distinct case file (exploited-children set, 2018 as reported), one thread');
  const reference = measure('XState runCase (pure stepping, the reference)', sample.slice(0, 600), (c) => runCase(c, { stepper: xstateStepper }));
  const actor = measure('baseline: one XState actor per child', sample.slice(0, 600), runWithActor);
  const fast = measure('fast stepper (runCase with fastStepper)', sample, (c) => runCase(c, { stepper: fastStepper }));
  // Sharing pays with many case files of the same facts: a cohort's worth (its steps are counted as taken alone).
  const cohort = cohortCases(100_000);
  cohort.forEach((c) => runCase(c, { stepper: fastStepper }));
  const alone = measure('fast stepper, a 100,000-child cohort\'s distinct case files in its order, each run alone', cohort, (c) => runCase(c, { stepper: fastStepper }));
  let sharing = createRunSharing();
  const shared = measure('the same, runs sharing their beginnings (the cohort\'s path)', cohort, (c) => {
    if (c === cohort[0]) sharing = createRunSharing();
    return runCase(c, { stepper: fastStepper, sharing });
  });
  console.log(`shared beginnings: ×${(shared / alone).toFixed(2)} the same case files run alone; ${fmt(sharing.stats.resumed)} steps resumed, ${fmt(sharing.stats.taken)} taken, ${fmt(sharing.stats.endingsReused)} runs ended where an earlier one had (its trace reused) in the last pass`);
  // The stepping alone (inside the stepper), the same runs again: the runner's own work (milestones, citations,
  // trace) is the same code for both steppers, so it bounds the ratio of whole runs.
  let steppingFast = Infinity;
  let steppingXState = Infinity;
  for (let pass = 0; pass < PASSES; pass++) {
    const timedFast = timedStepper(fastStepper);
    const timedXState = timedStepper(xstateStepper);
    sample.slice(0, 600).forEach((c) => runCase(c, { stepper: timedXState.stepper }));
    sample.forEach((c) => runCase(c, { stepper: timedFast.stepper }));
    steppingFast = Math.min(steppingFast, timedFast.ms() / sample.length);
    steppingXState = Math.min(steppingXState, timedXState.ms() / 600);
  }
  console.log(
    `stepping alone (CPU inside the stepper, per case file): XState ${(steppingXState * 1000).toFixed(0)} µs, fast stepper ${(steppingFast * 1000).toFixed(0)} µs → ×${(steppingXState / steppingFast).toFixed(1)}; ` +
      `the rest of a run (events, milestones, citations, trace; the same code under both) ≈ ${Math.max(0, (1000 / fast - steppingFast) * 1000).toFixed(0)} µs ` +
      `(the timing itself, two clock reads a step, counts as stepping)`,
  );
  const { recorded, configurations } = getFastStepperStats();
  console.log(
    `ratios: fast stepper ×${(fast / reference).toFixed(1)} XState runCase (goal ≥ 50), ×${(fast / actor).toFixed(1)} the actor baseline (goal ≥ 20); ` +
      `the cohort's path (shared beginnings) ×${(shared / reference).toFixed(1)} runCase, ×${(shared / actor).toFixed(1)} the actor baseline; ` +
      `actor baseline ×${(actor / reference).toFixed(1)} runCase. Fast stepper: ${recorded - recordedBefore} of its steps recorded from XState during the measure, ${configurations} configurations known`,
  );
  console.log(`memory: ${peakMb()} MB peak RSS, heap now ${Math.round(process.memoryUsage().heapUsed / 2 ** 20)} MB`);
}
