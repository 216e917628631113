// Fuzzing as a test: mutated case files, share links and stored sessions (wrong types at every path,
// deletions, unknown keys, huge values, damaged text). Each either loads (and runs) or is refused with
// messages naming a field; none throws; the previous good state survives. Figures are printed at the end.
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compressToEncodedURIComponent } from 'lz-string';
import { parseCaseText } from '../../machines/case/validate';
import type { FieldIssue } from '../../machines/case/issues';
import { parseCaseJson, runSafely } from '../../src/view-model/engine';
import { StepSession } from '../../src/view-model/StepSession.svelte';
import { fromShareHash, SHARE_PREFIX } from '../../src/share/link';
import { loadSession, readRecovery, toRecord, SESSION_KEY } from '../../src/share/storage';
import { SCENARIOS } from '../../src/scenarios';
import { mutatedText, validCase, damageText } from './mutations';

/** Inputs per edge: 10,000 in all by default (FUZZ_RUNS=n per edge for a longer hunt). */
const RUNS = Number(process.env.FUZZ_RUNS ?? 3_334);
const figures: Record<string, { inputs: number; loaded: number; refused: number; crashed: number; firstCrash?: string }> = {};
const tally = (edge: string) => (figures[edge] ??= { inputs: 0, loaded: 0, refused: 0, crashed: 0 });

function isNamed(issues: FieldIssue[]): boolean {
  return issues.length > 0 && issues.every((i) => typeof i.path === 'string' && i.path.length > 0 && typeof i.message === 'string' && i.message.length > 0);
}

/** Runs `check` on each input, counting outcomes; a throw is a crash (counted and shown, then the test fails). */
function fuzz(edge: string, inputs: fc.Arbitrary<string>, check: (text: string) => 'loaded' | 'refused') {
  const t = tally(edge);
  fc.assert(
    fc.property(inputs, (text) => {
      t.inputs++;
      let outcome: 'loaded' | 'refused';
      try {
        outcome = check(text);
      } catch (error) {
        t.crashed++;
        t.firstCrash ??= `${(error as Error).message.slice(0, 300)} ← ${text.slice(0, 3000)}`;
        throw error;
      }
      t[outcome]++;
    }),
    { numRuns: RUNS },
  );
  expect(t.crashed).toBe(0);
  expect(t.loaded + t.refused).toBe(t.inputs);
}

const good = SCENARIOS[1].case;

describe(`fuzzing every edge (${RUNS} inputs each)`, () => {
  it('case files: the CLI and the UI agree; loaded files run; refused ones name a field', () => {
    fuzz('case files', mutatedText(validCase).map((m) => m.text), (text) => {
      const cli = parseCaseText(text);
      const ui = parseCaseJson(text);
      expect(ui.ok).toBe(cli.ok);
      if (ui.ok) {
        expect(runSafely(ui.value).ok).toBe(true);
        return 'loaded';
      }
      expect(isNamed(ui.issues) && !cli.ok && isNamed(cli.issues)).toBe(true);
      return 'refused';
    });
  }, 600_000);

  it('share links: loaded links run; refused ones name a field and leave the open case as it was', () => {
    const session = new StepSession(structuredClone(good));
    const payloads = fc.record({ v: fc.constant(1), case: validCase, step: fc.nat({ max: 40 }) });
    const hashes = fc.tuple(mutatedText(payloads), fc.nat(), fc.boolean()).map(([m, at, cut]) => {
      // Texts this long compress to hashes far over the refused length: their compression is skipped, not their refusal.
      const hash = SHARE_PREFIX + (m.text.length > 60_000 ? 'A'.repeat(m.text.length / 2) : compressToEncodedURIComponent(m.text));
      return cut ? damageText(hash, { kind: 'truncate', at: SHARE_PREFIX.length + (at % (hash.length - SHARE_PREFIX.length)) }) : hash;
    });
    fuzz('share links', hashes, (hash) => {
      const before = session.caseFile;
      const shared = fromShareHash(hash);
      if (shared.ok) {
        session.load(shared.value.case, { step: shared.value.step });
        expect(session.runError).toBeNull();
        expect(session.issues).toEqual([]);
        session.load(structuredClone(good));
        return 'loaded';
      }
      expect(isNamed(shared.issues)).toBe(true);
      expect(session.caseFile).toBe(before);
      return 'refused';
    });
  }, 600_000);

  it('stored sessions: the app always starts; an unreadable one is set aside and the last good state restored', () => {
    const records = fc.tuple(validCase, fc.nat({ max: 30 })).map(([c, step]) => toRecord({ case: c, step }, { case: good, step: 2 }, 'tab'));
    const items = new Map<string, string>();
    const storage = { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v), removeItem: (k: string) => void items.delete(k) } as unknown as Storage;
    fuzz('stored sessions', mutatedText(records).map((m) => m.text), (text) => {
      items.clear();
      items.set(SESSION_KEY, text);
      const loaded = loadSession(storage);
      expect(loaded.kind).not.toBe('none');
      if (loaded.kind === 'none') return 'refused';
      // What the app does next: open the restored state (or the first scenario) in a session and the form.
      const session = new StepSession(loaded.saved?.case ?? SCENARIOS[0].case, { step: loaded.saved?.step ?? 0 });
      void session.issues;
      expect(session.runError).toBeNull();
      if (loaded.kind === 'ok') return 'loaded';
      expect(isNamed(loaded.issues)).toBe(true);
      expect(readRecovery(storage)).toBe(text);
      // The good state survives whenever the damage did not reach it.
      let stored: { good?: unknown } | undefined;
      try {
        stored = JSON.parse(text);
      } catch {
        stored = undefined;
      }
      // (A record whose version was changed is read as that version: version 1 had no good state to keep.)
      const current = stored && typeof stored === 'object' && (stored as { version?: unknown }).version === 2;
      if (current && JSON.stringify(stored!.good) === JSON.stringify({ case: good, step: 2 }))
        expect(loaded.saved).toEqual({ case: good, step: 2 });
      return 'refused';
    });
  }, 600_000);
});

afterAll(() => {
  const total = Object.values(figures).reduce((s, f) => ({ inputs: s.inputs + f.inputs, loaded: s.loaded + f.loaded, refused: s.refused + f.refused, crashed: s.crashed + f.crashed }), { inputs: 0, loaded: 0, refused: 0, crashed: 0 });
  console.log(
    ['fuzz figures (inputs / loaded / refused with a message / crashed):', ...Object.entries({ ...figures, total }).map(([edge, f]) => `  ${edge}: ${f.inputs} / ${f.loaded} / ${f.refused} / ${f.crashed}${'firstCrash' in f && f.firstCrash ? `  first crash: ${f.firstCrash}` : ''}`)].join('\n'),
  );
});
