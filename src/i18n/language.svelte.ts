// The current UI language as reactive state. Paraglide keeps the choice in localStorage; we re-render on change
// (the app wraps its tree in {#key language.current}) instead of reloading, so no work is lost.
import { getLocale, setLocale, locales, type Locale } from './paraglide/runtime.js';

export function isLocale(value: string): value is Locale {
  return (locales as readonly string[]).includes(value);
}

class Language {
  current = $state<Locale>(getLocale());

  set(locale: Locale): void {
    setLocale(locale, { reload: false });
    this.current = locale;
    if (typeof document !== 'undefined') document.documentElement.lang = locale;
  }
}

export const language = new Language();
