import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXERCISES } from '../exercises';
import { mirror } from '../exercises/poses';
import { ALL_JOINTS, JOINT_RANGES, type AnyJoint, type Pose } from '../exercises/types';
import { bodyOf, boneLengths, SEGMENTS, type Body3D } from './body';
import { projector } from './view';

const STILL: Pose = { trunk: 0, neck: 0, shoulderL: 0, shoulderR: 0, elbowL: 0, elbowR: 0, hipL: 0, hipR: 0, kneeL: 0, kneeR: 0, ankleL: 0, ankleR: 0 };

const poseArb: fc.Arbitrary<Pose> = fc.record(
  Object.fromEntries(ALL_JOINTS.map((j) => [j, fc.double({ min: JOINT_RANGES[j][0], max: JOINT_RANGES[j][1], noNaN: true })])) as Record<AnyJoint, fc.Arbitrary<number>>,
) as fc.Arbitrary<Pose>;

/**
 * The side-view skeleton the catalogue was written against (before the 3D body), kept here as the reference the
 * 3D body must reproduce: directions measured clockwise from straight up towards the way the person faces.
 */
function oldSideView(pose: Pose) {
  const RAD = Math.PI / 180;
  const step = (from: { x: number; y: number }, dir: number, len: number) => ({ x: from.x + len * Math.sin(dir * RAD), y: from.y + len * Math.cos(dir * RAD) });
  const pelvis = { x: 0, y: 0 };
  const shoulders = step(pelvis, pose.trunk, 30);
  const head = step(step(shoulders, pose.trunk + pose.neck, 5), pose.trunk + pose.neck, 6);
  const limb = (s: 'L' | 'R') => {
    const armDir = pose.trunk + 180 - pose[`shoulder${s}`];
    const elbow = step(shoulders, armDir, 17);
    const wrist = step(elbow, armDir - pose[`elbow${s}`], 15);
    const thighDir = pose.trunk + 180 - pose[`hip${s}`];
    const knee = step(pelvis, thighDir, 25);
    const shinDir = thighDir + pose[`knee${s}`];
    const ankle = step(knee, shinDir, 24);
    const toe = step(ankle, shinDir - 90 + pose[`ankle${s}`], 8);
    return { elbow, wrist, knee, ankle, toe };
  };
  return { shoulders, head, L: limb('L'), R: limb('R') };
}

const SIDE = projector('side');
const onSide = (p: Body3D['pelvis']) => {
  const s = SIDE.project(p);
  return { x: s.x, y: s.y };
};

