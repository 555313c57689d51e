import type { Shape, ShapeClass } from './drawing';

/**
 * Paints the moving figure into a <canvas> instead of rewriting SVG paths: a browser given new path outlines has to
 * parse them, restyle, re-lay and re-paint the SVG on every display frame, which on a slow phone costs more than the
 * frame has. A canvas is drawn straight from the outlines (Path2D) with colours read once from the fig-* classes, so
 * the stylesheet stays the one place the figure's look is set, in both themes.
 */

/** How a shape class is painted, as the stylesheet says (SVG's fill, then stroke). */
export interface PaintStyle {
  fill: string | null;
  fillOpacity: number;
  stroke: string | null;
  strokeOpacity: number;
  strokeWidth: number;
  dash: number[];
  lineJoin: CanvasLineJoin;
  lineCap: CanvasLineCap;
}

export type Palette = Record<ShapeClass, PaintStyle>;

/** The computed SVG paint properties of one element, as getComputedStyle gives them. */
export interface ComputedPaint {
  fill: string;
  fillOpacity: string;
  stroke: string;
  strokeOpacity: string;
  strokeWidth: string;
  strokeDasharray: string;
  strokeLinejoin: string;
  strokeLinecap: string;
}

/** Every shape class, so a palette read from the stylesheet has them all (the compiler checks none is missing). */
const EVERY_CLASS: Record<ShapeClass, true> = {
  near: true,
  far: true,
  body: true,
  pelvis: true,
  moving: true,
  'moving-far': true,
  face: true,
  hair: true,
  prop: true,
  'prop-near': true,
  'prop-soft': true,
  strap: true,
  floor: true,
  mat: true,
  bed: true,
  breath: true,
  trail: true,
  arrow: true,
};
export const SHAPE_CLASSES = Object.keys(EVERY_CLASS) as ShapeClass[];

const JOINS: readonly CanvasLineJoin[] = ['round', 'bevel', 'miter'];
const CAPS: readonly CanvasLineCap[] = ['round', 'square', 'butt'];

const paint = (value: string): string | null => {
  const v = value.trim();
  // A paint server (url(#…)) cannot be drawn on a canvas; the figure's classes use plain colours.
  return v === '' || v === 'none' || v.startsWith('url(') ? null : v;
};
const opacity = (value: string): number => {
  const n = Number.parseFloat(value);
  return Number.isFinite(n) ? Math.min(1, Math.max(0, n)) : 1;
};
const length = (value: string): number => {
  const n = Number.parseFloat(value);
  return Number.isFinite(n) && n > 0 ? n : 0;
};

/** A class's paint from its computed style: colours as given, lengths in drawing units ("0.6px" is 0.6). */
export function paintStyleOf(c: ComputedPaint): PaintStyle {
  const dash = c.strokeDasharray.trim() === 'none' ? [] : c.strokeDasharray.split(/[\s,]+/).filter(Boolean).map(length);
  return {
    fill: paint(c.fill),
    fillOpacity: opacity(c.fillOpacity),
    stroke: paint(c.stroke),
    strokeOpacity: opacity(c.strokeOpacity),
    strokeWidth: length(c.strokeWidth),
    // SVG draws a dash list of only zeros as a solid line; so does an empty list on a canvas.
    dash: dash.some((d) => d > 0) ? dash : [],
    lineJoin: JOINS.find((j) => j === c.strokeLinejoin.trim()) ?? 'miter',
    lineCap: CAPS.find((j) => j === c.strokeLinecap.trim()) ?? 'butt',
  };
}

/** The part of the drawing a figure shows: an SVG viewBox. */
export interface ViewBox {
  minX: number;
  minY: number;
  width: number;
  height: number;
}

/** A 2D affine transform as canvas's setTransform takes it: x' = a·x + c·y + e, y' = b·x + d·y + f. */
export interface Matrix {
  a: number;
  b: number;
  c: number;
  d: number;
  e: number;
  f: number;
}

/**
 * Where drawing units land in a box of `width` × `height` CSS pixels, framed as the SVG frames them
 * (preserveAspectRatio="xMidYMax meet": the whole view, as large as fits, centred across and standing on the
 * bottom edge), mirrored left to right about the view's middle when asked, so a canvas lines up with the SVG
 * layers drawn under and over it.
 */
export function viewTransform(box: { width: number; height: number }, view: ViewBox, mirrored: boolean): Matrix {
  const s = view.width > 0 && view.height > 0 ? Math.min(box.width / view.width, box.height / view.height) : 0;
  const left = (box.width - view.width * s) / 2;
  const top = box.height - view.height * s;
  return mirrored
    ? { a: -s, b: 0, c: 0, d: s, e: left + (view.minX + view.width) * s, f: top - view.minY * s }
    : { a: s, b: 0, c: 0, d: s, e: left - view.minX * s, f: top - view.minY * s };
}

/** The canvas's own pixels for a box of CSS pixels on a screen of `dpr` device pixels each: one per device pixel. */
export function backingSize(box: { width: number; height: number }, dpr: number): { width: number; height: number } {
  const ratio = Number.isFinite(dpr) && dpr > 0 ? dpr : 1;
  return { width: Math.max(0, Math.round(box.width * ratio)), height: Math.max(0, Math.round(box.height * ratio)) };
}

