// Heavy drawing spread over animation frames, one piece a frame: every requestAnimationFrame callback of a frame
// runs in one main-thread task, so two pieces queued separately for the same frame would add up again.

const queue: (() => void)[] = [];
let frame = 0;

/** Runs `job` in a later frame, after the jobs queued before it, one job a frame; returns a cancel. */
export function inLaterFrame(job: () => void): () => void {
  queue.push(job);
  if (!frame) frame = requestAnimationFrame(runOne);
  return () => {
    const at = queue.indexOf(job);
    if (at >= 0) queue.splice(at, 1);
  };
}

function runOne() {
  frame = 0;
  queue.shift()?.();
  if (queue.length && !frame) frame = requestAnimationFrame(runOne);
}

/**
 * `shown` starts at `first` and rises by `step` a frame (through inLaterFrame) until it reaches `total()`; `busy`
 * until then (for aria-busy). Call it while a component initialises: it keeps its own effect.
 */
export function staggered(total: () => number, step = 1, first = step): { readonly shown: number; readonly busy: boolean } {
  let shown = $state(first);
  $effect(() => {
    if (shown >= total()) return;
    return inLaterFrame(() => (shown += step));
  });
  return {
    get shown() {
      return shown;
    },
    get busy() {
      return shown < total();
    },
  };
}
