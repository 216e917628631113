// Two runs of the same child: where they part, what parts them, and how the stage map reads each path.
import { describe, expect, it } from 'vitest';
import { stepCase } from '../../machines/case/run';
import { findScenario } from '../../src/scenarios';
import { compareRuns } from '../../src/view-model/compare';
import { getStagePath } from '../../src/components/stagemap/stages';

describe('comparing two runs of the same child', () => {
  const child = findScenario('declared_birthdate_2017')!.case;
  const asWritten = stepCase({ ...child, practice: 'asWritten' });
  const asReported = stepCase({ ...child, practice: 'asReported' });

  it('shares the steps before the parting and names the first milestone that differs, with its basis', () => {
    const runs = compareRuns(asWritten, asReported);
    for (let i = 0; i < runs.sharedSteps; i++) expect(asReported.steps[i].milestones).toEqual(asWritten.steps[i].milestones);
    expect(runs.partingMilestone?.basis).toBeTruthy();
    const idsA = new Set(runs.partingA?.milestones.map((m) => m.id));
    const idsB = new Set(runs.partingB?.milestones.map((m) => m.id));
    expect(idsA.has(runs.partingMilestone!.id) !== idsB.has(runs.partingMilestone!.id)).toBe(true);
    expect(runs.partingStateId).toBeTruthy();
    expect(runs.endA).toEqual(asWritten.steps.at(-1)!.activeStateIds);
    expect(runs.endB).toEqual(asReported.steps.at(-1)!.activeStateIds);
  });

  it('finds nothing to part when the runs are the same', () => {
    const runs = compareRuns(asWritten, stepCase({ ...child, practice: 'asWritten' }));
    expect(runs.sharedSteps).toBe(asWritten.steps.length);
    expect(runs.partingMilestone).toBeUndefined();
  });
});

describe('stage map path', () => {
  it('follows a protected child along the main line to the B card', () => {
    const run = stepCase(findScenario('nigerian_girl_2016')!.case);
    const path = getStagePath(run.trace.milestones, run.trace.outcome);
    expect(path.lastMain).toBe(9);
    expect(path.exit).toBeUndefined();
    expect(path.reached).toContain(10); // the criminal case beside the line
  });
  it('shows where a child left the line, only once the run has got there', () => {
    const run = stepCase(findScenario('disappears_from_centre')!.case);
    expect(getStagePath(run.trace.milestones).exit).toBeUndefined();
    const path = getStagePath(run.trace.milestones, run.trace.outcome);
    expect(path.exit).toEqual(expect.objectContaining({ outcome: 'disappeared', from: path.lastMain, milestone: 'disappeared' }));
  });
});
