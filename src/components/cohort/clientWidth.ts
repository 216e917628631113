// What `bind:clientWidth` gives, without its cost: Svelte's binding also reads the width when the element is
// mounted, which forces a synchronous layout of the whole page in the middle of rendering a run's results.
// A ResizeObserver reports after the browser's own layout, still before that frame is painted.
import type { Attachment } from 'svelte/attachments';

/** Attach with `{@attach clientWidth((w) => (width = w))}`: calls `set` with the element's clientWidth. */
export function clientWidth(set: (width: number) => void): Attachment<HTMLElement> {
  return (element) => {
    const observer = new ResizeObserver(() => set(element.clientWidth));
    observer.observe(element);
    return () => observer.disconnect();
  };
}
