// `npm run simulate` runs as npm → sh → tsx → node. Killed with -9, npm cannot pass the signal on, and the rest
// would run on and write its output. The CLI watches its ancestors up to npm: when one of them is gone (a process
// is re-parented when its parent dies), it stops at once. Linux reads /proc; elsewhere only the direct parent.
import { readFileSync } from 'node:fs';

function parentOf(pid: number): number | undefined {
  try {
    // /proc/<pid>/stat: "pid (comm) state ppid …"; comm may hold spaces or parentheses, so read after the last ')'.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
  }
}
function commandOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return '';
  }
}

/** [child, parent] links from this process up to the npm that started it (or just the direct parent); none: orphaned. */
function ancestry(): [number, number][] | undefined {
  const links: [number, number][] = [[process.pid, process.ppid]];
  let pid = process.ppid;
  for (let depth = 0; depth < 5 && pid > 1; depth++) {
    if (/\bnpm(-cli\.js)?\b/.test(commandOf(pid))) return links;
    const parent = parentOf(pid);
    // Started by `npm run` but npm is gone already (killed while this process was loading): orphaned from the start.
    if (parent === 1 && process.env.npm_lifecycle_event) return undefined;
    if (parent === undefined || parent <= 1) break;
    links.push([pid, parent]);
    pid = parent;
  }
  return links.slice(0, 1);
}

export interface Lifeline {
  /** Exits at once if a watched ancestor has died. */
  check(): void;
  stop(): void;
}

export function watchAncestors(onOrphaned: () => never = () => process.exit(129)): Lifeline {
  const links = ancestry();
  if (!links) onOrphaned();
  let lastCheck = 0;
  const check = () => {
    const now = Date.now();
    if (now - lastCheck < 100) return;
    lastCheck = now;
    if (process.ppid !== links![0][1]) onOrphaned();
    for (const [child, parent] of links!.slice(1)) if (parentOf(child) !== parent) onOrphaned();
  };
  // Between the synchronous parts the event loop checks too (unref: the timer never keeps the CLI alive).
  const timer = setInterval(check, 250);
  timer.unref();
  return { check, stop: () => clearInterval(timer) };
}
