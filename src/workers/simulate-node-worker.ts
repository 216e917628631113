// Worker thread for the CLI: runs the machine for a share of the distinct case files (orchestrate.ts resolvePaths).
import { parentPort } from 'node:worker_threads';
import { createSampler, type CohortConfig } from '../engine/generate';
import { resolvePaths, type Engine } from '../engine/orchestrate';
import type { AssumptionSet } from '../engine/assumptions/schema';

export type NodeTask = { type: 'resolve'; set: AssumptionSet; config: CohortConfig; engine: Engine; choices: Int32Array };

parentPort!.on('message', (task: NodeTask) => {
  parentPort!.postMessage(resolvePaths(createSampler(task.set, task.config), task.choices, task.engine));
});
