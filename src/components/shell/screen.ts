// One threshold for "a short screen" (1024×768 is, 1920×1080 is not): presenter mode folds secondary panels
// there so the step and the diagram keep the height.
export const TALL_SCREEN_PX = 900;

/** True outside a browser (tests rendering without a window): the panels then start open. */
export function isTallScreen(): boolean {
  return typeof window === 'undefined' || window.innerHeight >= TALL_SCREEN_PX;
}
