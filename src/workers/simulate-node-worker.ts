// Worker thread for the CLI: draws a range of children, or runs the machine for a list of distinct cases.
import { parentPort } from 'node:worker_threads';
import { createSampler, SLOT_COUNT, type CohortConfig } from '../engine/generate';
import { countChildren } from '../engine/simulate';
import { summariseTrace } from '../engine/aggregate';
import { runCase } from '../../machines/case/run';
import type { AssumptionSet } from '../engine/assumptions/schema';

export type NodeTask =
  | {
      type: 'count';
      set: AssumptionSet;
      config: CohortConfig;
      seed: number;
      from: number;
      to: number;
    }
  | { type: 'resolve'; set: AssumptionSet; config: CohortConfig; choices: Int32Array };

parentPort!.on('message', (task: NodeTask) => {
  const sampler = createSampler(task.set, task.config);
  if (task.type === 'count') {
    const counted = countChildren(sampler, task.seed, task.from, task.to);
    parentPort!.postMessage(counted, [counted.choices.buffer as ArrayBuffer]);
  } else {
    const n = task.choices.length / SLOT_COUNT;
    const summaries = [];
    for (let k = 0; k < n; k++)
      summaries.push(
        summariseTrace(
          runCase(sampler.toCase(task.choices.subarray(k * SLOT_COUNT, (k + 1) * SLOT_COUNT))),
        ),
      );
    parentPort!.postMessage(summaries);
  }
});
