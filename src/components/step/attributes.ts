// The details the engine records on a milestone (document validity, shelter, failed condition…) as words in
// the UI language, not `validMonths: 6`. Numbers in the UI language's format; names of places stay as written.
import { m } from '../../i18n/messages';
import { formatNumber } from '../../i18n/numbers';
import { label } from './labels';

const SHOWN_ELSEWHERE = new Set(['id', 'date', 'day', 'basis', 'source', 'exams']);
const number = (n: unknown) => (typeof n === 'number' ? formatNumber(n) : String(n));

const VALUES: Record<string, Record<string, () => string>> = {
  reason: { serviceNotOperational: m.attr_reason_not_operational, eeaNotVulnerable: m.attr_reason_eea_not_vulnerable, eeaNational: m.attr_reason_eea_national },
  method: { lowestAge: m.attr_method_lowest_age, doctorConclusion: m.attr_method_doctor, multiAgency: m.attr_method_multi_agency },
  document: { orderToLeave: m.attr_document_order_to_leave, annex15: m.attr_document_annex15 },
};

/** One chip per detail; a range (low, high) is one chip. `lang` marks text kept as written (proper names). */
export function describeAttributes(milestone: Record<string, unknown>): { text: string; lang?: string }[] {
  const chips: { text: string; lang?: string }[] = [];
  if (typeof milestone.low === 'number' && typeof milestone.high === 'number')
    chips.push({ text: m.attr_range({ low: number(milestone.low), high: number(milestone.high) }) });
  for (const [key, value] of Object.entries(milestone)) {
    if (SHOWN_ELSEWHERE.has(key) || value === undefined || typeof value === 'object' || key === 'low' || key === 'high') continue;
    const text = describe(key, value);
    if (text) chips.push(key === 'name' ? { text, lang: 'en' } : { text });
  }
  return chips;
}

function describe(key: string, value: unknown): string | null {
  switch (key) {
    case 'validMonths':
      return m.attr_valid_months({ n: number(value) });
    case 'validDays':
      return m.attr_valid_days({ n: number(value) });
    case 'maxWorkingDays':
      return m.attr_max_working_days({ n: number(value) });
    case 'deadlineDays':
    case 'appealDeadlineDays':
      return m.attr_deadline_days({ n: number(value) });
    case 'estimate':
      return m.attr_estimate({ age: number(value) });
    case 'name':
      return String(value);
    case 'failedCondition':
      return m.attr_failed_condition({ condition: label('condition', String(value)) });
    case 'specialisedInChildTrafficking':
      return value ? m.attr_specialised_yes() : m.attr_specialised_no();
    case 'retainsTrafficking':
      return value ? m.attr_retains_yes() : m.attr_retains_no();
    case 'provisional':
      return value ? m.attr_provisional() : null;
    case 'extension':
      return value ? m.attr_extension() : null;
    case 'safeguards':
      return value ? m.attr_safeguards() : null;
    default:
      return VALUES[key]?.[String(value)]?.() ?? null;
  }
}
