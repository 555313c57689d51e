import type { Pose } from '../exercises/types';
import { bodyOf, surfaceOf, visitSurface, type Body3D, type BodyPart, type Side, type SurfacePoint } from './body';
import { figureUnits, type FigureUnits } from './units';
import { add, vec, type Vec3 } from './vec';
import type { ViewName } from './view';

/**
 * Where an exercise happens: the view that shows its key motion, the props it uses, how the body is placed on
 * them, and the part of the body its cues ask to move. Props are boxes in the body's 3D space (y up, floor at
 * y = 0), placed from the exercise's first keyframe so a chair is under the person who sits on it.
 */

export const PROP_KINDS = ['mat', 'bed', 'chair', 'wall', 'step', 'doorFrame', 'towel'] as const;
export type PropKind = (typeof PROP_KINDS)[number];

/** How a prop is set up, relative to the person in the first keyframe. */
export type PropSpec =
  | { kind: 'mat' }
  /** A bed the person lies along, its near edge on their right (+z), low enough to sit on with feet down. */
  | { kind: 'bed' }
  /** A chair to sit on, or one whose back the hands rest on (in front, or beside one hand). */
  | { kind: 'chair'; at: 'seat' | 'hands' | 'handL' | 'handR' }
  | { kind: 'wall'; at: 'behind' | 'hands' | 'feet' }
  /** A low step or firm cushion to sit on. */
  | { kind: 'step' }
  | { kind: 'doorFrame' }
  /** A rolled towel under a part of a lying body, or a towel looped round a foot and held in both hands. */
  | { kind: 'towel'; at: 'neck' | 'knees' | 'belly' | 'strapL' | 'strapR' };

/** One solid piece of a prop: an axis-aligned box. */
export interface Box {
  kind: PropKind;
  min: Vec3;
  max: Vec3;
  /** A body may rest on its top (a seat, a bed, a mat); walls and chair backs only touch. */
  carries: boolean;
  /** Whether a body part may not go inside it (a towel strap is soft and goes round the foot). */
  solid: boolean;
  /** Drawn rounded, as a roll, along x (a towel under the neck or knees lies across the body). */
  roll?: boolean;
}

/** A towel held between the hands and one foot: drawn from each hand to the sole, moving with the body. */
export interface Strap {
  foot: Side;
}

export type Anchor = 'pelvis' | 'feet' | 'auto';

export interface Scene {
  view: ViewName;
  props: readonly PropSpec[];
  /** What stays put as the body moves: the pelvis (lying, kneeling), the feet (standing, sitting), or each by posture. */
  anchor: Anchor;
  /** Where the feet stand, for a feet anchor (default under the pelvis's rest place: the origin). */
  feetAt?: { x: number; z: number };
  /** The parts the cues ask to move; highlighted, and checked to move. */
  moving: readonly BodyPart[];
}

export interface Placed {
  body: Body3D;
  surface: SurfacePoint[];
}

export interface Stage {
  boxes: Box[];
  straps: Strap[];
}

const FLOOR_MARGIN = 0;
/** A rolled hand towel's radius, in figure units (a standing figure is about 100 tall). */
const NECK_ROLL_RADIUS = 3.2;
const RADII_HAND = 1.8;

function translate(b: Body3D, t: Vec3): Body3D {
  const m = (p: Vec3) => add(p, t);
  const limb = (l: Body3D['L']): Body3D['L'] => ({
    shoulder: m(l.shoulder),
    elbow: m(l.elbow),
    wrist: m(l.wrist),
    hand: m(l.hand),
    hip: m(l.hip),
    knee: m(l.knee),
    ankle: m(l.ankle),
    toe: m(l.toe),
  });
  return { ...b, pelvis: m(b.pelvis), waist: m(b.waist), chest: m(b.chest), neckTop: m(b.neckTop), head: m(b.head), L: limb(b.L), R: limb(b.R) };
}

/** How high the floor and the carrying props under a point (x, z) reach. */
function supportAt(boxes: readonly Box[], x: number, z: number): number {
  let top = FLOOR_MARGIN;
  for (const b of boxes) {
    if (!b.carries) continue;
    if (x >= b.min.x && x <= b.max.x && z >= b.min.z && z <= b.max.z) top = Math.max(top, b.max.y);
  }
  return top;
}

/** 1 for an upright body, 0 for a lying or kneeling one, blended in between so an animation never jumps. */
function uprightness(pose: Pose): number {
  const tilt = Math.abs(pose.trunk);
  const u = Math.min(1, Math.max(0, (75 - tilt) / 30));
  return u * u * (3 - 2 * u);
}

