// CLI edges: `simulate --out` is checked before any child is simulated and written atomically; `case` reads
// the same files the app reads (UTF-8 or UTF-16 with a BOM).
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCENARIOS } from '../../src/scenarios';
import { whyNotWritable, writeFileAtomically } from '../../src/cli/output';
import { cliRunner } from './cliRun';

const { dir, run } = cliRunner('cli-output');

describe('simulate --out', () => {
  it('an unwritable path is refused before the run: clear message, exit 2, no stack trace', () => {
    const r = run('src/cli/simulate.ts', '--cohort', '1000000', '--seed', '1', '--out', join(dir, 'no-such-folder', 'r.json'));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('does not exist; nothing was run');
    // No cohort was run ("N children" is the summary of a run) and no stack trace.
    expect(r.stderr).not.toMatch(/\d children|at .*\.ts:\d+/);
  });
  it('a folder given as the output is refused', () => {
    expect(whyNotWritable(dir)).toBe('is a directory');
  });
  it('writes through a temp file and leaves none behind', () => {
    const target = join(dir, 'atomic.json');
    writeFileSync(target, 'old');
    writeFileAtomically(target, '{"new":true}');
    expect(readFileSync(target, 'utf8')).toBe('{"new":true}');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('case CLI reads files with a byte-order mark', () => {
  const text = JSON.stringify(SCENARIOS[0].case);
  it.each([
    ['UTF-8 BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])],
    ['UTF-16 LE BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])],
  ])('%s', (name, bytes) => {
    const file = join(dir, `${name.replace(/\W/g, '')}.json`);
    writeFileSync(file, bytes);
    const r = run('src/cli/case.ts', file);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).format).toBe('pathway-trace/1');
  });
});
