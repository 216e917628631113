// The current UI language as reactive state. Paraglide keeps the choice in localStorage; we re-render on change
// (the app wraps its tree in {#key language.current}) instead of reloading, so no work is lost: a view's work lives
// outside the view (the step session in the shell, the Cohorts tab in view-model/cohortTab.svelte.ts).
import { getLocale, setLocale, overwriteGetLocale, locales, type Locale } from './paraglide/runtime.js';

export function isLocale(value: string): value is Locale {
  return (locales as readonly string[]).includes(value);
}

let chosen: Locale = getLocale();
// Every message call asks for the locale; paraglide's default reads localStorage each time, which is slow in a
// step repaint with hundreds of strings. Resolve it once and answer from memory.
overwriteGetLocale(() => chosen);

class Language {
  current = $state<Locale>(chosen);

  set(locale: Locale): void {
    setLocale(locale, { reload: false });
    chosen = locale;
    this.current = locale;
    if (typeof document !== 'undefined') document.documentElement.lang = locale;
  }
}

export const language = new Language();
