import { describe, expect, it } from 'vitest';
import { exerciseById } from '../exercises';
import { measuredAngles } from '../pose/coach/angles';
import { formModelOf } from '../pose/coach/form';
import { FormCoach } from '../pose/coach/formCoach';
import { disturb, keypointsOf, seeded } from '../pose/coach/synthetic';
import type { Dose, Pose } from '../exercises/types';
import { holdSignal } from './counted';
import { createTimer, records, reduce, view, type TimerState } from './timer';

/** The player's loop without a screen: camera frames into the coach, its signal into the session timer. */
describe('a hold in a session, watched by the camera', () => {
  it('counts the hold’s seconds only while the held pose is reached', () => {
    const exercise = exerciseById('knee-to-chest')!;
    const model = formModelOf(exercise)!;
    const rest = exercise.keyframes[0]!.pose;
    const held = exercise.keyframes[model.peak]!.pose;
    const dose: Dose = { kind: 'hold', holdSeconds: 10, reps: 1, sets: 1, restSeconds: 0, sides: 'both' };
    let timer: TimerState = reduce(createTimer([{ exerciseId: exercise.id, dose, prepareSeconds: 1, cueCount: 3 }]), { type: 'start', at: 0 });
    const coach = new FormCoach(model);
    const random = seeded(11);
    // Into the pose as the hold starts, out of it from 5 s to 8 s, then back until the hold is done.
    const poseAt = (s: number): Pose => (s < 1 || (s >= 5 && s < 8) ? rest : held);
    let leftAt8 = 0;
    for (let i = 0; i < 40 * 15 && timer.status === 'running'; i++) {
      const at = (i * 1000) / 15;
      const v = view(timer, at);
      if (v.finished) timer = reduce(timer, { type: 'tick', at });
      if (v.phase === 'hold') {
        const s = coach.update(measuredAngles(disturb(keypointsOf(poseAt(at / 1000)), random, { noise: 0.002 })), at);
        const signal = holdSignal(v, s.atPeak);
        if (signal) timer = reduce(timer, { type: signal, at });
      }
      if (Math.abs(at - 8_000) < 40) leftAt8 = view(timer, at).secondsLeft;
      timer = reduce(timer, { type: 'tick', at });
    }
    // Four seconds held by 5 s; the three seconds away did not count.
    expect(leftAt8).toBeGreaterThanOrEqual(5);
    expect(leftAt8).toBeLessThanOrEqual(7);
    expect(timer.status).toBe('finished');
    // Ten seconds of hold took about thirteen: ended at about 1 + 10 + 3 seconds.
    expect(timer.endedAtMs).toBeGreaterThan(13_000);
    expect(timer.endedAtMs).toBeLessThan(15_500);
    expect(records(timer)[0]).toMatchObject({ outcome: 'done', holdSeconds: 10 });
  });
});
