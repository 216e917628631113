// Worker thread for the CLI: runs the machine for a share of the distinct case files.
import { parentPort } from 'node:worker_threads';
import { createSampler, SLOT_COUNT, type CohortConfig } from '../engine/generate';
import { summariseTrace } from '../engine/aggregate';
import { runCase } from '../../machines/case/run';
import type { AssumptionSet } from '../engine/assumptions/schema';

export type NodeTask = {
  type: 'resolve';
  set: AssumptionSet;
  config: CohortConfig;
  choices: Int32Array;
};

parentPort!.on('message', (task: NodeTask) => {
  const sampler = createSampler(task.set, task.config);
  const n = task.choices.length / SLOT_COUNT;
  const summaries = [];
  for (let k = 0; k < n; k++) {
    summaries.push(
      summariseTrace(
        runCase(sampler.toCase(task.choices.subarray(k * SLOT_COUNT, (k + 1) * SLOT_COUNT))),
      ),
    );
  }
  parentPort!.postMessage(summaries);
});
