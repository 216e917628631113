// Running the CLIs as a user does (node + tsx, from the repo root), each test file in its own temp folder with
// its own path cache, so files never read each other's cache or outputs.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function cliRunner(prefix: string) {
  const dir = mkdtempSync(join(tmpdir(), `${prefix}-`));
  const env = { ...process.env, COHORT_CACHE_DIR: join(dir, 'cache') };
  const run = (script: string, ...args: string[]): CliResult => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], { encoding: 'utf8', cwd: process.cwd(), env });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  return { dir, env, run, simulate: (...args: string[]) => run('src/cli/simulate.ts', ...args) };
}
