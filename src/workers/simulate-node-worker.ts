// Worker thread for the CLI. Two tasks:
// - `count`: draws children from..to of a cohort and counts its distinct case files (orchestrate.ts countChildren),
//   so that threads draw a large cohort's children side by side;
// - `share`: runs the machine for pieces of the distinct case files, taking the next piece not yet taken (a
//   counter shared with the other threads, node-pool.ts shareRuns) until none is left, and sends back the pieces
//   it ran and their paths as one PathTable.
// Buffers are transferred or shared, not copied.
import { parentPort } from 'node:worker_threads';
import { createSampler, type CohortConfig } from '../engine/generate';
import { countChildren, type Engine } from '../engine/orchestrate';
import { encodePaths, tableBuffers } from '../engine/pathTable';
import { runPieces, type SharedPieces } from './sharedPieces';
import type { AssumptionSet } from '../engine/assumptions/schema';

export type NodeTask =
  | { type: 'share'; set: AssumptionSet; engine: Engine; configs: CohortConfig[]; pieces: SharedPieces }
  | { type: 'count'; set: AssumptionSet; config: CohortConfig; seed: number; from: number; to: number };

parentPort!.on('message', (task: NodeTask) => {
  if (task.type === 'count') {
    const counted = countChildren(createSampler(task.set, task.config), task.seed, task.from, task.to);
    // The choices are the bulk: transferred; the number arrays are copied.
    parentPort!.postMessage(counted, [counted.choices.buffer as ArrayBuffer]);
    return;
  }
  const samplers = task.configs.map((config) => createSampler(task.set, config));
  const { done, paths } = runPieces(task.pieces, samplers, task.engine);
  const table = encodePaths(paths);
  parentPort!.postMessage({ done, table }, tableBuffers(table));
});
