import { describe, expect, it } from 'vitest';
import { EXERCISES, exerciseById } from '../../core/exercises';
import { distinctKeyframes, poseDistance, tellingKeyframe } from './keyframes';

describe('keyframes for stills', () => {
  it('a held exercise is drawn as its start and its hold', () => {
    const e = EXERCISES.find((x) => x.dose.kind === 'hold' && x.keyframes.length === 4);
    if (!e) throw new Error('no held exercise with four keyframes');
    expect(distinctKeyframes(e.keyframes).map((k) => k.phase)).toEqual([e.keyframes[0]?.phase, e.keyframes[2]?.phase]);
  });

  it('every exercise keeps at least its start, never repeats a pose side by side, and never ends on the start again', () => {
    for (const e of EXERCISES) {
      const frames = distinctKeyframes(e.keyframes);
      expect(frames[0]).toBe(e.keyframes[0]);
      for (let i = 1; i < frames.length; i++) expect(poseDistance(frames[i - 1]!.pose, frames[i]!.pose)).toBeGreaterThan(6);
      if (frames.length > 1) expect(poseDistance(frames[0]!.pose, frames[frames.length - 1]!.pose)).toBeGreaterThan(6);
    }
  });

  it('the telling keyframe is the one furthest from the start', () => {
    const e = exerciseById('cat-cow') ?? EXERCISES[0]!;
    const telling = tellingKeyframe(e.keyframes)!;
    for (const k of e.keyframes) expect(poseDistance(e.keyframes[0]!.pose, k.pose)).toBeLessThanOrEqual(poseDistance(e.keyframes[0]!.pose, telling.pose));
  });

});
