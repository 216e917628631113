// The procedure statechart, laid out at build time by `npm run layout` (scripts/layout.ts).
// A test fails when this no longer matches machines/procedure/machine.ts.
import layout from './procedure.layout.json';
import type { LaidOutGraph } from './types';

export const procedureLayout = layout as unknown as LaidOutGraph;
