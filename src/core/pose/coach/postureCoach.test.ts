import { describe, expect, it } from 'vitest';
import type { Pose } from '../../exercises/types';
import { mirrored, type Keypoint } from './keypoints';
import { postureMeasures, viewOf } from './posture';
import { PostureCoach, type CoachState, type PostureCueId } from './postureCoach';
import { disturb, keypointsOf, seeded, STANDING_FRAME, type Disturbance } from './synthetic';

const STAND: Pose = { trunk: 0, neck: 0, shoulderL: 0, shoulderR: 0, elbowL: 5, elbowR: 5, hipL: 0, hipR: 0, kneeL: 0, kneeR: 0, ankleL: 0, ankleR: 0 };
const FRONT = { ...STANDING_FRAME, view: 'front' as const };
const FPS = 15;

/** Runs a coach over `seconds` of frames made by `frameAt`, returning every state. */
function run(coach: PostureCoach, from: number, seconds: number, frameAt: (t: number) => Keypoint[]): CoachState[] {
  const states: CoachState[] = [];
  for (let i = 0; i < seconds * FPS; i++) {
    const t = from + i / FPS;
    states.push(coach.update(frameAt(t), t * 1000));
  }
  return states;
}

const cuesIn = (states: CoachState[]) => states.map((s) => (s.stage === 'coaching' ? s.cue : undefined));
const lastCue = (states: CoachState[]) => cuesIn(states).at(-1);
/** How many times the cue shown changed. */
const changes = (states: CoachState[]) => cuesIn(states).filter((c, i, all) => i > 0 && c !== all[i - 1]).length;

function scenario(pose: (t: number) => Pose, where = STANDING_FRAME, d: Disturbance = { noise: 0.003 }, seed = 7, post?: (f: Keypoint[]) => Keypoint[]) {
  const random = seeded(seed);
  return (t: number) => {
    const frame = disturb(keypointsOf(pose(t), where), random, d);
    return post ? post(frame) : frame;
  };
}

describe('posture measures', () => {
  it('tells a side view from a front view and reads a stacked stance as near zero', () => {
    const side = keypointsOf(STAND);
    const front = keypointsOf(STAND, FRONT);
    expect(viewOf(side)).toBe('side');
    expect(viewOf(front)).toBe('front');
    const m = postureMeasures(side, 'side');
    expect(Math.abs(m.trunkLean!)).toBeLessThan(2);
    expect(Math.abs(m.shouldersOverHips!)).toBeLessThan(1);
    expect(Math.abs(m.headForward!)).toBeLessThan(2);
    const f = postureMeasures(front, 'front');
    expect(Math.abs(f.shoulderTilt!)).toBeLessThan(1);
    expect(Math.abs(f.pelvisTilt!)).toBeLessThan(1);
  });

  it('reads a head pushed forward and a slouch forward, facing either way', () => {
    const poked = keypointsOf({ ...STAND, neck: 35 });
    const slouched = keypointsOf({ ...STAND, trunk: 15, hipL: -15, hipR: -15 });
    for (const frame of [poked, mirrored(poked)]) expect(postureMeasures(frame, 'side').headForward!).toBeGreaterThan(20);
    for (const frame of [slouched, mirrored(slouched)]) expect(postureMeasures(frame, 'side').shouldersOverHips!).toBeGreaterThan(10);
  });
});

