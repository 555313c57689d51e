import { centreOfMass, partPoints, type BodyPart, type SurfacePoint } from '../pose/body';
import { bonesOf, gap, penetration, place, segmentCrossesBox, stageOf, type Box } from '../pose/scene';
import { distance } from '../pose/vec';
import { hasOwnScene, sceneFor } from './scenes';
import { ALL_JOINTS, JOINT_RANGES, angleOf, type Exercise } from './types';

/**
 * The figure check: every keyframe of an exercise, placed in its scene, must be a pose a person can hold there.
 * - every joint inside its anatomical range;
 * - no part of the body below the floor, or inside a chair, bed, wall or other solid prop (beyond a little give);
 * - the body rests on something: a part that can carry weight touches the floor or a prop, and, standing or
 *   sitting, the centre of mass is over what it rests on (nothing floats, nothing would topple);
 * - the part the cues ask to move travels at least a minimum distance over the repetition, so the figure
 *   visibly shows the movement.
 */

export const FIGURE_LIMITS = {
  /** How far a body may sink into a prop or the floor (soft tissue, a cushioned seat), in figure units. */
  give: 1.5,
  /** How close a part must be to a surface to count as resting on it. */
  contact: 2.5,
  /** How far the centre of mass may lie outside the parts that carry it, across the floor. */
  balance: 5,
} as const;

/** The least travel of a named part over a repetition, in figure units: small parts move less. */
export const MIN_TRAVEL: Record<BodyPart, number> = {
  head: 2.5,
  pelvis: 1.5,
  belly: 2,
  trunk: 3,
  armL: 4,
  armR: 4,
  handL: 4,
  handR: 4,
  legL: 4,
  legR: 4,
  footL: 3,
  footR: 3,
};

/** Parts a body can rest its weight on; a body held up only by its hands or head is floating. */
const CARRIES: ReadonlySet<BodyPart> = new Set(['trunk', 'pelvis', 'belly', 'armL', 'armR', 'legL', 'legR', 'footL', 'footR']);
/** Balance matters on the feet or a seat; lying and kneeling bodies are spread over the floor. Walking is in motion. */
const BALANCED: ReadonlySet<Exercise['position']> = new Set(['standing', 'sitting']);

const bottom = (s: SurfacePoint) => s.at.y - s.radius;
const round1 = (n: number) => Math.round(n * 10) / 10;

function touches(s: SurfacePoint, boxes: readonly Box[]): boolean {
  if (bottom(s) <= FIGURE_LIMITS.contact) return true;
  return boxes.some((b) => b.solid && gap(s, b) <= FIGURE_LIMITS.contact);
}

export function checkFigure(e: Exercise): string[] {
  const p: string[] = [];
  const at = e.id;
  if (!hasOwnScene(e.id)) p.push(`${at}: has no scene (view, props and moving part) of its own`);
  const scene = sceneFor(e);
  if (scene.moving.length === 0) p.push(`${at}: names no moving part`);
  const poses = e.keyframes.map((k) => k.pose);
  const stage = stageOf(scene, poses);
  const placed = poses.map((pose) => place(pose, scene, stage.boxes));

  e.keyframes.forEach((k, i) => {
    const where = `${at} keyframe ${i} (${k.phase})`;
    for (const j of ALL_JOINTS) {
      const v = angleOf(k.pose, j);
      const [min, max] = JOINT_RANGES[j];
      if (!(v >= min && v <= max)) p.push(`${where}: ${j} = ${v} is outside ${min}..${max}`);
    }
    const body = placed[i];
    if (!body) return;
    const low = Math.min(...body.surface.map(bottom));
    if (low < -FIGURE_LIMITS.give) p.push(`${where}: part of the body is ${round1(-low)} below the floor`);
    for (const b of stage.boxes) {
      if (!b.solid) continue;
      const worst = body.surface.reduce((m, s) => (penetration(s, b) > m.depth ? { depth: penetration(s, b), part: s.part } : m), { depth: 0, part: 'head' as BodyPart });
      if (worst.depth > FIGURE_LIMITS.give) p.push(`${where}: the ${worst.part} goes ${round1(worst.depth)} into the ${b.kind}`);
      else {
        // A thin prop (a chair back, a wall) can sit between two surface points: check the bones pass outside it.
        const through = bonesOf(body.body).find((bone) => segmentCrossesBox(bone.from, bone.to, b, 0));
        if (through) p.push(`${where}: the ${through.part} passes through the ${b.kind}`);
      }
    }
    const contacts = body.surface.filter((s) => touches(s, stage.boxes));
    // Lying or kneeling, the head and hands rest on the floor too (a head on the mat, a forehead on the hands).
    const carries = (part: BodyPart) => CARRIES.has(part) || !BALANCED.has(e.position);
    if (!contacts.some((s) => carries(s.part))) p.push(`${where}: nothing that can carry the body rests on the floor or a prop`);
    else if (BALANCED.has(e.position)) {
      const com = centreOfMass(body.body);
      const xs = contacts.map((s) => s.at.x);
      const zs = contacts.map((s) => s.at.z);
      const m = FIGURE_LIMITS.balance;
      const outside = com.x < Math.min(...xs) - m || com.x > Math.max(...xs) + m || com.z < Math.min(...zs) - m || com.z > Math.max(...zs) + m;
      if (outside) p.push(`${where}: the body's weight is not over what carries it`);
    }
  });

  const first = placed[0];
  if (first) {
    for (const part of scene.moving) {
      const starts = partPoints(first.body, part);
      const travel = Math.max(...placed.flatMap((q) => partPoints(q.body, part).map((p, n) => (starts[n] ? distance(p, starts[n]) : 0))));
      if (travel < MIN_TRAVEL[part]) p.push(`${at}: the ${part} the cues move travels only ${round1(travel)} (at least ${MIN_TRAVEL[part]} is needed)`);
    }
  }
  return p;
}

/** Every figure problem in a list of exercises, in plain words (empty when all can be drawn and followed). */
export function validateFigures(exercises: readonly Exercise[]): string[] {
  return exercises.flatMap(checkFigure);
}
