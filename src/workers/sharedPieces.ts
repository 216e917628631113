// The machine runs of a cohort shared out between threads piece by piece: every thread takes the next piece not
// yet taken (one counter in shared memory) until none is left. Split in halves once, a thread that had the slower
// half (more steps per run, or a slower start) kept the other waiting: the CLI's 1,000,000 exploited children
// left the worker idle 0.6–1 s of a 5 s run while this thread finished its half.
import { copyRow, createPathResolver, type Engine } from '../engine/orchestrate';
import { SLOT_COUNT, type Sampler } from '../engine/generate';
import type { PathSummary } from '../engine/aggregate';

/** Pieces as every thread reads them: the arrays are views of shared memory, posted to workers without a copy. */
export interface SharedPieces {
  /** [0]: the next piece to take (Atomics.add), shared by every thread */
  next: Int32Array;
  /** per piece: its group (a configuration: one in a cohort, one per simulated day in a period) */
  group: Int32Array;
  /** per piece: its first row in `choices`, and one more entry: the last piece's end */
  start: Int32Array;
  /** the rows of choices (SLOT_COUNT a row) of every piece, one piece after another */
  choices: Int32Array;
}

/** What a group brings: its sampler, its table of choices and the rows (of that table) still to run. */
export interface PieceGroup {
  sampler: Sampler;
  counted: { choices: Int32Array };
  missing: readonly number[];
}

/** Pieces per thread: enough that the last piece taken is short beside a thread's share, few enough to cost nothing. */
const PIECES_PER_THREAD = 24;
const MIN_PIECE = 256;

function sharedInt32(length: number): Int32Array {
  return new Int32Array(new SharedArrayBuffer(Math.max(1, length) * Int32Array.BYTES_PER_ELEMENT), 0, length);
}

/**
 * Cuts every group's runs into pieces of about the same size, a piece ending only where the facts key changes:
 * case files with the same facts stay in one piece, where their runs share their beginnings
 * (machines/case/sharing.ts). `members[c]`: piece c's group and its positions in that group's `missing`.
 */
export function planPieces(groups: readonly PieceGroup[], threads: number): { pieces: SharedPieces; members: { group: number; positions: number[] }[] } {
  const runs = groups.reduce((n, g) => n + g.missing.length, 0);
  const size = Math.max(MIN_PIECE, Math.ceil(runs / (threads * PIECES_PER_THREAD)));
  const members: { group: number; positions: number[] }[] = [];
  groups.forEach(({ sampler, counted, missing }, group) => {
    // Positions by facts key, keys in order of first appearance (no sort: pieces need equal keys together only).
    const byKey = new Map<number, number[]>();
    missing.forEach((i, j) => {
      const key = sampler.factsKey(counted.choices, i);
      const same = byKey.get(key);
      if (same) same.push(j);
      else byKey.set(key, [j]);
    });
    let positions: number[] = [];
    for (const same of byKey.values()) {
      for (const j of same) positions.push(j);
      if (positions.length >= size) {
        members.push({ group, positions });
        positions = [];
      }
    }
    if (positions.length) members.push({ group, positions });
  });
  const start = sharedInt32(members.length + 1);
  const group = sharedInt32(members.length);
  members.forEach((piece, c) => {
    group[c] = piece.group;
    start[c + 1] = start[c] + piece.positions.length;
  });
  const choices = sharedInt32(runs * SLOT_COUNT);
  members.forEach((piece, c) => {
    const source = groups[piece.group].counted.choices;
    const missing = groups[piece.group].missing;
    piece.positions.forEach((j, t) => copyRow(source, missing[j], choices, start[c] + t));
  });
  return { pieces: { next: sharedInt32(1), group, start, choices }, members };
}

/**
 * Takes pieces until none is left and runs them (`samplers[g]`: group g's): the pieces this thread ran, in the
 * order it ran them, and their paths one after another.
 */
export function runPieces(pieces: SharedPieces, samplers: readonly Sampler[], engine: Engine, onBeat?: () => void): { done: number[]; paths: PathSummary[] } {
  const resolve = createPathResolver(engine);
  const done: number[] = [];
  const paths: PathSummary[] = [];
  const count = pieces.group.length;
  for (let c = Atomics.add(pieces.next, 0, 1); c < count; c = Atomics.add(pieces.next, 0, 1)) {
    const rows = pieces.choices.subarray(pieces.start[c] * SLOT_COUNT, pieces.start[c + 1] * SLOT_COUNT);
    for (const path of resolve(samplers[pieces.group[c]], rows, onBeat)) paths.push(path);
    done.push(c);
    onBeat?.();
  }
  return { done, paths };
}
