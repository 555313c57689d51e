import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXERCISES } from '../exercises';
import { JOINTS, JOINT_RANGES, type Keyframe, type Pose } from '../exercises/types';
import { cycleSeconds, keyPoseInCycle, mirrorPose, movingSide, poseAt, poseInCycle, smoothstep, timeInCycle } from './interpolate';

const STILL: Pose = { trunk: 0, neck: 0, shoulderL: 0, shoulderR: 0, elbowL: 0, elbowR: 0, hipL: 0, hipR: 0, kneeL: 0, kneeR: 0, ankleL: 0, ankleR: 0 };
const LIFT: Pose = { ...STILL, shoulderL: 90, hipL: 45, kneeL: 60 };
const THREE: Keyframe[] = [
  { t: 0, phase: 'start', pose: STILL },
  { t: 2, phase: 'lift', pose: LIFT },
  { t: 4, phase: 'return', pose: STILL },
];

const maxJointDifference = (a: Pose, b: Pose) => Math.max(...JOINTS.map((j) => Math.abs(a[j] - b[j])));

const poseArb = fc.record(Object.fromEntries(JOINTS.map((j) => [j, fc.double({ min: JOINT_RANGES[j][0], max: JOINT_RANGES[j][1], noNaN: true }).map((v) => v + 0 /* no -0 */)])) as Record<keyof Pose, fc.Arbitrary<number>>);

/** 2–6 keyframes at strictly increasing times from 0, the last returning to the first pose. */
const sequenceArb = fc
  .tuple(fc.array(poseArb, { minLength: 1, maxLength: 5 }), fc.array(fc.double({ min: 0.2, max: 10, noNaN: true }), { minLength: 5, maxLength: 5 }))
  .map(([poses, gaps]) => {
    const frames: Keyframe[] = [];
    let t = 0;
    poses.forEach((pose, i) => {
      frames.push({ t, phase: `p${i}`, pose });
      t += gaps[i] ?? 1;
    });
    frames.push({ t, phase: 'return', pose: poses[0] ?? STILL });
    return frames;
  });

describe('smoothstep', () => {
  it('starts at 0, ends at 1, passes the middle at one half and clamps outside', () => {
    expect(smoothstep(0)).toBe(0);
    expect(smoothstep(1)).toBe(1);
    expect(smoothstep(0.5)).toBe(0.5);
    expect(smoothstep(-3)).toBe(0);
    expect(smoothstep(7)).toBe(1);
  });
});

describe('poseAt', () => {
  it('is exactly the keyframe pose at each keyframe time', () => {
    expect(poseAt(THREE, 0)).toEqual(STILL);
    expect(poseAt(THREE, 2)).toEqual(LIFT);
    expect(poseInCycle(THREE, 4)).toEqual(STILL);
  });

  it('eases: halfway in time is halfway in angle, a quarter of the way is less than a quarter', () => {
    expect(poseAt(THREE, 1).shoulderL).toBeCloseTo(45, 9);
    expect(poseAt(THREE, 0.5).shoulderL).toBeLessThan(90 / 4);
    expect(poseAt(THREE, 0.5).shoulderL).toBeGreaterThan(0);
  });

  it('loops once per repetition', () => {
    expect(cycleSeconds(THREE)).toBe(4);
    expect(poseAt(THREE, 5)).toEqual(poseAt(THREE, 1));
    expect(poseAt(THREE, 4 * 7 + 2)).toEqual(LIFT);
    expect(timeInCycle(THREE, -1)).toBe(0);
    expect(timeInCycle(THREE, Number.NaN)).toBe(0);
  });

  it('holds the first pose for a single keyframe', () => {
    const one: Keyframe[] = [{ t: 0, phase: 'rest', pose: LIFT }];
    expect(poseAt(one, 12.3)).toEqual(LIFT);
  });

  it('property: every keyframe pose is reached exactly at its time', () => {
    fc.assert(
      fc.property(sequenceArb, (frames) => {
        for (const k of frames.slice(0, -1)) expect(poseAt(frames, k.t)).toEqual(k.pose);
        const last = frames[frames.length - 1];
        if (last) expect(poseInCycle(frames, last.t)).toEqual(last.pose);
      }),
    );
  });

  it('property: continuous — a small step in time moves every joint only a little, across keyframes and the loop', () => {
    fc.assert(
      fc.property(sequenceArb, fc.double({ min: 0, max: 60, noNaN: true }), (frames, t) => {
        const dt = 1e-3;
        // The steepest a smoothstep gets is 1.5 × (angle change / span); spans are ≥ 0.2 s and angles change < 360°.
        const bound = 1.5 * (360 / 0.2) * dt + 1e-9;
        expect(maxJointDifference(poseAt(frames, t), poseAt(frames, t + dt))).toBeLessThanOrEqual(bound);
      }),
    );
  });

  it('property: stays between its neighbouring keyframes (no overshoot)', () => {
    fc.assert(
      fc.property(sequenceArb, fc.double({ min: 0, max: 1, noNaN: true }), (frames, u) => {
        const t = u * cycleSeconds(frames);
        const pose = poseAt(frames, t);
        const i = frames.findIndex((k, n) => k.t <= t && (frames[n + 1]?.t ?? Infinity) > t);
        const a = frames[i];
        const b = frames[i + 1] ?? a;
        if (!a || !b) return;
        for (const j of JOINTS) {
          expect(pose[j]).toBeGreaterThanOrEqual(Math.min(a.pose[j], b.pose[j]) - 1e-9);
          expect(pose[j]).toBeLessThanOrEqual(Math.max(a.pose[j], b.pose[j]) + 1e-9);
        }
      }),
    );
  });

  it('animates every catalogue exercise smoothly through its repetition', () => {
    for (const e of EXERCISES) {
      const cycle = cycleSeconds(e.keyframes);
      expect(cycle, e.id).toBeGreaterThan(0);
      let previous = poseAt(e.keyframes, 0);
      for (let t = 1 / 60; t <= cycle * 2; t += 1 / 60) {
        const pose = poseAt(e.keyframes, t);
        // At 60 frames a second no joint jumps more than a few degrees.
        expect(maxJointDifference(previous, pose), `${e.id} at ${t.toFixed(2)} s`).toBeLessThan(12);
        previous = pose;
      }
    }
  });
});

describe('keyPoseInCycle (reduced motion)', () => {
  it('shows the key pose in force and changes only at a new keyframe', () => {
    expect(keyPoseInCycle(THREE, 0).pose).toEqual(STILL);
    expect(keyPoseInCycle(THREE, 1.99)).toMatchObject({ pose: STILL, phase: 'start', index: 0 });
    expect(keyPoseInCycle(THREE, 2)).toMatchObject({ pose: LIFT, phase: 'lift', index: 1 });
    expect(keyPoseInCycle(THREE, 3.5).pose).toEqual(LIFT);
  });
});

describe('sides', () => {
  it('finds the side a one-sided sequence moves, and mirrors a pose', () => {
    expect(movingSide(THREE)).toBe('left');
    expect(movingSide(THREE.map((k) => ({ ...k, pose: mirrorPose(k.pose) })))).toBe('right');
    expect(movingSide([{ t: 0, phase: 'a', pose: STILL }, { t: 1, phase: 'b', pose: { ...STILL, trunk: 30 } }])).toBeNull();
    expect(mirrorPose(mirrorPose(LIFT))).toEqual(LIFT);
  });
});
