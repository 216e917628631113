// A funnel row's name: one line when short, else two lines split at the space nearest the middle.
import { describe, expect, it } from 'vitest';
import { getLabelLines, LINE_CHARS } from '../../src/components/cohort/funnelLabels';
import { MILESTONE_IDS } from '../../machines/catalogue/milestones';
import { nodeLabel } from '../../src/components/cohort/format';

describe('funnel labels', () => {
  it('keeps short names whole and splits long ones near the middle, losing no word', () => {
    expect(getLabelLines('Vormund bestellt')).toEqual(['Vormund bestellt']);
    expect(getLabelLines('Spezialisiertes Zentrum für Menschenhandelsopfer')).toEqual(['Spezialisiertes Zentrum', 'für Menschenhandelsopfer']);
    expect(getLabelLines('Immatrikulationsbescheinigungsverfahrenszentrum')).toEqual(['Immatrikulationsbescheinigungsverfahrenszentrum']);
  });

  it('wraps every milestone name onto lines no longer than the limit (English catalogue; one word may run over)', () => {
    for (const id of MILESTONE_IDS) {
      const lines = getLabelLines(nodeLabel(id));
      expect(lines.join(' ')).toBe(nodeLabel(id));
      expect(lines.length).toBeLessThanOrEqual(2);
      for (const line of lines) if (line.includes(' ')) expect(line.length).toBeLessThanOrEqual(LINE_CHARS);
    }
  });
});
