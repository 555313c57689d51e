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
