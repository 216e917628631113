import type { StateGraph } from '../graph/types';

/** FNV-1a fingerprint of a graph: tells whether a committed layout still matches the machine. */
export function getGraphKey(graph: StateGraph): string {
  const text = JSON.stringify(graph);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return `${(hash >>> 0).toString(16).padStart(8, '0')}-${text.length}`;
}
