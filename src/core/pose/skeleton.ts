import type { Joint, Pose } from '../exercises/types';

/**
 * Forward kinematics of the side-view skeleton used by the catalogue's keyframes (see exercises/types.ts for
 * the angle conventions). One model serves the animated figure, the still in the Library and the camera coach.
 *
 * Directions are angles in degrees measured from straight up, clockwise towards the way the person faces
 * (+x): 0 up, 90 forward, 180 down, -90 backward. Coordinates are in figure units with y pointing up;
 * a standing figure is about 100 units tall, with its lowest point on the floor (y = 0).
 */

export interface Point {
  x: number;
  y: number;
}

export const SEGMENT_LENGTHS = {
  trunk: 30,
  neck: 5,
  headRadius: 6,
  upperArm: 17,
  forearm: 15,
  thigh: 25,
  shin: 24,
  foot: 8,
} as const;

export type Side = 'L' | 'R';

export interface LimbPoints {
  shoulder: Point;
  elbow: Point;
  hand: Point;
  hip: Point;
  knee: Point;
  ankle: Point;
  toe: Point;
}

export interface FigurePoints {
  pelvis: Point;
  shoulders: Point;
  neckTop: Point;
  head: Point;
  L: LimbPoints;
  R: LimbPoints;
}

const RAD = Math.PI / 180;

function step(from: Point, directionDeg: number, length: number): Point {
  return { x: from.x + length * Math.sin(directionDeg * RAD), y: from.y + length * Math.cos(directionDeg * RAD) };
}

function limb(pose: Pose, side: Side, pelvis: Point, shoulders: Point): LimbPoints {
  const S = SEGMENT_LENGTHS;
  const trunk = pose.trunk;
  const armDir = trunk + 180 - pose[`shoulder${side}` as Joint];
  const forearmDir = armDir - pose[`elbow${side}` as Joint];
  const thighDir = trunk + 180 - pose[`hip${side}` as Joint];
  const shinDir = thighDir + pose[`knee${side}` as Joint];
  const footDir = shinDir - 90 + pose[`ankle${side}` as Joint];
  const elbow = step(shoulders, armDir, S.upperArm);
  const knee = step(pelvis, thighDir, S.thigh);
  const ankle = step(knee, shinDir, S.shin);
  return {
    shoulder: shoulders,
    elbow,
    hand: step(elbow, forearmDir, S.forearm),
    hip: pelvis,
    knee,
    ankle,
    toe: step(ankle, footDir, S.foot),
  };
}

/** Joint positions of a pose, shifted so that the lowest point rests on the floor and the pelvis is at x = 0. */
export function figurePoints(pose: Pose): FigurePoints {
  const S = SEGMENT_LENGTHS;
  const origin: Point = { x: 0, y: 0 };
  const shoulders = step(origin, pose.trunk, S.trunk);
  const headDir = pose.trunk + pose.neck;
  const neckTop = step(shoulders, headDir, S.neck);
  const head = step(neckTop, headDir, S.headRadius);
  const raw: FigurePoints = { pelvis: origin, shoulders, neckTop, head, L: limb(pose, 'L', origin, shoulders), R: limb(pose, 'R', origin, shoulders) };
  const lowest = Math.min(head.y - S.headRadius, ...allPoints(raw).map((p) => p.y));
  return mapPoints(raw, (p) => ({ x: p.x, y: p.y - lowest }));
}

export function allPoints(f: FigurePoints): Point[] {
  const limbPoints = (l: LimbPoints) => [l.elbow, l.hand, l.knee, l.ankle, l.toe];
  return [f.pelvis, f.shoulders, f.neckTop, f.head, ...limbPoints(f.L), ...limbPoints(f.R)];
}

function mapPoints(f: FigurePoints, fn: (p: Point) => Point): FigurePoints {
  const mapLimb = (l: LimbPoints): LimbPoints => ({
    shoulder: fn(l.shoulder),
    elbow: fn(l.elbow),
    hand: fn(l.hand),
    hip: fn(l.hip),
    knee: fn(l.knee),
    ankle: fn(l.ankle),
    toe: fn(l.toe),
  });
  return { pelvis: fn(f.pelvis), shoulders: fn(f.shoulders), neckTop: fn(f.neckTop), head: fn(f.head), L: mapLimb(f.L), R: mapLimb(f.R) };
}

/** The polylines to draw for one side's arm and leg, far side first so the near side is drawn on top. */
export function limbPolylines(f: FigurePoints, side: Side): { arm: Point[]; leg: Point[] } {
  const l = f[side];
  return { arm: [l.shoulder, l.elbow, l.hand], leg: [l.hip, l.knee, l.ankle, l.toe] };
}

/** A box that holds every pose of an exercise, so an animation or a still does not jump around. */
export function boundsOf(figures: FigurePoints[], margin = 8): { minX: number; minY: number; width: number; height: number } {
  const points = figures.flatMap((f) => [...allPoints(f), { x: f.head.x - SEGMENT_LENGTHS.headRadius, y: f.head.y + SEGMENT_LENGTHS.headRadius }, { x: f.head.x + SEGMENT_LENGTHS.headRadius, y: f.head.y }]);
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const minX = Math.min(...xs) - margin;
  const maxX = Math.max(...xs) + margin;
  const minY = Math.min(0, ...ys) - margin;
  const maxY = Math.max(...ys) + margin;
  return { minX, minY, width: maxX - minX, height: maxY - minY };
}
