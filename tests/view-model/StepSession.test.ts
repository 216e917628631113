import { describe, it, expect, vi, afterEach } from 'vitest';
import { StepSession } from '../../src/view-model/StepSession.svelte';
import { findScenario } from '../../src/scenarios';
import { DECISIONS } from '../../src/view-model/decisions';
import { findIssues } from '../../src/view-model/engine';
import type { CaseFile } from '../../machines/case/types';

const scenario = (id: string): CaseFile => structuredClone(findScenario(id)!.case);

afterEach(() => vi.useRealTimers());

describe('StepSession titles', () => {
  it('retitles a scenario as shipped (another UI language) without calling it edited; an edited case keeps its title', () => {
    const session = new StepSession({ ...scenario('nigerian_girl_2016'), title: 'Nigerian girl' }, { scenarioId: 'nigerian_girl_2016' });
    session.jump(3);
    session.retitle('Fille nigériane');
    expect(session.caseFile.title).toBe('Fille nigériane');
    expect(session.scenarioId).toBe('nigerian_girl_2016');
    expect(session.index).toBe(3);
    expect(session.snapshot().lastValid).toBeUndefined();
    session.edit('title', 'My case');
    session.retitle('Fille nigériane');
    expect(session.caseFile.title).toBe('My case');
  });
});

describe('StepSession navigation', () => {
  it('starts at the first step and walks to the outcome, never past the end', () => {
    const session = new StepSession(scenario('nigerian_girl_2016'));
    expect(session.index).toBe(0);
    expect(session.step?.milestones.map((m) => m.id)).toContain('detected');
    let moves = 0;
    while (session.next()) moves++;
    expect(moves).toBe(session.steps.length - 1);
    expect(session.isAtEnd).toBe(true);
    expect(session.next()).toBe(false);
    expect(session.trace?.outcome).toBe('permanentResidence');
    expect(session.milestonesSoFar.map((m) => m.id)).toContain('permanentResidence');
  });

  it('goes back, jumps to a past step (clamped) and restarts', () => {
    const session = new StepSession(scenario('nigerian_girl_2016'));
    session.jump(4);
    expect(session.index).toBe(4);
    session.back();
    expect(session.index).toBe(3);
    session.jump(999);
    expect(session.index).toBe(session.steps.length - 1);
    session.jump(-3);
    expect(session.index).toBe(0);
    session.back();
    expect(session.index).toBe(0);
    session.jump(5);
    session.restart();
    expect(session.index).toBe(0);
  });

  it('accumulates visited states in first-visit order and taken transitions up to the current step', () => {
    const session = new StepSession(scenario('nigerian_girl_2016'));
    const atStart = session.visitedStateIds.length;
    session.jump(3);
    const visited = session.visitedStateIds;
    expect(visited.length).toBeGreaterThan(atStart);
    expect(new Set(visited).size).toBe(visited.length);
    for (const id of session.step!.activeStateIds) expect(visited).toContain(id);
    expect(session.takenTransitions).toEqual(session.steps.slice(1, 4).flatMap((s) => s.transitions));
    expect(session.nextEvents).toEqual([session.steps[4].event.type]);
  });

  it('autoplays at the chosen speed and stops at the outcome', () => {
    vi.useFakeTimers();
    const session = new StepSession(scenario('disappears_from_centre'));
    session.setSpeed(2);
    session.play();
    expect(session.playing).toBe(true);
    vi.advanceTimersByTime(500);
    expect(session.index).toBe(1);
    vi.advanceTimersByTime(500 * session.steps.length);
    expect(session.isAtEnd).toBe(true);
    expect(session.playing).toBe(false);
    session.togglePlay(); // from the end, play starts over
    expect(session.index).toBe(0);
    session.pause();
    vi.advanceTimersByTime(5000);
    expect(session.index).toBe(0);
  });
});

