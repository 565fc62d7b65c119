/**
 * Performance marks the pane leaves on the page's timeline, so the benchmark (and anyone profiling the
 * pane in the browser's developer tools) can see how long the document took from read to outline.
 */
export const MARKS = {
  /** The host's read resolved with a snapshot. */
  snapshotRead: 'amend:snapshot-read',
  /** The engine finished checking that snapshot. */
  checked: 'amend:checked',
  /** The Outline tab first painted the outline of the current result (its first items). */
  outlineShown: 'amend:outline-shown',
  /** The Outline tab painted every item of that outline. */
  outlineComplete: 'amend:outline-complete',
} as const;

export type MarkName = (typeof MARKS)[keyof typeof MARKS];

/** Leaves a mark where the User Timing API exists (browsers, jsdom); elsewhere does nothing. */
export function mark(name: MarkName): void {
  if (typeof performance !== 'undefined' && typeof performance.mark === 'function') performance.mark(name);
}

/**
 * Calls `done` once the browser has painted what was just committed: a frame callback runs before the
 * next paint, and a task queued from it runs after that paint. Returns a cancel function.
 */
export function afterPaint(done: () => void): () => void {
  let cancelled = false;
  const run = () => {
    if (!cancelled) done();
  };
  if (typeof requestAnimationFrame !== 'function') {
    const timer = setTimeout(run, 0);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }
  const frame = requestAnimationFrame(() => setTimeout(run, 0));
  return () => {
    cancelled = true;
    cancelAnimationFrame(frame);
  };
}
