// Components built by the diagram helper, mounted when their files exist (import.meta.glob returns {} otherwise),
// so the step view works before and after they land. The diagram is needed at once; the panels below the fold
// are loaded when scrolled to (they bring d3 scales and time formats the first view does not need).
import type { Component } from 'svelte';

// Props differ per component; each mount site passes the props its component declares.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyComponent = Component<any>;

type Loader = () => Promise<{ default: AnyComponent }>;

function first(modules: Record<string, unknown>): AnyComponent | undefined {
  const module = Object.values(modules)[0] as { default?: AnyComponent } | undefined;
  return module?.default;
}
function lazy(modules: Record<string, () => Promise<unknown>>): Loader | undefined {
  return Object.values(modules)[0] as Loader | undefined;
}

export const StatechartDiagram = first(import.meta.glob('../diagram/StatechartDiagram.svelte', { eager: true }));
export const loadTimeline = lazy(import.meta.glob('../timeline/Timeline.svelte'));
export const loadConditionsChecklist = lazy(import.meta.glob('../why/ConditionsChecklist.svelte'));
export const loadAgeAxis = lazy(import.meta.glob('../why/AgeAxis.svelte'));
