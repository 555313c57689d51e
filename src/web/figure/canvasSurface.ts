import type { Pose } from '../../core/exercises/types';
import type { BodyPart } from '../../core/pose/body';
import { BodyPainter } from './bodyPainter';
import type { Palette, ViewBox } from './canvas';
import type { Prepared } from './drawing';
import type { FromPaintWorker, PaintMessage, ToPaintWorker } from './paintMessages';
import { startPaintWorker } from './paintWorker';

/** Where a figure's canvas is painted: in a worker (off the main thread), or on the page when that is not there. */
export type PaintedIn = 'worker' | 'page';

/**
 * The moving body's canvas, drawn and painted in a worker where the browser can hand a canvas to one
 * (OffscreenCanvas), on the page otherwise. The worker is sent the exercise once and then only each frame's pose and
 * lit parts. Until it has loaded, the latest colours, size and pose are kept and handed over then; a worker that
 * fails to load leaves the canvas to the page, so the figure is drawn either way.
 */
export class BodyCanvas {
  private send: ((m: PaintMessage) => void) | null = null;
  private worker: Worker | null = null;
  private readonly latest: { palette?: Palette; mirrored: boolean; size?: { width: number; height: number; dpr: number }; frame?: { pose: Pose; lit: BodyPart[] } };
  private where: PaintedIn = 'page';

  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly prepared: Prepared,
    private readonly view: ViewBox,
    mirrored: boolean,
    where: PaintedIn = 'worker',
  ) {
    this.latest = { mirrored };
    if (where === 'worker' && typeof Worker !== 'undefined' && typeof canvas.transferControlToOffscreen === 'function') this.startWorker();
    else this.paintOnPage();
  }

  private startWorker(): void {
    let worker: Worker;
    try {
      worker = startPaintWorker();
    } catch {
      this.paintOnPage();
      return;
    }
    this.worker = worker;
    worker.onmessage = (event: MessageEvent<FromPaintWorker>) => {
      if (event.data.type !== 'ready' || this.send || this.worker !== worker) return;
      let offscreen: OffscreenCanvas;
      try {
        offscreen = this.canvas.transferControlToOffscreen();
      } catch {
        this.stopWorker();
        this.paintOnPage();
        return;
      }
      const start: ToPaintWorker = { type: 'start', canvas: offscreen, view: this.view, mirrored: this.latest.mirrored, source: this.prepared.source };
      worker.postMessage(start, [offscreen]);
      this.hand('worker', (m) => worker.postMessage(m));
    };
    worker.onerror = () => {
      if (this.send || this.worker !== worker) return;
      this.stopWorker();
      this.paintOnPage();
    };
  }

  private paintOnPage(): void {
    const body = new BodyPainter(this.canvas, this.prepared, this.view, this.latest.mirrored);
    this.hand('page', (m) => body.apply(m));
  }

  /** From now on messages go to `send`; what was kept while waiting goes first. */
  private hand(where: PaintedIn, send: (m: PaintMessage) => void): void {
    this.send = send;
    this.where = where;
    // Written on the canvas, so a browser test can tell which way this browser took.
    this.canvas.dataset.paintedIn = where;
    const { palette, mirrored, size, frame } = this.latest;
    send({ type: 'mirror', mirrored });
    if (palette) send({ type: 'palette', palette });
    if (size) send({ type: 'resize', ...size });
    if (frame) send({ type: 'pose', ...frame });
    this.latest.frame = undefined;
  }

  private stopWorker(): void {
    this.worker?.terminate();
    this.worker = null;
  }

  /** Where the canvas is painted; 'page' too while the worker is loading. */
  get paintedIn(): PaintedIn {
    return this.where;
  }

  setPalette(palette: Palette): void {
    this.latest.palette = palette;
    this.send?.({ type: 'palette', palette });
  }

  setMirrored(mirrored: boolean): void {
    this.latest.mirrored = mirrored;
    this.send?.({ type: 'mirror', mirrored });
  }

  resize(width: number, height: number, dpr: number): void {
    this.latest.size = { width, height, dpr };
    this.send?.({ type: 'resize', width, height, dpr });
  }

  /** Draws the body in a pose with these parts lit (read now: kept as a copy while the worker loads). */
  paint(pose: Pose, lit: readonly BodyPart[]): void {
    if (this.send) this.send({ type: 'pose', pose, lit });
    else this.latest.frame = { pose: { ...pose }, lit: [...lit] };
  }

  close(): void {
    this.stopWorker();
    this.send = null;
  }
}
