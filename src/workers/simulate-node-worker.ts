// Worker thread for the CLI. Two tasks:
// - `count`: draws children from..to of a cohort and counts its distinct case files (orchestrate.ts countChildren),
//   so that threads draw a large cohort's children side by side;
// - `resolve`: runs the machine for a share of the distinct case files (orchestrate.ts resolvePaths), one group per
//   configuration (a cohort has one; a period, one per simulated day), and sends the paths back as PathTables.
// Buffers are transferred, not copied.
import { parentPort } from 'node:worker_threads';
import { createSampler, type CohortConfig } from '../engine/generate';
import { countChildren, resolvePaths, type Engine } from '../engine/orchestrate';
import { encodePaths, tableBuffers, type PathTable } from '../engine/pathTable';
import type { AssumptionSet } from '../engine/assumptions/schema';

export type NodeTask =
  | { type: 'resolve'; set: AssumptionSet; engine: Engine; groups: { config: CohortConfig; choices: Int32Array }[] }
  | { type: 'count'; set: AssumptionSet; config: CohortConfig; seed: number; from: number; to: number };

parentPort!.on('message', (task: NodeTask) => {
  if (task.type === 'count') {
    const counted = countChildren(createSampler(task.set, task.config), task.seed, task.from, task.to);
    // The choices are the bulk: transferred; the number arrays are copied.
    parentPort!.postMessage(counted, [counted.choices.buffer as ArrayBuffer]);
    return;
  }
  const tables: PathTable[] = task.groups.map(({ config, choices }) =>
    encodePaths(resolvePaths(createSampler(task.set, config), choices, task.engine)),
  );
  parentPort!.postMessage(tables, tables.flatMap(tableBuffers));
});
