// Law coverage: for every provision the model cites (a citation on states and transitions, a dated rule value, a
// practice overlay, a reform), how many acceptance cases pass through it. A provision no case reaches is law the
// tests never exercise. Pure: takes runs, returns rows.
import { getStateNodes } from 'xstate/graph';
import { procedureMachine } from '../../machines/procedure/machine';
import { CITATIONS, cite, type CitationId } from '../../machines/procedure/citations';
import { getRulesInForce, PRACTICE_OVERLAYS, REFORMS, RULES, type RuleId } from '../../machines/rules/rules';
import type { Run } from '../../machines/case/run';
import { milestoneBasis } from '../../machines/case/trace';
import type { CaseFile } from '../../machines/case/types';

export interface CoverageRow {
  /** citation id, `rule@from` (from = "…" when in force since before the modelled period), `asReported:rule@from`, `reform:id` */
  id: string;
  kind: 'citation' | 'ruleValue' | 'overlay' | 'reform';
  /** state nodes and transitions that carry the citation (citations only) */
  states: number;
  transitions: number;
  cases: string[];
}

export interface CoveredRun {
  name: string;
  caseFile: CaseFile;
  run: Run;
}

/** A rule value as milestones name it: `{ id, from }` (the contract's per-milestone `rules`). */
interface RuleUse {
  id: string;
  from?: string | null;
  overriddenBy?: string;
}

type Node = ReturnType<typeof getStateNodes>[number];
interface TransitionRef {
  citation: CitationId;
  source: string;
  targets: string[];
  eventType: string;
}

function citationOf(meta: unknown): CitationId | undefined {
  return (meta as { citation?: CitationId } | undefined)?.citation;
}

function getModel() {
  const nodes = getStateNodes(procedureMachine.root);
  const states = new Map<string, CitationId>();
  const transitions: TransitionRef[] = [];
  const add = (n: Node, t: { meta?: unknown; target?: readonly { id: string }[]; eventType: string }) => {
    const citation = citationOf(t.meta);
    if (citation) transitions.push({ citation, source: n.id, targets: (t.target ?? []).map((x) => x.id), eventType: t.eventType });
  };
  for (const n of [procedureMachine.root, ...nodes]) {
    const citation = citationOf(n.meta);
    if (citation) states.set(n.id, citation);
    for (const ts of n.transitions.values()) for (const t of ts) add(n, t);
    for (const t of n.always ?? []) add(n, t);
  }
  return { states, transitions };
}

const within = (id: string, ancestor: string) => id === ancestor || id.startsWith(`${ancestor}.`);

/** Citations a run passed through: states it was in, transitions it took. */
function reachedCitations({ run, caseFile }: CoveredRun, model: ReturnType<typeof getModel>): Set<CitationId> {
  const reached = new Set<CitationId>();
  const active = new Set<string>();
  for (const step of run.steps) {
    for (const id of step.activeStateIds) active.add(id);
    for (const taken of step.transitions) {
      for (const t of model.transitions) {
        if (reached.has(t.citation)) continue;
        const eventFits = t.eventType === '' || t.eventType === step.event.type;
        if (!eventFits) continue;
        const fromHere = taken.source !== '' && within(taken.source, t.source);
        const intoTarget = t.targets.length === 0 || taken.targets.some((to) => t.targets.some((tt) => within(to, tt)));
        if (fromHere && intoTarget) reached.add(t.citation);
      }
    }
    // Transitions without a target (actions only) fire on their event while their state is active.
    for (const t of model.transitions) {
      if (t.targets.length === 0 && t.eventType === step.event.type && step.activeStateIds.some((id) => within(id, t.source))) {
        reached.add(t.citation);
      }
    }
  }
  for (const [id, citation] of model.states) if ([...active].some((a) => within(a, id))) reached.add(citation);
  // Milestones carry their citation's basis and source (the citation's id is not in the trace).
  const rules = getRulesInForce(caseFile.date, caseFile.practice ?? 'asWritten', caseFile.reforms ?? []);
  for (const m of run.trace.milestones) {
    const basis = milestoneBasis(m);
    for (const id of Object.keys(CITATIONS) as CitationId[]) {
      const c = cite(id, rules);
      if (c.basis === basis && c.source === m.source) reached.add(id);
    }
  }
  return reached;
}

/** The rule ids a citation reads (recorded through a proxy over the rules in force). */
function rulesReadBy(citation: CitationId, rules: ReturnType<typeof getRulesInForce>): RuleId[] {
  const read = new Set<RuleId>();
  const proxy = new Proxy(rules, {
    get(target, key) {
      if (typeof key === 'string' && key in RULES) read.add(key as RuleId);
      return target[key as RuleId];
    },
  });
  cite(citation, proxy);
  return [...read];
}

