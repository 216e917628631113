// @vitest-environment jsdom
import { cleanup, fireEvent, render } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import type { Milestone, MilestoneId } from '../../machines/case/types';
import Timeline from '../../src/components/timeline/Timeline.svelte';
import { ACTORS } from '../../src/components/timeline/actors';
import { MILESTONES } from '../../machines/catalogue/milestones';
import { placeMilestones } from '../../src/components/timeline/placeMilestones';

afterEach(cleanup);

const at = (id: MilestoneId, day: number, date: string): Milestone => ({ id, day, date, basis: `basis of ${id}`, source: 'test' });
const milestones: Milestone[] = [
  at('detected', 0, '2016-03-01'),
  at('presumedVictim', 0, '2016-03-01'),
  at('reportedToGuardianshipService', 0, '2016-03-01'),
  at('specialisedShelter', 1, '2016-03-02'),
  at('ageAssessment', 9, '2016-03-10'),
  at('minorResidenceDocument', 9, '2016-03-10'),
  at('statementGiven', 20, '2016-03-21'),
  at('conviction', 1100, '2019-03-06'),
];

describe('Timeline', () => {
  it('puts each milestone in its actor’s lane', () => {
    const { container } = render(Timeline, { props: { milestones, currentDay: 30, startDate: '2016-03-01' } });
    const lanes = [...container.querySelectorAll('.lane')].map((g) => g.getAttribute('data-actor'));
    expect(lanes).toEqual([...ACTORS]);
    const laneBox = (actor: string) => {
      const rect = container.querySelector(`.lane[data-actor="${actor}"] rect`)!;
      const y = Number(rect.getAttribute('y'));
      return [y, y + Number(rect.getAttribute('height'))];
    };
    const expected: Record<string, string> = {
      detected: 'police',
      statementGiven: 'police',
      specialisedShelter: 'centre',
      ageAssessment: 'guardianshipService',
      minorResidenceDocument: 'immigrationOffice',
      conviction: 'prosecutor',
    };
    for (const [id, actor] of Object.entries(expected)) {
      const g = container.querySelector(`.milestone[data-milestone="${id}"]`)!;
      expect(g.getAttribute('data-actor')).toBe(actor);
      const y = Number(/translate\([^,]+,([^)]+)\)/.exec(g.querySelector('path')!.getAttribute('transform')!)![1]);
      const [top, bottom] = laneBox(actor);
      expect(y, id).toBeGreaterThan(top);
      expect(y, id).toBeLessThan(bottom);
    }
  });

  it('places milestones along the date axis in order, and marks those not reached yet', () => {
    const { container } = render(Timeline, { props: { milestones, currentDay: 30, startDate: '2016-03-01' } });
    const xOf = (id: string) =>
      Number(/translate\(([^,]+),/.exec(container.querySelector(`.milestone[data-milestone="${id}"] path`)!.getAttribute('transform')!)![1]);
    expect(xOf('detected')).toBeLessThan(xOf('ageAssessment'));
    expect(xOf('ageAssessment')).toBeLessThan(xOf('statementGiven'));
    expect(xOf('statementGiven')).toBeLessThan(xOf('conviction'));
    expect(container.querySelector('.milestone[data-milestone="conviction"]')!.classList.contains('upcoming')).toBe(true);
    expect(container.querySelector('.milestone[data-milestone="statementGiven"]')!.classList.contains('upcoming')).toBe(false);
    expect(container.querySelector('.now text')!.textContent).toBe('Day 30');
  });

  it('has a table alternative listing every milestone by date with its actor and basis', async () => {
    const { container, getByRole } = render(Timeline, { props: { milestones, currentDay: 30, startDate: '2016-03-01' } });
    const rows = [...container.querySelectorAll('tbody tr')];
    expect(rows.map((r) => r.getAttribute('data-milestone'))).toEqual(milestones.map((m) => m.id));
    const cells = [...rows[6].querySelectorAll('td')].map((td) => td.textContent);
    expect(cells).toEqual(['21 March 2016', '20', 'Police', 'Statement given', 'basis of statementGiven']);
    const toggle = getByRole('button', { name: /show as a table/i });
    await fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
  });

  it("writes the day's label on the side of its line that has room (left of it at the right edge)", () => {
    const early = render(Timeline, { props: { milestones, currentDay: 30, startDate: '2016-03-01' } });
    expect(early.getByTestId('timeline-now').getAttribute('text-anchor')).toBe('start');
    cleanup();
    const last = render(Timeline, { props: { milestones, currentDay: 1100, startDate: '2016-03-01' } });
    const now = last.getByTestId('timeline-now');
    expect(now.textContent).toBe('Day 1100');
    expect(now.getAttribute('text-anchor')).toBe('end');
  });

  it('stacks labels of milestones on the same day instead of overlapping them', () => {
    const placement = placeMilestones(milestones, 30, '2016-03-01', 900, (m) => m.id);
    const police = placement.placed.filter((p) => p.actor === 'police' && p.milestone.day === 0);
    expect(new Set(police.map((p) => p.row)).size).toBe(police.length);
  });

  it('maps every milestone id to one of the six actors', () => {
    for (const { actor } of Object.values(MILESTONES)) expect(ACTORS).toContain(actor);
  });
});
