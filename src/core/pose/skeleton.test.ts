import { describe, expect, it } from 'vitest';
import { figurePoints, SEGMENT_LENGTHS as S } from './skeleton';
import type { Pose } from '../exercises/types';
import { EXERCISES } from '../exercises';

const standing: Pose = { trunk: 0, neck: 0, shoulderL: 0, shoulderR: 0, elbowL: 0, elbowR: 0, hipL: 0, hipR: 0, kneeL: 0, kneeR: 0, ankleL: 0, ankleR: 0 };

describe('figurePoints', () => {
  it('stands a straight figure upright with the feet on the floor', () => {
    const f = figurePoints(standing);
    expect(f.R.ankle.y).toBeCloseTo(0, 6);
    expect(f.R.ankle.x).toBeCloseTo(0, 6);
    expect(f.pelvis.y).toBeCloseTo(S.thigh + S.shin, 6);
    expect(f.head.y).toBeCloseTo(S.thigh + S.shin + S.trunk + S.neck + S.headRadius, 6);
    expect(f.R.toe.x).toBeCloseTo(S.foot, 6); // the foot points forward
  });

  it('raises an arm forward at 90° and overhead at 180°', () => {
    const forward = figurePoints({ ...standing, shoulderR: 90 });
    expect(forward.R.hand.y).toBeCloseTo(forward.shoulders.y, 6);
    expect(forward.R.hand.x).toBeGreaterThan(forward.shoulders.x);
    const up = figurePoints({ ...standing, shoulderR: 180 });
    expect(up.R.hand.y).toBeGreaterThan(up.head.y);
  });

  it('lays a figure on its back with the head to the left', () => {
    const f = figurePoints({ ...standing, trunk: -90 });
    expect(f.head.x).toBeLessThan(f.pelvis.x);
    expect(Math.abs(f.shoulders.y - f.pelvis.y)).toBeLessThan(1e-6);
  });

  it('folds the shin backwards when the knee bends', () => {
    const f = figurePoints({ ...standing, kneeR: 90 });
    expect(f.R.ankle.x).toBeLessThan(f.R.knee.x);
  });

  it('keeps every catalogue pose on or above the floor', () => {
    for (const exercise of EXERCISES) {
      for (const k of exercise.keyframes) {
        const f = figurePoints(k.pose);
        expect(Math.min(f.R.toe.y, f.L.toe.y, f.pelvis.y, f.head.y - S.headRadius), exercise.id).toBeGreaterThanOrEqual(-1e-6);
      }
    }
  });
});
