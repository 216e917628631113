// Numbers in the UI language's format ("16,5" in French, "16.5" in English), never the browser's. Formatters
// are cached per language and option set: building one per call was the largest cost of drawing a big cohort.
import { getLocale } from './paraglide/runtime.js';

const formatters = new Map<string, Intl.NumberFormat>();

export function numberFormat(options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const locale = getLocale();
  const key = `${locale} ${JSON.stringify(options)}`;
  let format = formatters.get(key);
  if (!format) formatters.set(key, (format = new Intl.NumberFormat(locale, options)));
  return format;
}

/** A number as the UI language writes it; `digits` caps the decimals shown (16.54 → "16,5" with 1). */
export function formatNumber(n: number, digits?: number): string {
  return numberFormat(digits === undefined ? {} : { maximumFractionDigits: digits }).format(n);
}
