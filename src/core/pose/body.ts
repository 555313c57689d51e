import { angleOf, type Pose } from '../exercises/types';
import { degrees, figureUnits, type Degrees, type FigureUnits } from './units';
import { DOWN, FORWARD, IDENTITY, RIGHT, UP, add, apply, mul, rotX, rotY, rotZ, scale, vec, type Mat3, type Vec3 } from './vec';

/**
 * The 3D body: forward kinematics from a pose's joint angles (exercises/types.ts) to joint positions.
 *
 * Axes: x forward (the way a standing person faces), y up, z to the person's right; lengths in figure units,
 * a standing figure about 100 tall. The pelvis sits at the origin; placing the body on a floor, bed or chair is
 * scene.ts's work. Seen from the person's right side (x across, y up) with every 3D-only joint at 0, the joints
 * fall exactly where the old side-view skeleton put them, so side-view keyframes keep their meaning.
 *
 * The model is pure and deterministic: the camera coach compares measured joints against these positions.
 */

export const SEGMENTS = {
  /** Pelvis to waist, and waist to the line between the shoulders: 30 together, the old trunk. */
  lowBack: figureUnits(15),
  upperBack: figureUnits(15),
  neck: figureUnits(5),
  headRadius: figureUnits(6),
  upperArm: figureUnits(17),
  forearm: figureUnits(15),
  hand: figureUnits(4),
  thigh: figureUnits(25),
  shin: figureUnits(24),
  foot: figureUnits(8),
  /** Half the distance between the shoulder joints and between the hip joints. */
  shoulderHalfWidth: figureUnits(9.5),
  hipHalfWidth: figureUnits(4.5),
} as const;

/** How thick each part is drawn and how much room it takes against a floor or a prop. */
export const RADII = {
  neck: figureUnits(2.4),
  shoulder: figureUnits(3),
  elbow: figureUnits(2.3),
  wrist: figureUnits(1.8),
  hand: figureUnits(1.8),
  hip: figureUnits(4.6),
  knee: figureUnits(3.3),
  ankle: figureUnits(2.3),
  toe: figureUnits(1.5),
} as const;

export type Side = 'L' | 'R';
export const SIDES: readonly Side[] = ['L', 'R'];

export interface Limbs {
  shoulder: Vec3;
  elbow: Vec3;
  wrist: Vec3;
  /** The far end of the hand (fingertips). */
  hand: Vec3;
  hip: Vec3;
  knee: Vec3;
  ankle: Vec3;
  toe: Vec3;
}

export interface Body3D {
  pelvis: Vec3;
  waist: Vec3;
  /** The middle of the line between the shoulder joints. */
  chest: Vec3;
  neckTop: Vec3;
  /** The centre of the head. */
  head: Vec3;
  /** Unit vector: the way the face points. */
  face: Vec3;
  /** Unit vector: the top of the head's direction. */
  headUp: Vec3;
  /** Orientation of the pelvis and of the chest (columns: forward, up, right). */
  pelvisFrame: Mat3;
  chestFrame: Mat3;
  /** 0 breathed out to 1 a full breath in. */
  breath: number;
  L: Limbs;
  R: Limbs;
}

const d = degrees;
const along = (m: Mat3, v: Vec3, len: FigureUnits): Vec3 => scale(apply(m, v), len);

