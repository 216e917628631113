// Autosave across tabs: every change is written at once (a crash loses nothing the browser had been given),
// and a tab never silently overwrites another tab's newer work. When another tab saves, this tab stops
// writing and asks (via `onOtherTab`) whether to open the other tab's changes or keep its own.
import { SESSION_KEY, readSession, saveSession, toRecord, validSaved, type Saved } from './storage';

const TAB_KEY = 'vps.tab';

/** This tab's id, kept in sessionStorage so a reload is still the same tab. */
export function getTabId(tabStorage: Storage | undefined = globalThis.sessionStorage): string {
  try {
    const known = tabStorage?.getItem(TAB_KEY);
    if (known) return known;
    const id = Math.random().toString(36).slice(2, 10);
    tabStorage?.setItem(TAB_KEY, id);
    return id;
  } catch {
    return Math.random().toString(36).slice(2, 10);
  }
}

export class Autosave {
  readonly tab: string;
  #storage: Storage | undefined;
  #good: Saved | undefined;
  #held: Saved | null = null;
  #theirs: Saved | null = null;
  #onOtherTab: (theirs: Saved) => void;

  constructor(options: { tab: string; good?: Saved | null; storage?: Storage; onOtherTab: (theirs: Saved) => void }) {
    this.tab = options.tab;
    this.#storage = options.storage ?? globalThis.localStorage;
    this.#good = options.good ?? undefined;
    this.#onOtherTab = options.onOtherTab;
  }

  /** True while another tab's newer changes wait for the user's choice (nothing is written meanwhile). */
  get waiting(): boolean {
    return this.#held !== null;
  }

  /** Writes now, unless another tab's changes are waiting; returns whether it was written. */
  save(saved: Saved): boolean {
    if (this.#held) {
      // Still waiting: the edit is kept in this tab, and the user is reminded (the notice may have been dismissed).
      this.#held = saved;
      if (this.#theirs) this.#onOtherTab(this.#theirs);
      return false;
    }
    return this.#write(saved);
  }

  /** The `storage` event: another tab wrote the session. */
  onStorage(event: Pick<StorageEvent, 'key' | 'newValue'>, current: Saved): void {
    if (event.key !== SESSION_KEY || !event.newValue) return;
    const theirs = readSession(event.newValue);
    if (!theirs.ok || !theirs.saved || theirs.record.tab === this.tab) return;
    // Only work counts: the other tab stepping through the same case is no conflict.
    if (JSON.stringify(theirs.saved.case) === JSON.stringify(current.case)) return;
    this.#held = current;
    this.#theirs = theirs.saved;
    this.#onOtherTab(theirs.saved);
  }

  /** The user keeps this tab's work: it is written (the other tab is told in turn). */
  keepMine(current: Saved): void {
    this.#held = null;
    this.#theirs = null;
    this.#write(current);
  }

  /** The user opens the other tab's work: nothing of ours is written over it. */
  takeTheirs(): void {
    this.#held = null;
    this.#theirs = null;
  }

  #write(saved: Saved): boolean {
    const valid = validSaved(saved);
    if (valid) this.#good = valid;
    return saveSession(toRecord(saved, this.#good, this.tab), this.#storage);
  }
}
