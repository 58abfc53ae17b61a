// jsdom has no layout, so it lacks ResizeObserver (Fluent's MessageBar observes its own width to
// reflow its actions); without layout there is never a resize to report.
class NoLayoutResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
if (typeof window !== 'undefined' && !('ResizeObserver' in window)) {
  Object.assign(window, { ResizeObserver: NoLayoutResizeObserver });
}
export {};
