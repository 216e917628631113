// CLI output files: checked before any work is done (a bad --out must not cost a whole cohort run), and
// written atomically (a temp file beside the target, then rename), so a reader never sees half a file.
import { closeSync, openSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

const tempPath = (path: string) => join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);

/** Why `path` cannot be written, or null when it can (probed by creating and removing a temp file there). */
export function whyNotWritable(path: string): string | null {
  const target = resolve(path);
  try {
    if (statSync(target).isDirectory()) return 'is a directory';
  } catch {
    // Does not exist yet: fine, its folder is probed below.
  }
  const probe = tempPath(target);
  try {
    closeSync(openSync(probe, 'wx'));
    rmSync(probe, { force: true });
    return null;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return `the folder ${dirname(target)} does not exist`;
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return `no permission to write in ${dirname(target)}`;
    return `cannot write there (${code ?? (error as Error).message})`;
  }
}

export function writeFileAtomically(path: string, text: string): void {
  const target = resolve(path);
  const temp = tempPath(target);
  try {
    writeFileSync(temp, text);
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
