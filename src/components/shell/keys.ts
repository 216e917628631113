// Keyboard shortcuts must not fire while the user types in a form field.
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return !['checkbox', 'radio', 'button', 'range'].includes(target.type);
  return false;
}

export const SHORTCUTS = [
  { keys: ['Space', '→'], action: 'next' },
  { keys: ['←'], action: 'back' },
  { keys: ['P'], action: 'play' },
  { keys: ['?'], action: 'help' },
  { keys: ['Esc'], action: 'close' },
] as const;
