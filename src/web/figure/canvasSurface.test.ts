import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { exerciseById } from '../../core/exercises';
import { SHAPE_CLASSES, type Palette, type PaintStyle } from './canvas';
import { BodyDrawer, litAt, prepare } from './drawing';

/** The worker the figure starts, stood in for: what it is sent, and a way to answer. */
const worker = vi.hoisted(() => ({
  sent: [] as unknown[],
  transfers: [] as unknown[],
  terminated: false,
  onmessage: null as ((e: { data: unknown }) => void) | null,
  onerror: null as (() => void) | null,
}));
vi.mock('./paintWorker', () => ({
  startPaintWorker: () => ({
    postMessage: (m: unknown, transfer?: unknown[]) => {
      worker.sent.push(m);
      if (transfer) worker.transfers.push(...transfer);
    },
    terminate: () => {
      worker.terminated = true;
    },
    set onmessage(f: (e: { data: unknown }) => void) {
      worker.onmessage = f;
    },
    set onerror(f: () => void) {
      worker.onerror = f;
    },
  }),
}));
const { BodyCanvas } = await import('./canvasSurface');

const style: PaintStyle = { fill: '#123', fillOpacity: 1, stroke: null, strokeOpacity: 1, strokeWidth: 0, dash: [], lineJoin: 'round', lineCap: 'round' };
const palette = Object.fromEntries(SHAPE_CLASSES.map((c) => [c, style])) as Palette;
const view = { minX: 0, minY: 0, width: 100, height: 50 };
const exercise = exerciseById('yoga-cat-cow');
if (!exercise?.keyframes[1]) throw new Error('yoga-cat-cow');
const prepared = prepare(exercise);
const [first, second] = exercise.keyframes.map((k) => ({ pose: k.pose, lit: litAt(prepared, k.t) }));
if (!first || !second) throw new Error('two keyframes');
/** The body's outlines for a frame, as the page's own drawer works them out. */
const outlines = (f: typeof first) => new BodyDrawer(prepared).draw(f.pose, f.lit).map((s) => s.d);

/** A canvas element that can be handed to a worker, or drawn on here (its fills written down). */
function fakeCanvas(transferable = true) {
  const fills: string[] = [];
  const ctx = { setTransform() {}, clearRect() {}, setLineDash() {}, stroke() {}, fill: (p: { d: string }) => void fills.push(p.d) };
  const offscreen = { offscreen: true };
  const canvas = {
    width: 0,
    height: 0,
    dataset: {} as Record<string, string>,
    getContext: () => ctx,
    ...(transferable ? { transferControlToOffscreen: () => offscreen } : {}),
  };
  return { canvas: canvas as unknown as HTMLCanvasElement, fills, offscreen };
}

beforeEach(() => {
  Object.assign(worker, { sent: [], transfers: [], terminated: false, onmessage: null, onerror: null });
  vi.stubGlobal('Worker', class {});
  vi.stubGlobal(
    'Path2D',
    class {
      constructor(readonly d: string) {}
    },
  );
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the body canvas', () => {
  it('keeps the latest colours, size and pose until the worker is ready, then hands them over with the canvas and the exercise', () => {
    const { canvas, offscreen } = fakeCanvas();
    const body = new BodyCanvas(canvas, prepared, view, false);
    const pose = { ...first.pose };
    const lit = [...first.lit];
    body.setPalette(palette);
    body.resize(10, 10, 1);
    body.resize(200, 100, 2);
    body.setMirrored(true);
    body.paint(second.pose, second.lit);
    body.paint(pose, lit);
    // The caller may reuse its pose and list: what was kept is a copy.
    pose.trunk += 10;
    lit.length = 0;
    expect(worker.sent).toEqual([]);

    worker.onmessage?.({ data: { type: 'ready' } });
    expect(worker.transfers).toEqual([offscreen]);
    expect(worker.sent).toEqual([
      { type: 'start', canvas: offscreen, view, mirrored: true, source: prepared.source },
      { type: 'mirror', mirrored: true },
      { type: 'palette', palette },
      { type: 'resize', width: 200, height: 100, dpr: 2 },
      { type: 'pose', pose: first.pose, lit: first.lit },
    ]);
    expect(body.paintedIn).toBe('worker');
    expect(canvas.dataset.paintedIn).toBe('worker');
    // The exercise goes as plain data: a worker can be sent it.
    expect(() => structuredClone(worker.sent[0] as object)).not.toThrow();

    body.paint(second.pose, second.lit);
    expect(worker.sent.at(-1)).toEqual({ type: 'pose', pose: second.pose, lit: second.lit });
    body.close();
    expect(worker.terminated).toBe(true);
  });

  it('draws and paints on the page when the worker fails to load, with what it kept', () => {
    const { canvas, fills } = fakeCanvas();
    const body = new BodyCanvas(canvas, prepared, view, false);
    body.setPalette(palette);
    body.resize(100, 50, 1);
    body.paint(first.pose, first.lit);
    expect(fills).toEqual([]);
    worker.onerror?.();
    expect(worker.terminated).toBe(true);
    expect(body.paintedIn).toBe('page');
    expect(canvas.dataset.paintedIn).toBe('page');
    expect(fills).toEqual(outlines(first));
    fills.length = 0;
    body.paint(second.pose, second.lit);
    expect(fills).toEqual(outlines(second));
    expect(worker.sent).toEqual([]);
  });

  it('paints on the page at once where a canvas cannot go to a worker, or when asked to', () => {
    for (const [canvas, where] of [
      [fakeCanvas(false), 'worker'],
      [fakeCanvas(true), 'page'],
    ] as const) {
      const body = new BodyCanvas(canvas.canvas, prepared, view, false, where);
      body.setPalette(palette);
      body.resize(100, 50, 1);
      body.paint(first.pose, first.lit);
      expect(body.paintedIn).toBe('page');
      expect(canvas.fills).toEqual(outlines(first));
    }
    expect(worker.onmessage).toBeNull();
  });
});
