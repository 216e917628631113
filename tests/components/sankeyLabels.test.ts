import { describe, expect, it } from 'vitest';
import { layoutSankey } from '../../src/components/cohort/sankeyLayout';
import { estimateWidth, placeSankeyLabels, sankeyWidthFor, wrapLabel } from '../../src/components/cohort/sankeyLabels';
import { ASSUMPTION_SETS } from '../../src/engine/assumptions';
import { simulateCohort } from '../../src/engine/simulate';

const exploited = ASSUMPTION_SETS.find((s) => s.id === 'exploited-children')!;
const result = simulateCohort({
  set: exploited,
  config: { asOf: '2018-01-01', practice: 'asReported', reforms: [] },
  seed: 1,
  cohort: 2_000,
});

describe('Sankey labels', () => {
  for (const [name, graph] of [
    ['overview', result.overview],
    ['every milestone', result],
  ] as const)
    it(`${name}: no label box overlaps another label or a node, at 900 and 1240 px`, () => {
      for (const shown of [900, 1240]) {
        // as SankeyChart draws it: wider than shown when the graph is too deep for the width
        const width = sankeyWidthFor(layoutSankey(graph, { width: shown - 210, height: 600 }).nodes, shown, 210, name === 'overview');
        const layout = layoutSankey(graph, { width: width - 210, height: 600 });
        const labels = placeSankeyLabels(layout.nodes, (n) => `${n.id} with a long name`, {
          width,
          height: 600,
          fontSize: 11,
          countOf: (n) => String(n.count),
        });
        expect(labels).toHaveLength(layout.nodes.length);
        // labels may run on past the next column, but never onto a node or another label
        const box = (l: (typeof labels)[number]) => ({
          left: l.x,
          right: l.x + Math.max(...l.lines.map((line) => estimateWidth(line, 11))),
          top: l.top,
          bottom: l.top + l.height,
        });
        const crosses = (a: ReturnType<typeof box>, b: ReturnType<typeof box>) =>
          a.left < b.right - 1e-6 && b.left < a.right - 1e-6 && a.top < b.bottom - 1e-6 && b.top < a.bottom - 1e-6;
        for (const a of labels) {
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