describe('bodyOf (forward kinematics)', () => {
  it('stands a still pose upright: feet below the pelvis, head on top, facing forward', () => {
    const b = bodyOf(STILL);
    expect(b.head.y).toBeCloseTo(SEGMENTS.lowBack + SEGMENTS.upperBack + SEGMENTS.neck + SEGMENTS.headRadius, 9);
    expect(b.R.ankle.y).toBeCloseTo(-(SEGMENTS.thigh + SEGMENTS.shin), 9);
    expect(b.R.toe.x).toBeCloseTo(SEGMENTS.foot, 9);
    expect(b.face).toMatchObject({ x: 1, y: 0 });
    expect(b.R.shoulder.z).toBeCloseTo(SEGMENTS.shoulderHalfWidth, 9);
    expect(b.L.hip.z).toBeCloseTo(-SEGMENTS.hipHalfWidth, 9);
  });

  it('property: keeps every bone its length, whatever the angles', () => {
    const expected = boneLengths(bodyOf(STILL));
    fc.assert(
      fc.property(poseArb, (pose) => {
        const lengths = boneLengths(bodyOf(pose));
        for (const [bone, len] of Object.entries(expected)) expect(lengths[bone], bone).toBeCloseTo(len, 6);
      }),
    );
  });

  it('property: a side-view pose seen from the side is exactly the old side-view drawing', () => {
    const sideOnly = fc.record(Object.fromEntries(Object.keys(STILL).map((j) => [j, fc.double({ min: JOINT_RANGES[j as AnyJoint][0], max: JOINT_RANGES[j as AnyJoint][1], noNaN: true })])) as Record<keyof typeof STILL, fc.Arbitrary<number>>);
    fc.assert(
      fc.property(sideOnly, (pose) => {
        const b = bodyOf(pose);
        const old = oldSideView(pose);
        const close = (a: { x: number; y: number }, c: { x: number; y: number }) => {
          expect(a.x).toBeCloseTo(c.x, 6);
          expect(a.y).toBeCloseTo(c.y, 6);
        };
        close(onSide(b.chest), old.shoulders);
        close(onSide(b.head), old.head);
        for (const s of ['L', 'R'] as const) {
          close(onSide(b[s].elbow), old[s].elbow);
          close(onSide(b[s].wrist), old[s].wrist);
          close(onSide(b[s].knee), old[s].knee);
          close(onSide(b[s].ankle), old[s].ankle);
          close(onSide(b[s].toe), old[s].toe);
        }
      }),
    );
  });

  it('says what the side view could not: arms out to the side, knees falling open, side bends, rolls, turns', () => {
    const out = bodyOf({ ...STILL, shoulderAbdR: 90, shoulderAbdL: 90 });
    expect(out.R.wrist.z).toBeGreaterThan(out.R.shoulder.z + 30);
    expect(out.L.wrist.z).toBeLessThan(out.L.shoulder.z - 30);
    expect(out.R.wrist.y).toBeCloseTo(out.R.shoulder.y, 6);

    const crook = { ...STILL, trunk: -90, hipR: 50, kneeR: 100 };
    const open = bodyOf({ ...crook, hipAbdR: 40 });
    expect(open.R.knee.z).toBeGreaterThan(bodyOf(crook).R.knee.z + 10);

    const bend = bodyOf({ ...STILL, sideBend: 30 });
    expect(bend.chest.z).toBeGreaterThan(5);
    expect(bend.pelvis.z).toBe(0);

    const onLeftSide = bodyOf({ ...STILL, trunk: -90, roll: 90 });
    expect(onLeftSide.L.shoulder.y).toBeLessThan(onLeftSide.R.shoulder.y - 15);

    const turned = bodyOf({ ...STILL, turn: 90 });
    expect(turned.face.z).toBeCloseTo(-1, 9); // + turns to the person's left (−z)

    const looking = bodyOf({ ...STILL, neckTurn: 40 });
    expect(looking.face.z).toBeGreaterThan(0.5);

    const turnedOut = bodyOf({ ...STILL, hipRotR: 45 });
    expect(turnedOut.R.toe.z).toBeGreaterThan(turnedOut.R.ankle.z + 4);
  });

  it('mirrors a pose into its mirror image', () => {
    fc.assert(
      fc.property(poseArb, (pose) => {
        const b = bodyOf(pose);
        const m = bodyOf(mirror(pose));
        for (const [a, c] of [
          [b.head, m.head],
          [b.L.toe, m.R.toe],
          [b.R.hand, m.L.hand],
          [b.L.knee, m.R.knee],
        ] as const) {
          expect(c.x).toBeCloseTo(a.x, 4);
          expect(c.y).toBeCloseTo(a.y, 4);
          expect(c.z).toBeCloseTo(-a.z, 4);
        }
      }),
    );
  });

  it('keeps every catalogue keyframe inside its joint limits', () => {
    for (const e of EXERCISES)
      for (const k of e.keyframes)
        for (const j of ALL_JOINTS) {
          const v = k.pose[j];
          if (v === undefined) continue;
          expect(v, `${e.id} ${j}`).toBeGreaterThanOrEqual(JOINT_RANGES[j][0]);
          expect(v, `${e.id} ${j}`).toBeLessThanOrEqual(JOINT_RANGES[j][1]);
        }
  });
});
