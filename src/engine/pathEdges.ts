// The statechart edges a cohort's children took: the data of the directly-follows map drawn on the procedure.
//
// Why the cohort records edges rather than mapping milestones onto the diagram afterwards: a milestone is an
// action, not a transition. Many transitions record none (the eventless "otherwise" branches, the region moves of
// placement), some milestones are recorded on entry to several states, and the parallel regions interleave, so
// a milestone sequence does not tell which edge was taken. The machine's own microsteps do: a stepper wrapper
// reads the active leaves before and after each microstep (the same `transitionsBetween` the step view uses)
// and the same matcher (src/graph/findEdge.ts) names the drawn edge. Each distinct case keeps its distinct edges
// as small indices into PROCEDURE_EDGES (at most the 86 edges, typically 10–20), and the cohort keeps counts per
// edge and a few example children: memory is bounded by the diagram, not by the cohort.
import { transitionsBetween } from '../../machines/case/run';
import type { StepObserver } from '../../machines/case/run';
import type { Stepper } from '../../machines/case/stepper';
import { procedureMachine } from '../../machines/procedure/machine';
import { createEdgeIndex, findEdge, type EdgeIndex } from '../graph/findEdge';
import { toGraph } from '../graph/toGraph';
import type { GraphEdge, GraphNode, StateGraph } from '../graph/types';

/** Example children kept per edge (the smallest child indices, as elsewhere in the cohort). */
export const EDGE_EXAMPLES = 5;

let graph: { graph: StateGraph; index: EdgeIndex<GraphNode, GraphEdge>; position: Map<string, number> } | undefined;
/** The procedure's graph, built on first use (workers that never record edges never build it). */
function procedureGraph() {
  if (!graph) {
    const g = toGraph(procedureMachine);
    graph = { graph: g, index: createEdgeIndex(g.nodes, g.edges), position: new Map(g.edges.map((e, i) => [e.id, i])) };
  }
  return graph;
}
/** The drawn edges in the order the summaries' indices refer to (the layout has the same ids). */
export function getProcedureEdges(): readonly GraphEdge[] {
  return procedureGraph().graph.edges;
}

/**
 * Records the distinct edges a run takes, in the order first taken; `unmatched` counts moves no drawn edge explains.
 * As a StepObserver it saves and restores what it recorded with the checkpoints of runs that share a beginning.
 */
export interface EdgeRecorder extends StepObserver {
  stepper: Stepper;
  edges: number[];
  unmatched: number;
  /** Ready for another run through `stepper`: nothing active, nothing recorded (`edges` is a new list). */
  reset(): void;
}

/** What a recorder had recorded at a checkpoint: the first `count` edges of a list that only grows. */
interface RecorderState {
  edges: readonly number[];
  count: number;
  active: readonly string[];
  unmatched: number;
}

/** The drawn edges one microstep took (positions), and how many of its moves no drawn edge explains. */
interface MoveEdges {
  edges: number[];
  unmatched: number;
}
// A move the stepper names (Microstep.move: the fast stepper's) is worked out once: recording then costs one map
// look-up per microstep. Unnamed moves are worked out every time and not kept (the memo would only grow).
const moves = new Map<object, MoveEdges>();

function edgesOfMove(name: object | undefined, before: readonly string[], after: readonly string[], eventType: string): MoveEdges {
  if (!name) return workOutMove(before, after, eventType);
  let move = moves.get(name);
  if (!move) moves.set(name, (move = workOutMove(before, after, eventType)));
  return move;
}

function workOutMove(before: readonly string[], after: readonly string[], eventType: string): MoveEdges {
  const { index, position } = procedureGraph();
  // entering an initial state has no source and no drawn edge
  const taken = transitionsBetween(before, after, eventType).filter((t) => t.source !== '');
  const found = taken.map((t) => findEdge(index, t));
  // leaving a parallel state exits every region's leaf, but one edge was taken: the others are no miss
  const reached = new Set(taken.flatMap((t, i) => (found[i] ? t.targets : [])));
  const move: MoveEdges = { edges: [], unmatched: 0 };
  taken.forEach((t, i) => {
    const at = found[i] ? position.get(found[i].id) : undefined;
    if (at !== undefined) move.edges.push(at);
    else if (!t.targets.every((id) => reached.has(id))) move.unmatched++;
  });
  return move;
}

