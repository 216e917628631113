// What the step view's last load replaced, kept for Undo (see StepSession.load).
import type { SessionSnapshot } from './StepSession.svelte';

/**
 * A case that a load replaced and that would be lost without a way back (edited, or opened from outside: a share
 * link, the cohorts). One at a time: the next load replaces or forgets it, so Undo only ever brings back what
 * the notice names.
 */
export interface Replacement {
  /** the session as it was: Undo restores it (case, step, comparison) */
  previous: SessionSnapshot;
  /** the load that made it (`StepSession.loads`): a notice about that load carries its Undo */
  load: number;
  /** made by Undo itself: Undo again goes back to what was undone */
  undone: boolean;
}

export class Replacements {
  #loads = $state(0);
  #replaced = $state.raw<Replacement | null>(null);

  /** Loads so far, Undo included: a notice names the load it is about. */
  get loads(): number {
    return this.#loads;
  }
  get replaced(): Replacement | null {
    return this.#replaced;
  }
  /** A load was made over `previous`: kept for Undo when `keep`, else the last one kept is forgotten. */
  loaded(previous: SessionSnapshot, keep: boolean): void {
    this.#loads += 1;
    this.#replaced = keep ? { previous, load: this.#loads, undone: false } : null;
  }
  /** Undo: what to bring back; `current` is kept in turn (nothing typed is lost). */
  undo(current: SessionSnapshot): SessionSnapshot | undefined {
    const replaced = this.#replaced;
    if (!replaced) return undefined;
    this.#loads += 1;
    this.#replaced = { previous: current, load: this.#loads, undone: true };
    return replaced.previous;
  }
  forget(): void {
    this.#replaced = null;
  }
}
