// Cohort generator: child i's case file is a pure function of (assumption set, seed, i, configuration).
// Each child draws from its own xoroshiro128+ stream, so any child can be regenerated alone for drill-down,
// and the configuration (rules date, practice, reforms) never changes the facts drawn: configurations
// compared side by side see the same children.
import { eeaMembershipBetween, isEeaNationalOn } from '../../machines/rules/eea';
import { addDays } from '../../machines/dates';
import type { CaseFile, Practice, ReformId } from '../../machines/case/types';
import type { AssumptionSet, AssumptionParams } from './assumptions/schema';
import { fmix32 } from './hash';

export interface CohortConfig {
  /** ISO date: every child of the cohort is detected on this day, so it selects the rules in force. */
  asOf: string;
  practice: Practice;
  reforms: ReformId[];
}

/** Draw slots, one per fact; fixed so that changing one parameter leaves the other facts of a child unchanged. */
export const SLOTS = [
  'nationality',
  'female',
  'region',
  'border',
  'declaredAge',
  'trulyAdult',
  'doubted',
  'refused',
  'testResult',
  'asylum',
  'exploited',
  'form',
  'recognised',
  'vulnerable',
  'statement',
  'statementDay',
  'tiesResumed',
  'tiesResumedDay',
  'publicOrder',
  'prosecutionOutcome',
  'prosecutionDay',
  'requisitions',
  'disappears',
  'disappearsDay',
  'durable',
  'durableDay',
  'durableDecision',
] as const;
type Slot = (typeof SLOTS)[number];
const S = Object.fromEntries(SLOTS.map((name, index) => [name, index])) as Record<Slot, number>;
export const SLOT_COUNT = SLOTS.length;

interface Categorical<K> {
  options: K[];
  cumulative: Float64Array;
}
function toCategorical<K>(
  weights: Record<string, number>,
  parse: (key: string) => K,
): Categorical<K> {
  const entries = Object.entries(weights);
  const cumulative = new Float64Array(entries.length);
  let sum = 0;
  entries.forEach(([, w], i) => (cumulative[i] = sum += w));
  cumulative[entries.length - 1] = Infinity; // rounding never pushes a draw past the last option
  return { options: entries.map(([k]) => parse(k)), cumulative };
}
function pick(c: Categorical<unknown>, u: number): number {
  let i = 0;
  while (u >= c.cumulative[i]) i++;
  return i;
}
const parseRange = (key: string): { low: number; high: number } => {
  const [low, high] = key.split('-').map(Number);
  return { low, high };
};


/**
 * Fills `out` with uniform draws in [0, 1) from the xoroshiro128+ generator in state (s01, s00, s11, s10): the
 * stream of pure-rand's xoroshiro128plusFromState([s01, s00, s11, s10]) read through uniformFloat32 (24 bits a
 * draw), without a generator object and a call per draw (tests/engine/generate.test.ts compares the two).
 */
export function fillDraws(out: Float64Array, s01: number, s00: number, s11: number, s10: number): void {
  for (let k = 0; k < out.length; k++) {
    out[k] = ((s00 + s10) & 0xffffff) * 5.960464477539063e-8;
    const a0 = s10 ^ s00;
    const a1 = s11 ^ s01;
    const t00 = s00;
    s00 = (s00 << 24) ^ (s01 >>> 8) ^ a0 ^ (a0 << 16);
    s01 = (s01 << 24) ^ (t00 >>> 8) ^ a1 ^ ((a1 << 16) | (a0 >>> 16));
    s10 = (a1 << 5) ^ (a0 >>> 27);
    s11 = (a0 << 5) ^ (a1 >>> 27);
  }
}

