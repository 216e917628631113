// jsdom has no ResizeObserver: charts keep their default width. Imported by component tests that mount charts.
globalThis.ResizeObserver ??= class {
  observe() {}
  disconnect() {}
} as unknown as typeof ResizeObserver;
