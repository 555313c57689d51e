import { describe, expect, it } from 'vitest';
import { EXERCISES, type Exercise } from './index';
import { checkFigure, validateFigures } from './figureCheck';
import { crookLying, kf, sitting, standing } from './poses';

const copy = (id: string): Exercise => {
  const e = EXERCISES.find((x) => x.id === id);
  if (!e) throw new Error(id);
  return structuredClone(e);
};
const says = (problems: string[], ...words: string[]) => problems.some((p) => words.every((w) => p.includes(w)));

describe('the figure check', () => {
  it('passes every keyframe of every exercise in the catalogue', () => {
    expect(validateFigures(EXERCISES)).toEqual([]);
  });

  it('finds a joint past its limit', () => {
    const e = copy('knee-to-chest');
    e.keyframes[1] = kf(3, 'arrive', crookLying({ hipL: 170 }));
    expect(says(checkFigure(e), 'knee-to-chest keyframe 1', 'hipL = 170')).toBe(true);
  });

  it('finds a body pushed into its chair', () => {
    const e = copy('neck-mobility');
    // Leaning far back on a chair sends the back through the chair's back.
    e.keyframes[1] = kf(2, 'nod down', sitting({ trunk: -40, hipL: 130, hipR: 130 }));
    expect(says(checkFigure(e), 'neck-mobility keyframe 1', 'the chair')).toBe(true);
  });

  it('finds a standing body that would topple', () => {
    const e = copy('stand-and-reach');
    e.keyframes[1] = kf(3, 'reach up', standing({ trunk: 30, shoulderL: 165, shoulderR: 165 }));
    expect(says(checkFigure(e), 'stand-and-reach keyframe 1', 'weight is not over')).toBe(true);
  });

  it('finds a body held up by nothing that can carry it', () => {
    const e = copy('heel-raises');
    // Both feet lifted behind: only the hands on the chair are left touching anything.
    const hanging = standing({ shoulderL: 45, shoulderR: 45, elbowL: 30, elbowR: 30, kneeL: 90, kneeR: 90 });
    e.keyframes = e.keyframes.map((k, i) => (i === 1 || i === 2 ? { ...k, pose: hanging } : k));
    const problems = checkFigure(e);
    expect(problems.some((p) => p.startsWith('heel-raises keyframe 1'))).toBe(true);
  });

  it('finds a movement whose named part hardly moves', () => {
    const e = copy('chin-tuck');
    e.keyframes = e.keyframes.map((k) => ({ ...k, pose: { ...k.pose, neck: Math.min(k.pose.neck, 3) } }));
    expect(says(checkFigure(e), 'chin-tuck', 'the head the cues move travels only')).toBe(true);
  });

  it('asks every exercise for a scene of its own', () => {
    const e = { ...copy('bridge'), id: 'a-new-bridge' };
    expect(says(checkFigure(e), 'a-new-bridge', 'has no scene')).toBe(true);
  });
});
