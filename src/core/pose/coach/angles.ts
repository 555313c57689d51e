import { degrees, type Degrees } from '../units';
import { point, type Keypoint, type Keypoints } from './keypoints';

/**
 * Joint angles measured on one camera frame, in the convention of an exercise's keyframes (src/core/exercises/
 * types.ts) as far as a flat image can tell them: a side view gives the bends forward and back.
 * Image y grows downwards, so "up" is (0, -1).
 */

export interface Flat {
  x: number;
  y: number;
}

const sub = (a: Flat, b: Flat): Flat => ({ x: a.x - b.x, y: a.y - b.y });
const dot = (a: Flat, b: Flat) => a.x * b.x + a.y * b.y;
const norm = (a: Flat): Flat => {
  const l = Math.hypot(a.x, a.y) || 1;
  return { x: a.x / l, y: a.y / l };
};
export const mid = (a: Flat, b: Flat): Flat => ({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 });
export const distance = (a: Flat, b: Flat) => Math.hypot(a.x - b.x, a.y - b.y);
const DEG = 180 / Math.PI;
const UP: Flat = { x: 0, y: -1 };

/** Signed angle of `v` from `from`, turning towards `towards` (both unit and at right angles). */
function signedAngle(v: Flat, from: Flat, towards: Flat): Degrees {
  return degrees(Math.atan2(dot(v, towards), dot(v, from)) * DEG);
}

/** How far a limb is bent at its middle joint: 0 straight, 90 at a right angle. */
export function bend(a: Flat, b: Flat, c: Flat): Degrees {
  const u = norm(sub(a, b));
  const v = norm(sub(c, b));
  const inside = Math.acos(Math.max(-1, Math.min(1, dot(u, v)))) * DEG;
  return degrees(180 - inside);
}

export type SideJoint = 'shoulder' | 'elbow' | 'hip' | 'knee';
export type MeasuredJoint = 'trunk' | `${SideJoint}${'L' | 'R'}`;
export type MeasuredAngles = Partial<Record<MeasuredJoint, Degrees>>;

const either = (frame: Keypoints, l: Parameters<typeof point>[1], r: Parameters<typeof point>[1]): Flat | null => {
  const a = point(frame, l);
  const b = point(frame, r);
  return a && b ? mid(a, b) : (a ?? b);
};

/**
 * The body's own axes in the image: `up` from the hips to the shoulders, `forward` at right angles to it on the
 * side the face is on (the nose is in front of the ears). Null when the trunk or the face cannot be seen.
 */
export function bodyAxes(frame: Keypoints): { up: Flat; forward: Flat; hips: Flat; shoulders: Flat } | null {
  const shoulders = either(frame, 'shoulderL', 'shoulderR');
  const hips = either(frame, 'hipL', 'hipR');
  const nose = point(frame, 'nose');
  const ears = either(frame, 'earL', 'earR');
  if (!shoulders || !hips || !nose || !ears) return null;
  const up = norm(sub(shoulders, hips));
  const perp = { x: -up.y, y: up.x };
  const ahead = dot(sub(nose, ears), perp);
  if (Math.abs(ahead) < 1e-6) return null;
  return { up, forward: ahead > 0 ? perp : { x: -perp.x, y: -perp.y }, hips, shoulders };
}

/**
 * Side-view angles: trunk tilt from upright (+ leaning forward, − lying back), shoulder and hip (the limb forward
 * of the trunk line +, behind −), elbow and knee bend. A joint whose points are not seen is left out.
 */
export function measuredAngles(frame: Keypoints): MeasuredAngles {
  const out: MeasuredAngles = {};
  const axes = bodyAxes(frame);
  if (axes) {
    // Tilting forward by θ turns `up` towards the facing direction and `forward` downwards.
    out.trunk = degrees(Math.atan2(-dot(axes.forward, UP), dot(axes.up, UP)) * DEG);
  }
  const down = axes ? { x: -axes.up.x, y: -axes.up.y } : null;
  for (const side of ['L', 'R'] as const) {
    const shoulder = point(frame, `shoulder${side}`);
    const elbow = point(frame, `elbow${side}`);
    const wrist = point(frame, `wrist${side}`);
    const hip = point(frame, `hip${side}`);
    const knee = point(frame, `knee${side}`);
    const ankle = point(frame, `ankle${side}`);
    if (axes && down && shoulder && elbow) out[`shoulder${side}`] = signedAngle(norm(sub(elbow, shoulder)), down, axes.forward);
    if (axes && down && hip && knee) out[`hip${side}`] = signedAngle(norm(sub(knee, hip)), down, axes.forward);
    if (shoulder && elbow && wrist) out[`elbow${side}`] = bend(shoulder, elbow, wrist);
    if (hip && knee && ankle) out[`knee${side}`] = bend(hip, knee, ankle);
  }
  return out;
}

export function visible(frame: Keypoints, names: Parameters<typeof point>[1][]): boolean {
  return names.every((n) => point(frame, n) !== null);
}

export type { Keypoint };
