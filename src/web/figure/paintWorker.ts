/** Starts the worker that paints the figure's canvas (kept alone, so a benchmark's bundler can hand its own). */
export function startPaintWorker(): Worker {
  return new Worker(new URL('./paint.worker.ts', import.meta.url), { type: 'module' });
}
