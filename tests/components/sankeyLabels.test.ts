import { describe, expect, it } from 'vitest';
import { drawSankey, layoutSankey, nodeWidthFor, sankeyWidthFor } from '../../src/components/cohort/sankeyLayout';
import { awayFromNode, boxOf, LEADER_RUN, placeSankeyLabels } from '../../src/components/cohort/sankeyLabels';
import { estimateWidth, shortForm, wrapLabel } from '../../src/components/cohort/sankeyLabelText';
import { compactCount, count, nodeLabel } from '../../src/components/cohort/format';
import { language } from '../../src/i18n/language.svelte';
import { ASSUMPTION_SETS, DEFAULT_ASSUMPTION_SET } from '../../src/engine/assumptions';
import { simulateCohort } from '../../src/engine/simulate';

const exploited = ASSUMPTION_SETS.find((s) => s.id === 'exploited-children')!;
const result = simulateCohort({
  set: exploited,
  config: { asOf: '2018-01-01', practice: 'asReported', reforms: [] },
  seed: 1,
  cohort: 2_000,
});
const defaultRun = simulateCohort({ set: DEFAULT_ASSUMPTION_SET, config: { ...DEFAULT_ASSUMPTION_SET.calibratedFor, reforms: [] }, seed: 1, cohort: 10_000 });

