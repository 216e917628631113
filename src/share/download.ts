// Files the user keeps: the case (to reload later) and the trace (for a report). Built in the page, no upload.
export function downloadText(fileName: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export function toFileName(title: string | undefined, suffix: string): string {
  const base = (title ?? 'case').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'case';
  return `${base}.${suffix}.json`;
}