/** Where the feet are, weighting the lower foot more, so the standing foot stays put when the other lifts. */
function feetPoint(b: Body3D): Vec3 {
  const lowL = Math.min(b.L.ankle.y, b.L.toe.y);
  const lowR = Math.min(b.R.ankle.y, b.R.toe.y);
  const wL = Math.exp(-(lowL - Math.min(lowL, lowR)) / 4);
  const wR = Math.exp(-(lowR - Math.min(lowL, lowR)) / 4);
  const foot = (l: Body3D['L']) => vec((l.ankle.x + l.toe.x) / 2 - 1, 0, (l.ankle.z + l.toe.z) / 2);
  const fL = foot(b.L);
  const fR = foot(b.R);
  return vec((fL.x * wL + fR.x * wR) / (wL + wR), 0, (fL.z * wL + fR.z * wR) / (wL + wR));
}

/** The body held at its anchor across the floor (not yet lowered onto what carries it). */
function across(pose: Pose, scene: Pick<Scene, 'anchor' | 'feetAt'>): Body3D {
  const local = bodyOf(pose);
  const feet = feetPoint(local);
  const w = scene.anchor === 'pelvis' ? 0 : scene.anchor === 'feet' ? 1 : uprightness(pose);
  const target = scene.feetAt ?? { x: 0, z: 0 };
  // The pelvis goes to the origin when lying; the feet go to their spot when upright.
  const dx = (1 - w) * -local.pelvis.x + w * (target.x - feet.x);
  const dz = (1 - w) * -local.pelvis.z + w * (target.z - feet.z);
  return translate(local, vec(dx, 0, dz));
}

/** How far a body must rise to rest on the floor or on a prop that carries it (negative: come down). */
function liftOnto(body: Body3D, boxes: readonly Box[]): number {
  let lift = -Infinity;
  visitSurface(body, (x, y, z, radius) => {
    lift = Math.max(lift, supportAt(boxes, x, z) - (y - radius));
  });
  return lift;
}

/**
 * The body of a pose placed in its scene: held at its anchor across the floor, then lowered until it rests on
 * the floor or on a prop that carries it.
 */
export function place(pose: Pose, scene: Pick<Scene, 'anchor' | 'feetAt'>, boxes: readonly Box[]): Placed {
  const moved = across(pose, scene);
  const lift = liftOnto(moved, boxes);
  const surface = surfaceOf(moved);
  return { body: translate(moved, vec(0, lift, 0)), surface: surface.map((s) => ({ ...s, at: add(s.at, vec(0, lift, 0)) })) };
}

/** The same body as `place` gives, without its surface: for drawing a frame, where nothing else is needed. */
export function placeBody(pose: Pose, scene: Pick<Scene, 'anchor' | 'feetAt'>, boxes: readonly Box[]): Body3D {
  const moved = across(pose, scene);
  return translate(moved, vec(0, liftOnto(moved, boxes), 0));
}

const box = (kind: PropKind, min: [number, number, number], max: [number, number, number], carries: boolean, solid = true): Box => ({
  kind,
  min: vec(...min),
  max: vec(...max),
  carries,
  solid,
});

const lowest = (ss: readonly SurfacePoint[], pick: (s: SurfacePoint) => boolean) =>
  Math.min(...ss.filter(pick).map((s) => s.at.y - s.radius));

