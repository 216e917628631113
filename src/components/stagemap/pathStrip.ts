// The stage map read as one row, for presenter mode on a short projector screen (the map itself folds there so
// the diagram keeps the height): every main-line stage in order, the side lines the child took beside the
// station they leave from, the current stage and the next one on the protective line. Pure; no DOM.
import { MAIN_LINE, SIDE_LINES, type StageNumber, type StagePath } from './stages';
import type { OutcomeId } from '../../../machines/case/types';

export type StopStatus = 'passed' | 'here' | 'next' | 'ahead';
export type StripStop =
  | { kind: 'stage'; stage: StageNumber; status: StopStatus; side: boolean }
  | { kind: 'exit'; outcome: OutcomeId };

export function getPathStrip(path: StagePath): StripStop[] {
  const lastIndex = MAIN_LINE.indexOf(path.lastMain);
  // the next stage is the first main-line one after the furthest reached, while the child is still on the line
  const next = path.exit ? undefined : MAIN_LINE.slice(lastIndex + 1).find((s) => !path.reached.includes(s));
  const status = (stage: StageNumber): StopStatus =>
    path.current === stage && !path.exit ? 'here' : path.reached.includes(stage) ? 'passed' : stage === next ? 'next' : 'ahead';
  const stops: StripStop[] = [];
  for (const stage of MAIN_LINE) {
    stops.push({ kind: 'stage', stage, status: status(stage), side: false });
    // a side line is drawn only once taken: the row stays one line at 1024 px
    for (const side of SIDE_LINES) if (side.from === stage && path.reached.includes(side.stage)) stops.push({ kind: 'stage', stage: side.stage, status: status(side.stage), side: true });
    if (path.exit && path.exit.from === stage) stops.push({ kind: 'exit', outcome: path.exit.outcome });
  }
  return stops;
}