function limbs(pose: Pose, side: Side, pelvis: Vec3, chest: Vec3, P: Mat3, C: Mat3): Limbs {
  const S = SEGMENTS;
  const out = side === 'R' ? 1 : -1;
  const a = (j: Parameters<typeof angleOf>[1]) => angleOf(pose, j);
  const shoulder = add(chest, along(C, RIGHT, figureUnits(out * S.shoulderHalfWidth)));
  // Raise the arm out to the side first, then forward: at the side a raise forward still lifts it forward.
  const abd = rotX(d(-out * a(`shoulderAbd${side}`)));
  const arm = mul(C, mul(rotZ(d(a(`shoulder${side}`))), abd));
  const fore = mul(arm, rotZ(d(a(`elbow${side}`))));
  const elbow = add(shoulder, along(arm, DOWN, S.upperArm));
  const wrist = add(elbow, along(fore, DOWN, S.forearm));
  const hand = add(wrist, along(fore, DOWN, S.hand));

  const hip = add(pelvis, along(P, RIGHT, figureUnits(out * S.hipHalfWidth)));
  // Turned out first, so the leg bends in its turned plane (knees over toes); out to the side before forward,
  // so a bent hip's abduction lets the knee fall open sideways.
  const leg = mul(P, mul(rotY(d(-out * a(`hipRot${side}`))), mul(rotZ(d(a(`hip${side}`))), rotX(d(-out * a(`hipAbd${side}`))))));
  const shin = mul(leg, rotZ(d(-a(`knee${side}`))));
  const foot = mul(shin, rotZ(d(90 - a(`ankle${side}`))));
  const knee = add(hip, along(leg, DOWN, S.thigh));
  const ankle = add(knee, along(shin, DOWN, S.shin));
  return { shoulder, elbow, wrist, hand, hip, knee, ankle, toe: add(ankle, along(foot, DOWN, S.foot)) };
}

/** The 3D joint positions of a pose, with the pelvis at the origin. */
export function bodyOf(pose: Pose): Body3D {
  const S = SEGMENTS;
  const a = (j: Parameters<typeof angleOf>[1]) => angleOf(pose, j);
  const P = mul(rotY(d(a('turn'))), mul(rotZ(d(-pose.trunk)), rotY(d(a('roll')))));
  const C = mul(P, mul(rotZ(d(-a('spineFlex'))), mul(rotX(d(a('sideBend'))), rotY(d(-a('twist'))))));
  const H = mul(C, mul(rotZ(d(-pose.neck)), mul(rotY(d(-a('neckTurn'))), rotX(d(a('neckSide'))))));
  const pelvis = vec(0, 0, 0);
  const waist = along(P, UP, S.lowBack);
  const chest = add(waist, along(C, UP, S.upperBack));
  const neckTop = add(chest, along(H, UP, S.neck));
  const head = add(neckTop, along(H, UP, S.headRadius));
  return {
    pelvis,
    waist,
    chest,
    neckTop,
    head,
    face: apply(H, FORWARD),
    headUp: apply(H, UP),
    pelvisFrame: P,
    chestFrame: C,
    breath: Math.min(1, Math.max(0, a('breath'))),
    L: limbs(pose, 'L', pelvis, chest, P, C),
    R: limbs(pose, 'R', pelvis, chest, P, C),
  };
}

/** A point of the body's surface for contact checks: a centre, a radius around it, and the part it belongs to. */
export interface SurfacePoint {
  at: Vec3;
  radius: FigureUnits;
  part: BodyPart;
}

/** Parts a cue can name, for highlighting and for checking that the named part moves. */
export const BODY_PARTS = ['head', 'trunk', 'pelvis', 'belly', 'armL', 'armR', 'handL', 'handR', 'legL', 'legR', 'footL', 'footR'] as const;
export type BodyPart = (typeof BODY_PARTS)[number];

/** One ring of the torso: an ellipse across the body at `height` above the pelvis (or the waist, for the chest). */
export interface TorsoRing {
  centre: Vec3;
  /** Half-widths, in figure units, along the frame's right (side to side) and forward (front to back) axes. */
  halfWidth: FigureUnits;
  halfDepth: FigureUnits;
  frame: Mat3;
  part: 'trunk' | 'pelvis' | 'belly';
}

