// Worker thread for the CLI: runs the machine for a share of the distinct case files (orchestrate.ts resolvePaths),
// one group per configuration (a cohort has one; a period, one per simulated day), and sends the paths back as
// PathTables whose buffers are transferred, not copied.
import { parentPort } from 'node:worker_threads';
import { createSampler, type CohortConfig } from '../engine/generate';
import { resolvePaths, type Engine } from '../engine/orchestrate';
import { encodePaths, tableBuffers, type PathTable } from '../engine/pathTable';
import type { AssumptionSet } from '../engine/assumptions/schema';

export type NodeTask = { type: 'resolve'; set: AssumptionSet; engine: Engine; groups: { config: CohortConfig; choices: Int32Array }[] };

parentPort!.on('message', (task: NodeTask) => {
  const tables: PathTable[] = task.groups.map(({ config, choices }) =>
    encodePaths(resolvePaths(createSampler(task.set, config), choices, task.engine)),
  );
  parentPort!.postMessage(tables, tables.flatMap(tableBuffers));
});
