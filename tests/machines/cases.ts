// A valid case file to vary in tests: a 16-year-old Nigerian girl found in Brussels in 2016.
import type { CaseFile, Milestone, MilestoneId, Trace } from '../../machines/case/types';
import { runCase } from '../../machines/case/run';
import { parseCaseFile } from '../../machines/case/validate';

type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> | T[K] : T[K] };

export function makeCase(overrides: DeepPartial<CaseFile> = {}): CaseFile {
  const base: CaseFile = {
    format: 'pathway-case/1',
    date: '2016-03-01',
    person: { declaredAge: 16, nationality: 'NG', sex: 'female' },
    detection: { place: 'territory', region: 'brussels', exploitation: 'sexual', indicatorsRecognised: true },
    age: { doubted: false },
    cooperation: { statementDay: 20 },
    tiesCut: true,
    publicOrderRisk: false,
    disappearsDay: null,
  };
  // A case gives either a declared age or a declared birth date: a birth date replaces the base's age.
  if (overrides.person?.declaredBirthDate) delete base.person.declaredAge;
  const merged = merge(base, overrides) as CaseFile;
  const parsed = parseCaseFile(merged);
  if (!parsed.ok) throw new Error(`test case invalid: ${JSON.stringify(parsed.issues)}`);
  return parsed.value;
}

function merge(a: unknown, b: unknown): unknown {
  if (b === undefined) return a;
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const out: Record<string, unknown> = { ...(a as Record<string, unknown>) };
    for (const [k, v] of Object.entries(b)) out[k] = merge(out[k], v);
    return out;
  }
  return b;
}

export function run(overrides: DeepPartial<CaseFile> = {}): Trace {
  return runCase(makeCase(overrides));
}
export function ids(trace: Trace): MilestoneId[] {
  return trace.milestones.map((m) => m.id);
}
export function find(trace: Trace, id: MilestoneId): Milestone | undefined {
  return trace.milestones.find((m) => m.id === id);
}
export function all(trace: Trace, id: MilestoneId): Milestone[] {
  return trace.milestones.filter((m) => m.id === id);
}
