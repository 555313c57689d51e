import { describe, expect, it } from 'vitest';
import { EXERCISES, exerciseById } from '../../exercises';
import { cycleSeconds, mirrorPose, poseAt } from '../interpolate';
import { measuredAngles } from './angles';
import { FormTracker, formModelOf, isCameraReady } from './form';
import { mirrored, type Keypoint } from './keypoints';
import { disturb, keypointsOf, seeded, STANDING_FRAME, type Disturbance } from './synthetic';
import type { Exercise } from '../../exercises/types';

const FPS = 15;
const READY = EXERCISES.filter(isCameraReady);

/** Plays `cycles` repetitions of an exercise's keyframes to a side camera, returning the tracker's last state. */
function play(exercise: Exercise, cycles: number, d: Disturbance, seed: number, post: (f: Keypoint[]) => Keypoint[] = (f) => f) {
  const tracker = new FormTracker(formModelOf(exercise)!);
  const random = seeded(seed);
  const seconds = cycleSeconds(exercise.keyframes) * cycles;
  let state = tracker.update({}, 0);
  const phases = new Set<string>();
  for (let i = 0; i <= seconds * FPS; i++) {
    const t = Math.min(i / FPS, seconds - 1e-6);
    const frame = post(disturb(keypointsOf(poseAt(exercise.keyframes, t), { ...STANDING_FRAME, centre: { x: 0.5, y: 0.45 } }), random, d));
    state = tracker.update(measuredAngles(frame), t * 1000);
    if (state.phase) phases.add(state.phase);
  }
  // The cycle ends back at its start pose: one more still frame there finishes the last repetition.
  const end = post(keypointsOf(exercise.keyframes[0]!.pose, { ...STANDING_FRAME, centre: { x: 0.5, y: 0.45 } }));
  return { state: tracker.update(measuredAngles(end), seconds * 1000 + 100), phases };
}

describe('form against the keyframes', () => {
  it('finds at least 12 camera-ready exercises, across positions', () => {
    expect(READY.length).toBeGreaterThanOrEqual(12);
    const byPosition = Object.fromEntries(['lying', 'quadruped', 'sitting', 'standing'].map((p) => [p, READY.filter((e) => e.position === p).length]));
    // At the time of writing: 27 in all (lying 12, quadruped 3, sitting 4, standing 8; 13 of repetitions, 14 held).
    for (const [position, n] of Object.entries(byPosition)) expect(n, position).toBeGreaterThanOrEqual(3);
    expect(READY.filter((e) => e.dose.kind === 'reps').length).toBeGreaterThanOrEqual(6);
    expect(READY.filter((e) => e.dose.kind === 'hold').length).toBeGreaterThanOrEqual(6);
  });

  it('leaves out what a side camera cannot judge: timed walks, breathing, sideways and turning movements', () => {
    for (const e of EXERCISES.filter((x) => x.dose.kind === 'time' || x.loadType === 'breathe')) expect(isCameraReady(e), e.id).toBe(false);
  });

  it.each(READY.filter((e) => e.dose.kind === 'reps').map((e) => [e.id]))('%s: counts three repetitions through noise and jitter', (id) => {
    const exercise = exerciseById(id)!;
    const { state, phases } = play(exercise, 3, { noise: 0.002 }, id.length);
    expect(state.reps).toBe(3);
    expect(phases.size).toBeGreaterThanOrEqual(2);
  });

  it.each(READY.filter((e) => e.dose.kind === 'reps').slice(0, 6).map((e) => [e.id]))('%s: counts the same mirrored, and done on the other side', (id) => {
    const exercise = exerciseById(id)!;
    expect(play(exercise, 2, { noise: 0.002 }, 5, mirrored).state.reps).toBe(2);
    const otherSide = { ...exercise, keyframes: exercise.keyframes.map((k) => ({ ...k, pose: mirrorPose(k.pose) })) };
    expect(play(otherSide, 2, { noise: 0.002 }, 6).state.reps).toBe(2);
  });

  it('counts a hold only while the held pose is reached, and not at all when it never is', () => {
    for (const exercise of READY.filter((e) => e.dose.kind === 'hold')) {
      const { state } = play(exercise, 1, { noise: 0.002 }, 9);
      const peak = formModelOf(exercise)!.peak;
      const kf = exercise.keyframes;
      // The held keyframe lasts from its own time to the next one's; the pose is within tolerance around it.
      const heldFor = (kf[peak + 1]?.t ?? cycleSeconds(kf)) - kf[peak]!.t;
      expect(state.heldSeconds, exercise.id).toBeGreaterThan(heldFor * 0.5);
      expect(state.heldSeconds, exercise.id).toBeLessThan(cycleSeconds(kf));
    }
    const knee = exerciseById('knee-to-chest')!;
    const never = { ...knee, keyframes: knee.keyframes.map((k) => ({ ...k, pose: knee.keyframes[0]!.pose })) };
    const tracker = new FormTracker(formModelOf(knee)!);
    let state = tracker.update({}, 0);
    for (let i = 0; i < 10 * FPS; i++) state = tracker.update(measuredAngles(keypointsOf(poseAt(never.keyframes, i / FPS))), (i * 1000) / FPS);
    expect(state.heldSeconds).toBe(0);
    expect(state.reps).toBe(0);
  });

  it('counts nothing while the joints it needs are out of frame or dropped', () => {
    const exercise = exerciseById('supported-sit-to-stand')!;
    expect(play(exercise, 2, { noise: 0.002, cropBelow: 0.6 }, 4).state.reps).toBe(0);
    // One point in ten missed now and then: the repetitions still count.
    expect(play(exercise, 2, { noise: 0.002, dropped: 0.1 }, 4).state.reps).toBe(2);
  });

  it('says which joint to change when a repetition falls short', () => {
    const exercise = exerciseById('bridge')!;
    const model = formModelOf(exercise)!;
    const tracker = new FormTracker(model);
    const start = exercise.keyframes[0]!.pose;
    const top = exercise.keyframes[model.peak]!.pose;
    const halfway = Object.fromEntries(Object.entries(start).map(([j, v]) => [j, v + ((top[j as keyof typeof top] ?? 0) - v) * 0.45])) as typeof start;
    const state = tracker.update(measuredAngles(keypointsOf(halfway)), 0);
    expect(state.atPeak).toBe(false);
    expect(state.cue?.more).toBe(true);
  });
});
