import type { Pose } from '../../exercises/types';
import { bodyOf } from '../body';
import { SEGMENTS } from '../body';
import { projector, type ViewName } from '../view';
import { add, scale, type Vec3 } from '../vec';
import { KEYPOINTS, type Keypoint, type KeypointName } from './keypoints';

/**
 * The keypoints a camera would report for a pose of the body model: its joints placed in 3D (bodyOf), the face
 * points put on the head, then projected in a view and fitted into the image. Used to test the coach against the
 * exercises' own keyframes, and to make noisy, mirrored or cropped versions of them.
 */
export interface Placement {
  view: ViewName;
  /** Where the pelvis lands in the image, and figure units per image unit. */
  centre: { x: number; y: number };
  scale: number;
}

export const STANDING_FRAME: Placement = { view: 'side', centre: { x: 0.5, y: 0.5 }, scale: 0.009 };

function cross(a: Vec3, b: Vec3): Vec3 {
  return { x: a.y * b.z - a.z * b.y, y: a.z * b.x - a.x * b.z, z: a.x * b.y - a.y * b.x } as Vec3;
}

export function keypointsOf(pose: Pose, where: Placement = STANDING_FRAME): Keypoint[] {
  const b = bodyOf(pose);
  const r = SEGMENTS.headRadius;
  const right = cross(b.face, b.headUp);
  const onHead = (forward: number, side: number, up: number) => add(add(add(b.head, scale(b.face, forward * r)), scale(right, side * r)), scale(b.headUp, up * r));
  const at: Record<KeypointName, Vec3> = {
    nose: onHead(1, 0, -0.1),
    eyeL: onHead(0.8, -0.4, 0.2),
    eyeR: onHead(0.8, 0.4, 0.2),
    earL: onHead(0, -0.95, 0),
    earR: onHead(0, 0.95, 0),
    shoulderL: b.L.shoulder,
    shoulderR: b.R.shoulder,
    elbowL: b.L.elbow,
    elbowR: b.R.elbow,
    wristL: b.L.wrist,
    wristR: b.R.wrist,
    hipL: b.L.hip,
    hipR: b.R.hip,
    kneeL: b.L.knee,
    kneeR: b.R.knee,
    ankleL: b.L.ankle,
    ankleR: b.R.ankle,
  };
  const view = projector(where.view);
  return KEYPOINTS.map((name) => {
    const p = view.project(at[name]);
    return { x: where.centre.x + p.x * where.scale, y: where.centre.y - p.y * where.scale, score: 0.9 };
  });
}

/** A small deterministic random source, so a noisy test sequence is the same on every run. */
export function seeded(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4_294_967_296;
  };
}

export interface Disturbance {
  /** Standard deviation of the position noise, in image units. */
  noise?: number;
  /** Share of points reported as not seen (score 0). */
  dropped?: number;
  /** Points outside the image (below y or beyond x) are reported as not seen, as a model does. */
  cropBelow?: number;
}

export function disturb(frame: readonly Keypoint[], random: () => number, d: Disturbance): Keypoint[] {
  const gauss = () => Math.sqrt(-2 * Math.log(random() || 1e-9)) * Math.cos(2 * Math.PI * random());
  return frame.map((p) => {
    const x = p.x + gauss() * (d.noise ?? 0);
    const y = p.y + gauss() * (d.noise ?? 0);
    const gone = random() < (d.dropped ?? 0) || (d.cropBelow !== undefined && y > d.cropBelow);
    return { x, y, score: gone ? 0.05 : p.score };
  });
}
