import { figureUnits, radians, type Degrees, type FigureUnits } from './units';

/**
 * Small 3D vector and rotation helpers for the body model. Axes: x forward (the way a standing person faces),
 * y up, z to the person's right. Rotations follow the right-hand rule about the named axis.
 */

export interface Vec3 {
  readonly x: FigureUnits;
  readonly y: FigureUnits;
  readonly z: FigureUnits;
}

export const vec = (x: number, y: number, z: number): Vec3 => ({ x: figureUnits(x), y: figureUnits(y), z: figureUnits(z) });
export const add = (a: Vec3, b: Vec3): Vec3 => vec(a.x + b.x, a.y + b.y, a.z + b.z);
export const sub = (a: Vec3, b: Vec3): Vec3 => vec(a.x - b.x, a.y - b.y, a.z - b.z);
export const scale = (a: Vec3, k: number): Vec3 => vec(a.x * k, a.y * k, a.z * k);
export const dot = (a: Vec3, b: Vec3): number => a.x * b.x + a.y * b.y + a.z * b.z;
export const length = (a: Vec3): FigureUnits => figureUnits(Math.hypot(a.x, a.y, a.z));
export const distance = (a: Vec3, b: Vec3): FigureUnits => length(sub(a, b));
export const lerp = (a: Vec3, b: Vec3, w: number): Vec3 => add(a, scale(sub(b, a), w));

/** A rotation as a 3×3 matrix, rows first. */
export type Mat3 = readonly [number, number, number, number, number, number, number, number, number];

export const IDENTITY: Mat3 = [1, 0, 0, 0, 1, 0, 0, 0, 1];

export function mul(a: Mat3, b: Mat3): Mat3 {
  const [a0, a1, a2, a3, a4, a5, a6, a7, a8] = a;
  const [b0, b1, b2, b3, b4, b5, b6, b7, b8] = b;
  return [
    a0 * b0 + a1 * b3 + a2 * b6,
    a0 * b1 + a1 * b4 + a2 * b7,
    a0 * b2 + a1 * b5 + a2 * b8,
    a3 * b0 + a4 * b3 + a5 * b6,
    a3 * b1 + a4 * b4 + a5 * b7,
    a3 * b2 + a4 * b5 + a5 * b8,
    a6 * b0 + a7 * b3 + a8 * b6,
    a6 * b1 + a7 * b4 + a8 * b7,
    a6 * b2 + a7 * b5 + a8 * b8,
  ];
}

export function apply(m: Mat3, v: Vec3): Vec3 {
  return vec(m[0] * v.x + m[1] * v.y + m[2] * v.z, m[3] * v.x + m[4] * v.y + m[5] * v.z, m[6] * v.x + m[7] * v.y + m[8] * v.z);
}

export function rotX(a: Degrees): Mat3 {
  const c = Math.cos(radians(a));
  const s = Math.sin(radians(a));
  return [1, 0, 0, 0, c, -s, 0, s, c];
}

export function rotY(a: Degrees): Mat3 {
  const c = Math.cos(radians(a));
  const s = Math.sin(radians(a));
  return [c, 0, s, 0, 1, 0, -s, 0, c];
}

export function rotZ(a: Degrees): Mat3 {
  const c = Math.cos(radians(a));
  const s = Math.sin(radians(a));
  return [c, -s, 0, s, c, 0, 0, 0, 1];
}

export const UP = vec(0, 1, 0);
export const DOWN = vec(0, -1, 0);
export const FORWARD = vec(1, 0, 0);
export const RIGHT = vec(0, 0, 1);
