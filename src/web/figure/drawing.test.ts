import { describe, expect, it } from 'vitest';
import { EXERCISES, exerciseById } from '../../core/exercises';
import { cycleSeconds, poseInCycle } from '../../core/pose/interpolate';
import { place, placeBody } from '../../core/pose/scene';
import { bedParts, BodyDrawer, draw, drawBody, guideKey, guideShapes, litAt, prepare, r1, stillLayers } from './drawing';

const classes = (id: string, k = 0) => {
  const e = exerciseById(id);
  if (!e?.keyframes[k]) throw new Error(id);
  return draw(prepare(e), e.keyframes[k].pose, { cycleTime: e.keyframes[k].t }).map((s) => s.cls);
};

describe('the figure drawing', () => {
  it('draws every keyframe of every exercise with finite shapes inside a real frame', () => {
    for (const e of EXERCISES) {
      const p = prepare(e);
      expect(p.frame.width, e.id).toBeGreaterThan(20);
      expect(p.frame.height, e.id).toBeGreaterThan(20);
      for (const k of e.keyframes) {
        const shapes = draw(p, k.pose, { cycleTime: k.t });
        expect(shapes.length, e.id).toBeGreaterThanOrEqual(16);
        for (const s of shapes) expect(s.d, `${e.id} ${s.cls}`).not.toMatch(/NaN|Infinity/);
      }
    }
  });

  it('holds every pose of an exercise in one frame, so stills line up and the animation does not jump', () => {
    for (const e of EXERCISES) {
      const p = prepare(e);
      const { minX, minY, width, height } = p.frame;
      for (const k of e.keyframes) {
        const b = place(k.pose, p.scene, p.stage.boxes).body;
        for (const point of [b.head, b.L.hand, b.R.hand, b.L.toe, b.R.toe]) {
          const s = p.view.project(point);
          expect(s.x, e.id).toBeGreaterThanOrEqual(minX);
          expect(s.x, e.id).toBeLessThanOrEqual(minX + width);
          expect(-s.y, e.id).toBeGreaterThanOrEqual(minY);
          expect(-s.y, e.id).toBeLessThanOrEqual(minY + height);
        }
      }
    }
  });

  it('tells near from far limbs in a side view, and lights the moving part', () => {
    const side = classes('march-on-the-spot');
    expect(side.filter((c) => c === 'far' || c === 'moving-far').length).toBeGreaterThanOrEqual(6);
    expect(side.filter((c) => c === 'near' || c === 'moving').length).toBeGreaterThanOrEqual(6);
    expect(side).toContain('moving');
  });

  it('shows the breath, the props and the direction of the movement', () => {
    expect(classes('diaphragmatic-breathing')).toContain('breath');
    expect(classes('neck-mobility')).toContain('prop');
    expect(classes('lie-flat-reset')).toContain('mat');
    expect(classes('hamstring-stretch-strap')).toContain('strap');
    expect(classes('chin-tuck')).toContain('prop-soft');
    const start = classes('bird-dog');
    expect(start).toContain('trail');
    expect(start).toContain('arrow');
  });

  it('shows where the face points: two eyes from the front, the back of the head from behind', () => {
    const front = classes('stand-and-reach');
    expect(front.filter((c) => c === 'face')).toHaveLength(2);
    const profile = classes('march-on-the-spot');
    expect(profile.filter((c) => c === 'face')).toHaveLength(1);
  });

  it('lights the part moving in the current phase: the left leg as the left knee lifts, the right leg next', () => {
    const e = exerciseById('march-on-the-spot');
    if (!e) throw new Error('march');
    const p = prepare(e);
    const pose = e.keyframes[0]?.pose ?? e.keyframes[1]!.pose;
    const litShapes = (t: number) => drawBody(p, pose, litAt(p, t)).filter((s) => s.cls === 'moving' || s.cls === 'moving-far');
    const left = litShapes(e.keyframes[0]!.t);
    const right = litShapes(e.keyframes[2]!.t);
    // Thigh, shin and foot of one leg, one side near and the other far.
    expect(left).toHaveLength(3);
    expect(right).toHaveLength(3);
    expect(new Set(left.map((s) => s.cls))).not.toEqual(new Set(right.map((s) => s.cls)));
  });

  it('splits the stills into what lies behind the body and what is drawn over it, the same as one full drawing', () => {
    for (const e of EXERCISES) {
      const p = prepare(e);
      const k = e.keyframes[0]!;
      const { back, front } = stillLayers(p);
      const whole = draw(p, k.pose, { cycleTime: k.t, lit: litAt(p, k.t) }).filter((s) => s.cls !== 'arrow');
      const layered = [...back, ...drawBody(p, k.pose, litAt(p, k.t)), ...front];
      expect(layered.map((s) => s.d), e.id).toEqual(whole.map((s) => s.d));
    }
  });

  it('frames the whole body for every movement, and a thumbnail on its one still to its box', () => {
    const march = exerciseById('march-on-the-spot');
    if (!march) throw new Error('catalogue');
    const whole = prepare(march);
    const still = march.keyframes[1];
    if (!still) throw new Error('march keyframe');
    const thumb = prepare(march, { poses: [still.pose], aspect: 1.2 });
    expect(thumb.frame.width / thumb.frame.height).toBeCloseTo(1.2, 6);
    expect(thumb.frame.height).toBeLessThanOrEqual(whole.frame.height);
  });

  it('places a body for a frame exactly where the full placement puts it, at and between every keyframe', () => {
    for (const e of EXERCISES) {
      const p = prepare(e);
      const cycle = cycleSeconds(e.keyframes);
      for (let i = 0; i <= 8; i++) {
        const pose = poseInCycle(e.keyframes, (cycle * i) / 8);
        expect(placeBody(pose, p.scene, p.stage.boxes), e.id).toEqual(place(pose, p.scene, p.stage.boxes).body);
      }
    }
  });

  it('a drawer kept for an animation draws each moment as a fresh drawing does, whatever came before', () => {
    for (const e of EXERCISES) {
      const p = prepare(e);
      const drawer = new BodyDrawer(p);
      const cycle = cycleSeconds(e.keyframes);
      // Backwards and forwards, so a frame with fewer shapes (the face turned away) follows one with more.
      for (const i of [0, 5, 2, 7, 1, 6, 3]) {
        const t = (cycle * i) / 7;
        const pose = poseInCycle(e.keyframes, t);
        const lit = litAt(p, t);
        expect(drawer.draw(pose, lit).map((s) => ({ ...s })), `${e.id} at ${t}`).toEqual(drawBody(p, pose, lit));
      }
    }
  });

  it('writes numbers to one decimal, as String(Math.round(n × 10) ÷ 10) would', () => {
    for (const n of [0, -0, 0.04, -0.04, 0.05, -0.05, 0.3, -0.3, 1, -1, 12.34, -12.36, 99.95, -99.95, 1234.5678, -0.96, 7.000001]) {
      expect(r1(n), String(n)).toBe(String(Math.round(n * 10) / 10));
    }
  });

  it('keeps the arrow the same while its key is the same, so an animation redraws it only when the key changes', () => {
    for (const e of EXERCISES) {
      const p = prepare(e);
      const cycle = cycleSeconds(e.keyframes);
      let key = Number.NaN;
      let arrow = '';
      let changes = 0;
      for (let i = 0; i <= 240; i++) {
        const t = (cycle * i) / 240;
        const now = guideShapes(p, t).map((s) => s.d).join('|');
        const k = guideKey(p, t);
        if (k === key) expect(now, `${e.id} at ${t}`).toBe(arrow);
        else changes += 1;
        key = k;
        arrow = now;
      }
      // It does move on through the repetition (several times), or there is no arrow at all.
      if (guideShapes(p, 0).length) expect(changes, e.id).toBeGreaterThan(3);
    }
  });

  it('draws the floor as a line only where a line reads as the floor: not across a mat seen from a little above', () => {
    expect(classes('pilates-side-lying-clam')).not.toContain('floor');
    expect(classes('figure-four-stretch')).not.toContain('floor');
    expect(classes('capoeira-ginga-slow')).toContain('floor');
    expect(classes('bridge')).toContain('floor');
    expect(classes('log-roll-get-up')).toContain('floor');
  });

  it('draws a bed as legs on the floor, a frame and a mattress on top, inside the box the figure check uses', () => {
    const e = exerciseById('log-roll-get-up');
    if (!e) throw new Error('log-roll-get-up');
    const bed = prepare(e).stage.boxes.find((b) => b.kind === 'bed');
    if (!bed) throw new Error('no bed');
    const parts = bedParts(bed);
    const [frame, mattress] = parts.slice(-2);
    const legs = parts.slice(0, -2);
    expect(legs).toHaveLength(4);
    for (const leg of legs) {
      expect(leg.box.min.y).toBe(bed.min.y);
      expect(leg.box.max.y).toBe(frame?.box.min.y);
    }
    expect(frame?.box.max.y).toBe(mattress?.box.min.y);
    expect(mattress?.box.max.y).toBe(bed.max.y);
    expect(mattress?.cls).toBe('bed');
    for (const { box } of parts) {
      for (const axis of ['x', 'y', 'z'] as const) {
        expect(box.min[axis]).toBeGreaterThanOrEqual(bed.min[axis]);
        expect(box.max[axis]).toBeLessThanOrEqual(bed.max[axis]);
      }
    }
    // Drawn in that order, behind the person.
    const still = classes('log-roll-get-up').filter((c) => c === 'bed' || c === 'prop');
    expect(still).toEqual(['prop', 'prop', 'prop', 'prop', 'prop', 'bed']);
  });
});