/** Everything about a set that drawing needs, computed once per (set, config). */
export interface Sampler {
  set: AssumptionSet;
  config: CohortConfig;
  /** number of values each slot can take; the mixed-radix key of a child uses them */
  radices: Int32Array;
  /** fills `out` with child i's choices (unused slots are 0) and returns its key */
  sample(seed: number, index: number, out: Int32Array): number;
  /** builds the case file the choices describe */
  toCase(choices: Int32Array): CaseFile;
  /**
   * The key of the choices without those that only date the case's events (statement, prosecution, disappearance,
   * durable solution): case files with equal facts keys have the same facts, and their runs share a beginning
   * (machines/case/sharing.ts). Row `row` of a table of choices.
   */
  factsKey(choices: Int32Array, row: number): number;
  /**
   * Into `out`: the choices of row `row` with what its key leaves out set the same for every child (the first
   * nationality of its EEA class; region and sex of a child not recognised as a victim): the same key, the same
   * trace, and the same facts for children whose facts keys are equal, so that their runs share a beginning.
   */
  representative(choices: Int32Array, row: number, out: Int32Array): Int32Array;
}

/** Slots that only give dated events of the case (getCaseEvents), not its facts (toFacts): ties resumed is a fact too. */
const EVENT_SLOTS = new Set<number>(
  (['statement', 'statementDay', 'prosecutionOutcome', 'prosecutionDay', 'requisitions', 'disappears', 'disappearsDay', 'durable', 'durableDay', 'durableDecision'] as const).map(
    (slot) => SLOTS.indexOf(slot),
  ),
);

