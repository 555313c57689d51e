import { describe, expect, it } from 'vitest';
import { exerciseById } from '../../core/exercises';
import type { Keyframe } from '../../core/exercises/types';
import { BodyPainter, paintOnFrames } from './bodyPainter';
import { SHAPE_CLASSES, type Palette, type PaintContext, type PaintStyle, type PaintSurface } from './canvas';
import { BodyDrawer, litAt, prepare } from './drawing';
import type { PaintMessage } from './paintMessages';

const style: PaintStyle = { fill: '#123', fillOpacity: 1, stroke: null, strokeOpacity: 1, strokeWidth: 0, dash: [], lineJoin: 'round', lineCap: 'round' };
const palette = Object.fromEntries(SHAPE_CLASSES.map((c) => [c, style])) as Palette;

/** A canvas that writes down the outline of each fill and each transform. */
function surface() {
  const calls: string[] = [];
  const ctx = {
    setTransform: (...m: number[]) => void calls.push(`transform ${m.join(',')}`),
    clearRect() {},
    setLineDash() {},
    stroke() {},
    fill: (p: { d: string }) => void calls.push(p.d),
  };
  const canvas = { width: 0, height: 0, getContext: () => ctx as unknown as PaintContext } satisfies PaintSurface;
  return { calls, canvas };
}
const toPath = (d: string) => ({ d }) as unknown as Path2D;

describe('the moving body’s painter (the paint worker’s, and the page’s where there is no worker)', () => {
  for (const id of ['yoga-cat-cow', 'log-roll-get-up', 'capoeira-esquiva-lateral']) {
    it(`works out ${id}'s set-up from the plain data it is sent and paints what the page would draw`, () => {
      const exercise = exerciseById(id);
      if (!exercise) throw new Error(id);
      const onPage = prepare(exercise, { aspect: 1.3 });
      // What the worker is sent comes through a structured clone, and prepare gives the same set-up again.
      const sent = structuredClone(onPage.source);
      const inWorker = prepare(sent.exercise, sent.fit);
      expect(inWorker.frame).toEqual(onPage.frame);
      expect(inWorker.highlights).toEqual(onPage.highlights);
      const { calls, canvas } = surface();
      const body = new BodyPainter(canvas, inWorker, onPage.frame, false, toPath);
      const drawer = new BodyDrawer(onPage);
      body.apply({ type: 'palette', palette });
      body.apply({ type: 'resize', width: 300, height: 200, dpr: 2 });
      for (const k of exercise.keyframes) {
        const lit = litAt(onPage, k.t);
        calls.length = 0;
        body.apply(structuredClone({ type: 'pose', pose: k.pose, lit }) as PaintMessage);
        expect(calls.filter((c) => !c.startsWith('transform'))).toEqual(drawer.draw(k.pose, lit).map((s) => s.d));
      }
    });
  }

  it('draws the last pose again for new colours, size or side, and nothing before it has colours and a size', () => {
    const exercise = exerciseById('yoga-cat-cow');
    if (!exercise?.keyframes[0]) throw new Error('yoga-cat-cow');
    const p = prepare(exercise);
    const { calls, canvas } = surface();
    const body = new BodyPainter(canvas, p, p.frame, false, toPath);
    body.apply({ type: 'pose', pose: exercise.keyframes[0].pose, lit: [] });
    body.apply({ type: 'palette', palette });
    expect(calls).toEqual([]);
    body.apply({ type: 'resize', width: 300, height: 200, dpr: 1 });
    const outline = calls.filter((c) => !c.startsWith('transform'));
    expect(outline.length).toBeGreaterThan(10);
    calls.length = 0;
    body.apply({ type: 'mirror', mirrored: true });
    expect(calls.filter((c) => !c.startsWith('transform'))).toEqual(outline);
    // Mirrored: x runs right to left.
    expect(calls.find((c) => c.startsWith('transform') && !c.startsWith('transform 1,0,0,1,0,0'))).toMatch(/^transform -/);
  });
});

describe('poses in the paint worker, drawn on its display frames', () => {
  const exercise = exerciseById('yoga-cat-cow');
  const [k0, k1, k2] = exercise?.keyframes ?? [];
  if (!exercise || !k0 || !k1 || !k2) throw new Error('yoga-cat-cow');
  const p = prepare(exercise);
  const pose = (k: Keyframe): PaintMessage => ({ type: 'pose', pose: k.pose, lit: litAt(p, k.t) });
  const drawn = (k: Keyframe) => new BodyDrawer(p).draw(k.pose, litAt(p, k.t)).map((s) => s.d);
  const fills = (calls: string[]) => calls.filter((c) => !c.startsWith('transform'));

  it('draws only the latest of the poses that came before the next frame, once', () => {
    const { calls, canvas } = surface();
    const body = new BodyPainter(canvas, p, p.frame, false, toPath);
    const frames: (() => void)[] = [];
    const send = paintOnFrames(() => body, (draw) => frames.push(draw));
    send({ type: 'palette', palette });
    send({ type: 'resize', width: 300, height: 200, dpr: 1 });
    send(pose(k0));
    send(pose(k1));
    send(pose(k2));
    expect(frames).toHaveLength(1);
    expect(fills(calls)).toEqual([]);
    frames.shift()?.();
    expect(fills(calls)).toEqual(drawn(k2));
    // Nothing new: no frame asked for, nothing drawn.
    calls.length = 0;
    expect(frames).toHaveLength(0);
    send(pose(k0));
    expect(frames).toHaveLength(1);
    frames.shift()?.();
    expect(fills(calls)).toEqual(drawn(k0));
  });

  it('applies colours, size and side at once, and draws each pose as it comes where there are no frames', () => {
    const { calls, canvas } = surface();
    const body = new BodyPainter(canvas, p, p.frame, false, toPath);
    const send = paintOnFrames(() => body, null);
    send({ type: 'palette', palette });
    send({ type: 'resize', width: 300, height: 200, dpr: 1 });
    send(pose(k1));
    expect(fills(calls)).toEqual(drawn(k1));
    calls.length = 0;
    send({ type: 'mirror', mirrored: true });
    expect(fills(calls)).toEqual(drawn(k1));
  });
});