/** The torso as rings from the bottom of the pelvis to the shoulders; breathing swells the belly and chest. */
export function torsoRings(b: Body3D): TorsoRing[] {
  const P = b.pelvisFrame;
  const C = b.chestFrame;
  const at = (frame: Mat3, from: Vec3, h: number) => add(from, scale(apply(frame, UP), h));
  const ring = (centre: Vec3, hw: number, hd: number, frame: Mat3, part: TorsoRing['part']): TorsoRing => ({
    centre,
    halfWidth: figureUnits(hw),
    halfDepth: figureUnits(hd),
    frame,
    part,
  });
  // The belly swells forward with a breath, so its ring moves forward as well as growing.
  const belly = add(at(P, b.pelvis, 8), scale(apply(P, FORWARD), 1.6 * b.breath));
  return [
    ring(at(P, b.pelvis, -3), 6.2, 4.4, P, 'pelvis'),
    ring(at(P, b.pelvis, 2), 7.6, 5, P, 'pelvis'),
    ring(belly, 6.6, 4.6 + 1.4 * b.breath, P, 'belly'),
    ring(at(C, b.waist, 2), 7.2, 4.8 + 0.6 * b.breath, C, 'trunk'),
    ring(at(C, b.waist, 9), 8.4, 5.4 + 0.6 * b.breath, C, 'trunk'),
    ring(at(C, b.waist, 14), 7.4, 4.2, C, 'trunk'),
  ];
}

/** Points round a torso ring, evenly spaced. */
export function ringPoints(r: TorsoRing, count = 12): Vec3[] {
  const out: Vec3[] = [];
  for (let i = 0; i < count; i++) {
    const t = (2 * Math.PI * i) / count;
    out.push(add(r.centre, add(scale(apply(r.frame, RIGHT), r.halfWidth * Math.cos(t)), scale(apply(r.frame, FORWARD), r.halfDepth * Math.sin(t)))));
  }
  return out;
}

const mid = (a: Vec3, b: Vec3, w = 0.5) => vec(a.x + (b.x - a.x) * w, a.y + (b.y - a.y) * w, a.z + (b.z - a.z) * w);

/** Receives one sphere of the body's surface as plain numbers (its centre, radius and part). */
export type SurfaceVisitor = (x: number, y: number, z: number, radius: number, part: BodyPart) => void;

const RING_POINTS = 12;
const RING_COS = Array.from({ length: RING_POINTS }, (_, i) => Math.cos((2 * Math.PI * i) / RING_POINTS));
const RING_SIN = Array.from({ length: RING_POINTS }, (_, i) => Math.sin((2 * Math.PI * i) / RING_POINTS));

/**
 * Visits the body's surface spheres without building them: what placing a body on its support needs on every
 * animation frame. `surfaceOf` collects the same spheres, so both give the same numbers.
 */
export function visitSurface(b: Body3D, visit: SurfaceVisitor): void {
  visit(b.head.x, b.head.y, b.head.z, SEGMENTS.headRadius, 'head');
  for (const r of torsoRings(b)) {
    // ringPoints(r, 12) worked out in place: centre + right·hw·cos t + forward·hd·sin t.
    const m = r.frame;
    const c = r.centre;
    for (let i = 0; i < RING_POINTS; i++) {
      const a = r.halfWidth * (RING_COS[i] as number);
      const f = r.halfDepth * (RING_SIN[i] as number);
      visit(c.x + (m[2] * a + m[0] * f), c.y + (m[5] * a + m[3] * f), c.z + (m[8] * a + m[6] * f), 0, r.part);
    }
  }
  const at = (p: Vec3, q: Vec3, radius: number, part: BodyPart) => visit(p.x + (q.x - p.x) * 0.5, p.y + (q.y - p.y) * 0.5, p.z + (q.z - p.z) * 0.5, radius, part);
  for (const side of SIDES) {
    const l = b[side];
    const arm = side === 'L' ? 'armL' : 'armR';
    const hand = side === 'L' ? 'handL' : 'handR';
    const leg = side === 'L' ? 'legL' : 'legR';
    const foot = side === 'L' ? 'footL' : 'footR';
    visit(l.shoulder.x, l.shoulder.y, l.shoulder.z, RADII.shoulder, arm);
    at(l.shoulder, l.elbow, 2.6, arm);
    visit(l.elbow.x, l.elbow.y, l.elbow.z, RADII.elbow, arm);
    at(l.elbow, l.wrist, 2, arm);
    visit(l.wrist.x, l.wrist.y, l.wrist.z, RADII.wrist, hand);
    visit(l.hand.x, l.hand.y, l.hand.z, RADII.hand, hand);
    at(l.hip, l.knee, 4, leg);
    visit(l.knee.x, l.knee.y, l.knee.z, RADII.knee, leg);
    at(l.knee, l.ankle, 2.8, leg);
    visit(l.ankle.x, l.ankle.y, l.ankle.z, RADII.ankle, foot);
    at(l.ankle, l.toe, 1.9, foot);
    visit(l.toe.x, l.toe.y, l.toe.z, RADII.toe, foot);
  }
}

