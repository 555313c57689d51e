/**
 * The 17 body points a single-person pose model reports (the COCO order MoveNet uses), in image coordinates:
 * x to the right from 0 to 1 across the frame's width, y downwards in the same unit (so angles are true), with the
 * model's confidence from 0 to 1.
 * "Left" is the person's left, which is on the right of a camera image that is not mirrored.
 */
export const KEYPOINTS = [
  'nose',
  'eyeL',
  'eyeR',
  'earL',
  'earR',
  'shoulderL',
  'shoulderR',
  'elbowL',
  'elbowR',
  'wristL',
  'wristR',
  'hipL',
  'hipR',
  'kneeL',
  'kneeR',
  'ankleL',
  'ankleR',
] as const;
export type KeypointName = (typeof KEYPOINTS)[number];

export interface Keypoint {
  x: number;
  y: number;
  score: number;
}

/** One frame's answer, in KEYPOINTS order. */
export type Keypoints = readonly Keypoint[];

/** Below this confidence a point is treated as not seen. */
export const MIN_SCORE = 0.3;

export function point(frame: Keypoints, name: KeypointName): Keypoint | null {
  const p = frame[KEYPOINTS.indexOf(name)];
  if (!p || !(p.score >= MIN_SCORE) || !Number.isFinite(p.x) || !Number.isFinite(p.y)) return null;
  return p;
}

/** The same frame with the person's left and right swapped (what a mirrored selfie view gives). */
export function mirrored(frame: Keypoints): Keypoint[] {
  return KEYPOINTS.map((name) => {
    const other = name.endsWith('L') ? `${name.slice(0, -1)}R` : name.endsWith('R') ? `${name.slice(0, -1)}L` : name;
    const p = frame[KEYPOINTS.indexOf(other as KeypointName)]!;
    return { x: 1 - p.x, y: p.y, score: p.score };
  });
}
