// Only types and light helpers here: `layoutGraph` (ELK) is imported directly by the build script.
export type * from './types';
export { getGraphKey } from './graphKey';
export { getEdgePath } from './edgePath';
