// Legal basis and source of the states the child is in, from each state node's `meta.citation` and the rules in
// force for the case (citations are written once, in machines/procedure/citations.ts).
import { procedureMachine } from '../../machines/procedure/machine';
import { cite, type CitationId } from '../../machines/procedure/citations';
import { getRulesInForce } from '../../machines/rules/rules';
import type { CaseFile } from '../../machines/case/types';

export interface StateBasis {
  id: string;
  description: string | undefined;
  basis: string;
  source: string;
  assumption?: string;
}

/** `date`: the step's own day (each act under the rules of its day); the detection date when not given. */
export function getStateBasis(activeStateIds: string[], caseFile: CaseFile, date: string = caseFile.date): StateBasis[] {
  const rules = getRulesInForce(date, caseFile.practice, caseFile.reforms);
  const out: StateBasis[] = [];
  for (const id of activeStateIds) {
    let node;
    try {
      node = procedureMachine.getStateNodeById(id);
    } catch {
      continue; // an id the machine no longer has: show nothing rather than fail
    }
    const citation = (node.meta as { citation?: CitationId } | undefined)?.citation;
    if (!citation) continue;
    out.push({ id, description: node.description, ...cite(citation, rules) });
  }
  return out;
}
