import { describe, expect, it } from 'vitest';
import { exerciseById } from '../../exercises';
import { measuredAngles } from './angles';
import { KEYPOINTS, mirrored, point } from './keypoints';
import { asSeen, isMirroredSource, previewMirrored } from './mirror';
import { postureMeasures } from './posture';
import { keypointsOf } from './synthetic';

/** What a model reports for a mirrored picture: x flipped, and each side named for the other. */
const throughAMirror = mirrored;

describe('a mirrored camera source', () => {
  const standing = exerciseById('hip-hinge-practice')!.keyframes[1]!.pose;
  // A front view with the left shoulder raised: a tilt that has a side.
  const tilted = keypointsOf({ ...standing, trunk: 0, hipL: 0, hipR: 0, kneeL: 0, kneeR: 0, sideBend: 8 }, { view: 'front', centre: { x: 0.5, y: 0.5 }, scale: 0.009 });

  it('is taken as it comes unless the browser says its frames are flipped (a front camera gives its own view)', () => {
    expect(isMirroredSource({})).toBe(false);
    expect(isMirroredSource({ facingMode: 'user' })).toBe(false);
    expect(isMirroredSource({ facingMode: 'user', flip: true })).toBe(true);
    expect(isMirroredSource({ facingMode: 'environment', flip: false })).toBe(false);
    expect(previewMirrored({ facingMode: 'user' })).toBe(true);
    expect(previewMirrored({})).toBe(true);
    expect(previewMirrored({ facingMode: 'environment' })).toBe(false);
  });

  it('keeps the person’s left as left: each point back on its own side, with the same posture measures', () => {
    const seen = asSeen(throughAMirror(tilted), true);
    for (const name of KEYPOINTS) {
      expect(point(seen, name)?.x, name).toBeCloseTo(point(tilted, name)!.x, 9);
      expect(point(seen, name)?.y, name).toBeCloseTo(point(tilted, name)!.y, 9);
    }
    const own = postureMeasures(tilted, 'front');
    expect(own.shoulderTilt).not.toBeCloseTo(0, 1);
    const back = postureMeasures(seen, 'front');
    for (const m of ['shoulderTilt', 'pelvisTilt', 'sideShift'] as const) expect(back[m], m).toBeCloseTo(own[m]!, 6);
    // Left as it came, the mirror would turn the tilt to the other side.
    expect(Math.sign(postureMeasures(throughAMirror(tilted), 'front').shoulderTilt ?? 0)).toBe(-Math.sign(own.shoulderTilt ?? 0));
  });

  it('measures a one-legged side view with the same leg named, and leaves a source that is not mirrored alone', () => {
    const lunge = keypointsOf(exerciseById('hip-flexor-stretch')!.keyframes[1]!.pose);
    const a = measuredAngles(lunge);
    const b = measuredAngles(asSeen(throughAMirror(lunge), true));
    for (const j of ['hipL', 'hipR', 'kneeL', 'kneeR', 'trunk'] as const) expect(b[j], j).toBeCloseTo(a[j]!, 6);
    expect(asSeen(lunge, false)).toEqual(lunge);
  });
});
