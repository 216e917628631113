// Heavy SVG drawn over a few animation frames instead of in one main-thread task of well over 50 ms.

/**
 * `shown` starts at `step` and rises by `step` each frame until it reaches `total()`; `busy` until then (for
 * aria-busy). Call it while a component initialises: it keeps its own effect.
 */
export function staggered(total: () => number, step = 1): { readonly shown: number; readonly busy: boolean } {
  let shown = $state(step);
  $effect(() => {
    if (shown >= total()) return;
    const frame = requestAnimationFrame(() => (shown += step));
    return () => cancelAnimationFrame(frame);
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
