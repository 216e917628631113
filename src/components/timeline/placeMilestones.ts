// Pure: milestones → lanes, x positions and label rows (labels that would overlap move down a row).
import { scaleUtc } from 'd3-scale';
import { symbol, symbolCircle, symbolCross, symbolDiamond, symbolSquare, symbolStar, symbolTriangle } from 'd3-shape';
import type { Milestone } from '../../../machines/case/types';
import { ACTORS, ACTOR_STYLE, getActor, type Actor } from './actors';

export interface PlacedMilestone {
  key: string;
  milestone: Milestone;
  actor: Actor;
  x: number;
  /** label row inside the lane */
  row: number;
  /** label to the left of the marker (near the right edge) */
  labelLeft: boolean;
  reached: boolean;
}
export interface Lane {
  actor: Actor;
  y: number;
  height: number;
}
export interface TimelinePlacement {
  lanes: Lane[];
  placed: PlacedMilestone[];
  ticks: { x: number; label: string }[];
  nowX: number;
  height: number;
}

const DAY = 86_400_000;
/** room for the lane names: about 0.6 em per character of the longest name, at 14 px */
export function getLaneLabelWidth(names: string[]): number {
  return Math.max(150, Math.ceil(Math.max(...names.map((n) => n.length)) * 14 * 0.6) + 36);
}
const ROW_HEIGHT = 22;
const LANE_PADDING = 14;

export function parseDate(iso: string): Date {
  return new Date(`${iso.slice(0, 10)}T00:00:00Z`);
}

export function placeMilestones(
  milestones: readonly Milestone[],
  currentDay: number,
  startDate: string,
  width: number,
  labelOf: (m: Milestone) => string,
  laneLabelWidth = 170,
  fontSize = 14,
  /** tick labels (the timeline passes month names in the UI language) */
  tickLabel?: (date: Date) => string,
): TimelinePlacement {
  const start = parseDate(startDate);
  const lastDay = Math.max(currentDay, 30, ...milestones.map((m) => m.day));
  const x = scaleUtc()
    .domain([start, new Date(start.getTime() + lastDay * DAY)])
    .range([laneLabelWidth + 12, Math.max(laneLabelWidth + 100, width - 24)])
    .nice();
  const format = tickLabel ?? x.tickFormat();

  const rowEnds = new Map<Actor, number[]>();
  const placed: PlacedMilestone[] = [];
  const ordered = milestones
    .map((milestone, i) => ({ milestone, i }))
    .filter(({ milestone }) => getActor(milestone.id))
    .sort((a, b) => a.milestone.day - b.milestone.day || a.i - b.i);
  for (const { milestone, i } of ordered) {
    const actor = getActor(milestone.id)!;
    const at = x(parseDate(milestone.date));
    const labelWidth = labelOf(milestone).length * fontSize * 0.55 + 20;
    const labelLeft = at + labelWidth > width;
    const [from, to] = labelLeft ? [at - labelWidth, at + 8] : [at - 8, at + labelWidth];
    const ends = rowEnds.get(actor) ?? [];
    let row = ends.findIndex((end) => end < from);
    if (row < 0) row = ends.length;
    ends[row] = to;
    rowEnds.set(actor, ends);
    placed.push({ key: `${milestone.id}-${i}`, milestone, actor, x: at, row, labelLeft, reached: milestone.day <= currentDay });
  }

  let y = 28;
  const lanes = ACTORS.map((actor) => {
    const rows = Math.max(1, rowEnds.get(actor)?.length ?? 0);
    const lane = { actor, y, height: rows * ROW_HEIGHT + LANE_PADDING * 2 };
    y += lane.height;
    return lane;
  });
  return {
    lanes,
    placed,
    ticks: x.ticks(Math.max(2, Math.floor(width / 140))).map((d) => ({ x: x(d), label: format(d) })),
    nowX: x(new Date(start.getTime() + currentDay * DAY)),
    height: y + 4,
  };
}

export function getRowY(lane: Lane, row: number): number {
  return lane.y + LANE_PADDING + row * ROW_HEIGHT + ROW_HEIGHT / 2;
}

const SHAPES = {
  circle: symbolCircle,
  square: symbolSquare,
  diamond: symbolDiamond,
  triangle: symbolTriangle,
  star: symbolStar,
  cross: symbolCross,
};
export function getMarkerPath(actor: Actor, size = 110): string {
  return symbol(SHAPES[ACTOR_STYLE[actor].shape], size)() ?? '';
}