/** Every solid piece of the scene's props, placed from the exercise's first pose (and all poses, for extents). */
export function stageOf(scene: Scene, poses: readonly Pose[]): Stage {
  const first = poses[0];
  if (!first) return { boxes: [], straps: [] };
  const boxes: Box[] = [];
  const straps: Strap[] = [];
  const bare = place(first, scene, []);
  const all = poses.map((p) => place(p, scene, []));
  const xs = all.flatMap((a) => a.surface.map((s) => s.at.x));
  const minX = Math.min(...xs);
  const maxX = Math.max(...xs);
  const b = bare.body;
  const pelvisBottom = lowest(bare.surface, (s) => s.part === 'pelvis');
  for (const spec of scene.props) {
    switch (spec.kind) {
      case 'mat':
        boxes.push(box('mat', [minX - 5, 0, -16], [maxX + 5, 1.2, 16], true));
        break;
      case 'bed':
        boxes.push(box('bed', [-62, 0, -44], [56, 27, 12], true));
        break;
      case 'step':
        boxes.push(box('step', [b.pelvis.x - 14, 0, -14], [b.pelvis.x + 9, 9, 14], true));
        break;
      case 'chair': {
        if (spec.at === 'seat') {
          const top = Math.max(8, pelvisBottom);
          const back = b.pelvis.x - 12;
          boxes.push(box('chair', [back, top - 3, -7.5], [b.pelvis.x + 10, top, 7.5], true));
          boxes.push(box('chair', [back - 2.5, top, -7], [back, top + 30, 7], false));
          for (const x of [back, b.pelvis.x + 8.5]) for (const z of [-7.5, 6]) boxes.push(box('chair', [x, 0, z], [x + 1.5, top - 3, z + 1.5], false));
          break;
        }
        const hands = spec.at === 'hands' ? [b.L.hand, b.R.hand] : [spec.at === 'handL' ? b.L.hand : b.R.hand];
        const hx = hands.reduce((s, h) => s + h.x, 0) / hands.length;
        const hz = hands.reduce((s, h) => s + h.z, 0) / hands.length;
        const top = Math.min(...hands.map((h) => h.y)) - 2;
        if (spec.at === 'hands') {
          // Facing the person: its back just beyond the hands, the seat further away.
          boxes.push(box('chair', [hx + 1, top - 30, hz - 10], [hx + 3.5, top, hz + 10], false));
          boxes.push(box('chair', [hx + 1, top - 33, hz - 11], [hx + 23, top - 30, hz + 11], true));
          for (const x of [hx + 1, hx + 21.5]) for (const z of [hz - 10.5, hz + 9]) boxes.push(box('chair', [x, 0, z], [x + 1.5, top - 33, z + 1.5], false));
        } else {
          // Side-on: its back under the hand, running along the way the person faces, the seat out to the side.
          const out = spec.at === 'handL' ? -1 : 1;
          const z0 = hz + out * 1.5;
          const z1 = z0 + out * 2.5;
          boxes.push(box('chair', [hx - 10, top - 30, Math.min(z0, z1)], [hx + 10, top, Math.max(z0, z1)], false));
          const s0 = z0;
          const s1 = z0 + out * 22;
          boxes.push(box('chair', [hx - 11, top - 33, Math.min(s0, s1)], [hx + 11, top - 30, Math.max(s0, s1)], true));
          for (const x of [hx - 10.5, hx + 9]) for (const z of [s0, s1 - out * 1.5]) boxes.push(box('chair', [x, 0, Math.min(z, z + out * 1.5)], [x + 1.5, top - 33, Math.max(z, z + out * 1.5)], false));
        }
        break;
      }
      case 'wall': {
        if (spec.at === 'behind') {
          const back = Math.min(...bare.surface.filter((s) => s.part === 'trunk' || s.part === 'pelvis' || s.part === 'head').map((s) => s.at.x - s.radius));
          boxes.push(box('wall', [back - 4, 0, -34], [back, 118, 34], false));
        } else if (spec.at === 'hands') {
          // Just beyond the hands where they reach furthest, so leaning in never pushes them through it.
          const front = Math.max(...all.flatMap((a) => [a.body.L.hand.x, a.body.R.hand.x])) + RADII_HAND;
          boxes.push(box('wall', [front, 0, -34], [front + 4, 118, 34], false));
        } else {
          const front = Math.max(...all.flatMap((a) => a.surface.filter((s) => s.part.startsWith('foot') || s.part.startsWith('leg')).map((s) => s.at.x + s.radius)));
          boxes.push(box('wall', [front, 0, -34], [front + 4, 118, 34], false));
        }
        break;
      }
      case 'doorFrame': {
        const hx = (b.L.hand.x + b.R.hand.x) / 2;
        const zl = b.L.hand.z - 2;
        const zr = b.R.hand.z + 2;
        boxes.push(box('doorFrame', [hx - 1, 0, zl - 4], [hx + 4, 120, zl], false));
        boxes.push(box('doorFrame', [hx - 1, 0, zr], [hx + 4, 120, zr + 4], false));
        boxes.push(box('doorFrame', [hx - 1, 120, zl - 4], [hx + 4, 124, zr + 4], false));
        break;
      }
      case 'towel': {
        if (spec.at === 'strapL' || spec.at === 'strapR') {
          straps.push({ foot: spec.at === 'strapL' ? 'L' : 'R' });
          break;
        }
        // A roll lying across the body, filling the gap between the floor and the part it supports.
        const near = spec.at === 'neck' ? b.neckTop : spec.at === 'knees' ? vec((b.L.knee.x + b.R.knee.x) / 2, 0, 0) : b.waist;
        const under = bare.surface.filter((s) => Math.abs(s.at.x - near.x) < 3 && Math.abs(s.at.z) < 10);
        const gap = under.length ? Math.max(2.5, Math.min(...under.map((s) => s.at.y - s.radius))) : 3;
        // A rolled towel is about as thick as a hand: under the neck it fills the hollow and shows beside the head.
        const r = spec.at === 'neck' ? Math.max(gap / 2, NECK_ROLL_RADIUS) : gap / 2;
        boxes.push({ ...box('towel', [near.x - r, 0, -13], [near.x + r, Math.max(gap, 2 * r), 13], false, false), roll: true });
        break;
      }
    }
  }
  return { boxes, straps };
}