/** What the painter draws on: the parts of CanvasRenderingContext2D it uses (a test passes a recorder). */
export type PaintContext = Pick<
  CanvasRenderingContext2D,
  'setTransform' | 'clearRect' | 'fill' | 'stroke' | 'setLineDash' | 'fillStyle' | 'strokeStyle' | 'lineWidth' | 'lineJoin' | 'lineCap' | 'globalAlpha'
>;

/** The surface the painter owns: its size in pixels, and its drawing context. */
export interface PaintSurface {
  width: number;
  height: number;
  getContext(kind: '2d'): PaintContext | null;
}

/**
 * Draws shapes onto a canvas, for an animation. An outline that did not change keeps its parsed Path2D; a frame
 * clears the canvas and fills and strokes each shape, far first, in its class's paint. Nothing is read from the
 * DOM: the size comes from `resize` (a ResizeObserver) and the colours from `setPalette`.
 */
export class CanvasPainter {
  private readonly paths: Path2D[] = [];
  private readonly ds: string[] = [];
  private readonly classes: ShapeClass[] = [];
  private palette: Palette | null = null;
  private box = { width: 0, height: 0 };
  private dpr = 1;
  private context: PaintContext | null = null;

  constructor(
    private readonly canvas: PaintSurface,
    private readonly view: ViewBox,
    private mirrored = false,
    private readonly toPath: (d: string) => Path2D = (d) => new Path2D(d),
  ) {}

  /** New colours (a theme change): the last frame is drawn again in them. */
  setPalette(palette: Palette): void {
    this.palette = palette;
    this.draw();
  }

  setMirrored(mirrored: boolean): void {
    if (mirrored === this.mirrored) return;
    this.mirrored = mirrored;
    this.draw();
  }

  /** The canvas's CSS size and the screen's pixel ratio; a change sizes its pixels anew and draws the last frame. */
  resize(width: number, height: number, dpr: number): void {
    const pixels = backingSize({ width, height }, dpr);
    this.box = { width, height };
    this.dpr = pixels.width > 0 && width > 0 ? pixels.width / width : 1;
    // Setting a canvas's size clears it, even to the same value: only when it changed.
    if (this.canvas.width !== pixels.width) this.canvas.width = pixels.width;
    if (this.canvas.height !== pixels.height) this.canvas.height = pixels.height;
    this.draw();
  }

  paint(shapes: readonly Shape[]): void {
    for (let i = 0; i < shapes.length; i++) {
      const s = shapes[i] as Shape;
      if (this.ds[i] !== s.d) {
        this.paths[i] = this.toPath(s.d);
        this.ds[i] = s.d;
      }
      this.classes[i] = s.cls;
    }
    this.paths.length = shapes.length;
    this.ds.length = shapes.length;
    this.classes.length = shapes.length;
    this.draw();
  }

  private draw(): void {
    const { canvas, palette } = this;
    if (!palette || canvas.width === 0 || canvas.height === 0) return;
    this.context ??= canvas.getContext('2d');
    const ctx = this.context;
    if (!ctx) return;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    const m = viewTransform(this.box, this.view, this.mirrored);
    const k = this.dpr;
    ctx.setTransform(m.a * k, m.b * k, m.c * k, m.d * k, m.e * k, m.f * k);
    for (let i = 0; i < this.paths.length; i++) {
      const path = this.paths[i] as Path2D;
      const style = palette[this.classes[i] as ShapeClass];
      if (style.fill) {
        ctx.globalAlpha = style.fillOpacity;
        ctx.fillStyle = style.fill;
        ctx.fill(path);
      }
      if (style.stroke && style.strokeWidth > 0) {
        ctx.globalAlpha = style.strokeOpacity;
        ctx.strokeStyle = style.stroke;
        ctx.lineWidth = style.strokeWidth;
        ctx.lineJoin = style.lineJoin;
        ctx.lineCap = style.lineCap;
        ctx.setLineDash(style.dash);
        ctx.stroke(path);
      }
    }
    ctx.globalAlpha = 1;
  }
}

const SVG = 'http://www.w3.org/2000/svg';

/**
 * Each shape class's paint, read from the stylesheet: a path of each class is put in `host` (an SVG of the
 * figure, so the figure's own rules apply), all are read in one style pass, and taken out again.
 */
export function readPalette(host: SVGSVGElement): Palette {
  const doc = host.ownerDocument;
  const view = doc.defaultView;
  const probe = doc.createElementNS(SVG, 'g');
  probe.setAttribute('visibility', 'hidden');
  const probes = SHAPE_CLASSES.map((cls) => {
    const path = doc.createElementNS(SVG, 'path');
    path.setAttribute('class', `fig-${cls}`);
    probe.appendChild(path);
    return path;
  });
  host.appendChild(probe);
  const palette = {} as Palette;
  SHAPE_CLASSES.forEach((cls, i) => {
    const c = view?.getComputedStyle(probes[i] as SVGPathElement);
    palette[cls] = paintStyleOf({
      fill: c?.fill ?? 'none',
      fillOpacity: c?.fillOpacity ?? '1',
      stroke: c?.stroke ?? 'none',
      strokeOpacity: c?.strokeOpacity ?? '1',
      strokeWidth: c?.strokeWidth ?? '0',
      strokeDasharray: c?.strokeDasharray ?? 'none',
      strokeLinejoin: c?.strokeLinejoin ?? 'miter',
      strokeLinecap: c?.strokeLinecap ?? 'butt',
    });
  });
  probe.remove();
  return palette;
}
