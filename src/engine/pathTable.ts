// Paths of many distinct case files in typed arrays: what workers send back (transferred, not copied) and what the
// CLI keeps in memory. Identical paths are stored once (a cohort's distinct case files share far fewer paths),
// and strings (milestone ids, outcomes, tracks, assumptions) once per table.
import type { MilestoneId, OutcomeId, TrackId } from '../../machines/case/types';
import type { PathSummary } from './aggregate';

export interface PathTable {
  /** every string the rows use, by index */
  strings: string[];
  /** per case file: its row */
  rowOf: Uint32Array;
  /** per row: outcome, track (strings index; NO_TRACK: none given), outcome day */
  outcome: Uint16Array;
  track: Uint16Array;
  outcomeDay: Int32Array;
  /** per row k: milestones milestoneStart[k]…milestoneStart[k+1] of milestoneId/milestoneDay */
  milestoneStart: Uint32Array;
  milestoneId: Uint16Array;
  milestoneDay: Int32Array;
  /** per row k: assumptions assumptionStart[k]…assumptionStart[k+1] of assumptionId */
  assumptionStart: Uint32Array;
  assumptionId: Uint16Array;
  /** per row k: statechart edges (pathEdges.ts) edgeStart[k]…edgeStart[k+1] of edge; hasEdges[k] = 0: none recorded */
  hasEdges: Uint8Array;
  edgeStart: Uint32Array;
  edge: Uint32Array;
}

const NO_TRACK = 0xffff;

// Strings by number for pathHash: assumption texts are long, and numbers hash far faster. Bounded by the
// catalogue's milestones, outcomes, tracks and assumption texts.
const stringNumbers = new Map<string, number>();
const numberOf = (s: string) => {
  let n = stringNumbers.get(s);
  if (n === undefined) stringNumbers.set(s, (n = stringNumbers.size));
  return n;
};

/** Packs paths into a table (the i-th path is row rowOf[i]). */
export function encodePaths(summaries: readonly PathSummary[]): PathTable {
  const strings: string[] = [];
  const stringIndex = new Map<string, number>();
  const intern = (s: string) => {
    let at = stringIndex.get(s);
    if (at === undefined) stringIndex.set(s, (at = strings.push(s) - 1));
    return at;
  };
  const rows = new PathIndex<number>();
  const rowOf = new Uint32Array(summaries.length);
  const unique: PathSummary[] = [];
  let milestones = 0;
  let assumptions = 0;
  let edges = 0;
  const rowOfObject = new Map<PathSummary, number>();
  summaries.forEach((s, i) => {
    let row = rowOfObject.get(s);
    if (row === undefined) {
      row = rows.get(s);
      if (row === undefined) {
        rows.add(s, (row = unique.push(s) - 1));
        milestones += s.milestones.length;
        assumptions += s.assumptions.length;
        edges += s.edges?.length ?? 0;
      }
      rowOfObject.set(s, row);
    }
    rowOf[i] = row;
  });
  const n = unique.length;
  const table: PathTable = {
    strings,
    rowOf,
    outcome: new Uint16Array(n),
    track: new Uint16Array(n),
    outcomeDay: new Int32Array(n),
    milestoneStart: new Uint32Array(n + 1),
    milestoneId: new Uint16Array(milestones),
    milestoneDay: new Int32Array(milestones),
    assumptionStart: new Uint32Array(n + 1),
    assumptionId: new Uint16Array(assumptions),
    hasEdges: new Uint8Array(n),
    edgeStart: new Uint32Array(n + 1),
    edge: new Uint32Array(edges),
  };
  let m = 0;
  let a = 0;
  let e = 0;
  unique.forEach((s, k) => {
    table.outcome[k] = intern(s.outcome);
    table.track[k] = s.track === undefined ? NO_TRACK : intern(s.track);
    table.outcomeDay[k] = s.outcomeDay;
    for (const milestone of s.milestones) {
      table.milestoneId[m] = intern(milestone.id);
      table.milestoneDay[m++] = milestone.day;
    }
    table.milestoneStart[k + 1] = m;
    for (const assumption of s.assumptions) table.assumptionId[a++] = intern(assumption);
    table.assumptionStart[k + 1] = a;
    if (s.edges) {
      table.hasEdges[k] = 1;
      table.edge.set(s.edges, e);
      e += s.edges.length;
    }
    table.edgeStart[k + 1] = e;
  });
  if (strings.length >= NO_TRACK) throw new Error(`path table: too many distinct strings (${strings.length})`);
  return table;
}

