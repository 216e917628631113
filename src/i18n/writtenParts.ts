// Text in the UI language with some parts kept as written, in English (a citation's notes and abbreviations, a
// legal basis no message translates): the parts are marked lang="en" when drawn (WrittenParts.svelte).

export interface WrittenPart {
  text: string;
  /** kept as written (English): no translation is known for it */
  asWritten: boolean;
}

/** Adds a part, joined to the last one when both are (or both are not) as written; empty text adds nothing. */
export function addPart(parts: WrittenPart[], part: WrittenPart): void {
  if (!part.text) return;
  const last = parts.at(-1);
  if (last && last.asWritten === part.asWritten) last.text += part.text;
  else parts.push({ ...part });
}