export function createSampler(set: AssumptionSet, config: CohortConfig): Sampler {
  const p: AssumptionParams = set.params;
  const nationality = toCategorical(p.nationality.value, (k) => k);
  const eea = nationality.options.map((code) => isEeaNationalOn(code, config.asOf));
  // The machine reads nationality as EEA membership on the day of each act (a durable-solution request, months
  // on): nationalities are alike for it when they are members on the same days up to the horizon (2007's accession
  // makes a Romanian child found in 2006 an EEA national a year later, a Nigerian child not).
  const horizonDate = addDays(config.asOf, set.horizonDays);
  const membership = nationality.options.map((code) => eeaMembershipBetween(code, config.asOf, horizonDate));
  const nationalityClass = membership.map((m) => membership.indexOf(m));
  const region = toCategorical(p.region.value, (k) => k as CaseFile['detection']['region']);
  const declaredAge = toCategorical(p.declaredAge.value, Number);
  const adultResult = toCategorical(p.testResultIfAdult.value, (k) => k);
  const minorResult = toCategorical(p.testResultIfMinor.value, (k) => k);
  // Both result lists index one list of ranges, so children with the same range share a key.
  const ranges = [...new Set([...adultResult.options, ...minorResult.options])];
  const adultRangeIndex = adultResult.options.map((k) => ranges.indexOf(k));
  const minorRangeIndex = minorResult.options.map((k) => ranges.indexOf(k));
  const rangeValues = ranges.map(parseRange);
  const form = toCategorical(
    p.exploitationForm.value,
    (k) => k as CaseFile['detection']['exploitation'],
  );
  const statementDay = toCategorical(p.statementDay.value, Number);
  const tiesDay = toCategorical(p.tiesResumedDay.value, Number);
  const prosecutionOutcome = toCategorical(
    p.prosecutionOutcome.value,
    (k) => k as NonNullable<CaseFile['prosecution']>['outcome'],
  );
  const prosecutionDay = toCategorical(p.prosecutionDay.value, Number);
  const disappearsDay = toCategorical(p.disappearsDay.value, Number);
  const durableDay = toCategorical(p.durableSolutionDay.value, Number);
  const durableDecision = toCategorical(
    p.durableSolutionDecision.value,
    (k) => k as 'stay' | 'return' | 'reunification',
  );

  const radices = new Int32Array(SLOT_COUNT).fill(2);
  radices[S.nationality] = nationality.options.length;
  radices[S.region] = region.options.length;
  radices[S.declaredAge] = declaredAge.options.length;
  radices[S.testResult] = ranges.length;
  radices[S.form] = form.options.length;
  radices[S.statementDay] = statementDay.options.length;
  radices[S.tiesResumedDay] = tiesDay.options.length;
  radices[S.prosecutionOutcome] = prosecutionOutcome.options.length;
  radices[S.prosecutionDay] = prosecutionDay.options.length;
  radices[S.disappearsDay] = disappearsDay.options.length;
  radices[S.durableDay] = durableDay.options.length;
  radices[S.durableDecision] = durableDecision.options.length;
  const keySpace = radices.reduce((a, b) => a * b, 1);
  if (keySpace > Number.MAX_SAFE_INTEGER)
    throw new Error(`assumption set has too many option combinations (${keySpace})`);

  /**
   * The cache key of a child: its choices, except facts the procedure machine only reads on paths this child
   * cannot take. Nationality enters only as EEA membership on the days of the case (its class, above);
   * region and sex only name the shelter and centre of a presumed victim (shelterFor in
   * machines/procedure/machine.ts). tests/engine/fastpath.test.ts checks on random children that children
   * sharing a key get the same trace from the machine.
   */
  function keyOf(c: Int32Array, recognised: boolean, at = 0, factsOnly = false): number {
    let key = 0;
    for (let s = 0; s < SLOT_COUNT; s++) {
      let choice = c[at + s];
      if (s === S.nationality) choice = nationalityClass[choice];
      else if (!recognised && (s === S.region || s === S.female)) choice = 0;
      else if (factsOnly && EVENT_SLOTS.has(s)) choice = 0;
      key = key * radices[s] + choice;
    }
    return key;
  }
  const representative = (c: Int32Array, row: number, out: Int32Array) => {
    for (let s = 0, at = row * SLOT_COUNT; s < SLOT_COUNT; s++) out[s] = c[at + s];
    out[S.nationality] = nationalityClass[out[S.nationality]];
    if (out[S.recognised] !== 1) out[S.region] = out[S.female] = 0;
    return out;
  };
  const factsKey = (c: Int32Array, row: number) => {
    const at = row * SLOT_COUNT;
    return keyOf(c, c[at + S.recognised] === 1, at, true);
  };

  const draws = new Float64Array(SLOT_COUNT);
  const chance = (param: { value: number }, u: number) => (u < param.value ? 1 : 0);

  function sample(seed: number, index: number, c: Int32Array): number {
    const h = fmix32(seed ^ fmix32(index + 0x9e3779b9));
    fillDraws(draws, h, fmix32(h ^ 0x6a09e667), fmix32(h + 0x3c6ef372), fmix32(index ^ 0x510e527f) | 1);
    c.fill(0);
    c[S.nationality] = pick(nationality, draws[S.nationality]);
    const isEea = eea[c[S.nationality]];
    c[S.female] = chance(p.female, draws[S.female]);
    c[S.region] = pick(region, draws[S.region]);
    c[S.border] = chance(p.detectedAtBorder, draws[S.border]);
    c[S.declaredAge] = pick(declaredAge, draws[S.declaredAge]);
    // The true age is latent: it shapes whether the age is doubted and the test result, and is not itself a fact of the case.
    const adult = draws[S.trulyAdult] < p.trulyAdult.value;
    c[S.doubted] = chance(adult ? p.ageDoubtedIfAdult : p.ageDoubtedIfMinor, draws[S.doubted]);
    if (c[S.doubted]) {
      c[S.refused] = chance(p.testRefused, draws[S.refused]);
      if (!c[S.refused]) {
        c[S.testResult] = adult
          ? adultRangeIndex[pick(adultResult, draws[S.testResult])]
          : minorRangeIndex[pick(minorResult, draws[S.testResult])];
      }
    }
    c[S.asylum] = isEea ? 0 : chance(p.asylumIfNonEea, draws[S.asylum]);
    c[S.exploited] = chance(p.exploited, draws[S.exploited]);
    if (c[S.exploited]) {
      c[S.form] = pick(form, draws[S.form]);
      c[S.recognised] = chance(p.indicatorsRecognised, draws[S.recognised]);
    }
    const recognised = c[S.recognised] === 1;
    if (isEea && recognised) c[S.vulnerable] = chance(p.vulnerableIfEea, draws[S.vulnerable]);
    // Statements, ties and prosecution belong to children whose exploitation was recognised.
    if (recognised) {
      c[S.statement] = chance(p.statementGiven, draws[S.statement]);
      if (c[S.statement]) {
        c[S.statementDay] = pick(statementDay, draws[S.statementDay]);
        c[S.prosecutionOutcome] = pick(prosecutionOutcome, draws[S.prosecutionOutcome]);
        c[S.prosecutionDay] = pick(prosecutionDay, draws[S.prosecutionDay]);
        c[S.requisitions] = chance(p.requisitionsRetainTrafficking, draws[S.requisitions]);
      }
      c[S.tiesResumed] = chance(p.tiesResumed, draws[S.tiesResumed]);
      if (c[S.tiesResumed]) c[S.tiesResumedDay] = pick(tiesDay, draws[S.tiesResumedDay]);
    }
    c[S.publicOrder] = chance(p.publicOrderRisk, draws[S.publicOrder]);
    c[S.disappears] = chance(
      recognised ? p.disappearsIfRecognised : p.disappearsIfNotRecognised,
      draws[S.disappears],
    );
    if (c[S.disappears]) c[S.disappearsDay] = pick(disappearsDay, draws[S.disappearsDay]);
    if (!isEea) {
      c[S.durable] = chance(p.durableSolutionIfNonEea, draws[S.durable]);
      if (c[S.durable]) {
        c[S.durableDay] = pick(durableDay, draws[S.durableDay]);
        c[S.durableDecision] = pick(durableDecision, draws[S.durableDecision]);
      }
    }
    return keyOf(c, recognised);
  }

  function toCase(c: Int32Array): CaseFile {
    const code = nationality.options[c[S.nationality]];
    const recognised = c[S.recognised] === 1;
    const caseFile: CaseFile = {
      format: 'pathway-case/1',
      date: config.asOf,
      practice: config.practice,
      reforms: [...config.reforms],
      person: {
        declaredAge: declaredAge.options[c[S.declaredAge]],
        nationality: code,
        sex: c[S.female] ? 'female' : 'male',
      },
      detection: {
        place: c[S.border] ? 'border' : 'territory',
        region: region.options[c[S.region]],
        exploitation: c[S.exploited] ? form.options[c[S.form]] : 'none',
        indicatorsRecognised: recognised,
        asylumApplication: c[S.asylum] === 1,
        ...(eea[c[S.nationality]] && recognised ? { vulnerable: c[S.vulnerable] === 1 } : {}),
      },
      age: {
        doubted: c[S.doubted] === 1,
        ...(c[S.doubted]
          ? {
              assessment: c[S.refused]
                ? { refused: true as const }
                : { ...rangeValues[c[S.testResult]] },
            }
          : {}),
      },
      cooperation: {
        statementDay: c[S.statement] ? statementDay.options[c[S.statementDay]] : null,
      },
      tiesCut: c[S.tiesResumed]
        ? { contactResumedDay: tiesDay.options[c[S.tiesResumedDay]] }
        : true,
      publicOrderRisk: c[S.publicOrder] === 1,
      disappearsDay: c[S.disappears] ? disappearsDay.options[c[S.disappearsDay]] : null,
      horizonDays: set.horizonDays,
    };
    if (c[S.statement]) {
      caseFile.prosecution = {
        outcome: prosecutionOutcome.options[c[S.prosecutionOutcome]],
        day: prosecutionDay.options[c[S.prosecutionDay]],
        requisitionsRetainTrafficking: c[S.requisitions] === 1,
      };
    }
    if (c[S.durable]) {
      caseFile.durableSolution = {
        requestedDay: durableDay.options[c[S.durableDay]],
        decision: durableDecision.options[c[S.durableDecision]],
      };
    }
    return caseFile;
  }

  return { set, config, radices, sample, toCase, factsKey, representative };
}

/** Child i of a cohort, as a case file ready for the step-through view. */
export function generateChildCase(
  set: AssumptionSet,
  config: CohortConfig,
  seed: number,
  index: number,
): CaseFile {
  const sampler = createSampler(set, config);
  const choices = new Int32Array(SLOT_COUNT);
  sampler.sample(seed, index, choices);
  return {
    ...sampler.toCase(choices),
    title: `Cohort “${set.name}”, seed ${seed}, child #${index}`,
  };
}