const valueKey = (id: string, from: string | null | undefined) => `${id}@${from ?? '…'}`;

/** Rule values a run used: the milestones' own `rules` when the engine records them, else those its citations read on the detection day. */
function reachedRuleValues(c: CoveredRun, citations: Set<CitationId>): Set<string> {
  const out = new Set<string>();
  const recorded = c.run.trace.milestones.flatMap((m) => (Array.isArray(m.rules) ? (m.rules as RuleUse[]) : []));
  const practice = c.caseFile.practice ?? 'asWritten';
  if (recorded.length) {
    for (const r of recorded) {
      if (r.overriddenBy === 'asReported') out.add(`asReported:${valueKey(r.id, r.from)}`);
      else if (r.overriddenBy) out.add(`reform:${r.overriddenBy}`);
      else out.add(valueKey(r.id, r.from));
    }
    return out;
  }
  // Before the engine recorded rules per milestone: the values in force on the detection day that the reached
  // citations read, and the overlays and reforms the case file asks for.
  const rules = getRulesInForce(c.caseFile.date, practice, c.caseFile.reforms ?? []);
  for (const id of c.caseFile.reforms ?? []) out.add(`reform:${id}`);
  if (practice === 'asReported') {
    for (const o of PRACTICE_OVERLAYS) {
      if ((!o.from || o.from <= c.caseFile.date) && (!o.to || c.caseFile.date <= o.to)) out.add(`asReported:${valueKey(o.rule, o.from)}`);
    }
  }
  for (const citation of citations) {
    for (const id of rulesReadBy(citation, rules)) {
      const r = rules[id];
      if (r.overriddenBy === 'asReported') {
        const o = PRACTICE_OVERLAYS.find((x) => x.rule === id && (!x.from || x.from <= c.caseFile.date) && (!x.to || c.caseFile.date <= x.to));
        out.add(`asReported:${valueKey(id, o?.from)}`);
      } else if (r.overriddenBy) out.add(`reform:${r.overriddenBy}`);
      else {
        const v = RULES[id].values.find((x) => (!x.from || x.from <= c.caseFile.date) && (!x.to || c.caseFile.date <= x.to));
        out.add(valueKey(id, v?.from));
      }
    }
  }
  return out;
}

export function getLawCoverage(runs: CoveredRun[]): CoverageRow[] {
  const model = getModel();
  const rows = new Map<string, CoverageRow>();
  for (const id of Object.keys(CITATIONS) as CitationId[]) {
    rows.set(id, {
      id,
      kind: 'citation',
      states: [...model.states.values()].filter((c) => c === id).length,
      transitions: model.transitions.filter((t) => t.citation === id).length,
      cases: [],
    });
  }
  const blank = (id: string, kind: CoverageRow['kind']) => rows.set(id, { id, kind, states: 0, transitions: 0, cases: [] });
  for (const id of Object.keys(RULES) as RuleId[]) for (const v of RULES[id].values) blank(valueKey(id, v.from), 'ruleValue');
  for (const o of PRACTICE_OVERLAYS) blank(`asReported:${valueKey(o.rule, o.from)}`, 'overlay');
  for (const id of Object.keys(REFORMS)) blank(`reform:${id}`, 'reform');
  for (const c of runs) {
    const citations = reachedCitations(c, model);
    for (const id of citations) rows.get(id)?.cases.push(c.name);
    for (const id of reachedRuleValues(c, citations)) rows.get(id)?.cases.push(c.name);
  }
  return [...rows.values()];
}

/** Markdown table (README): provision, kind, cases passing through it. */
export function formatCoverage(rows: CoverageRow[]): string {
  const lines = ['| provision | kind | states | transitions | cases |', '|---|---|---|---|---|'];
  for (const r of rows) {
    lines.push(`| \`${r.id}\` | ${r.kind} | ${r.kind === 'citation' ? r.states : ''} | ${r.kind === 'citation' ? r.transitions : ''} | ${r.cases.length} |`);
  }
  const missed = rows.filter((r) => r.cases.length === 0);
  lines.push('', `${rows.length - missed.length} of ${rows.length} provisions reached by at least one acceptance case.`);
  if (missed.length) lines.push(`Not reached: ${missed.map((r) => `\`${r.id}\``).join(', ')}.`);
  return lines.join('\n');
}
