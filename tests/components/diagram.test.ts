// @vitest-environment jsdom
import { cleanup, fireEvent, render, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { stepCase } from '../../machines/case/run';
import StatechartDiagram from '../../src/components/diagram/StatechartDiagram.svelte';
import { toStandaloneSvg } from '../../src/components/diagram/export';
import { createLayoutIndex, findEdge } from '../../src/components/diagram/highlight';
import { procedureLayout } from '../../src/layout/procedureLayout';
import { getDiagramProps, sampleCase } from './diagram-preview/diagramProps';

const run = stepCase(sampleCase);
const index = createLayoutIndex(procedureLayout);

afterEach(cleanup);

function renderAt(step: number, extra: Record<string, unknown> = {}) {
  return render(StatechartDiagram, { props: { ...getDiagramProps(run.steps, step), ...extra } });
}

describe('StatechartDiagram', () => {
  it('marks the current states of the step, and only those', () => {
    const { container } = renderAt(3);
    const current = [...container.querySelectorAll('.state.current')]
      .map((g) => g.getAttribute('data-state-id'))
      .sort();
    expect(current).toEqual([...run.steps[3].activeStateIds].sort());
  });

  it('highlights the transitions taken so far, numbered in the order they were taken', () => {
    const { container } = renderAt(3);
    const taken = run.steps
      .slice(0, 4)
      .flatMap((s) => s.transitions)
      .filter((t) => t.source !== '');
    const edgeIds = taken.map((t) => findEdge(index, t)?.id);
    expect(edgeIds.every(Boolean)).toBe(true);
    const highlighted = [...container.querySelectorAll('.transition.taken')].map((g) =>
      g.getAttribute('data-edge-id'),
    );
    expect(new Set(highlighted)).toEqual(new Set(edgeIds));
    // badges carry the step numbers 1..n, each once
    const numbers = [...container.querySelectorAll('.badge.step text')].flatMap((t) =>
      t.textContent!.split(',').map(Number),
    );
    expect(numbers.sort((a, b) => a - b)).toEqual(taken.map((_, i) => i + 1));
  });

  it('follows the steps: the path grows and the layout stays put', async () => {
    const { container, rerender } = renderAt(1);
    const boxes = () =>
      [...container.querySelectorAll('.state > rect.box')].map(
        (r) => `${r.getAttribute('x')},${r.getAttribute('y')}`,
      );
    const before = boxes();
    const takenBefore = container.querySelectorAll('.transition.taken').length;
    await rerender(getDiagramProps(run.steps, 4));
    expect(boxes()).toEqual(before);
    expect(container.querySelectorAll('.transition.taken').length).toBeGreaterThan(takenBefore);
    const current = [...container.querySelectorAll('.state.current')]
      .map((g) => g.getAttribute('data-state-id'))
      .sort();
    expect(current).toEqual([...run.steps[4].activeStateIds].sort());
  });

  it('lists the path in order as a text alternative', () => {
    const { container } = renderAt(3);
    const items = [...container.querySelectorAll('ol.path li')].map((li) => li.textContent!.trim());
    const taken = run.steps
      .slice(0, 4)
      .flatMap((s) => s.transitions)
      .filter((t) => t.source !== '');
    expect(items).toHaveLength(taken.length);
    // the statement at step 3 moves the criminal region from "No complaint" to "Investigation", after the age test
    // in plain words: the event as the UI says it, the states by name
    const statement = items.findIndex(
      (t) =>
        t.startsWith('The child makes a statement') &&
        t.includes('No complaint yet') &&
        t.includes('Investigation'),
    );
    const assessed = items.findIndex((t) => t.includes('Age doubted') && t.includes('Age test done'));
    expect(assessed).toBeGreaterThanOrEqual(0);
    expect(statement).toBeGreaterThan(assessed);
  });

  it('turns the next possible transitions into buttons that send their event', async () => {
    const onselectevent = vi.fn();
    const { container } = renderAt(2, {
      nextEvents: ['statement.given', 'person.disappeared'],
      onselectevent,
    });
    const buttons = [...container.querySelectorAll<SVGGElement>('svg [role="button"]')];
    const events = buttons.map((b) => b.getAttribute('data-event'));
    expect(new Set(events)).toEqual(new Set(['statement.given', 'person.disappeared']));
    for (const b of buttons) expect(b.getAttribute('tabindex')).toBe('0');

    const statement = buttons.find((b) => b.getAttribute('data-event') === 'statement.given')!;
    await fireEvent.click(statement);
    expect(onselectevent).toHaveBeenLastCalledWith('statement.given');
    const disappeared = buttons.find((b) => b.getAttribute('data-event') === 'person.disappeared')!;
    await fireEvent.keyDown(disappeared, { key: 'Enter' });
    expect(onselectevent).toHaveBeenLastCalledWith('person.disappeared');
    expect(onselectevent).toHaveBeenCalledTimes(2);
  });

  it('offers no button for an event whose source state is not active', () => {
    // prosecution.convicted leaves the registration-certificate stage, not yet entered at step 1
    const { container } = renderAt(1, {
      nextEvents: ['prosecution.convicted'],
      onselectevent: () => {},
    });
    const sources = [...container.querySelectorAll('svg [role="button"]')].map((b) =>
      b.getAttribute('aria-label'),
    );
    expect(sources.some((label) => label?.includes('Registration certificate'))).toBe(false);
    expect(sources.some((label) => label?.includes('Criminal'))).toBe(true);
  });

  it('shows the path list and keyboard buttons when toggled', async () => {
    const onselectevent = vi.fn();
    const { getByRole, container } = renderAt(2, {
      nextEvents: ['statement.given'],
      onselectevent,
    });
    const toggle = getByRole('button', { name: /show the path/i });
    expect(container.querySelector('.alternative')!.classList.contains('visually-hidden')).toBe(
      true,
    );
    await fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const list = container.querySelector<HTMLElement>('ul.next')!;
    const first = within(list).getAllByRole('button')[0];
    await fireEvent.click(first);
    expect(onselectevent).toHaveBeenCalledWith('statement.given');
  });

  it('zooms to a region and pans with the arrow keys, without moving the layout', async () => {
    const { container, getByLabelText } = renderAt(3);
    const viewport = () => container.querySelector('svg.canvas > g')!.getAttribute('transform');
    const firstBox = () => container.querySelector('.state > rect.box')!.getAttribute('x');
    const boxBefore = firstBox();
    expect(viewport()).toBe('translate(0,0) scale(1)');
    const select = getByLabelText('Zoom to') as HTMLSelectElement;
    await fireEvent.change(select, { target: { value: 'procedure.pathway.criminal' } });
    const zoomed = viewport()!;
    expect(Number(/scale\(([\d.]+)\)/.exec(zoomed)![1])).toBeGreaterThan(1);
    await fireEvent.keyDown(container.querySelector('svg.canvas')!, { key: 'ArrowRight' });
    expect(viewport()).not.toBe(zoomed);
    expect(firstBox()).toBe(boxBefore);
    await fireEvent.click(container.querySelector('.toolbar button:nth-child(3)')!);
    expect(viewport()).toBe('translate(0,0) scale(1)');
  });

  it('follows each step to the region of the latest transition when asked', async () => {
    const { container, getByLabelText, rerender } = renderAt(2, { follow: true });
    const select = getByLabelText('Zoom to') as HTMLSelectElement;
    // step 2 ends in the victim track (age decided → minor document)
    const last = run.steps
      .slice(0, 3)
      .flatMap((s) => s.transitions)
      .at(-1)!;
    expect(last.targets[0].startsWith(select.value)).toBe(true);
    expect(container.querySelector('svg.canvas > g')!.getAttribute('transform')).not.toBe(
      'translate(0,0) scale(1)',
    );
    await rerender({ ...getDiagramProps(run.steps, 3), follow: true });
    const latest = run.steps[3].transitions.at(-1)!;
    expect(latest.targets[0].startsWith(select.value)).toBe(true);
  });

  it('exports a standalone SVG with styles inlined', () => {
    const { container } = renderAt(3);
    const text = toStandaloneSvg(container.querySelector('svg.canvas')!);
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    expect(doc.querySelector('parsererror')).toBeNull();
    expect(doc.documentElement.getAttribute('width')).toBe(String(procedureLayout.width));
    expect(doc.querySelectorAll('[class]')).toHaveLength(0);
    expect(doc.querySelectorAll('[style]').length).toBeGreaterThan(procedureLayout.nodes.length);
    expect(text).toContain('Investigation');
  });
});