/** How far a surface sphere goes into a box (0 when it stays outside). */
export function penetration(s: SurfacePoint, b: Box): FigureUnits {
  const cx = Math.min(Math.max(s.at.x, b.min.x), b.max.x);
  const cy = Math.min(Math.max(s.at.y, b.min.y), b.max.y);
  const cz = Math.min(Math.max(s.at.z, b.min.z), b.max.z);
  const inside = s.at.x > b.min.x && s.at.x < b.max.x && s.at.y > b.min.y && s.at.y < b.max.y && s.at.z > b.min.z && s.at.z < b.max.z;
  if (inside) {
    const toFace = Math.min(s.at.x - b.min.x, b.max.x - s.at.x, s.at.y - b.min.y, b.max.y - s.at.y, s.at.z - b.min.z, b.max.z - s.at.z);
    return figureUnits(toFace + s.radius);
  }
  const dist = Math.hypot(s.at.x - cx, s.at.y - cy, s.at.z - cz);
  return figureUnits(Math.max(0, s.radius - dist));
}

/** Whether the straight line from a to b passes through a box shrunk by `give` on every side (slab test). */
export function segmentCrossesBox(a: Vec3, b: Vec3, box: Box, give: number): boolean {
  let t0 = 0;
  let t1 = 1;
  for (const axis of ['x', 'y', 'z'] as const) {
    const lo = box.min[axis] + give;
    const hi = box.max[axis] - give;
    if (lo >= hi) return false;
    const d = b[axis] - a[axis];
    if (Math.abs(d) < 1e-12) {
      if (a[axis] <= lo || a[axis] >= hi) return false;
      continue;
    }
    let near = (lo - a[axis]) / d;
    let far = (hi - a[axis]) / d;
    if (near > far) [near, far] = [far, near];
    t0 = Math.max(t0, near);
    t1 = Math.min(t1, far);
    if (t0 > t1) return false;
  }
  return true;
}

/** The bones of a body as straight lines, named by the part they belong to. */
export function bonesOf(b: Body3D): { from: Vec3; to: Vec3; part: BodyPart }[] {
  const out: { from: Vec3; to: Vec3; part: BodyPart }[] = [
    { from: b.pelvis, to: b.waist, part: 'pelvis' },
    { from: b.waist, to: b.chest, part: 'trunk' },
    { from: b.chest, to: b.head, part: 'head' },
  ];
  for (const s of ['L', 'R'] as const) {
    const l = b[s];
    out.push(
      { from: l.shoulder, to: l.elbow, part: s === 'L' ? 'armL' : 'armR' },
      { from: l.elbow, to: l.hand, part: s === 'L' ? 'armL' : 'armR' },
      { from: l.hip, to: l.knee, part: s === 'L' ? 'legL' : 'legR' },
      { from: l.knee, to: l.ankle, part: s === 'L' ? 'legL' : 'legR' },
      { from: l.ankle, to: l.toe, part: s === 'L' ? 'footL' : 'footR' },
    );
  }
  return out;
}

/** How far a surface sphere is from a box (0 when it touches or goes in). */
export function gap(s: SurfacePoint, b: Box): FigureUnits {
  const dx = Math.max(b.min.x - s.at.x, 0, s.at.x - b.max.x);
  const dy = Math.max(b.min.y - s.at.y, 0, s.at.y - b.max.y);
  const dz = Math.max(b.min.z - s.at.z, 0, s.at.z - b.max.z);
  return figureUnits(Math.max(0, Math.hypot(dx, dy, dz) - s.radius));
}

export { figureUnits };
