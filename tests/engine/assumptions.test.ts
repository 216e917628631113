import { describe, expect, it } from 'vitest';
import {
  ASSUMPTION_SETS,
  DEFAULT_ASSUMPTION_SET,
  parseAssumptionSet,
  parseAssumptionText,
} from '../../src/engine/assumptions';

// A loosely typed copy, to break on purpose.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const clone = () => structuredClone(DEFAULT_ASSUMPTION_SET) as unknown as Record<string, any>;
const issuesOf = (json: unknown) => {
  const r = parseAssumptionSet(json);
  if (r.ok) throw new Error('expected the set to be refused');
  return r.issues;
};

describe('assumption sets', () => {
  it('ships a default set and at least one alternative, all valid', () => {
    expect(ASSUMPTION_SETS.length).toBeGreaterThanOrEqual(2);
    expect(new Set(ASSUMPTION_SETS.map((s) => s.id)).size).toBe(ASSUMPTION_SETS.length);
    for (const set of ASSUMPTION_SETS) expect(parseAssumptionSet(set).ok).toBe(true);
  });

  it('gives every parameter a value inside its plausible range and a source or the label "assumption"', () => {
    for (const set of ASSUMPTION_SETS) {
      for (const [name, p] of Object.entries(set.params)) {
        expect(p.source, name).toMatch(/^assumption$|reference\.md|\.txt:\d+/);
        if (typeof p.value === 'number') {
          const [low, high] = p.range as [number, number];
          expect(p.value, name).toBeGreaterThanOrEqual(low);
          expect(p.value, name).toBeLessThanOrEqual(high);
        } else {
          for (const [option, w] of Object.entries(p.value)) {
            const [low, high] = (p.range as Record<string, [number, number]>)[option];
            expect(w, `${name}.${option}`).toBeGreaterThanOrEqual(low);
            expect(w, `${name}.${option}`).toBeLessThanOrEqual(high);
          }
        }
      }
    }
  });

  it('calibrates the default set to cited targets', () => {
    const ids = DEFAULT_ASSUMPTION_SET.targets.map((t) => t.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'foundAdultWhenTested',
        'disappearedShare',
        'childVictimsEnteringPerYear',
      ]),
    );
    for (const t of DEFAULT_ASSUMPTION_SET.targets)
      expect(t.source).toMatch(/reference\.md|\.txt:\d+/);
  });

  it('names each bad field by its path', () => {
    const set = clone();
    set.params.female.value = 1.5;
    set.params.region.value.brussels = 0.3;
    set.params.statmentGiven = set.params.statementGiven;
    delete set.params.exploited;
    set.params.nationality.source = 'my guess';
    set.params.disappearsDay.value = { soon: 1 };
    const issues = issuesOf(set);
    const byPath = (path: string) =>
      issues
        .filter((i) => i.path === path)
        .map((i) => i.message)
        .join(' / ');
    expect(byPath('params.female.value')).toContain('expected a number from 0 to 1');
    expect(byPath('params.region.value')).toContain('weights sum to 0.75; they must sum to 1');
    expect(byPath('params.statmentGiven')).toContain('unknown field');
    expect(byPath('params.exploited')).toContain('missing field');
    expect(byPath('params.nationality.source')).toContain('"assumption"');
    expect(
      issues.some(
        (i) =>
          i.path.startsWith('params.disappearsDay.value') && /days since detection/.test(i.message),
      ),
    ).toBe(true);
  });

  it('refuses a value outside its plausible range, and a range missing an option', () => {
    const set = clone();
    set.params.trulyAdult.value = 0.9;
    delete set.params.declaredAge.range['17'];
    const issues = issuesOf(set);
    expect(issues).toContainEqual({
      path: 'params.trulyAdult.value',
      message: 'value lies outside its plausible range',
    });
    expect(issues.find((i) => i.path === 'params.declaredAge.range')?.message).toMatch(
      /exactly the options/,
    );
  });

  it('reports text that is not JSON as one issue, without throwing', () => {
    const r = parseAssumptionText('{ "format": ');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0].message).toMatch(/^not valid JSON/);
  });
});

describe('calibration targets', () => {
  it('refuses a target naming a milestone or outcome the engine does not know', () => {
    const set = clone();
    set.targets[0].metric.of = ['foundAdult'];
    set.targets[1].metric.among = ['outcome:deported'];
    const issues = issuesOf(set);
    expect(issues.find((i) => i.path === 'targets[0].metric.of[0]')?.message).toMatch(
      /expected a milestone id/,
    );
    expect(issues.find((i) => i.path === 'targets[1].metric.among[0]')?.message).toMatch(
      /"outcome:<id>"/,
    );
  });
});

describe('assumption-set problems in the user’s language', () => {
  it('words a misspelt parameter, a missing one and broken JSON in French in the set editor', async () => {
    const { language } = await import('../../src/i18n/language.svelte');
    const { localiseIssue } = await import('../../src/view-model/caseChecks');
    const set = clone();
    set.params.statmentGiven = set.params.statementGiven;
    delete set.params.exploited;
    language.set('fr');
    try {
      const issues = issuesOf(set);
      const said = (path: string) => issues.filter((i) => i.path === path).map(localiseIssue).join(' / ');
      expect(said('params.statmentGiven')).toContain('Champ inconnu');
      expect(said('params.exploited')).toContain('Manquant');
      const json = parseAssumptionText('{ "id": ');
      expect(!json.ok && localiseIssue(json.issues[0])).toMatch(/^JSON invalide à la ligne 1/);
    } finally {
      language.set('en');
    }
  });
});
