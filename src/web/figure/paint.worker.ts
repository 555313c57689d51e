/// <reference lib="webworker" />
import { CanvasPainter } from './canvas';
import { applyPaintMessage, type FromPaintWorker, type ToPaintWorker } from './paintMessages';

/**
 * Paints the figure's body on a canvas handed over from the page (OffscreenCanvas): the page works out the
 * outlines and posts them; parsing, filling and stroking them, and handing the pixels to the screen, happen here,
 * off the page's main thread.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
let painter: CanvasPainter | null = null;

scope.onmessage = (event: MessageEvent<ToPaintWorker>) => {
  const m = event.data;
  if (m.type === 'start') painter = new CanvasPainter(m.canvas, m.view, m.mirrored);
  else if (painter) applyPaintMessage(painter, m);
};

const ready: FromPaintWorker = { type: 'ready' };
scope.postMessage(ready);
