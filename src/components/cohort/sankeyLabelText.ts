// The text of a Sankey label: its estimated width, wrapped lines, and the short form a name gives in brackets.

/** Width of `text` at `fontSize` px: a generous average for Latin text in the UI font; "…" is about two letters
 * wide and digits (counts) wider than the average letter. */
export const estimateWidth = (text: string, fontSize: number) => widthPerPx(text) * fontSize;

// Label placement asks for the same few hundred lines' widths many thousand times (each box it tries against
// every label placed): each line's width per px of font is worked out once.
const perPx = new Map<string, number>();
function widthPerPx(text: string): number {
  let w = perPx.get(text);
  if (w === undefined) {
    if (perPx.size >= 10_000) perPx.clear();
    perPx.set(text, (w = (text.length + text.split('…').length - 1) * 0.56 + (text.match(/\d/g)?.length ?? 0) * 0.08));
  }
  return w;
}

/** Words wrapped into at most `maxLines` lines of `maxWidth`; the last line ends in … when text is left over. */
export function wrapLabel(
  text: string,
  maxWidth: number,
  fontSize: number,
  maxLines = 2,
): { lines: string[]; shortened: boolean } {
  const perLine = Math.max(3, Math.floor(maxWidth / (fontSize * 0.56)));
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let current = '';
  let i = 0;
  for (; i < words.length; i++) {
    const next = current ? `${current} ${words[i]}` : words[i];
    if (next.length <= perLine) current = next;
    else if (!current) {
      current = words[i];
      lines.push(current.length > perLine ? `${current.slice(0, perLine - 2)}…` : current);
      current = '';
      if (lines.length === maxLines) break;
    } else {
      lines.push(current);
      current = words[i];
      if (lines.length === maxLines) {
        current = '';
        break;
      }
    }
  }
  if (current && lines.length < maxLines) {
    lines.push(current.length > perLine ? `${current.slice(0, perLine - 2)}…` : current);
    i = words.length;
  }
  const shortened = i < words.length || lines.some((l) => l.endsWith('…'));
  if (shortened && !lines[lines.length - 1].endsWith('…')) {
    const last = lines[lines.length - 1];
    lines[lines.length - 1] = `${last.length >= perLine ? last.slice(0, perLine - 2) : last}…`;
  }
  return { lines, shortened };
}

/** The short form a name gives in brackets, with what follows them: "Temporary residence card (A card) #2" →
 * "A card #2"; undefined for a name without one (brackets holding words, "(asylum, durable solution)", are none). */
export function shortForm(name: string): string | undefined {
  const match = /^(?:→\s*)?[^()]+\(([^(),]{1,10})\)(.*)$/.exec(name);
  return match ? `${name.startsWith('→') ? '→ ' : ''}${match[1]}${match[2]}` : undefined;
}
