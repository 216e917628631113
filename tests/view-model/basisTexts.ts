// Every legal-basis text the machine can show, in English as it writes them: the bases (and assumptions) of the
// citations under every rules-in-force of the rule timeline, the milestones of the shipped scenarios run under
// several dates and practices, and the bases a period's time axis lists (dated values, practices, EEA
// membership, reforms). Read from the machine, so a text added there is a text this list holds.
import { CITATIONS, cite, type CitationId } from '../../machines/procedure/citations';
import { getRulesInForce, PRACTICE_OVERLAYS, REFORM_IDS, REFORMS, RULES } from '../../machines/rules/rules';
import type { DatedValue } from '../../machines/rules/dated';
import { EEA_MEMBERSHIP } from '../../machines/rules/eea';
import { stepCase } from '../../machines/case/run';
import type { CaseFile, Practice, ReformId } from '../../machines/case/types';
import { SCENARIOS } from '../../src/scenarios';
import { milestoneBasis } from '../../machines/case/trace';

const dayAfter = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** Every first day of a stretch of unchanged rules (law and practice), and one day before them all. */
export function ruleTimeline(): string[] {
  const dates = new Set<string>(['2000-01-01']);
  const edges = (from?: string, to?: string) => {
    if (from) dates.add(from);
    if (to) dates.add(dayAfter(to));
  };
  for (const rule of Object.values(RULES)) for (const v of rule.values as DatedValue<unknown>[]) edges(v.from, v.to);
  for (const o of PRACTICE_OVERLAYS) edges(o.from, o.to);
  return [...dates].sort();
}

const PRACTICES: Practice[] = ['asWritten', 'asReported'];
/** no reform, each reform alone, all of them */
const REFORM_SETS: ReformId[][] = [[], ...REFORM_IDS.map((id) => [id]), [...REFORM_IDS]];

export interface BasisText {
  text: string;
  /** where it was first found (for a failing test's message) */
  from: string;
}

export function citationTexts(): BasisText[] {
  const out: BasisText[] = [];
  for (const date of ruleTimeline())
    for (const practice of PRACTICES)
      for (const reforms of REFORM_SETS) {
        const rules = getRulesInForce(date, practice, reforms);
        for (const id of Object.keys(CITATIONS) as CitationId[]) {
          const c = cite(id, rules);
          const at = `${id} on ${date} (${practice}${reforms.length ? `, ${reforms.join('+')}` : ''})`;
          out.push({ text: c.basis, from: `basis of ${at}` });
          if (c.assumption) out.push({ text: c.assumption, from: `assumption of ${at}` });
        }
      }
  return out;
}

const shift = (date: string, years: number) => `${Number(date.slice(0, 4)) + years}${date.slice(4)}`;

/** The milestones' bases of every shipped scenario, as shipped and moved in time, under both practices. */
export function scenarioTexts(): BasisText[] {
  const out: BasisText[] = [];
  for (const scenario of SCENARIOS)
    for (const years of [0, -8, -4, 4, 9])
      for (const practice of PRACTICES) {
        const c = structuredClone(scenario.case) as CaseFile & Record<string, unknown>;
        c.practice = practice;
        if (years) {
          // every date of the case moves together: the same child under the rules of another year
          const moved = JSON.parse(JSON.stringify(c), (key, value) =>
            typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? shift(value, years) : value,
          ) as CaseFile;
          Object.assign(c, moved);
        }
        let run;
        try {
          run = stepCase(c);
        } catch {
          continue; // a move that makes the case invalid (e.g. a 29 February) says nothing new
        }
        for (const step of run.steps)
          for (const m of step.milestones) out.push({ text: milestoneBasis(m), from: `${m.id} in ${scenario.id} (${years} years, ${practice})` });
      }
  return out;
}

/** The bases a period's time axis lists beside each dated change (src/engine/periodDates.ts). */
export function markerTexts(): BasisText[] {
  const out: BasisText[] = [];
  for (const [id, rule] of Object.entries(RULES))
    for (const v of rule.values as DatedValue<unknown>[]) out.push({ text: v.basis, from: `rule ${id} from ${v.from ?? 'the start'}` });
  for (const o of PRACTICE_OVERLAYS) out.push({ text: o.basis, from: `practice ${o.rule}` });
  for (const [code, m] of Object.entries(EEA_MEMBERSHIP)) out.push({ text: m.note, from: `EEA membership of ${code}` });
  for (const id of REFORM_IDS) out.push({ text: REFORMS[id].recommendation, from: `reform ${id}` });
  return out;
}

/** each text once, with the first place it was found */
export function distinct(texts: BasisText[]): BasisText[] {
  const seen = new Map<string, BasisText>();
  for (const t of texts) if (t.text && !seen.has(t.text)) seen.set(t.text, t);
  return [...seen.values()];
}
