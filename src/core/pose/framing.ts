import type { Keyframe, Pose } from '../exercises/types';
import type { Body3D } from './body';
import { cycleSeconds, poseInCycle } from './interpolate';
import { placeBody, type Box, type Scene } from './scene';
import { vec, type Vec3 } from './vec';
import type { Projector } from './view';

/**
 * How a figure is framed: the part of the drawing a box shows. Drawing units are the view's projection with y
 * pointing down (as in SVG). The rule is the same for every exercise: the whole body, in every pose of the
 * movement, is in the frame, with the floor under it; a thumbnail's still also takes in the props near it.
 * There are no close-ups: cutting a small movement of the head out of the body (a chin tuck lying down) lost
 * the legs at an awkward place and with them what the person is lying on. A small movement is made clear by
 * its keyframes, its highlight and its arrow instead.
 */

export interface Frame {
  minX: number;
  minY: number;
  width: number;
  height: number;
}

export interface FitOptions {
  /** Frame only these poses (a thumbnail's one still) rather than the whole movement. */
  poses?: readonly Pose[];
  /** Widen or heighten the frame to this width ÷ height (the box it is shown in), keeping the figure centred. */
  aspect?: number;
}

/** A point of the drawing: x to the right, y down. */
export interface DrawnPoint {
  x: number;
  y: number;
  depth: number;
}

export function drawn(view: Projector, p: Vec3): DrawnPoint {
  const s = view.project(p);
  return { x: s.x, y: -s.y, depth: s.depth };
}

/** Room kept round each framed joint: more than the head's radius, so the head and hands are never cut. */
const JOINT_ROOM = 7;
/** How far beyond the body a prop is still framed (a chair beside the person, the end of a bed or mat). */
const PROP_ROOM = 14;

/** The joints that bound a body in a frame. */
export function framedJoints(b: Body3D): Vec3[] {
  return [b.head, b.chest, b.pelvis, ...(['L', 'R'] as const).flatMap((s) => [b[s].hand, b[s].elbow, b[s].knee, b[s].toe, b[s].ankle, b[s].shoulder])];
}

/** Where the floor line is drawn: level with the spot the person stands on (the origin, or the scene's feetAt). */
export function floorPoint(scene: Pick<Scene, 'feetAt'>): Vec3 {
  return vec(scene.feetAt?.x ?? 0, 0, scene.feetAt?.z ?? 0);
}

function boxCorners(b: Box): Vec3[] {
  const out: Vec3[] = [];
  for (const x of [b.min.x, b.max.x]) for (const y of [b.min.y, b.max.y]) for (const z of [b.min.z, b.max.z]) out.push(vec(x, y, z));
  return out;
}

/** The frame round these bodies (every pose of the movement, or a still's), seen in `view`. */
export function frameOf(bodies: readonly Body3D[], view: Projector, boxes: readonly Box[], scene: Pick<Scene, 'feetAt'>, fit: FitOptions = {}): Frame {
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (const b of bodies) {
    for (const p of framedJoints(b)) {
      const q = drawn(view, p);
      minX = Math.min(minX, q.x - JOINT_ROOM);
      maxX = Math.max(maxX, q.x + JOINT_ROOM);
      minY = Math.min(minY, q.y - JOINT_ROOM);
      maxY = Math.max(maxY, q.y + JOINT_ROOM);
    }
  }
  minX -= 6;
  maxX += 6;
  minY -= 4;
  // The floor is in the frame (seen from above, the mat shows it instead).
  if (view.view !== 'above') maxY = Math.max(maxY, drawn(view, floorPoint(scene)).y + 4);
  maxY += 3;
  if (fit.poses) {
    // A still's frame takes in the props near the body: a chair beside it, what it lies or sits on, down to the floor.
    const near = { minX: minX - PROP_ROOM, maxX: maxX + PROP_ROOM, minY: minY - PROP_ROOM, maxY: maxY + PROP_ROOM };
    for (const b of boxes) {
      if (b.kind === 'mat') continue;
      for (const c of boxCorners(b).map((corner) => drawn(view, corner))) {
        minX = Math.min(minX, Math.max(near.minX, c.x));
        maxX = Math.max(maxX, Math.min(near.maxX, c.x));
        minY = Math.min(minY, Math.max(near.minY, c.y));
        maxY = Math.max(maxY, Math.min(near.maxY, c.y));
      }
    }
  }
  const cx = (minX + maxX) / 2;
  const cy = (minY + maxY) / 2;
  let width = maxX - minX;
  let height = maxY - minY;
  if (fit.aspect) {
    width = Math.max(width, height * fit.aspect);
    height = Math.max(height, width / fit.aspect);
    return { minX: cx - width / 2, minY: cy - height / 2, width, height };
  }
  // Keep a calm, wide-enough frame so a thin standing figure is not blown up.
  width = Math.max(width, height * 0.75);
  return { minX: cx - width / 2, minY, width, height };
}

/** Whether a point (with the room it takes) lies inside a frame. */
export function inFrame(f: Frame, p: Pick<DrawnPoint, 'x' | 'y'>, room = 0): boolean {
  return p.x - room >= f.minX - 1e-9 && p.x + room <= f.minX + f.width + 1e-9 && p.y - room >= f.minY - 1e-9 && p.y + room <= f.minY + f.height + 1e-9;
}

/** Moments of one repetition sampled for its frame and its trail (the movement between keyframes is framed too). */
export const FRAME_SAMPLES = 24;

/** The placed body at FRAME_SAMPLES + 1 evenly spaced moments of one repetition, first to last. */
export function movementBodies(keyframes: readonly Keyframe[], scene: Pick<Scene, 'anchor' | 'feetAt'>, boxes: readonly Box[]): Body3D[] {
  const cycle = cycleSeconds(keyframes);
  const out: Body3D[] = [];
  for (let i = 0; i <= FRAME_SAMPLES; i++) out.push(placeBody(poseInCycle(keyframes, (cycle * i) / FRAME_SAMPLES), scene, boxes));
  return out;
}
