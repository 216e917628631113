// @vitest-environment jsdom
// The map on the procedure as a component: widths from children, one tab stop walked by the arrow keys, a picked
// transition's example children, and the table a screen reader reads instead.
import { cleanup, fireEvent, render, waitFor } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import ProcedureMapPanel from '../../src/components/cohort/ProcedureMapPanel.svelte';
import { getEdgeKeyMove, getMapEdges, toEdgeCsv, WIDTH_NONE } from '../../src/components/cohort/procedureMap';
import { ASSUMPTION_SETS } from '../../src/engine/assumptions';
import { simulateCohort, PathCache } from '../../src/engine/simulate';
import { procedureLayout } from '../../src/layout/procedureLayout';

afterEach(cleanup);
const set = ASSUMPTION_SETS.find((s) => s.id === 'exploited-children')!;
const result = simulateCohort({ set, config: { asOf: '2018-01-01', practice: 'asReported', reforms: [] }, seed: 3, cohort: 300 }, { cache: new PathCache() });

describe('map widths and keys', () => {
  const edges = getMapEdges(procedureLayout.edges, result.transitions);

  it('gives every edge a width that grows with its children; edges nobody took get the faint width', () => {
    expect(edges).toHaveLength(procedureLayout.edges.length);
    const taken = edges.filter((e) => e.count.children > 0).sort((a, b) => a.count.children - b.count.children);
    for (let i = 1; i < taken.length; i++) expect(taken[i].width).toBeGreaterThanOrEqual(taken[i - 1].width);
    expect(taken.at(-1)!.width).toBeGreaterThan(taken[0].width);
    for (const e of edges.filter((e) => e.count.children === 0)) expect(e.width).toBe(WIDTH_NONE);
  });

  it('walks the edges in reading order and wraps round', () => {
    for (let i = 1; i < edges.length; i++) expect(Math.round(edges[i].at.y / 40)).toBeGreaterThanOrEqual(Math.round(edges[i - 1].at.y / 40));
    expect(getEdgeKeyMove('ArrowRight', edges.length - 1, edges.length)).toBe(0);
    expect(getEdgeKeyMove('ArrowUp', 0, edges.length)).toBe(edges.length - 1);
    expect(getEdgeKeyMove('End', 3, edges.length)).toBe(edges.length - 1);
    expect(getEdgeKeyMove('a', 3, edges.length)).toBeUndefined();
  });

  it('writes one CSV row per edge with its children and examples', () => {
    const rows = result.transitions.edges.map((count) => ({ from: 'a, b', to: 'c', transition: 'when "x"', count }));
    const lines = toEdgeCsv(rows, result.cohort).trimEnd().split('\n');
    expect(lines).toHaveLength(rows.length + 1);
    const busiest = result.transitions.edges.reduce((a, b) => (b.children > a.children ? b : a));
    expect(lines.find((l) => l.startsWith(`${busiest.id},`))).toContain(`"a, b",c,"when ""x""",${busiest.children},`);
  });
});

/** The map draws its states first and its edges a frame later (aria-busy until then). */
const mapDrawn = (container: HTMLElement) =>
  waitFor(() => expect(container.querySelector('[data-testid="dfg-map"]')?.getAttribute('aria-busy')).toBe('false'));

describe('ProcedureMapPanel', () => {
  it('is one tab stop; arrows move it, Enter picks the edge and its examples open in the step view', async () => {
    const onopen = vi.fn();
    const { container, getByTestId } = render(ProcedureMapPanel, { props: { results: [result], fileStem: 'x', onopen, ondownload: () => {} } });
    await mapDrawn(container);
    const stops = () => [...container.querySelectorAll('[data-edge-id][tabindex="0"]')];
    expect(stops()).toHaveLength(1);
    const first = stops()[0] as SVGGElement;
    first.focus();
    await fireEvent.keyDown(first, { key: 'ArrowRight' });
    expect(stops()).toHaveLength(1);
    expect(stops()[0]).not.toBe(first);
    expect(document.activeElement).toBe(stops()[0]);

    const busiest = result.transitions.edges.reduce((a, b) => (b.children > a.children ? b : a));
    const edge = container.querySelector(`[data-edge-id="${busiest.id}"]`)!;
    expect(edge.getAttribute('aria-label')).toContain(`${busiest.children} children`);
    await fireEvent.keyDown(edge, { key: 'Enter' });
    expect(edge.getAttribute('aria-pressed')).toBe('true');
    // named from the region down, in words: "Victim protection › Child detected → …"
    const named = getByTestId('dfg-picked').querySelector('strong')!.textContent!;
    expect(named).toMatch(/^[A-Z][^›]+ › .+ → .+: .+/);
    expect(named).not.toContain('The procedures side by side');
    const examples = [...getByTestId('dfg-picked').querySelectorAll('[data-testid="dfg-example"]')];
    expect(examples.length).toBe(busiest.examples.length);
    await fireEvent.click(examples[0]);
    expect(onopen).toHaveBeenCalledWith(0, busiest.examples[0]);
  });

  it('binds nothing to a non-reactive property (in dev, Svelte warns once per edge drawn)', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { container } = render(ProcedureMapPanel, { props: { results: [result], fileStem: 'x', onopen: () => {}, ondownload: () => {} } });
    await mapDrawn(container);
    const warned = warn.mock.calls.map((args) => args.join(' ')).filter((text) => text.includes('binding_property_non_reactive'));
    warn.mockRestore();
    expect(warned).toEqual([]);
  });

  it('draws one configuration at a time, chosen by its letter', async () => {
    const other = simulateCohort({ set, config: { asOf: '2018-01-01', practice: 'asReported', reforms: ['noCooperationCondition'] }, seed: 4, cohort: 200 }, { cache: new PathCache() });
    const { container, getAllByTestId } = render(ProcedureMapPanel, { props: { results: [result, other], fileStem: 'x', onopen: () => {}, ondownload: () => {} } });
    await mapDrawn(container);
    const drawn = () => Object.fromEntries([...container.querySelectorAll('[data-edge-route]')].map((p) => [p.getAttribute('data-edge-route'), Number(p.getAttribute('data-children'))]));
    const of = (r: typeof result) => Object.fromEntries(r.transitions.edges.map((e) => [e.id, e.children]));
    expect(drawn()).toEqual(of(result));
    const [, b] = getAllByTestId('dfg-config');
    await fireEvent.click(b);
    expect(b.getAttribute('aria-pressed')).toBe('true');
    expect(drawn()).toEqual(of(other));
  });

  it('gives the same figures as a table, busiest first', () => {
    const { getByTestId } = render(ProcedureMapPanel, { props: { results: [result], fileStem: 'x', onopen: () => {}, ondownload: () => {} } });
    const rows = [...getByTestId('dfg-table').querySelectorAll('tbody tr')];
    expect(rows).toHaveLength(procedureLayout.edges.length);
    const children = rows.map((r) => Number(r.querySelectorAll('td')[3].textContent!.replace(/\D/g, '')));
    expect(children).toEqual([...result.transitions.edges.map((e) => e.children)].sort((a, b) => b - a));
  });
});
