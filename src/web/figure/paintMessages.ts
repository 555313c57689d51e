import type { CanvasPainter, Palette, ViewBox } from './canvas';
import type { Shape } from './drawing';

/** What the page tells the figure's painter: once the canvas itself, then colours, size, mirroring and frames. */
export type PaintMessage =
  | { type: 'palette'; palette: Palette }
  | { type: 'mirror'; mirrored: boolean }
  | { type: 'resize'; width: number; height: number; dpr: number }
  | { type: 'paint'; shapes: readonly Shape[] };

export type ToPaintWorker = { type: 'start'; canvas: OffscreenCanvas; view: ViewBox; mirrored: boolean } | PaintMessage;

/** The worker's one word back: it has loaded and can take the canvas. */
export type FromPaintWorker = { type: 'ready' };

/** Carries out a message on a painter: the same on the page and in the worker. */
export function applyPaintMessage(painter: CanvasPainter, m: PaintMessage): void {
  if (m.type === 'palette') painter.setPalette(m.palette);
  else if (m.type === 'mirror') painter.setMirrored(m.mirrored);
  else if (m.type === 'resize') painter.resize(m.width, m.height, m.dpr);
  else painter.paint(m.shapes);
}
