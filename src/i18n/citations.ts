// The one way a citation (a `source` of the model) is shown to people: seed files, the team's reference and code
// paths become names readers know ("ECPAT Belgium report 2018, line 97"). The raw citation stays the checkable
// record: the data, the trace and exports for machines keep it, and the UI shows it as the title (`sourceId`).
import { SEED_2010, SEED_2018 } from '../../machines/rules/law';
import { m } from './messages';

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
const SEED_FILE = new RegExp(`(${[SEED_2010, SEED_2018].map(escape).join('|')})(?::(${LINES}))?`, 'g');
const SEED_WORD = /\bseed (000|001)\b/g;
const CODE_PATH = /\b(machines\/[\w/]+\.ts)(?: \([^)]*\))?/g;
const REFERENCE = /\breference(?:\.md)?\b/g;
const STAGE = /\bStage(s?)(?= \d)/g;
const AND_STAGE = /\band(?= Stages? \d)/g;

function lines(document: string, numbers: string): string {
  const dashed = numbers.replace(/-/g, '–');
  return /^\d+$/.test(numbers) ? m.source_line({ document, line: dashed }) : m.source_lines({ document, lines: dashed });
}

/** a citation in the UI language's words; parts it does not know (notes, abbreviations) stay as written */
export function describeSource(source: string): string {
  return source
    .replace(AND_STAGE, () => m.source_and())
    .replace(STAGE, (_, plural: string) => (plural ? m.source_stages() : m.source_stage()))
    .replace(SEED_FILE, (_, file: string, numbers?: string) => {
      const document = DOCUMENTS[file]();
      return numbers ? lines(document, numbers) : document;
    })
    .replace(SEED_WORD, (_, number: string) => DOCUMENTS[number]())
    .replace(CODE_PATH, (whole: string, path: string) => CODE_SOURCES[path]?.() ?? whole)
    .replace(REFERENCE, () => m.source_reference());
}

/** the raw citation, for a title or a "source id" detail, so the checkable reference is never lost */
export const sourceId = (source: string): string => m.source_id({ source });
