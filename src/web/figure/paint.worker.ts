/// <reference lib="webworker" />
import { BodyPainter, paintOnFrames } from './bodyPainter';
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

// Where the worker has display frames, a pose is drawn on the next one (only the latest, if more came).
const nextFrame = typeof scope.requestAnimationFrame === 'function' ? scope.requestAnimationFrame.bind(scope) : null;
const paint = paintOnFrames(() => body, nextFrame);

scope.onmessage = (event: MessageEvent<ToPaintWorker>) => {
  const m = event.data;
  if (m.type === 'start') body = new BodyPainter(m.canvas, prepare(m.source.exercise, m.source.fit), m.view, m.mirrored);
  else paint(m);
};

const ready: FromPaintWorker = { type: 'ready' };
scope.postMessage(ready);
