import { describe, it, expect } from 'vitest';
import { quietStep } from '../../src/view-model/quietStep';
import { findScenario } from '../../src/scenarios';
import { stepCase } from '../../machines/case/run';

describe('a step with no milestone', () => {
  const noStatement = { ...structuredClone(findScenario('nigerian_girl_2016')!.case), cooperation: { statementDay: null } };
  const run = stepCase(noStatement);
  const at = run.steps.findIndex((s) => s.day === 101);

  it('names the time limit that ran out, the state it left, what still holds and the next step', () => {
    const quiet = quietStep(run.steps[at], run.steps[at + 1]);
    expect(quiet).not.toBeNull();
    expect(quiet!.fired).toBe('minorDocumentValidity');
    expect(quiet!.entered).toEqual(['procedure.pathway.victimTrack.trackEnded']);
    expect(quiet!.still).toContain('procedure.pathway.otherTracks.asylum.applied');
    expect(quiet!.still).not.toContain('procedure.pathway.victimTrack.trackEnded');
    expect(quiet!.next?.day).toBe(730);
  });

  it('is nothing at a step that records milestones', () => {
    expect(run.steps.filter((s) => s.milestones.length).map((s) => quietStep(s, undefined))).toEqual(run.steps.filter((s) => s.milestones.length).map(() => null));
  });
});
