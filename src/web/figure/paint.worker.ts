/// <reference lib="webworker" />
import { BodyPainter } from './bodyPainter';
import { prepare } from './drawing';
import type { FromPaintWorker, ToPaintWorker } from './paintMessages';

/**
 * Draws and paints the figure's moving body on a canvas handed over from the page (OffscreenCanvas). The page sends
 * the exercise once (this works out the same set-up from it) and then, per frame, only the pose and the parts lit:
 * working out the outlines, parsing, filling and stroking them, and handing the pixels to the screen all happen
 * here, off the page's main thread.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
let body: BodyPainter | null = null;

scope.onmessage = (event: MessageEvent<ToPaintWorker>) => {
  const m = event.data;
  if (m.type === 'start') body = new BodyPainter(m.canvas, prepare(m.source.exercise, m.source.fit), m.view, m.mirrored);
  else body?.apply(m);
};

const ready: FromPaintWorker = { type: 'ready' };
scope.postMessage(ready);
