import type { ExtraJoint, Keyframe, Pose } from './types';

/**
 * Pose helpers for the side-view skeleton in types.ts (facing right, angles in degrees).
 *
 * Geometry used to keep poses honest (x forward, angles counter-clockwise from +x):
 *   trunk points at 90 − trunk;  thigh at −90 − trunk + hip;  shin at thigh − knee;
 *   foot at shin + 90 − ankle;   upper arm at −90 − trunk + shoulder;  forearm at arm + elbow.
 * So a foot is flat on the floor when its direction is 0, and in crook lying a knee of about
 * twice the hip angle puts the foot back on the floor.
 *
 * The model is a flat side view: side bends, twists, knees dropping sideways and turnout happen
 * out of its plane. Those moves are shown by their in-plane part (a smaller hip or knee angle),
 * and the cues carry the rest.
 */

export type PoseOverrides = Partial<Pose>;

function make(base: Pose, overrides: PoseOverrides): Pose {
  return { ...base, ...overrides };
}

/** Standing tall, arms resting by the sides. */
export const STANDING: Readonly<Pose> = {
  trunk: 0,
  neck: 0,
  shoulderL: 0,
  shoulderR: 0,
  elbowL: 10,
  elbowR: 10,
  hipL: 0,
  hipR: 0,
  kneeL: 0,
  kneeR: 0,
  ankleL: 0,
  ankleR: 0,
};

/** Sitting upright on a chair, hands resting on the thighs, feet flat. */
export const SITTING: Readonly<Pose> = {
  trunk: 0,
  neck: 0,
  shoulderL: 20,
  shoulderR: 20,
  elbowL: 70,
  elbowR: 70,
  hipL: 90,
  hipR: 90,
  kneeL: 90,
  kneeR: 90,
  ankleL: 0,
  ankleR: 0,
};

/** Lying on the back, knees bent, feet flat on the floor, arms by the sides (crook lying). */
export const CROOK_LYING: Readonly<Pose> = {
  trunk: -90,
  neck: 0,
  shoulderL: 0,
  shoulderR: 0,
  elbowL: 0,
  elbowR: 0,
  hipL: 50,
  hipR: 50,
  kneeL: 100,
  kneeR: 100,
  ankleL: 40,
  ankleR: 40,
};

/** Lying on the back with both legs long on the floor. */
export const LYING_LONG: Readonly<Pose> = {
  ...CROOK_LYING,
  hipL: 0,
  hipR: 0,
  kneeL: 0,
  kneeR: 0,
  ankleL: 20,
  ankleR: 20,
};

/** On the back with both thighs vertical and shins level (tabletop legs), arms by the sides. */
export const TABLETOP: Readonly<Pose> = {
  ...CROOK_LYING,
  hipL: 90,
  hipR: 90,
  kneeL: 90,
  kneeR: 90,
  ankleL: 10,
  ankleR: 10,
};

/**
 * On hands and knees: hands under shoulders, knees under hips. Arms are longer than thighs, so the shoulders sit
 * a little higher than the hips (trunk 73) for hands and knees both to reach the floor.
 */
export const QUADRUPED: Readonly<Pose> = {
  trunk: 73,
  neck: -10,
  shoulderL: 73,
  shoulderR: 73,
  elbowL: 0,
  elbowR: 0,
  hipL: 73,
  hipR: 73,
  kneeL: 90,
  kneeR: 90,
  ankleL: 75,
  ankleR: 75,
};

/** Lying face down, forehead resting on stacked hands, legs long. */
export const PRONE: Readonly<Pose> = {
  trunk: 90,
  neck: 0,
  shoulderL: 160,
  shoulderR: 160,
  elbowL: 110,
  elbowR: 110,
  hipL: 0,
  hipR: 0,
  kneeL: 0,
  kneeR: 0,
  ankleL: 50,
  ankleR: 50,
};

/** Lying on the left side, knees bent in front, head on the lower arm, top hand on the hip. */
export const SIDE_LYING: Readonly<Pose> = {
  trunk: -90,
  neck: 0,
  shoulderL: 170,
  shoulderR: 0,
  elbowL: 20,
  elbowR: 0,
  hipL: 45,
  hipR: 45,
  kneeL: 90,
  kneeR: 90,
  ankleL: 20,
  ankleR: 20,
  roll: 90,
};

export const standing = (o: PoseOverrides = {}): Pose => make(STANDING, o);
export const sitting = (o: PoseOverrides = {}): Pose => make(SITTING, o);
export const crookLying = (o: PoseOverrides = {}): Pose => make(CROOK_LYING, o);
export const lyingLong = (o: PoseOverrides = {}): Pose => make(LYING_LONG, o);
export const tabletop = (o: PoseOverrides = {}): Pose => make(TABLETOP, o);
export const quadruped = (o: PoseOverrides = {}): Pose => make(QUADRUPED, o);
export const prone = (o: PoseOverrides = {}): Pose => make(PRONE, o);
export const sideLying = (o: PoseOverrides = {}): Pose => make(SIDE_LYING, o);

