import { describe, expect, it } from 'vitest';
import type { Body3D } from '../pose/body';
import { drawn, framedJoints, frameOf, inFrame, movementBodies } from '../pose/framing';
import { placeBody, stageOf } from '../pose/scene';
import { projector } from '../pose/view';
import type { Vec3 } from '../pose/vec';
import { EXERCISES } from './index';
import { sceneFor } from './scenes';

/**
 * The figure's framing, for every exercise: what its cues talk about is in the frame at every moment of the
 * movement, and (the one rule for every exercise) so is the whole body, so a close-up never cuts a person off.
 */

type Pick3 = (b: Body3D) => Vec3[];
const both = (pick: (l: Body3D['L']) => Vec3[]): Pick3 => (b) => [...pick(b.L), ...pick(b.R)];

/** Words a cue may use for a part of the body, and the joints that show that part. */
const CUE_PARTS: [RegExp, Pick3][] = [
  [/\b(head|chin|nod|neck|face|eyes?|ears?|crown|forehead|look)/, (b) => [b.head, b.neckTop]],
  [/\b(shoulders?|collarbones?|chest|ribs?|upper back|shoulder blades?)/, (b) => [b.chest, b.L.shoulder, b.R.shoulder]],
  [/\b(arms?|elbows?)/, both((l) => [l.elbow, l.wrist])],
  [/\b(hands?|wrists?|fingers?|palms?|fingertips)/, both((l) => [l.wrist, l.hand])],
  [/\b(belly|waist|back|spine|tailbone|bottom|pelvis|hips?|trunk)/, (b) => [b.waist, b.pelvis, b.L.hip, b.R.hip]],
  [/\b(legs?|thighs?|knees?)/, both((l) => [l.hip, l.knee, l.ankle])],
  [/\b(feet|foot|heels?|toes?|ankles?|soles?)/, both((l) => [l.ankle, l.toe])],
];

function framing(e: (typeof EXERCISES)[number]) {
  const scene = sceneFor(e);
  const stage = stageOf(scene, e.keyframes.map((k) => k.pose));
  const view = projector(scene.view);
  const bodies = movementBodies(e.keyframes, scene, stage.boxes);
  return { view, bodies, frame: frameOf(bodies, view, stage.boxes, scene) };
}

describe('the figure’s framing', () => {
  it('keeps every body part a cue names in the frame, at every moment of every exercise', () => {
    const missing: string[] = [];
    let named = 0;
    for (const e of EXERCISES) {
      const { view, bodies, frame } = framing(e);
      const text = e.cues.join(' ').toLowerCase();
      for (const [words, pick] of CUE_PARTS) {
        const word = text.match(words)?.[0];
        if (!word) continue;
        named += 1;
        for (const b of bodies) {
          if (pick(b).some((p) => !inFrame(frame, drawn(view, p), 1.5))) {
            missing.push(`${e.id}: "${word}"`);
            break;
          }
        }
      }
    }
    // The cues do name parts (so the check is not empty), and every one is in view.
    expect(named).toBeGreaterThan(EXERCISES.length * 2);
    expect(missing).toEqual([]);
  });

  it('shows the whole body, head to toes, throughout every movement (no close-ups that cut the person off)', () => {
    for (const e of EXERCISES) {
      const { view, bodies, frame } = framing(e);
      for (const b of bodies) {
        for (const p of framedJoints(b)) expect(inFrame(frame, drawn(view, p), 6), e.id).toBe(true);
      }
    }
  });

  it('fails a frame that cuts the legs off, as a close-up on the head did', () => {
    const e = EXERCISES.find((x) => x.id === 'chin-tuck');
    if (!e) throw new Error('chin-tuck');
    const { view, bodies, frame } = framing(e);
    const b = bodies[0] as Body3D;
    // The old close-up reached from the head to the pelvis only.
    const head = drawn(view, b.head);
    const pelvis = drawn(view, b.pelvis);
    const closeUp = { minX: Math.min(head.x, pelvis.x) - 8, minY: frame.minY, width: Math.abs(head.x - pelvis.x) + 16, height: frame.height };
    expect(inFrame(closeUp, drawn(view, b.L.knee), 6) && inFrame(closeUp, drawn(view, b.L.toe), 6)).toBe(false);
    expect(inFrame(frame, drawn(view, b.L.knee), 6) && inFrame(frame, drawn(view, b.L.toe), 6)).toBe(true);
  });

  it('shows a standing or sitting hold changing clearly: some joint moves at least 4% of the frame from the start', () => {
    const weak: string[] = [];
    for (const e of EXERCISES) {
      if (e.dose.kind !== 'hold' || (e.position !== 'standing' && e.position !== 'sitting')) continue;
      const { view, frame } = framing(e);
      const scene = sceneFor(e);
      const stage = stageOf(scene, e.keyframes.map((k) => k.pose));
      const joints = e.keyframes.map((k) => framedJoints(placeBody(k.pose, scene, stage.boxes)).map((p) => drawn(view, p)));
      const first = joints[0] ?? [];
      const most = Math.max(...joints.map((js) => Math.max(...js.map((q, i) => Math.hypot(q.x - (first[i]?.x ?? q.x), q.y - (first[i]?.y ?? q.y))))));
      const share = most / Math.max(frame.width, frame.height);
      if (share < 0.04) weak.push(`${e.id}: ${(share * 100).toFixed(1)}%`);
    }
    expect(weak).toEqual([]);
  });
});
