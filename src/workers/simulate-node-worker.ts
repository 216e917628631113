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

/** A range's counts as they cross threads: typed arrays, transferred. */
export interface CountedRange {
  keys: Float64Array;
  counts: Int32Array;
  firstChild: Int32Array;
  choices: Int32Array;
}

parentPort!.on('message', (task: NodeTask) => {
  if (task.type === 'count') {
    const counted = countChildren(createSampler(task.set, task.config), task.seed, task.from, task.to);
    const range: CountedRange = {
      keys: Float64Array.from(counted.keys),
      counts: Int32Array.from(counted.counts),
      firstChild: Int32Array.from(counted.firstChild),
      choices: counted.choices,
    };
    parentPort!.postMessage(range, [range.keys.buffer, range.counts.buffer, range.firstChild.buffer, range.choices.buffer] as ArrayBuffer[]);
    return;
  }
  const tables: PathTable[] = task.groups.map(({ config, choices }) =>
    encodePaths(resolvePaths(createSampler(task.set, config), choices, task.engine)),
  );
  parentPort!.postMessage(tables, tables.flatMap(tableBuffers));
});