/** On hands and knees, hands and knees staying put: the back rounds up at the waist (cat) or sinks (cow). */
export const catRound = quadruped({ trunk: 58, spineFlex: 30, shoulderL: 88, shoulderR: 88, hipL: 58, hipR: 58, neck: 25 });
export const cowDip = quadruped({ trunk: 84, spineFlex: -22, shoulderL: 62, shoulderR: 62, hipL: 84, hipR: 84, neck: -25 });

/** Hands resting on the belly while lying on the back. */
export const HANDS_ON_BELLY: PoseOverrides = { shoulderL: 10, shoulderR: 10, elbowL: 120, elbowR: 120 };
/** One hand resting on a chair back or barre in front, the other arm low. */
export const HAND_ON_CHAIR: PoseOverrides = { shoulderL: 40, elbowL: 30 };
/** Both hands resting on a chair back or a wall in front. */
export const HANDS_ON_CHAIR: PoseOverrides = { shoulderL: 45, shoulderR: 45, elbowL: 30, elbowR: 30 };

/**
 * The same pose with left and right swapped (the other side of a one-sided exercise): a mirror image across the
 * body's midline, so paired joints trade places and sideways turns, bends and rolls change direction.
 */
export function mirror(p: Pose): Pose {
  const out: Pose = {
    trunk: p.trunk,
    neck: p.neck,
    shoulderL: p.shoulderR,
    shoulderR: p.shoulderL,
    elbowL: p.elbowR,
    elbowR: p.elbowL,
    hipL: p.hipR,
    hipR: p.hipL,
    kneeL: p.kneeR,
    kneeR: p.kneeL,
    ankleL: p.ankleR,
    ankleR: p.ankleL,
  };
  const set = (j: ExtraJoint, v: number | undefined) => {
    if (v !== undefined) out[j] = v === 0 ? 0 : v;
  };
  for (const j of ['turn', 'roll', 'sideBend', 'twist', 'neckTurn', 'neckSide'] as const) set(j, p[j] === undefined ? undefined : -p[j]);
  set('shoulderAbdL', p.shoulderAbdR);
  set('shoulderAbdR', p.shoulderAbdL);
  set('hipAbdL', p.hipAbdR);
  set('hipAbdR', p.hipAbdL);
  set('hipRotL', p.hipRotR);
  set('hipRotR', p.hipRotL);
  set('spineFlex', p.spineFlex);
  set('breath', p.breath);
  return out;
}

export function kf(t: number, phase: string, pose: Pose): Keyframe {
  return { t, phase, pose };
}

/** Move from `rest` to `target` and back, in `seconds`: start, target, return. */
export function thereAndBack(rest: Pose, target: Pose, seconds: number, phase: string): Keyframe[] {
  return [kf(0, 'start', rest), kf(seconds / 2, phase, target), kf(seconds, 'return', rest)];
}

/** Move into `held`, stay for `holdSeconds`, come back: start, arrive, hold, return. */
export function holdCycle(rest: Pose, held: Pose, holdSeconds: number, moveSeconds = 3): Keyframe[] {
  return [
    kf(0, 'start', rest),
    kf(moveSeconds, 'arrive', held),
    kf(moveSeconds + holdSeconds, 'hold', held),
    kf(2 * moveSeconds + holdSeconds, 'return', rest),
  ];
}

/** One side, back to the middle, the other side, back to the middle, in `seconds`. */
export function alternate(rest: Pose, left: Pose, right: Pose, seconds: number, phases: readonly [string, string]): Keyframe[] {
  const q = seconds / 4;
  return [kf(0, 'start', rest), kf(q, phases[0], left), kf(2 * q, 'centre', rest), kf(3 * q, phases[1], right), kf(seconds, 'return', rest)];
}

/** One walking stride: left heel down, passing, right heel down, passing, left heel down again. */
export function walkCycle(stepDegrees: number, cycleSeconds: number): Keyframe[] {
  const s = stepDegrees;
  const leftFront = standing({
    hipL: s,
    kneeL: 5,
    ankleL: -10,
    hipR: -s / 2,
    kneeR: 10,
    ankleR: 15,
    shoulderL: -s / 2,
    shoulderR: s / 2,
    elbowL: 15,
    elbowR: 15,
  });
  const passingRight = standing({ hipL: 0, kneeL: 5, hipR: s / 2, kneeR: 40, ankleR: 0, elbowL: 15, elbowR: 15 });
  const passingLeft = mirror(passingRight);
  const rightFront = mirror(leftFront);
  const q = cycleSeconds / 4;
  return [
    kf(0, 'left heel down', leftFront),
    kf(q, 'right leg passes', passingRight),
    kf(2 * q, 'right heel down', rightFront),
    kf(3 * q, 'left leg passes', passingLeft),
    kf(cycleSeconds, 'left heel down', leftFront),
  ];
}
