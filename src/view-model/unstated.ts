// What the engine takes for a field the case leaves unset, so the builder can say it beside "not stated"
// instead of showing an unticked box the engine reads as yes. The engine's own reading (toFacts), never a copy.
import type { CaseFile } from '../../machines/case/types';
import { CASE_FORMAT } from '../../machines/case/defaults';
import { toFacts } from '../../machines/case/facts';
import { parseCaseFile } from '../../machines/case/validate';

/** `detection.vulnerable` unset: yes for an EEA child whose indicators were recognised, else no; unknown on a draft without a valid date or nationality. */
export type UnstatedVulnerability = 'yes' | 'noIndicators' | 'notEea' | 'unknown';

type Loose = Record<string, unknown>;
const asObject = (value: unknown): Loose => (value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Loose) : {});

export function unstatedVulnerability(caseFile: CaseFile): UnstatedVulnerability {
  const c = asObject(caseFile);
  // Only what the reading depends on (facts.ts, vulnerableWhenPresumedVictim), so a problem in another field of the
  // draft does not hide it; the rest is any valid filler.
  const probe = parseCaseFile({
    format: CASE_FORMAT,
    date: c.date,
    person: { declaredAge: 16, nationality: asObject(c.person).nationality },
    detection: { place: 'territory', region: 'brussels', exploitation: 'none', indicatorsRecognised: asObject(c.detection).indicatorsRecognised === true },
  });
  if (!probe.ok) return 'unknown';
  const { facts } = toFacts(probe.value);
  return facts.vulnerable ? 'yes' : facts.eea ? 'noIndicators' : 'notEea';
}
