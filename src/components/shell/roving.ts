// One tab stop for a chart of many clickable marks (WAI-ARIA "roving tabindex"): Tab enters the chart on one
// mark, the arrow keys move between marks, Home/End jump to the ends. Without it a cohort chart added one tab
// stop per bar and per flow (about a hundred). Used with {@attach rovingFocus()} on the chart's root.
const KEYS: Record<string, number> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };

export function rovingFocus(selector = '[role="button"]:not([aria-disabled="true"])') {
  return (root: Element) => {
    let current: Element | null = null;
    const items = () => [...root.querySelectorAll(selector)];
    const sync = () => {
      const list = items();
      if (!current || !list.includes(current)) current = list[0] ?? null;
      for (const el of list) {
        const want = el === current ? '0' : '-1';
        if (el.getAttribute('tabindex') !== want) el.setAttribute('tabindex', want);
      }
    };
    const onkeydown = (event: Event) => {
      const key = (event as KeyboardEvent).key;
      const list = items();
      const at = list.indexOf(event.target as Element);
      if (at < 0) return;
      const next = key === 'Home' ? 0 : key === 'End' ? list.length - 1 : key in KEYS ? (at + KEYS[key] + list.length) % list.length : -1;
      if (next < 0) return;
      event.preventDefault();
      current = list[next];
      sync();
      (current as HTMLElement).focus();
    };
    const onfocusin = (event: Event) => {
      if (items().includes(event.target as Element)) {
        current = event.target as Element;
        sync();
      }
    };
    sync();
    // Marks come and go with each run: keep exactly one of them in the tab order.
    const observer = new MutationObserver(sync);
    observer.observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ['tabindex', 'aria-disabled'] });
    root.addEventListener('keydown', onkeydown);
    root.addEventListener('focusin', onfocusin);
    return () => {
      observer.disconnect();
      root.removeEventListener('keydown', onkeydown);
      root.removeEventListener('focusin', onfocusin);
    };
  };
}
