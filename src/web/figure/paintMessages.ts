import type { Pose } from '../../core/exercises/types';
import type { BodyPart } from '../../core/pose/body';
import type { Palette, ViewBox } from './canvas';
import type { FigureSource } from './drawing';

/**
 * What the page tells the moving body's painter: once the canvas and the exercise, then colours, size, mirroring,
 * and for each frame that shows something new only the pose and the parts lit (a few dozen numbers).
 */
export type PaintMessage =
  | { type: 'palette'; palette: Palette }
  | { type: 'mirror'; mirrored: boolean }
  | { type: 'resize'; width: number; height: number; dpr: number }
  | { type: 'pose'; pose: Pose; lit: readonly BodyPart[] };

/** The first message: the canvas, its view, and the exercise the worker works the figure's set-up out from. */
export type StartPainting = { type: 'start'; canvas: OffscreenCanvas; view: ViewBox; mirrored: boolean; source: FigureSource };

export type ToPaintWorker = StartPainting | PaintMessage;

/** The worker's one word back: it has loaded and can take the canvas. */
export type FromPaintWorker = { type: 'ready' };
