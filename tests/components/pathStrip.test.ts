// @vitest-environment jsdom
// The path strip (presenter mode on a short projector, where the stage map folds): the stages passed, the
// current one and the next one on the protective line, in order, named for a screen reader; an exit in place of
// what comes next once the child has left the line.
import { cleanup, render } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import PathStrip from '../../src/components/stagemap/PathStrip.svelte';
import { language } from '../../src/i18n/language.svelte';
import type { Milestone, MilestoneId } from '../../machines/case/types';

afterEach(() => {
  cleanup();
  language.set('en');
});

const milestones = (...ids: MilestoneId[]): Milestone[] => ids.map((id, day) => ({ id, day, date: '2016-03-01', basis: '', source: '' }));
const WALK = milestones('detected', 'reportedToGuardianshipService', 'observationCentre', 'identifiedAsMinor', 'guardianAppointed', 'statementGiven', 'specialisedCentre');

function stops(container: HTMLElement) {
  return [...container.querySelectorAll('[data-testid="path-strip"] > li')].map((li) => (li as HTMLElement).dataset.stage ? `${(li as HTMLElement).dataset.stage}:${(li as HTMLElement).dataset.status}` : 'exit');
}

describe('PathStrip', () => {
  it('shows every stage in order: passed, the current one, the next one, those ahead, and a side line once taken', () => {
    const { container } = render(PathStrip, { props: { milestones: WALK } });
    // the criminal case (10) was reached: drawn beside the reflection period it runs from
    expect(stops(container)).toEqual(['0:passed', '1:passed', '2:passed', '3:passed', '4:passed', '5:here', '6:next', '10:passed', '7:ahead', '8:ahead', '9:ahead']);
    const here = container.querySelector('[aria-current="step"]')!;
    expect(here.querySelector('[data-testid="stages-now"]')!.textContent).toBe('5 Specialised centre');
    expect(container.querySelector('[data-status="next"]')!.textContent).toContain('next: 6 Reflection period');
    // each stop says its name and status to a screen reader (the visible number alone would not)
    expect(container.querySelector('[data-stage="2"] .visually-hidden')!.textContent).toBe('Stage 2: First reception, reached');
    expect(container.querySelector('[data-stage="8"] .visually-hidden')!.textContent).toBe('Stage 8: A card, not reached');
    expect(container.querySelector('[data-testid="path-strip"]')!.getAttribute('aria-label')).toBe('Path so far');
  });

  it('marks where the child left the line, with nothing next', () => {
    const { container } = render(PathStrip, { props: { milestones: milestones('detected', 'reportedToGuardianshipService', 'observationCentre', 'disappeared'), outcome: 'disappeared' } });
    expect(stops(container)).toEqual(['0:passed', '1:passed', '2:passed', 'exit', '3:ahead', '4:ahead', '5:ahead', '6:ahead', '7:ahead', '8:ahead', '9:ahead']);
    expect(container.querySelector('[aria-current]')).toBeNull();
    expect(container.querySelector('[data-testid="path-strip-exit"]')!.textContent).toMatch(/^Left here: \S/);
  });

  it('speaks French with a narrow no-break space before the colon', () => {
    language.set('fr');
    const { container } = render(PathStrip, { props: { milestones: WALK } });
    expect(container.querySelector('[data-status="next"] .pill')!.textContent).toBe('ensuite\u202f: 6 Période de réflexion');
    expect(container.querySelector('[data-testid="path-strip"]')!.getAttribute('aria-label')).toBe('Parcours jusqu’ici');
  });
});
