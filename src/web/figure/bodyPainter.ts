import { CanvasPainter, type PaintSurface, type ViewBox } from './canvas';
import { BodyDrawer, type Prepared } from './drawing';
import type { PaintMessage } from './paintMessages';

/**
 * The moving body on a canvas: for each pose it works out the body's outlines (`BodyDrawer`) and paints them
 * (`CanvasPainter`). The paint worker keeps one, set up from the exercise it is sent; the page keeps one where it
 * paints the canvas itself. Either way the same code draws the same frame.
 */
export class BodyPainter {
  private readonly drawer: BodyDrawer;
  private readonly painter: CanvasPainter;

  constructor(surface: PaintSurface, prepared: Prepared, view: ViewBox, mirrored: boolean, toPath?: (d: string) => Path2D) {
    this.drawer = new BodyDrawer(prepared);
    this.painter = new CanvasPainter(surface, view, mirrored, toPath);
  }

  apply(m: PaintMessage): void {
    if (m.type === 'palette') this.painter.setPalette(m.palette);
    else if (m.type === 'mirror') this.painter.setMirrored(m.mirrored);
    else if (m.type === 'resize') this.painter.resize(m.width, m.height, m.dpr);
    else this.painter.paint(this.drawer.draw(m.pose, m.lit));
  }
}

/** Asks for a callback on the next display frame (a worker's requestAnimationFrame). */
export type NextFrame = (draw: () => void) => unknown;

/**
 * Hands messages to a painter, a pose on the next display frame where there are frames: of poses that come faster
 * than the screen shows them, only the latest is drawn. Colours, size and side are applied at once (each redraws the
 * last pose drawn). Without frames each pose is drawn as it comes.
 */
export function paintOnFrames(body: () => BodyPainter | null, nextFrame: NextFrame | null): (m: PaintMessage) => void {
  let pending: PaintMessage | null = null;
  const drawPending = () => {
    const m = pending;
    pending = null;
    if (m) body()?.apply(m);
  };
  return (m) => {
    if (m.type !== 'pose' || !nextFrame) {
      body()?.apply(m);
      return;
    }
    if (!pending) nextFrame(drawPending);
    pending = m;
  };
}