/** Before the first microstep: nothing active. */
const NOTHING_ACTIVE: readonly string[] = Object.freeze([]);

export function recordEdges(inner: Stepper): EdgeRecorder {
  return new Recorder(inner);
}

class Recorder implements EdgeRecorder {
  stepper: Stepper;
  edges: number[] = [];
  unmatched = 0;
  private active = NOTHING_ACTIVE;
  /** per drawn edge: the run that last took it (the edges of a run, marked without a scan or a set per run) */
  private takenIn = new Int32Array(0);
  private run = 1;

  constructor(inner: Stepper) {
    this.stepper = {
      initial: (input) => this.record(inner.initial(input), 'case.opened'),
      next: (snapshot, event) => this.record(inner.next(snapshot, event), event.type),
    };
  }

  reset(): void {
    this.active = NOTHING_ACTIVE;
    // a new list: checkpoints keep the old one
    this.edges = [];
    this.unmatched = 0;
    this.run++;
  }

  save(): RecorderState {
    return { edges: this.edges, count: this.edges.length, active: this.active, unmatched: this.unmatched };
  }

  restore(saved: unknown): void {
    const s = saved as RecorderState;
    this.run++;
    this.edges = s.edges.slice(0, s.count);
    for (const at of this.edges) this.takenIn[at] = this.run;
    this.active = s.active;
    this.unmatched = s.unmatched;
  }

  private record<T extends readonly { snapshot: { activeIds: readonly string[] }; move?: object }[]>(microsteps: T, eventType: string): T {
    for (let i = 0; i < microsteps.length; i++) {
      const { snapshot, move: name } = microsteps[i];
      const next = snapshot.activeIds;
      if (next === this.active) continue;
      const move = edgesOfMove(name, this.active, next, eventType);
      this.unmatched += move.unmatched;
      for (const at of move.edges) {
        if (at >= this.takenIn.length) this.takenIn = grown(this.takenIn, getProcedureEdges().length);
        if (this.takenIn[at] === this.run) continue;
        this.takenIn[at] = this.run;
        this.edges.push(at);
      }
      this.active = next;
    }
    return microsteps;
  }
}
const grown = (marks: Int32Array, length: number) => {
  const out = new Int32Array(length);
  out.set(marks);
  return out;
};

export interface EdgeCount {
  /** the drawn edge's id (`source:event:index`, as in the layout) */
  id: string;
  /** children who took it at least once */
  children: number;
  /** a few of them (child indices), smallest first */
  examples: number[];
}
export interface EdgeCounts {
  /** every drawn edge, taken or not, in the diagram's order */
  edges: EdgeCount[];
  /** children whose path (summary) carried no edges: cached before edges were recorded */
  withoutEdges: number;
}

/** Adds a child to a list of the EDGE_EXAMPLES smallest, kept sorted (in place: no sort per child). */
export function addExample(list: number[], child: number): void {
  let i = list.length;
  if (i >= EDGE_EXAMPLES && child >= list[i - 1]) return;
  list.push(child);
  for (; i > 0 && list[i - 1] > child; i--) list[i] = list[i - 1];
  list[i] = child;
  if (list.length > EDGE_EXAMPLES) list.pop();
}

/** Counts children per edge over distinct cases (count children each, firstChild the example). */
export function countEdges(
  entries: readonly { summary: { edges?: number[] }; count: number; firstChild: number; examples?: number[] }[],
): EdgeCounts {
  const all = getProcedureEdges();
  const children = new Array<number>(all.length).fill(0);
  const examples = all.map(() => [] as number[]);
  let withoutEdges = 0;
  for (const { summary, count, firstChild, examples: merged } of entries) {
    if (!summary.edges) {
      withoutEdges += count;
      continue;
    }
    for (const at of summary.edges) {
      children[at] += count;
      const list = examples[at];
      // An entry merging case files that share a path brings each one's first child (mergeByPath keeps enough).
      for (const child of merged ?? [firstChild])
        addExample(list, child);
    }
  }
  return { edges: all.map((e, i) => ({ id: e.id, children: children[i], examples: examples[i] })), withoutEdges };
}