/** The body's surface as spheres along every part: what must stay out of the floor and out of props. */
export function surfaceOf(b: Body3D): SurfacePoint[] {
  const out: SurfacePoint[] = [];
  visitSurface(b, (x, y, z, radius, part) => out.push({ at: vec(x, y, z), radius: figureUnits(radius), part }));
  return out;
}

/** Where a part is, for measuring how far it travels and for drawing its trail: the point a person watches. */
export function partPoint(b: Body3D, part: BodyPart): Vec3 {
  switch (part) {
    case 'head':
      return add(b.head, scale(b.face, SEGMENTS.headRadius));
    case 'trunk':
      return b.waist;
    case 'pelvis':
      // The front of the pelvis, so a tilt shows even when the pelvis itself stays put.
      return add(b.pelvis, add(scale(apply(b.pelvisFrame, FORWARD), 6), scale(apply(b.pelvisFrame, UP), -5)));
    case 'belly': {
      const ring = torsoRings(b)[2];
      return ring ? add(ring.centre, scale(apply(ring.frame, FORWARD), ring.halfDepth)) : b.waist;
    }
    case 'armL':
    case 'handL':
      return b.L.hand;
    case 'armR':
    case 'handR':
      return b.R.hand;
    case 'legL':
      return b.L.knee;
    case 'legR':
      return b.R.knee;
    case 'footL':
      return b.L.toe;
    case 'footR':
      return b.R.toe;
  }
}

/** Every point that shows a part moving: a foot moves at the toes (pumping) or at the heel (rising on the toes). */
export function partPoints(b: Body3D, part: BodyPart): Vec3[] {
  if (part === 'footL') return [b.L.toe, b.L.ankle];
  if (part === 'footR') return [b.R.toe, b.R.ankle];
  return [partPoint(b, part)];
}

/** The body's centre of mass, from rough shares of body weight per part. */
export function centreOfMass(b: Body3D): Vec3 {
  const parts: [Vec3, number][] = [
    [mid(b.pelvis, b.chest, 0.45), 0.5],
    [b.head, 0.08],
    ...SIDES.flatMap((s): [Vec3, number][] => [
      [b[s].elbow, 0.05],
      [mid(b[s].hip, b[s].knee, 0.8), 0.16],
    ]),
  ];
  return parts.reduce((sum, [p, w]) => add(sum, scale(p, w)), vec(0, 0, 0));
}

/** Lengths of every bone, to check that the kinematics never stretch one. */
export function boneLengths(b: Body3D): Record<string, FigureUnits> {
  const len = (p: Vec3, q: Vec3) => figureUnits(Math.hypot(p.x - q.x, p.y - q.y, p.z - q.z));
  const out: Record<string, FigureUnits> = {
    lowBack: len(b.pelvis, b.waist),
    upperBack: len(b.waist, b.chest),
    neck: len(b.chest, b.neckTop),
    head: len(b.neckTop, b.head),
  };
  for (const s of SIDES) {
    const l = b[s];
    Object.assign(out, {
      [`shoulderWidth${s}`]: len(b.chest, l.shoulder),
      [`upperArm${s}`]: len(l.shoulder, l.elbow),
      [`forearm${s}`]: len(l.elbow, l.wrist),
      [`hand${s}`]: len(l.wrist, l.hand),
      [`hipWidth${s}`]: len(b.pelvis, l.hip),
      [`thigh${s}`]: len(l.hip, l.knee),
      [`shin${s}`]: len(l.knee, l.ankle),
      [`foot${s}`]: len(l.ankle, l.toe),
    });
  }
  return out;
}

export const NO_ROTATION = IDENTITY;
export type { Degrees, FigureUnits };
