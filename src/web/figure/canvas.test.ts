// This test runs in Node and reads the stylesheet as text (Vitest does not load CSS); nothing here reaches the browser.
// eslint-disable-next-line no-restricted-imports
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exerciseById } from '../../core/exercises';
import { backingSize, CanvasPainter, paintStyleOf, SHAPE_CLASSES, viewTransform, type ComputedPaint, type Matrix, type Palette, type PaintContext, type PaintSurface, type PaintStyle } from './canvas';
import { BodyDrawer, litAt, prepare, type Shape } from './drawing';

const computed = (over: Partial<ComputedPaint> = {}): ComputedPaint => ({
  fill: 'rgb(31, 95, 99)',
  fillOpacity: '1',
  stroke: 'rgb(255, 255, 255)',
  strokeOpacity: '1',
  strokeWidth: '0.6px',
  strokeDasharray: 'none',
  strokeLinejoin: 'round',
  strokeLinecap: 'round',
  ...over,
});

/** Where a point lands, to a thousandth of a pixel. */
const apply = (m: Matrix, x: number, y: number) => ({ x: Math.round((m.a * x + m.c * y + m.e) * 1000) / 1000, y: Math.round((m.b * x + m.d * y + m.f) * 1000) / 1000 });

describe('the canvas figure: paint read from the stylesheet', () => {
  it('takes colours as given, lengths in drawing units, and "none" as nothing to paint', () => {
    expect(paintStyleOf(computed())).toEqual({
      fill: 'rgb(31, 95, 99)',
      fillOpacity: 1,
      stroke: 'rgb(255, 255, 255)',
      strokeOpacity: 1,
      strokeWidth: 0.6,
      dash: [],
      lineJoin: 'round',
      lineCap: 'round',
    });
    const trail = paintStyleOf(computed({ fill: 'none', strokeOpacity: '0.55', strokeWidth: '0.8px', strokeDasharray: '1.6px, 2.2px', strokeLinejoin: 'miter', strokeLinecap: 'butt' }));
    expect(trail).toMatchObject({ fill: null, strokeOpacity: 0.55, strokeWidth: 0.8, dash: [1.6, 2.2], lineJoin: 'miter', lineCap: 'butt' });
    expect(paintStyleOf(computed({ stroke: 'none', fillOpacity: '0.55' }))).toMatchObject({ stroke: null, fillOpacity: 0.55 });
  });

  it('keeps odd values from breaking a frame: no paint servers, opacity within 0–1, a zero dash list drawn solid', () => {
    const odd = paintStyleOf(computed({ fill: 'url("#grad")', fillOpacity: '3', strokeOpacity: 'oops', strokeWidth: '', strokeDasharray: '0px, 0px', strokeLinejoin: 'arcs' }));
    expect(odd).toMatchObject({ fill: null, fillOpacity: 1, strokeOpacity: 1, strokeWidth: 0, dash: [], lineJoin: 'miter' });
  });

  it('knows every shape class the stylesheet gives a rule, and no other', () => {
    const css = fs.readFileSync('src/web/styles.css', 'utf8');
    const styled = new Set([...css.matchAll(/\.fig-([a-z-]+)\b/g)].map((m) => m[1]));
    expect(new Set(SHAPE_CLASSES)).toEqual(styled);
  });
});

describe('the canvas figure: framing like the SVG', () => {
  const view = { minX: -40, minY: -90, width: 120, height: 60 };

  it('fits the whole view, centred across and standing on the bottom (xMidYMax meet)', () => {
    // A box wider than the view: the view fills the height, centred across.
    const wide = viewTransform({ width: 400, height: 100 }, view, false);
    expect(apply(wide, -40, -90)).toEqual({ x: 100, y: 0 });
    expect(apply(wide, 80, -30)).toEqual({ x: 300, y: 100 });
    // A box taller than the view: the view fills the width and stands on the bottom edge.
    const tall = viewTransform({ width: 240, height: 300 }, view, false);
    expect(apply(tall, -40, -30)).toEqual({ x: 0, y: 300 });
    expect(apply(tall, 80, -90)).toEqual({ x: 240, y: 180 });
  });

  it('mirrors about the middle of the view, as the SVG group’s flip does', () => {
    const box = { width: 400, height: 100 };
    const plain = viewTransform(box, view, false);
    const mirrored = viewTransform(box, view, true);
    // The SVG's flip: x → 2·minX + width − x, then the same framing.
    for (const [x, y] of [
      [-40, -90],
      [0, -50],
      [80, -30],
    ] as const) {
      expect(apply(mirrored, x, y)).toEqual(apply(plain, 2 * view.minX + view.width - x, y));
    }
  });

  it('draws nothing in an empty view or box rather than dividing by zero', () => {
    const m = viewTransform({ width: 0, height: 0 }, view, false);
    expect([m.a, m.d, m.e, m.f].every(Number.isFinite)).toBe(true);
    expect(viewTransform({ width: 100, height: 100 }, { ...view, width: 0 }, false).a).toBe(0);
  });

  it('has one canvas pixel per device pixel', () => {
    expect(backingSize({ width: 336, height: 140.4 }, 2)).toEqual({ width: 672, height: 281 });
    expect(backingSize({ width: 380, height: 158 }, 1)).toEqual({ width: 380, height: 158 });
    expect(backingSize({ width: 100, height: 50 }, Number.NaN)).toEqual({ width: 100, height: 50 });
    expect(backingSize({ width: 100, height: 50 }, 2.625)).toEqual({ width: 263, height: 131 });
  });
});

