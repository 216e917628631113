// The one way a citation (a `source` of the model) is shown to people: seed files, the team's reference and code
// paths become names readers know ("ECPAT Belgium report 2018, line 97"). The raw citation stays the checkable
// record: the data, the trace and exports for machines keep it, and the UI shows it as the title (`sourceId`).
import { SEED_2010, SEED_2018 } from '../../machines/rules/law';
import { m } from './messages';
import { addPart, type WrittenPart } from './writtenParts';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const DOCUMENTS: Record<string, () => string> = {
  [SEED_2010]: m.source_seed_2010,
  [SEED_2018]: m.source_seed_2018,
  '000': m.source_seed_2010,
  '001': m.source_seed_2018,
};
/** code files cited as a source, by the rule or law they hold */
const CODE_SOURCES: Record<string, () => string> = {
  'machines/rules/eea.ts': m.source_code_eea,
};

const LINES = String.raw`\d+(?:[-–]\d+)?(?:, ?\d+(?:[-–]\d+)?)*`;
const KNOWN = new RegExp(
  [
    `(?<file>${[SEED_2010, SEED_2018].map(escape).join('|')})(?::(?<lines>${LINES}))?`,
    String.raw`\bseed (?<seed>000|001)\b`,
    String.raw`\b(?<code>machines\/[\w/]+\.ts)(?: \([^)]*\))?`,
    String.raw`\b(?<reference>reference)(?:\.md)?\b`,
    String.raw`\bStage(?<plural>s?)(?= \d)`,
    String.raw`\b(?<and>and)(?= Stages? \d)`,
  ].join('|'),
  'g',
);

function lines(document: string, numbers: string): string {
  const dashed = numbers.replace(/-/g, '–');
  return /^\d+$/.test(numbers) ? m.source_line({ document, line: dashed }) : m.source_lines({ document, lines: dashed });
}

function name(match: RegExpExecArray): string | undefined {
  const g = match.groups!;
  if (g.file) return g.lines ? lines(DOCUMENTS[g.file](), g.lines) : DOCUMENTS[g.file]();
  if (g.seed) return DOCUMENTS[g.seed]();
  if (g.code) return CODE_SOURCES[g.code]?.();
  if (g.reference) return m.source_reference();
  if (g.and) return m.source_and();
  return g.plural ? m.source_stages() : m.source_stage();
}

/** A citation's parts: named in the UI language, or kept as written (notes, abbreviations: English). */
export function describeSourceParts(source: string): WrittenPart[] {
  const parts: WrittenPart[] = [];
  const push = (text: string, asWritten: boolean) => addPart(parts, { text, asWritten });
  let end = 0;
  for (const match of source.matchAll(KNOWN)) {
    const named = name(match);
    push(source.slice(end, match.index), true);
    push(named ?? match[0], named === undefined);
    end = match.index + match[0].length;
  }
  push(source.slice(end), true);
  return parts;
}

/** a citation in the UI language's words; parts it does not know (notes, abbreviations) stay as written */
export const describeSource = (source: string): string =>
  describeSourceParts(source).map((p) => p.text).join('');

/** the raw citation, for a title or a "source id" detail, so the checkable reference is never lost */
export const sourceId = (source: string): string => m.source_id({ source });