describe('StepSession edits', () => {
  it('keeps the last valid path while a field is wrong, and names the field', () => {
    const session = new StepSession(scenario('nigerian_girl_2016'));
    const run = session.run;
    session.edit('person.nationality', 'ZZ');
    expect(session.issues.map((i) => i.path)).toContain('person.nationality');
    expect(session.run).toBe(run);
    session.edit('person.nationality', 'NG');
    expect(session.issues).toEqual([]);
    expect(session.run).not.toBe(run);
  });

  it('flags a statement day before detection', () => {
    const session = new StepSession(scenario('nigerian_girl_2016'));
    session.edit('cooperation.statementDay', -5);
    expect(session.issues.find((i) => i.path === 'cooperation.statementDay')?.message).toMatch(/before detection/);
  });

  it('choosing a decision option re-runs the case and shows what changed', () => {
    const session = new StepSession(scenario('disappears_from_centre'));
    session.jump(session.steps.findIndex((s) => s.milestones.some((m) => m.id === 'specialisedShelter')));
    const decision = session.decisions.find((d) => d.id === 'disappearance')!;
    expect(decision.chosen(session.caseFile)).toBe('missing');
    const stays = decision.options.find((o) => o.id === 'stays')!;
    expect(session.previewOutcome(stays)).not.toBe('disappeared');
    session.choose(decision, stays);
    expect(session.caseFile.disappearsDay).toBeNull();
    expect(session.trace?.outcome).not.toBe('disappeared');
    expect(session.comparison?.difference.outcomeBefore).toBe('disappeared');
    expect(session.comparison?.difference.removed).toContain('disappeared');
  });

  it('moving the same child to another rules date shows the rule change (EEA child 2012 → 2016)', () => {
    const session = new StepSession(scenario('romanian_girl_2012'));
    session.change({ ...session.caseFile, date: '2016-06-12' }, 'date');
    const diff = session.comparison!.difference;
    expect(diff.removed).toContain('outsideGuardianshipScope');
    expect(diff.added).toContain('guardianAppointed');
  });

  it('a clicked next transition becomes a case fact and the view moves to it', () => {
    const session = new StepSession(scenario('afghan_boy_asylum'));
    expect(session.caseFile.cooperation?.statementDay).toBeNull();
    session.jump(1);
    const day = session.step!.day;
    expect(session.takeEvent('statement.given')).toBe(true);
    expect(session.caseFile.cooperation?.statementDay).toBe(day + 1);
    expect(session.step?.event.type).toBe('statement.given');
    expect(session.takeEvent('no.such.event')).toBe(false);
  });

  it('every decision option of every scenario gives a case the engine accepts', () => {
    for (const id of ['nigerian_girl_2016', 'found_adult_2018', 'case_dismissed']) {
      const session = new StepSession(scenario(id));
      for (const step of session.steps)
        for (const decision of DECISIONS)
          for (const option of decision.options) {
            const changed = option.apply(session.caseFile, step);
            expect(findIssues(changed), `${id} ${decision.id}:${option.id}`).toEqual([]);
          }
    }
  });
});

describe('StepSession replacing a case', () => {
  const shipped = (id: string) => new StepSession(scenario(id), { scenarioId: id });

  it('keeps an edited case that a load replaces, and Undo brings it back at its step', () => {
    const session = shipped('nigerian_girl_2016');
    session.edit('title', 'My case');
    session.edit('cooperation.statementDay', 33);
    session.jump(2);
    session.load(scenario('syrian_girl_no_exploitation'), { scenarioId: 'syrian_girl_no_exploitation' });
    expect(session.replaced?.previous.case.title).toBe('My case');
    session.undoReplace();
    expect(session.caseFile.title).toBe('My case');
    expect(session.caseFile.cooperation?.statementDay).toBe(33);
    expect(session.index).toBe(2);
  });

  it('keeps nothing when a scenario as shipped is replaced: the picker loads it again', () => {
    const session = shipped('nigerian_girl_2016');
    session.load(scenario('syrian_girl_no_exploitation'), { scenarioId: 'syrian_girl_no_exploitation' });
    expect(session.replaced).toBeNull();
  });

  it('forgets what an earlier load replaced once another load follows: Undo only undoes the last one', () => {
    const session = shipped('nigerian_girl_2016');
    session.load(scenario('cannabis_boy_2020'), { undoable: true }); // a share link
    const shared = session.caseFile;
    session.load(scenario('syrian_girl_no_exploitation'), { scenarioId: 'syrian_girl_no_exploitation' });
    // the last load replaced the shared case, not the Nigerian girl
    expect(session.replaced?.previous.case).toBe(shared);
    session.load(scenario('afghan_boy_asylum'), { scenarioId: 'afghan_boy_asylum' });
    expect(session.replaced).toBeNull();
  });

  it('keeps what was typed after the load when Undo brings the earlier case back: Undo again returns to it', () => {
    const session = shipped('nigerian_girl_2016');
    session.load(scenario('cannabis_boy_2020'), { undoable: true });
    session.load(scenario('syrian_girl_no_exploitation'), { scenarioId: 'syrian_girl_no_exploitation' });
    session.edit('title', 'Typed after loading');
    const loads = session.loads;
    session.undoReplace();
    expect(session.caseFile.title).toBe(scenario('cannabis_boy_2020').title);
    expect(session.loads).toBe(loads + 1);
    expect(session.replaced).toMatchObject({ undone: true, load: session.loads });
    session.undoReplace();
    expect(session.caseFile.title).toBe('Typed after loading');
  });
});