/** The paths of a table, one object per row (so that equal paths are the same object), in case-file order. */
export function decodePaths(table: PathTable): PathSummary[] {
  const { strings } = table;
  const rows = Array.from({ length: table.outcome.length }, (_, k): PathSummary => {
    const milestones: PathSummary['milestones'] = [];
    for (let m = table.milestoneStart[k]; m < table.milestoneStart[k + 1]; m++)
      milestones.push({ id: strings[table.milestoneId[m]] as MilestoneId, day: table.milestoneDay[m] });
    const assumptions: string[] = [];
    for (let a = table.assumptionStart[k]; a < table.assumptionStart[k + 1]; a++) assumptions.push(strings[table.assumptionId[a]]);
    const summary: PathSummary = {
      milestones,
      outcome: strings[table.outcome[k]] as OutcomeId,
      outcomeDay: table.outcomeDay[k],
      assumptions,
    };
    if (table.track[k] !== NO_TRACK) summary.track = strings[table.track[k]] as TrackId;
    if (table.hasEdges[k]) summary.edges = Array.from(table.edge.subarray(table.edgeStart[k], table.edgeStart[k + 1]));
    return summary;
  });
  return Array.from(table.rowOf, (row) => rows[row]);
}

/** The table's buffers, to transfer with postMessage instead of copying them. */
export function tableBuffers(table: PathTable): ArrayBuffer[] {
  return [
    table.rowOf,
    table.outcome,
    table.track,
    table.outcomeDay,
    table.milestoneStart,
    table.milestoneId,
    table.milestoneDay,
    table.assumptionStart,
    table.assumptionId,
    table.hasEdges,
    table.edgeStart,
    table.edge,
  ].map((array) => array.buffer as ArrayBuffer);
}

/** A number for a path, the same for equal paths (samePath); hashing numbers beats building and hashing a key string. */
function pathHash(s: PathSummary): number {
  let h = mix(mix(mix(0x811c9dc5, numberOf(s.outcome)), s.track === undefined ? -1 : numberOf(s.track)), s.outcomeDay);
  for (const m of s.milestones) h = mix(mix(h, numberOf(m.id)), m.day);
  h = mix(h, -2);
  for (const a of s.assumptions) h = mix(h, numberOf(a));
  if (!s.edges) return h;
  h = mix(h, -3);
  for (const e of s.edges) h = mix(h, e);
  return h;
}
const mix = (h: number, x: number) => Math.imul(h ^ x, 0x01000193);

/** Equal paths: the same outcome, track, outcome day, milestones (id and day), assumptions and edges (or none recorded). */
export function samePath(a: PathSummary, b: PathSummary): boolean {
  if (a === b) return true;
  if (a.outcome !== b.outcome || a.track !== b.track || a.outcomeDay !== b.outcomeDay) return false;
  if (a.milestones.length !== b.milestones.length || a.assumptions.length !== b.assumptions.length) return false;
  for (let i = 0; i < a.milestones.length; i++)
    if (a.milestones[i].id !== b.milestones[i].id || a.milestones[i].day !== b.milestones[i].day) return false;
  for (let i = 0; i < a.assumptions.length; i++) if (a.assumptions[i] !== b.assumptions[i]) return false;
  if (!a.edges || !b.edges) return !a.edges && !b.edges;
  if (a.edges.length !== b.edges.length) return false;
  for (let i = 0; i < a.edges.length; i++) if (a.edges[i] !== b.edges[i]) return false;
  return true;
}

/** Paths by value: the first of each set of equal paths, and a value kept beside it. */
export class PathIndex<T> {
  private byHash = new Map<number, [PathSummary, T][]>();
  get(summary: PathSummary): T | undefined {
    const bucket = this.byHash.get(pathHash(summary));
    if (bucket) for (const [path, value] of bucket) if (samePath(path, summary)) return value;
    return undefined;
  }
  /** Adds a path not yet there. */
  add(summary: PathSummary, value: T): void {
    const h = pathHash(summary);
    const bucket = this.byHash.get(h);
    if (bucket) bucket.push([summary, value]);
    else this.byHash.set(h, [[summary, value]]);
  }
}

/**
 * Makes equal paths one object, so that aggregation can merge the case files sharing a path (completeCohort).
 * Kept per run: its memory is the run's distinct paths.
 */
export class PathInterner {
  private index = new PathIndex<PathSummary>();
  private known = new WeakSet<PathSummary>();
  intern(summary: PathSummary): PathSummary {
    if (this.known.has(summary)) return summary;
    const found = this.index.get(summary);
    if (found) return found;
    this.index.add(summary, summary);
    this.known.add(summary);
    return summary;
  }
}
