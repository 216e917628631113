// A legal basis from the machine (English, as citations.ts and the rules write it) in the UI language. The
// translations are the `legal_*` messages: each English text is its en message, so the catalogue is the one
// table. A basis built from the rules in force is read by its parts: a template (`legal_tpl_*`) whose slots are
// bases again, or fragments joined with "; ". A part no message knows stays as written, to be marked lang="en".
import { m, type Locale } from '../i18n/messages';
import { language } from '../i18n/language.svelte';
import { addPart, type WrittenPart } from '../i18n/writtenParts';

type Message = (inputs?: Record<string, string>, options?: { locale?: Locale }) => string;
const messages = m as unknown as Record<string, Message>;

export interface LegalBasis {
  /** the machine's text: the citation of record */
  english: string;
  parts: WrittenPart[];
  /** the parts read together */
  text: string;
  /** some part is in the UI language (not the English as written) */
  translated: boolean;
}

interface Template {
  key: string;
  /** slots holding a basis (translated in turn) */
  texts: string[];
  /** slots holding a number, copied */
  numbers?: string[];
  /** text slots that must be known whole, or the template does not apply (a bare "X (Y)" would fit anything) */
  strict?: boolean;
}

const TEMPLATES: Template[] = [
  { key: 'legal_tpl_guardianship_scope', texts: ['scope', 'eea'] },
  { key: 'legal_tpl_age_assessment', texts: ['method'] },
  { key: 'legal_tpl_identified_minor', texts: ['age'] },
  { key: 'legal_tpl_age_appeal', texts: [], numbers: ['days'] },
  { key: 'legal_tpl_reflection', texts: ['document'], numbers: ['days'] },
  { key: 'legal_tpl_stay_certificate', texts: ['procedure', 'permit'] },
  { key: 'legal_tpl_request_outside_scope', texts: ['procedure'] },
  { key: 'legal_tpl_appeal_out_of_time', texts: [], numbers: ['days'] },
  { key: 'legal_tpl_reform', texts: ['reform', 'recommendation'], strict: true },
];
/** messages that are not a basis text: the join between fragments and the "as written" note */
const NOT_TEXTS = new Set(['legal_join', 'legal_as_written', ...TEMPLATES.map((t) => t.key)]);
const JOIN = '; ';
const SLOT = '\u0000';

interface Compiled extends Template {
  pattern: RegExp;
  /** slot names in the order the English names them */
  order: string[];
}

let exact: Map<string, string> | undefined;
let compiled: Compiled[] | undefined;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const sentinels = (t: Template) => Object.fromEntries([...t.texts, ...(t.numbers ?? [])].map((s) => [s, `${SLOT}${s}${SLOT}`]));

function index(): { exact: Map<string, string>; compiled: Compiled[] } {
  if (!exact || !compiled) {
    exact = new Map();
    for (const key of Object.keys(messages))
      if (key.startsWith('legal_') && !NOT_TEXTS.has(key)) exact.set(messages[key]({}, { locale: 'en' }), key);
    compiled = TEMPLATES.map((t) => {
      const pieces = messages[t.key](sentinels(t), { locale: 'en' }).split(SLOT);
      const order: string[] = [];
      const source = pieces
        .map((piece, i) => {
          if (i % 2 === 0) return escape(piece);
          order.push(piece);
          return t.numbers?.includes(piece) ? '(\\d+)' : '(.+?)';
        })
        .join('');
      return { ...t, pattern: new RegExp(`^${source}$`), order };
    })
      // the most specific first: the one with the most fixed text
      .sort((a, b) => b.pattern.source.length - a.pattern.source.length);
  }
  return { exact, compiled };
}

/** `text` known whole: as one message, or as a template with its slots */
function whole(text: string, locale: Locale): WrittenPart[] | undefined {
  const { exact, compiled } = index();
  const key = exact.get(text);
  if (key) return [{ text: messages[key]({}, { locale }), asWritten: false }];
  for (const t of compiled) {
    const match = t.pattern.exec(text);
    if (!match) continue;
    const slots = new Map<string, WrittenPart[]>();
    let fits = true;
    t.order.forEach((name, i) => {
      const value = match[i + 1];
      const parts = t.numbers?.includes(name) ? [{ text: value, asWritten: false }] : resolve(value, locale);
      if (t.strict && parts.some((p) => p.asWritten)) fits = false;
      slots.set(name, parts);
    });
    if (!fits) continue;
    const out: WrittenPart[] = [];
    messages[t.key](sentinels(t), { locale })
      .split(SLOT)
      .forEach((piece, i) => {
        if (i % 2 === 0) addPart(out, { text: piece, asWritten: false });
        else for (const part of slots.get(piece)!) addPart(out, part);
      });
    return out;
  }
  return undefined;
}

/** Fragments joined with "; ": the longest run of fragments known whole first, then the rest. */
function resolve(text: string, locale: Locale): WrittenPart[] {
  const segments = text.split(JOIN);
  const out: WrittenPart[] = [];
  let previous: boolean | undefined;
  for (let i = 0; i < segments.length; ) {
    let found: WrittenPart[] | undefined;
    let j = segments.length;
    for (; j > i && !found; j--) found = whole(segments.slice(i, j).join(JOIN), locale);
    const parts = found ?? [{ text: segments[i], asWritten: true }];
    const next = found ? j + 1 : i + 1;
    // between two fragments kept in English the English join stays with them
    if (previous !== undefined) {
      const english = previous && parts[0].asWritten;
      addPart(out, { text: english ? JOIN : messages.legal_join({}, { locale }), asWritten: english });
    }
    for (const part of parts) addPart(out, part);
    previous = parts.at(-1)!.asWritten;
    i = next;
  }
  return out;
}

const cache = new Map<string, LegalBasis>();

/** The basis in `locale` (the UI language by default), part by part. */
export function legalBasis(english: string, locale: Locale = language.current): LegalBasis {
  const id = `${locale}\u0001${english}`;
  let found = cache.get(id);
  if (!found) {
    const parts = locale === 'en' || !english ? [{ text: english, asWritten: false }] : resolve(english, locale);
    const text = parts.map((p) => p.text).join('');
    found = { english, parts, text, translated: locale !== 'en' && parts.some((p) => !p.asWritten) };
    cache.set(id, found);
  }
  return found;
}
