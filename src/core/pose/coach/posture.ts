import { degrees, type Degrees } from '../units';
import { bodyAxes, distance, mid, type Flat } from './angles';
import { point, type Keypoints } from './keypoints';

/**
 * Standing posture measured on one frame. Seen from the side: trunk lean, shoulders over hips and head forward
 * (ear over shoulder). Seen from the front: shoulders level, pelvis level, and the chest over the pelvis sideways.
 * Every measure is an angle in degrees, 0 when the body is stacked or level.
 */
export type PostureView = 'side' | 'front';

export const SIDE_MEASURES = ['trunkLean', 'shouldersOverHips', 'headForward'] as const;
export const FRONT_MEASURES = ['shoulderTilt', 'pelvisTilt', 'sideShift'] as const;
export type PostureMeasure = (typeof SIDE_MEASURES)[number] | (typeof FRONT_MEASURES)[number];
export type PostureMeasures = Partial<Record<PostureMeasure, Degrees>>;

const DEG = 180 / Math.PI;

/**
 * Front or side, from how wide the shoulders look against the trunk's length: about 0.6 facing the camera,
 * near 0 side on. Null when the shoulders and hips are not all seen.
 */
export function viewOf(frame: Keypoints): PostureView | null {
  const sl = point(frame, 'shoulderL');
  const sr = point(frame, 'shoulderR');
  const hl = point(frame, 'hipL');
  const hr = point(frame, 'hipR');
  if (!sl || !sr || !hl || !hr) {
    // Side on, the far shoulder or hip is often hidden: one of each with a face in profile still counts as side.
    return (sl || sr) && (hl || hr) && bodyAxes(frame) ? 'side' : null;
  }
  const width = distance(sl, sr);
  const trunk = distance(mid(sl, sr), mid(hl, hr));
  if (trunk <= 0) return null;
  return width / trunk > 0.35 ? 'front' : 'side';
}

/** Angle of the line from `low` to `high` away from vertical, + towards `forward` (x sign). */
function leanFrom(low: Flat, high: Flat, forwardSign: number): Degrees {
  return degrees(Math.atan2((high.x - low.x) * forwardSign, low.y - high.y) * DEG);
}

/** Tilt of a left–right line from level, + when the person's left end is higher. */
function tilt(left: Flat, right: Flat): Degrees {
  const dx = Math.abs(left.x - right.x);
  return degrees(Math.atan2(right.y - left.y, dx) * DEG);
}

export function postureMeasures(frame: Keypoints, view: PostureView): PostureMeasures {
  const out: PostureMeasures = {};
  if (view === 'side') {
    const axes = bodyAxes(frame);
    if (!axes) return out;
    const forwardSign = Math.sign(axes.forward.x) || 1;
    const ankle = point(frame, 'ankleL') && point(frame, 'ankleR') ? mid(point(frame, 'ankleL')!, point(frame, 'ankleR')!) : (point(frame, 'ankleL') ?? point(frame, 'ankleR'));
    const ear = point(frame, 'earL') && point(frame, 'earR') ? mid(point(frame, 'earL')!, point(frame, 'earR')!) : (point(frame, 'earL') ?? point(frame, 'earR'));
    // The whole trunk from the ankles: leaning the body forward or back from the feet.
    if (ankle) out.trunkLean = leanFrom(ankle, axes.shoulders, forwardSign);
    out.shouldersOverHips = leanFrom(axes.hips, axes.shoulders, forwardSign);
    if (ear) out.headForward = leanFrom(axes.shoulders, ear, forwardSign);
    return out;
  }
  const sl = point(frame, 'shoulderL');
  const sr = point(frame, 'shoulderR');
  const hl = point(frame, 'hipL');
  const hr = point(frame, 'hipR');
  if (sl && sr) out.shoulderTilt = tilt(sl, sr);
  if (hl && hr) out.pelvisTilt = tilt(hl, hr);
  // + when the chest has moved over towards the person's left, whichever way round the image is.
  if (sl && sr && hl && hr) out.sideShift = leanFrom(mid(hl, hr), mid(sl, sr), Math.sign(sl.x - sr.x) || 1);
  return out;
}

/** How far each measure may stray from its target before a cue (degrees), from ordinary standing variation. */
export const TOLERANCE: Record<PostureMeasure, number> = {
  trunkLean: 5,
  shouldersOverHips: 8,
  headForward: 14,
  shoulderTilt: 4,
  pelvisTilt: 4,
  sideShift: 4,
};

/**
 * Ear over shoulder is about 5–10° forward in a comfortable upright stance, so the head's target is not 0.
 */
export const IDEAL: Record<PostureMeasure, number> = {
  trunkLean: 0,
  shouldersOverHips: 0,
  headForward: 8,
  shoulderTilt: 0,
  pelvisTilt: 0,
  sideShift: 0,
};
