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
    it(`${name}: no two label boxes overlap and none runs into the next column, at 900 and 1240 px`, () => {
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
        const columns = [...new Set(layout.nodes.map((n) => n.x0))].sort((a, b) => a - b);
        for (const l of labels) {
          const next = columns.find((x) => x > l.x) ?? width;
          for (const line of l.lines) expect(l.x + estimateWidth(line, 11)).toBeLessThanOrEqual(next + 1e-6);
        }
        for (const a of labels)
          for (const b of labels)
            if (a !== b && a.x === b.x)
              expect(a.top + a.height <= b.top + 1e-6 || b.top + b.height <= a.top + 1e-6).toBe(true);
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
