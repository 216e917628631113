// Pure: the stage map's coordinates. d3 computes (scalePoint for the stations, d3-shape for the lines),
// Svelte renders. Returns fresh objects; never touches its input.
import { scalePoint } from 'd3-scale';
import { line, curveBumpY } from 'd3-shape';
import { MAIN_LINE, SIDE_LINES, type StageNumber, type StagePath } from './stages';

export interface Station {
  stage: StageNumber;
  x: number;
  y: number;
  /** label above (odd stations) or below, so neighbours never overlap */
  labelAbove: boolean;
  /** side-line stations label beside them (compact maps): to the left of the first, to the right of the others */
  labelSide?: 'left' | 'right';
}
export interface StageMapLayout {
  width: number;
  height: number;
  stations: Station[];
  /** the main line's track through every station */
  track: string;
  /** side lines (justice, other procedures): their track from the main line and back */
  sides: { stage: StageNumber; d: string }[];
  radius: number;
  /** y of the main line and of the exit termini */
  mainY: number;
  exitY: number;
}

/** Rows of the map; the compact one (presenter mode) leaves the diagram more of the screen. */
const ROWS = { full: { main: 64, side: 132, exit: 178 }, compact: { main: 54, side: 126, exit: 160 } };

const toPath = line<[number, number]>().curve(curveBumpY);

/** `withExit`: room below for an exit terminus (once a child has left the line, or when comparing). */
export function layoutStageMap(width: number, withExit = true, compact = false): StageMapLayout {
  const { main: MAIN_Y, side: SIDE_Y, exit: EXIT_Y } = ROWS[compact ? 'compact' : 'full'];
  const x = scalePoint<StageNumber>().domain(MAIN_LINE).range([44, width - 44]);
  const stations: Station[] = MAIN_LINE.map((stage, i) => ({ stage, x: x(stage)!, y: MAIN_Y, labelAbove: i % 2 === 0 }));
  const leftmost = Math.min(...SIDE_LINES.map((l) => l.from));
  const sides = SIDE_LINES.map(({ stage, from, to }) => {
    const a = x(from)!;
    const b = x(to)!;
    const mid = (a + b) / 2;
    stations.push({ stage, x: mid, y: SIDE_Y, labelAbove: false, ...(compact && { labelSide: from === leftmost ? ('left' as const) : ('right' as const) }) });
    return { stage, d: toPath([[a, MAIN_Y], [mid, SIDE_Y], [b, MAIN_Y]]) ?? '' };
  });
  return {
    width,
    // An exit label placed left of its terminus starts a line lower, clear of the side stations' names.
    height: withExit ? EXIT_Y + 64 : SIDE_Y + (compact ? 16 : 40),
    mainY: MAIN_Y,
    exitY: EXIT_Y,
    stations,
    track: toPath(MAIN_LINE.map((s) => [x(s)!, MAIN_Y])) ?? '',
    sides,
    radius: Math.max(7, Math.min(12, width / 80)),
  };
}

/** The travelled part of the main line for a path: from the first station to the furthest reached. */
export function getTravelledTrack(layout: StageMapLayout, path: StagePath, offset = 0): string {
  const main = layout.stations.filter((s) => MAIN_LINE.includes(s.stage) && s.stage <= path.lastMain);
  return toPath(main.map((s) => [s.x, s.y + offset])) ?? '';
}

/** The branch from the station a child left the line to the exit terminus below it. */
export function getExitTrack(layout: StageMapLayout, path: StagePath, offset = 0): { d: string; x: number; y: number } | undefined {
  if (!path.exit) return undefined;
  const from = layout.stations.find((s) => s.stage === path.exit!.from)!;
  const x = from.x + offset;
  return { d: toPath([[from.x + offset, from.y], [x, layout.exitY]]) ?? '', x, y: layout.exitY };
}