describe('the posture coach', () => {
  it('calibrates on a still stance, then cues a head that drifts forward, and lets the cue go when it comes back', () => {
    const coach = new PostureCoach();
    const neck = (t: number) => (t < 4 ? 0 : t < 10 ? 40 : 0);
    const states = run(coach, 0, 14, scenario((t) => ({ ...STAND, neck: neck(t) })));
    expect(states.slice(0, FPS).every((s) => s.stage === 'calibrating')).toBe(true);
    expect(states[4 * FPS - 1]).toMatchObject({ stage: 'coaching', cue: null });
    expect(cuesIn(states.slice(5.5 * FPS, 10 * FPS)).every((c) => c === 'headForward.forward')).toBe(true);
    expect(lastCue(states)).toBeNull();
    const summary = coach.summary()!;
    expect(summary.cues).toEqual(['headForward.forward']);
    expect(summary.score).toBeGreaterThan(40);
    expect(summary.score).toBeLessThan(75);
  });

  it('does not flicker when a measure hovers at the edge of its tolerance', () => {
    const coach = new PostureCoach();
    // After calibration the head goes 14–18° forward, in and out of tolerance from frame to frame.
    const states = run(coach, 0, 20, scenario((t) => ({ ...STAND, neck: t < 4 ? 0 : 22 + 6 * Math.sin(t * 9) }), STANDING_FRAME, { noise: 0.004 }));
    expect(changes(states.slice(4 * FPS))).toBeLessThanOrEqual(2);
  });

  it('gives no cue for jitter around a good stance', () => {
    const coach = new PostureCoach();
    const states = run(coach, 0, 12, scenario(() => STAND, STANDING_FRAME, { noise: 0.006 }, 3));
    expect(cuesIn(states).filter((c) => c)).toEqual([]);
    expect(coach.summary()?.score).toBe(100);
  });

  it('keeps working with one point in ten dropped, and mirrored', () => {
    for (const post of [undefined, mirrored]) {
      const coach = new PostureCoach();
      const states = run(coach, 0, 12, scenario((t) => ({ ...STAND, trunk: t < 4 ? 0 : 16, hipL: t < 4 ? 0 : -16, hipR: t < 4 ? 0 : -16 }), STANDING_FRAME, { noise: 0.003, dropped: 0.1 }, 11, post));
      // Leaning the whole trunk forward from the hips: a forward cue most of the time after it starts (the rest are
      // frames with a point missed, which say so instead of guessing).
      expect(cuesIn(states.slice(6 * FPS)).filter((c) => c === 'trunkLean.forward' || c === 'shouldersOverHips.forward').length).toBeGreaterThan(4 * FPS);
    }
  });

  it('asks for the whole body when the feet are out of frame, and coaches nothing meanwhile', () => {
    const coach = new PostureCoach();
    const states = run(coach, 0, 5, scenario(() => STAND, STANDING_FRAME, { noise: 0.002, cropBelow: 0.75 }));
    expect(states.every((s) => s.stage === 'finding' && s.reason === 'not-whole')).toBe(true);
    expect(coach.summary()).toBeNull();
  });

  // A mirrored frame is a mirror-image person: their left is our right, so the side named swaps with it.
  it('from the front, names the higher shoulder and the hip that is up', () => {
    const cases: [Pose, PostureCueId][] = [
      [{ ...STAND, sideBend: 10 }, 'shoulderTilt.leftHigh'],
      [{ ...STAND, sideBend: -10 }, 'shoulderTilt.rightHigh'],
    ];
    for (const [bent, cue] of cases) {
      for (const post of [undefined, mirrored]) {
        const coach = new PostureCoach();
        const states = run(coach, 0, 9, scenario((t) => (t < 4 ? STAND : bent), FRONT, { noise: 0.002 }, 5, post));
        const expected = post ? (cue.endsWith('leftHigh') ? cue.replace('left', 'right') : cue.replace('right', 'left')) : cue;
        expect(lastCue(states), `${cue}${post ? ' mirrored' : ''}`).toBe(expected);
      }
    }
    const coach = new PostureCoach();
    const hipUp = (t: number) => (f: Keypoint[]) => (t < 4 ? f : f.map((p, i) => (i === 11 ? { ...p, y: p.y - 0.02 } : p)));
    const random = seeded(2);
    const states = run(coach, 0, 9, (t) => hipUp(t)(disturb(keypointsOf(STAND, FRONT), random, { noise: 0.002 })));
    expect(lastCue(states)).toBe('pelvisTilt.leftHigh');
  });

  it('starts calibration again when the person turns from the side to the front', () => {
    const coach = new PostureCoach();
    const states = run(coach, 0, 8, scenario(() => STAND, STANDING_FRAME));
    expect(states.at(-1)?.stage).toBe('coaching');
    const turned = run(coach, 8, 1, scenario(() => STAND, FRONT));
    expect(turned[1]).toMatchObject({ stage: 'calibrating', view: 'front' });
  });
});
