import { describe, expect, it } from 'vitest';
import { exerciseById } from '../../exercises';
import { cycleSeconds, poseAt } from '../interpolate';
import { measuredAngles } from './angles';
import { formModelOf } from './form';
import { CUE_MIN_SHOW_MS, CUE_ONSET_MS, FormCoach, UNSEEN_MS, type FormAdvice } from './formCoach';
import { disturb, keypointsOf, seeded } from './synthetic';
import type { Pose } from '../../exercises/types';

const FPS = 15;
const hinge = exerciseById('hip-hinge-practice')!;
const model = formModelOf(hinge)!;
const start = hinge.keyframes[0]!.pose;
const top = hinge.keyframes[model.peak]!.pose;
const partWay = (share: number) => Object.fromEntries(Object.keys({ ...start, ...top }).map((j) => [j, (start[j as keyof Pose] ?? 0) + ((top[j as keyof Pose] ?? 0) - (start[j as keyof Pose] ?? 0)) * share])) as Pose;
const key = (a: FormAdvice) => (a === null ? 'none' : a.kind === 'change' ? `${a.change.part}:${a.change.more}` : a.kind);

/** Feeds frames from `poseOf(t)` for `seconds`, returning each frame's advice. */
function feed(coach: FormCoach, from: number, seconds: number, poseOf: (t: number) => Pose | null, random = seeded(3)) {
  const out: { at: number; advice: FormAdvice; reps: number }[] = [];
  for (let i = 0; i < seconds * FPS; i++) {
    const t = from + i / FPS;
    const pose = poseOf(t);
    const frame = pose ? disturb(keypointsOf(pose), random, { noise: 0.003 }) : [];
    const s = coach.update(measuredAngles(frame), t * 1000);
    out.push({ at: t * 1000, advice: s.advice, reps: s.reps });
  }
  return out;
}

describe('form coach in a guided session', () => {
  it('counts repetitions done well and says nothing to change on the way between poses', () => {
    const coach = new FormCoach(model);
    const frames = feed(coach, 0, cycleSeconds(hinge.keyframes) * 4, (t) => poseAt(hinge.keyframes, t));
    expect(frames.at(-1)!.reps).toBeGreaterThanOrEqual(3);
    expect(frames.filter((f) => f.advice?.kind === 'change')).toEqual([]);
    expect(frames.some((f) => f.advice?.kind === 'good')).toBe(true);
  });

  it('asks for a little more only when a repetition stops short for a while, and keeps the cue steady through noise', () => {
    const coach = new FormCoach(model);
    const frames = feed(coach, 0, 10, () => partWay(0.5));
    const first = frames.findIndex((f) => f.advice?.kind === 'change');
    expect(frames[first]!.at).toBeGreaterThanOrEqual(CUE_ONSET_MS);
    const advice = frames[first]!.advice;
    expect(advice?.kind === 'change' && advice.change.more).toBe(true);
    // Once shown it stays: one change of words over the whole stall, however the points jitter.
    const changes = frames.slice(first).filter((f, i, all) => i > 0 && key(f.advice) !== key(all[i - 1]!.advice));
    expect(changes).toEqual([]);
    // Reaching the top, it gives way to "that's it", but not before it has been seen for a few seconds.
    const after = feed(coach, 10, 6, () => top);
    const good = after.find((f) => f.advice?.kind === 'good')!;
    expect(good.at - frames[first]!.at).toBeGreaterThanOrEqual(CUE_MIN_SHOW_MS);
  });

  it('asks the person back into the picture when the body is lost, and counts nothing meanwhile', () => {
    const coach = new FormCoach(model);
    feed(coach, 0, 2, () => start);
    const lost = feed(coach, 2, 4, () => null);
    expect(key(lost.find((f) => f.at - 2000 < UNSEEN_MS - 100)!.advice)).not.toBe('unseen');
    expect(key(lost.at(-1)!.advice)).toBe('unseen');
    expect(lost.at(-1)!.reps).toBe(0);
  });
});
