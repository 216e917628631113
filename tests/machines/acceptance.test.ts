// The acceptance cases written independently from the sources (tests/fixtures/cases), run through `npm run case`'s
// own path: parse the text, run, check the trace against every firm expectation.
import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCase } from '../../machines/case/run';
import { parseCaseFile, parseCaseText } from '../../machines/case/validate';
import { makeCase } from './cases';
import { checkTrace } from '../fixtures/cases/check-trace';
import { FIXTURE_DIR, loadFixtures } from '../fixtures/cases/load';

describe('acceptance cases', () => {
  const fixtures = loadFixtures();
  it('has at least 20 of them', () => expect(fixtures.length).toBeGreaterThanOrEqual(20));
  for (const f of fixtures) {
    it(f.name, () => {
      const parsed = parseCaseText(f.caseText);
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
      const result = checkTrace(f.expected, runCase(parsed.value));
      expect(result.failures).toEqual([]);
    });
  }
});

describe('npm run case', () => {
  const tsx = join(process.cwd(), 'node_modules/.bin/tsx');
  const cli = join(process.cwd(), 'src/cli/case.ts');
  const dir = mkdtempSync(join(tmpdir(), 'case-'));

  it('prints only the trace JSON on stdout', () => {
    const out = execFileSync(tsx, [cli, join(FIXTURE_DIR, '01-wallonia-girl-sexual-conviction.case.json')], { encoding: 'utf8' });
    const trace = JSON.parse(out);
    expect(trace.format).toBe('pathway-trace/1');
    expect(trace.milestones[0].id).toBe('detected');
  });

  it('refuses a malformed case file, naming each bad field, with a non-zero exit and nothing on stdout', () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(
      bad,
      JSON.stringify({
        format: 'pathway-case/1',
        date: '2016-02-30',
        person: { declaredAge: -3, nationality: 'XX' },
        detection: { place: 'sea', region: 'brussels', exploitation: 'sexual', indicatorsRecognised: true },
        age: { doubted: true, assessment: { low: 'x', high: 18 } },
      }),
    );
    const r = spawnSync(tsx, [cli, bad], { encoding: 'utf8' });
    expect(r.status).not.toBe(0);
    expect(r.stdout).toBe('');
    for (const path of ['date:', 'person.declaredAge:', 'person.nationality:', 'detection.place:', 'age.assessment.low: expected a number']) {
      expect(r.stderr).toContain(path);
    }
  });

  it('refuses a decision dated before what it decides, naming the decision day', () => {
    const base = makeCase();
    const appeal = parseCaseFile({ ...base, age: { doubted: true, assessment: { low: 19, high: 22 }, appeal: { day: 30, decisionDay: 10 } } });
    expect(appeal.ok ? [] : appeal.issues).toEqual([{ path: 'age.appeal.decisionDay', message: 'the decision cannot come before the appeal' }]);
    const durable = parseCaseFile({ ...base, durableSolution: { requestedDay: 50, decisionDay: 20 } });
    expect(durable.ok ? [] : durable.issues).toEqual([{ path: 'durableSolution.decisionDay', message: 'the decision cannot come before the request' }]);
  });

  it('says a truncated file is not valid JSON and where, without a stack trace', () => {
    const truncated = join(dir, 'truncated.json');
    writeFileSync(truncated, '{"format": "pathway-case/1", "date": "2016-');
    const r = spawnSync(tsx, [cli, truncated], { encoding: 'utf8' });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/not valid JSON/);
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
  });
});
