// Dates as people read them, in the UI language (Intl): "1 mars 2016", not "2016-03-01". The ISO day stays in
// the case file, the trace and the `datetime` attribute.
import { getLocale } from '../../i18n/paraglide/runtime.js';

const formats = new Map<string, Intl.DateTimeFormat>();
// The English UI is used in Belgium: day-month-year, as in en-GB, not the US month-first order.
const dateLocale = () => (getLocale() === 'en' ? 'en-GB' : getLocale());

function format(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${dateLocale()}:${JSON.stringify(options)}`;
  let f = formats.get(key);
  if (!f) formats.set(key, (f = new Intl.DateTimeFormat(dateLocale(), { timeZone: 'UTC', ...options })));
  return f;
}

// A cohort's results name the same few dates in thousands of labels (every bar and flow names its configuration).
const written = new Map<string, string>();

/** "1 March 2016" in the UI language; an unreadable date comes back as written. */
export function formatDate(iso: string): string {
  const key = `${dateLocale()} ${iso}`;
  let text = written.get(key);
  if (text === undefined) {
    const date = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
    text = Number.isNaN(date.getTime()) ? iso : format({ day: 'numeric', month: 'long', year: 'numeric' }).format(date);
    if (written.size >= 10_000) written.clear();
    written.set(key, text);
  }
  return text;
}

/** Tick labels for a time axis, as d3's default picks them (year, month, day) but in the UI language. */
export function formatTick(date: Date): string {
  if (date.getUTCDate() !== 1) return format({ day: 'numeric', month: 'short' }).format(date);
  return date.getUTCMonth() === 0 ? format({ year: 'numeric' }).format(date) : format({ month: 'long' }).format(date);
}
