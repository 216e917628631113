// Turning what the user typed into case-file values: an empty box means "not given", never 0.
export function toOptionalNumber(text: string): number | undefined {
  if (text.trim() === '') return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : Number.NaN;
}
