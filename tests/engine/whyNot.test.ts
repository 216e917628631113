import { describe, expect, it } from 'vitest';
import { runCase } from '../../machines/case/run';
import { ASSUMPTION_SETS, DEFAULT_ASSUMPTION_SET } from '../../src/engine/assumptions';
import { generateChildCase } from '../../src/engine/generate';
import { VICTIM_PROTECTION } from '../../machines/catalogue/outcomes';
import { CHANGES, findNearestProtectedPath } from '../../src/engine/whyNot';
import type { CaseFile } from '../../machines/case/types';

const exploited = ASSUMPTION_SETS.find((s) => s.id === 'exploited-children')!;
const config = { asOf: '2018-01-01', practice: 'asReported' as const, reforms: [] };
function firstChild(where: (c: CaseFile, outcome: string) => boolean, set = exploited): CaseFile {
  for (let i = 0; i < 2000; i++) {
    const c = generateChildCase(set, config, 1, i);
    if (where(c, runCase(c).outcome)) return c;
  }
  throw new Error('no such child among the first 2,000');
}

describe('nearest protected path', () => {
  it('an exploited child whose indicators went unrecognised: the fewest changes that give protection, each naming the rules it triggers', () => {
    const child = firstChild(
      (c, o) => c.detection.exploitation !== 'none' && !c.detection.indicatorsRecognised && o === 'notIdentified' && !c.age?.doubted,
    );
    const answer = findNearestProtectedPath(child, { maxRuns: 500, timeBudgetMs: 20_000 });
    expect(answer.status).toBe('found');
    if (answer.status !== 'found') return;
    expect(VICTIM_PROTECTION).toContain(answer.trace.outcome);
    expect(runCase(answer.caseFile).outcome).toBe(answer.trace.outcome);
    expect(answer.changes.map((c) => c.id)).toContain('indicatorsRecognised');
    const recognised = answer.changes.find((c) => c.id === 'indicatorsRecognised')!;
    expect(recognised.triggers.map((t) => t.id)).toContain('presumedVictim');
    for (const t of recognised.triggers) expect(t.source).toBeTruthy();
    for (const c of answer.changes) expect(new Set(c.triggers.map((t) => t.id)).size).toBe(c.triggers.length);
    // fewest: no smaller set of the changeable facts gives protection
    const applicable = CHANGES.filter((c) => c.apply(child));
    const size = answer.changes.length;
    const subsets = (1 << applicable.length) - 1;
    for (let mask = 1; mask <= subsets; mask++) {
      const chosen = applicable.filter((_, i) => mask & (1 << i));
      if (chosen.length >= size) continue;
      const changed = chosen.reduce((c, ch) => ch.apply(c) ?? c, child);
      expect(VICTIM_PROTECTION).not.toContain(runCase(changed).outcome);
    }
    // the child's own facts outside the changeable ones stay as they were
    expect(answer.caseFile.person).toEqual(child.person);
    expect(answer.caseFile.detection.exploitation).toBe(child.detection.exploitation);
  });

  it('says when no change of the changeable facts gives protection (a child who is not exploited)', () => {
    const child = firstChild((c) => c.detection.exploitation === 'none', DEFAULT_ASSUMPTION_SET);
    const answer = findNearestProtectedPath(child, { maxRuns: 500, timeBudgetMs: 20_000 });
    expect(answer.status).toBe('none');
  });

  it('stops at its bound and says so', () => {
    const child = firstChild(
      (c, o) => c.detection.exploitation !== 'none' && !c.detection.indicatorsRecognised && o === 'notIdentified',
    );
    expect(findNearestProtectedPath(child, { maxRuns: 1 }).status).toBe('bounded');
  });

  it('a protected child needs no change', () => {
    const child = firstChild((_, o) => VICTIM_PROTECTION.includes(o as never));
    expect(findNearestProtectedPath(child).status).toBe('alreadyProtected');
  });
});