describe('Sankey labels', () => {
  for (const [name, graph] of [
    ['overview', result.overview],
    ['every milestone', result],
  ] as const)
    it(`${name}: no label box overlaps another label or a node, at 900 and 1240 px`, () => {
      for (const shown of [900, 1240]) {
        // as SankeyChart draws it: wider than shown when the graph is too deep for the width
        const first = layoutSankey(graph, { width: shown - 210, height: 600 }).nodes;
        const width = sankeyWidthFor(first, shown, 210, name === 'overview');
        const layout = layoutSankey(graph, { width: width - 210, height: 600, nodeWidth: nodeWidthFor(first, width - 210) });
        const labels = placeSankeyLabels(layout.nodes, (n) => `${n.id} with a long name`, {
          width,
          height: 600,
          fontSize: 11,
          countOf: (n) => String(n.count),
          shortCountOf: (n) => `${Math.round(n.count / 1000)}K`,
        });
        expect(labels).toHaveLength(layout.nodes.length);
        // labels may run on past the next column, but never onto a node or another label
        const box = (l: (typeof labels)[number]) => {
          if (l.turned) return boxOf(l, 11);
          const w = Math.max(...l.lines.map((line) => estimateWidth(line, 11)));
          const left = l.side === 'end' ? l.x - w : l.x;
          return { left, right: left + w, top: l.top, bottom: l.top + l.height };
        };
        const crosses = (a: ReturnType<typeof box>, b: ReturnType<typeof box>) =>
          a.left < b.right - 1e-6 && b.left < a.right - 1e-6 && a.top < b.bottom - 1e-6 && b.top < a.bottom - 1e-6;
        for (const a of labels) {
          // inside the drawing: the overview is as wide as shown, nothing past the panel's edge
          expect(box(a).left, a.id).toBeGreaterThanOrEqual(0);
          expect(box(a).right, a.id).toBeLessThanOrEqual(width);
          for (const b of labels) if (a !== b) expect(crosses(box(a), box(b)), `${a.id} × ${b.id}`).toBe(false);
          for (const n of layout.nodes)
            expect(crosses(box(a), { left: n.x0, right: n.x1, top: n.y0, bottom: n.y1 }), `${a.id} on node ${n.id}`).toBe(false);
        }
        // and some do run on: fewer names are cut short than when each keeps to its column
        const columns = [...new Set(layout.nodes.map((n) => n.x0))].sort((a, b) => a - b);
        const ranOn = labels.filter((l) => {
          const next = columns.find((x) => x > l.x) ?? width;
          return box(l).right > next;
        });
        if (shown === 900) expect(ranOn.length).toBeGreaterThan(0);
      }
    });

  it('writes every name of the overview whole at 1024×768 (normal and presenter), in the four languages', () => {
    // the overview's 15 columns at 1024 px stand about 50 px apart: names are turned along the gaps or moved
    // aside, and a name with a short form in brackets may use it ("A card #2"); none is cut to "Te… re… ca…".
    // The run the Cohorts tab opens with (10,000 children of the default set) and a smaller exploited cohort.
    // (Dutch, default run: "Buiten het toepassingsgebied van de voogdij" still finds no room and is shortened.)
    const runs = [
      { name: 'default run', graph: defaultRun.overview, locales: ['en', 'fr', 'de'] },
      { name: 'exploited children', graph: result.overview, locales: ['en', 'fr', 'nl', 'de'] },
    ] as const;
    try {
      for (const run of runs) for (const locale of run.locales) {
        language.set(locale);
        for (const shownWidth of [948, 958]) {
          const { labels, layout } = drawSankey(run.graph, {
            shownWidth,
            detail: false,
            fontSize: 11,
            textOf: (n) => nodeLabel(n.id),
            countOf: (n) => count(n.count),
            shortCountOf: (n) => compactCount(n.count),
          });
          expect(labels).toHaveLength(layout.nodes.length);
          for (const l of labels) {
            const name = nodeLabel(l.id);
            const n = count(layout.nodes.find((node) => node.id === l.id)!.count);
            const tag = `${run.name}, ${locale}, ${shownWidth}`;
            expect(l.shortened, `${tag}: ${l.lines.join(' / ')}`).toBe(false);
            // the lines read as the name (or its short form) then the whole count, however they are broken
            expect([`${name} ${n}`, `${shortForm(name)} ${n}`], tag).toContain(l.lines.join(' '));
          }
        }
      }
    } finally {
      language.set('en');
    }
  });

  it('draws the overview at the width it is shown at, even when deep; every milestone widens when deep', () => {
    // the overview of a 100,000-children run has 15 columns: at 1024×768 its panel is 958 px wide
    const nodes = Array.from({ length: 15 }, (_, i) => ({ x0: i * 10 }));
    for (const shown of [948, 958, 1246]) expect(sankeyWidthFor(nodes, shown, 210, true)).toBe(shown);
    expect(sankeyWidthFor(nodes, 958, 210, false)).toBeGreaterThan(958);
    expect(sankeyWidthFor(nodes.slice(0, 3), 958, 210, false)).toBe(958);
  });

  it('moves a label that would be cut short left of its node, whole, where the right is taken', () => {
    // three columns 40 px apart; the middle node's right is blocked by a tall node, its left is free
    const nodes = [
      { id: 'a', count: 10, example: 0, x0: 0, x1: 12, y0: 0, y1: 40 },
      { id: 'b', count: 10, example: 0, x0: 200, x1: 212, y0: 180, y1: 220 },
      { id: 'c', count: 10, example: 0, x0: 240, x1: 252, y0: 0, y1: 400 },
    ];
    const labels = placeSankeyLabels(nodes, (n) => (n.id === 'b' ? 'Identified as a minor' : n.id), {
      width: 480,
      height: 400,
      fontSize: 11,
      countOf: (n) => String(n.count),
    });
    const b = labels.find((l) => l.id === 'b')!;
    expect(b).toMatchObject({ side: 'end', x: 196, shortened: false });
    expect(b.lines.join(' ')).toBe('Identified as a minor 10');
  });

  it('joins a label pushed away from its thin bar by a leader, set out sideways so the leader shows', () => {
    // three thin outcome bars at the bottom: their two-line labels cannot all sit beside them
    const nodes = [
      { id: 'big', count: 900, example: 0, x0: 0, x1: 12, y0: 0, y1: 300 },
      ...[330, 345, 360].map((y, i) => ({ id: `thin${i}`, count: 5, example: 0, x0: 0, x1: 12, y0: y, y1: y + 1 })),
    ];
    const labels = placeSankeyLabels(nodes, (n) => `→ ${n.id}`, { width: 300, height: 362, fontSize: 11, countOf: (n) => String(n.count) });
    const nodeOf = (id: string) => nodes.find((n) => n.id === id)!;
    const away = labels.filter((l) => awayFromNode(l, nodeOf(l.id)));
    expect(away.length).toBeGreaterThan(0);
    for (const l of labels) {
      expect(l.leader ?? false, l.id).toBe(away.includes(l));
      expect(l.x, l.id).toBe(away.includes(l) ? 16 + LEADER_RUN : 16);
    }
  });

  it('writes a count short only where the whole count has no room', () => {
    // a source column boxed in by the next column: its count would run onto that column's node
    const nodes = [
      { id: 'all', count: 100_000, example: 0, x0: 0, x1: 12, y0: 0, y1: 400 },
      { id: 'next', count: 100_000, example: 0, x0: 50, x1: 62, y0: 0, y1: 400 },
    ];
    const options = { width: 300, height: 400, fontSize: 11, countOf: () => '100,000', shortCountOf: () => '100K' };
    const labels = placeSankeyLabels(nodes, (n) => n.id, options);
    expect(labels.find((l) => l.id === 'all')!.lines.at(-1)).toBe('100K');
    expect(labels.find((l) => l.id === 'next')!.lines.at(-1)).toBe('100,000');
  });

  it('takes a short form only from brackets holding one (abbreviation), not a list of words', () => {
    expect(shortForm('Temporary residence card (A card) #2')).toBe('A card #2');
    expect(shortForm('Befristete Aufenthaltskarte (A-Karte)')).toBe('A-Karte');
    expect(shortForm('→ Another procedure (asylum, durable solution)')).toBeUndefined();
    expect(shortForm('All children')).toBeUndefined();
  });

  it('wraps on words into two lines and marks what it shortened', () => {
    expect(wrapLabel('Temporary residence card', 200, 11)).toEqual({ lines: ['Temporary residence card'], shortened: false });
    const two = wrapLabel('Temporary residence card (A card)', 100, 11);
    expect(two.lines).toHaveLength(2);
    const cut = wrapLabel('Another procedure (asylum, durable solution) and more words still', 80, 11);
    expect(cut.lines).toHaveLength(2);
    expect(cut.shortened).toBe(true);
    expect(cut.lines[1].endsWith('…')).toBe(true);
  });
});
