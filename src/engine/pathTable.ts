// Paths of many distinct case files in typed arrays: what workers send back (transferred, not copied) and what the
// CLI keeps in memory. Identical paths are stored once (a cohort's distinct case files share far fewer paths),
// and strings (milestone ids, outcomes, tracks, assumptions) once per table.
import type { MilestoneId, OutcomeId, TrackId } from '../../machines/case/types';
import { summariseTrace, type PathSummary } from './aggregate';

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

/** What a path is made of: a summary's fields, or a trace's (whose milestones carry more than id and day). */
type PathParts = Pick<PathSummary, 'milestones' | 'outcome' | 'track' | 'outcomeDay' | 'assumptions'>;

/** A number for a path, the same for equal paths (samePath); hashing numbers beats building and hashing a key string. */
function pathHash(s: PathParts, edges: readonly number[] | undefined): number {
  let h = mix(mix(mix(0x811c9dc5, numberOf(s.outcome)), s.track === undefined ? -1 : numberOf(s.track)), s.outcomeDay);
  const { milestones, assumptions } = s;
  for (let i = 0; i < milestones.length; i++) h = mix(mix(h, numberOf(milestones[i].id)), milestones[i].day);
  h = mix(h, -2);
  for (let i = 0; i < assumptions.length; i++) h = mix(h, numberOf(assumptions[i]));
  if (!edges) return h;
  h = mix(h, -3);
  for (let i = 0; i < edges.length; i++) h = mix(h, edges[i]);
  return h;
}
const mix = (h: number, x: number) => Math.imul(h ^ x, 0x01000193);

/** Equal paths: the same outcome, track, outcome day, milestones (id and day), assumptions and edges (or none recorded). */
export function samePath(a: PathSummary, b: PathSummary): boolean {
  return a === b || sameParts(a, a.edges, b);
}
function sameParts(a: PathParts, edges: readonly number[] | undefined, b: PathSummary): boolean {
  if (a.outcome !== b.outcome || a.track !== b.track || a.outcomeDay !== b.outcomeDay) return false;
  const am = a.milestones;
  const bm = b.milestones;
  if (am.length !== bm.length || a.assumptions.length !== b.assumptions.length) return false;
  for (let i = 0; i < am.length; i++) if (am[i].id !== bm[i].id || am[i].day !== bm[i].day) return false;
  for (let i = 0; i < a.assumptions.length; i++) if (a.assumptions[i] !== b.assumptions[i]) return false;
  return sameEdges(b.edges, edges);
}
function sameEdges(a: readonly number[] | undefined, b: readonly number[] | undefined): boolean {
  if (!a || !b) return !a && !b;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Paths by value: the first of each set of equal paths, and a value kept beside it. */
export class PathIndex<T> {
  /** hash → the first entry with it; entries with the same hash chain through `next` */
  private first = new Map<number, number>();
  private next: number[] = [];
  private paths: PathSummary[] = [];
  private values: T[] = [];
  get(summary: PathSummary): T | undefined {
    const at = this.find(summary, summary.edges, pathHash(summary, summary.edges));
    return at < 0 ? undefined : this.values[at];
  }
  /** Adds a path not yet there. */
  add(summary: PathSummary, value: T): void {
    this.insert(summary, value, pathHash(summary, summary.edges));
  }
  /** The entry of the path made of these parts and edges, or -1. */
  protected find(parts: PathParts, edges: readonly number[] | undefined, hash: number): number {
    let at = this.first.get(hash) ?? -1;
    while (at >= 0 && !sameParts(parts, edges, this.paths[at])) at = this.next[at];
    return at;
  }
  protected insert(summary: PathSummary, value: T, hash: number): void {
    const at = this.paths.push(summary) - 1;
    this.values.push(value);
    this.next.push(this.first.get(hash) ?? -1);
    this.first.set(hash, at);
  }
  protected valueAt(at: number): T {
    return this.values[at];
  }
}

/**
 * Makes equal paths one object, so that aggregation can merge the case files sharing a path (completeCohort).
 * Kept per run: its memory is the run's distinct paths.
 */
export class PathInterner extends PathIndex<PathSummary> {
  /** summaries interned before (decoded tables repeat one object per path): their path, without hashing again */
  private seen = new WeakMap<PathSummary, PathSummary>();
  intern(summary: PathSummary): PathSummary {
    const known = this.seen.get(summary);
    if (known) return known;
    const hash = pathHash(summary, summary.edges);
    const at = this.find(summary, summary.edges, hash);
    const path = at >= 0 ? this.valueAt(at) : summary;
    if (at < 0) this.insert(summary, summary, hash);
    this.seen.set(summary, path);
    return path;
  }
  /**
   * The path of a trace (and the edges its run took): summariseTrace's, but a summary is only built for a path not
   * met before (most distinct case files share theirs), and `edges` is copied then (the caller may reuse it).
   */
  internTrace(trace: PathParts, edges?: readonly number[]): PathSummary {
    // Runs that end where an earlier one ended hand back its trace object (machines/case/sharing.ts): its path then
    // is the one found for it, if the edges are the same too.
    const before = this.byTrace.get(trace);
    if (before && sameEdges(before.edges, edges)) return before;
    const hash = pathHash(trace, edges);
    const at = this.find(trace, edges, hash);
    const path = at >= 0 ? this.valueAt(at) : summariseTrace(trace);
    if (at < 0) {
      if (edges) path.edges = edges.slice();
      this.insert(path, path, hash);
    }
    this.byTrace.set(trace, path);
    return path;
  }
  private byTrace = new WeakMap<PathParts, PathSummary>();
}
