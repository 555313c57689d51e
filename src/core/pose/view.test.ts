import { describe, expect, it } from 'vitest';
import { dot, length, vec } from './vec';
import { projector, VIEWS } from './view';

const RIGHT_HAND = vec(0, 40, 20); // out to the person's right, at chest height
const NOSE = vec(10, 80, 0); // in front of the face

describe('projector', () => {
  it('gives every view an orthonormal camera', () => {
    for (const v of VIEWS) {
      const p = projector(v);
      for (const axis of [p.right, p.up, p.toward]) expect(length(axis)).toBeCloseTo(1, 9);
      expect(dot(p.right, p.up)).toBeCloseTo(0, 9);
      expect(dot(p.right, p.toward)).toBeCloseTo(0, 9);
      expect(dot(p.up, p.toward)).toBeCloseTo(0, 9);
    }
  });

  it('side: the person faces right, the right side is near, up is up', () => {
    const p = projector('side');
    expect(p.project(NOSE).x).toBeCloseTo(10, 9);
    expect(p.project(NOSE).y).toBeCloseTo(80, 9);
    expect(p.project(RIGHT_HAND).depth).toBeCloseTo(20, 9);
  });

  it('front: facing us, so their right hand is on our left and their nose is nearest', () => {
    const p = projector('front');
    expect(p.project(RIGHT_HAND).x).toBeLessThan(-19);
    expect(p.project(NOSE).depth).toBeGreaterThan(p.project(vec(0, 80, 0)).depth);
  });

  it('back: their right hand is on our right and the face is away', () => {
    const p = projector('back');
    expect(p.project(RIGHT_HAND).x).toBeGreaterThan(19);
    expect(p.project(NOSE).depth).toBeLessThan(p.project(vec(0, 80, 0)).depth);
  });

  it('three-quarter: between front and side, looking a little down', () => {
    const p = projector('threeQuarter');
    expect(p.project(NOSE).x).toBeGreaterThan(0);
    expect(p.project(RIGHT_HAND).x).toBeLessThan(0);
    expect(p.toward.y).toBeGreaterThan(0);
  });

  it('bedside: mostly from the side and above, so a body lying along the bed keeps most of its length', () => {
    const p = projector('bedside');
    const lying = Math.abs(p.project(vec(50, 30, 0)).x - p.project(vec(-50, 30, 0)).x);
    expect(lying).toBeGreaterThan(90);
    expect(lying).toBeLessThan(100);
    // Legs over the near edge (+z, towards the camera) and down to the floor move on the drawing.
    expect(p.project(vec(0, 0, 30)).y).toBeLessThan(p.project(vec(0, 27, 0)).y - 20);
    expect(p.toward.y).toBeGreaterThan(0.3);
  });

  it('above: height becomes depth, and the length of a lying body runs across', () => {
    const p = projector('above');
    expect(p.project(vec(0, 30, 0)).depth).toBeCloseTo(30, 9);
    expect(p.project(vec(-40, 0, 0)).x).toBeCloseTo(-40, 9);
    expect(Math.abs(p.project(RIGHT_HAND).y)).toBeCloseTo(20, 9);
  });
});
