// Presenter mode as the page shows it (App toggles the `presenter` class on the root), readable reactively by
// a component deep in a lazily mounted view without a prop through every layer.
import { createSubscriber } from 'svelte/reactivity';

const subscribe = createSubscriber((update) => {
  if (typeof MutationObserver === 'undefined') return;
  const observer = new MutationObserver(update);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['class'] });
  return () => observer.disconnect();
});

export function isPresenterMode(): boolean {
  subscribe();
  return typeof document !== 'undefined' && document.documentElement.classList.contains('presenter');
}
