// Components built by the diagram helper, mounted when their files exist (import.meta.glob returns {} otherwise),
// so the step view works before and after they land.
import type { Component } from 'svelte';

function first(modules: Record<string, unknown>): Component<any> | undefined {
  const module = Object.values(modules)[0] as { default?: Component<any> } | undefined;
  return module?.default;
}

export const StatechartDiagram = first(import.meta.glob('../diagram/StatechartDiagram.svelte', { eager: true }));
export const Timeline = first(import.meta.glob('../timeline/Timeline.svelte', { eager: true }));
export const ConditionsChecklist = first(import.meta.glob('../why/ConditionsChecklist.svelte', { eager: true }));
export const AgeAxis = first(import.meta.glob('../why/AgeAxis.svelte', { eager: true }));