/** A 2D context that writes down what is drawn. */
function recorder() {
  const calls: string[] = [];
  const state = { fillStyle: '', strokeStyle: '', lineWidth: 1, lineJoin: 'miter', lineCap: 'butt', globalAlpha: 1 };
  const ctx = {
    ...state,
    setTransform: (...m: number[]) => void calls.push(`transform ${m.map((n) => Math.round(n * 100) / 100).join(',')}`),
    clearRect: (...r: number[]) => void calls.push(`clear ${r.join(',')}`),
    fill: (p: { d: string }) => void calls.push(`fill|${p.d}|${ctx.fillStyle} ${ctx.globalAlpha}`),
    stroke: (p: { d: string }) => void calls.push(`stroke|${p.d}|${ctx.strokeStyle} ${ctx.lineWidth} ${ctx.globalAlpha} ${ctx.lineJoin}`),
    setLineDash: (d: number[]) => void calls.push(`dash ${d.join(',')}`),
  };
  const surface = { width: 0, height: 0, getContext: () => ctx as unknown as PaintContext } satisfies PaintSurface;
  return { calls, surface };
}

const solid = (fill: string | null, stroke: string | null = null, over: Partial<PaintStyle> = {}): PaintStyle => ({
  fill,
  fillOpacity: 1,
  stroke,
  strokeOpacity: 1,
  strokeWidth: stroke ? 0.6 : 0,
  dash: [],
  lineJoin: 'round',
  lineCap: 'round',
  ...over,
});
const palette = (colour: string): Palette => {
  const p = {} as Palette;
  for (const cls of SHAPE_CLASSES) p[cls] = solid(colour, '#fff');
  p.breath = solid(null, colour, { strokeOpacity: 0.7, strokeWidth: 0.8 });
  return p;
};

describe('the canvas painter', () => {
  const view = { minX: 0, minY: 0, width: 100, height: 50 };
  const shapes: Shape[] = [
    { d: 'M0,0L10,0L10,10Z', cls: 'near', depth: 0 },
    { d: 'M5,5a1,1 0 1,0 2,0', cls: 'breath', depth: 1 },
  ];
  const made: string[] = [];
  const toPath = (d: string) => {
    made.push(d);
    return { d } as unknown as Path2D;
  };

  it('draws each shape far first, fill then stroke in its class’s paint, framed for the device pixels', () => {
    const { calls, surface } = recorder();
    const painter = new CanvasPainter(surface, view, false, toPath);
    painter.setPalette(palette('#123'));
    painter.resize(200, 100, 2);
    expect(surface).toMatchObject({ width: 400, height: 200 });
    calls.length = 0;
    painter.paint(shapes);
    expect(calls).toEqual([
      'transform 1,0,0,1,0,0',
      'clear 0,0,400,200',
      'transform 4,0,0,4,0,0',
      'fill|M0,0L10,0L10,10Z|#123 1',
      'dash ',
      'stroke|M0,0L10,0L10,10Z|#fff 0.6 1 round',
      'dash ',
      'stroke|M5,5a1,1 0 1,0 2,0|#123 0.8 0.7 round',
    ]);
  });

  it('keeps an outline that did not change, and redraws the last frame in new colours, size or side', () => {
    const { calls, surface } = recorder();
    made.length = 0;
    const painter = new CanvasPainter(surface, view, false, toPath);
    painter.setPalette(palette('#123'));
    painter.resize(100, 50, 1);
    painter.paint(shapes);
    painter.paint([shapes[0] as Shape, { ...(shapes[1] as Shape), d: 'M6,5a1,1 0 1,0 2,0' }]);
    expect(made).toEqual(['M0,0L10,0L10,10Z', 'M5,5a1,1 0 1,0 2,0', 'M6,5a1,1 0 1,0 2,0']);

    calls.length = 0;
    painter.setPalette(palette('#abc'));
    expect(calls).toContain('fill|M0,0L10,0L10,10Z|#abc 1');
    calls.length = 0;
    painter.setMirrored(true);
    expect(calls[2]).toBe('transform -1,0,0,1,100,0');
    calls.length = 0;
    painter.resize(50, 25, 3);
    expect(calls.slice(0, 3)).toEqual(['transform 1,0,0,1,0,0', 'clear 0,0,150,75', 'transform -1.5,0,0,1.5,150,0']);
  });

  it('paints nothing before it has colours or a size, and drops shapes gone from the frame', () => {
    const { calls, surface } = recorder();
    const painter = new CanvasPainter(surface, view, false, toPath);
    painter.paint(shapes);
    expect(calls).toEqual([]);
    painter.setPalette(palette('#123'));
    expect(calls).toEqual([]);
    painter.resize(100, 50, 1);
    expect(calls.filter((c) => c.startsWith('fill'))).toHaveLength(1);
    calls.length = 0;
    painter.paint(shapes.slice(0, 1));
    expect(calls.filter((c) => c.startsWith('stroke'))).toEqual(['stroke|M0,0L10,0L10,10Z|#fff 0.6 1 round']);
  });

  it('paints a real exercise’s body: every shape, each with a paint', () => {
    const e = exerciseById('yoga-cat-cow');
    if (!e?.keyframes[1]) throw new Error('yoga-cat-cow');
    const p = prepare(e);
    const body = new BodyDrawer(p).draw(e.keyframes[1].pose, litAt(p, e.keyframes[1].t));
    const { calls, surface } = recorder();
    const painter = new CanvasPainter(surface, p.frame, false, toPath);
    painter.setPalette(palette('#123'));
    painter.resize(336, 140, 2);
    calls.length = 0;
    painter.paint(body);
    const drawn = calls.filter((c) => c.startsWith('fill') || c.startsWith('stroke')).map((c) => c.split('|')[1]);
    expect(new Set(drawn)).toEqual(new Set(body.map((s) => s.d)));
  });
});
