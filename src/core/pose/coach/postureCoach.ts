import type { Keypoints } from './keypoints';
import type { PostureCueId } from './cueIds';
import { FRONT_MEASURES, IDEAL, postureMeasures, SIDE_MEASURES, TOLERANCE, viewOf, type PostureMeasure, type PostureMeasures, type PostureView } from './posture';

/**
 * A posture check, frame by frame: first a short calibration (the person stands as tall as is comfortable and
 * still, in one view), then cues. Each measure's target is the person's own calibrated stance, kept within half
 * a tolerance of the ideal, so someone who cannot stand perfectly straight is coached from where they are.
 * Cues have hysteresis: a measure must stay out for a while to start a cue and come well back to end it, and a
 * cue, once shown, stays a few seconds, so nothing flickers.
 */

export type { PostureCueId };

export type CoachState =
  | { stage: 'finding'; reason: 'no-body' | 'not-whole' }
  | { stage: 'calibrating'; view: PostureView; progress: number }
  | { stage: 'coaching'; view: PostureView; cue: PostureCueId | null; steadyMs: number };

export const CALIBRATION_MS = 2_500;
/** A measure out of tolerance this long starts a cue; back within 70 % of it this long, the cue can end. */
export const ONSET_MS = 900;
export const CLEAR_MS = 700;
const CLEAR_SHARE = 0.7;
/** A cue, once shown, stays at least this long. */
export const MIN_SHOW_MS = 3_000;
/** A calibration frame may differ this share of a tolerance from the running median and still count as still. */
const STILL_SHARE = 1.5;
/** Unseen this long, a calibration under way starts again. */
const LOST_MS = 1_000;
const SMOOTH_MS = 330;

const measuresOf = (view: PostureView) => (view === 'side' ? SIDE_MEASURES : FRONT_MEASURES);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? 0 : s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

interface MeasureTrack {
  off: boolean;
  /** Since when the measure has been past the line that would change `off`. */
  since: number | null;
  sign: number;
}

export interface PostureSummary {
  view: PostureView;
  /** Seconds coached (after calibration) with the body seen. */
  seconds: number;
  /** 0–100: the share of that time with no measure out of tolerance. */
  score: number;
  /** The cues given, in order, each once. */
  cues: PostureCueId[];
}

export class PostureCoach {
  private view: PostureView | null = null;
  private calibrated = false;
  private lastWholeAt: number | null = null;
  private calStart: number | null = null;
  private calFrames: PostureMeasures[] = [];
  private target: Partial<Record<PostureMeasure, number>> = {};
  private tracks: Partial<Record<PostureMeasure, MeasureTrack>> = {};
  private smoothed: Partial<Record<PostureMeasure, number>> = {};
  private cue: PostureCueId | null = null;
  private cueSince = 0;
  private lastAt: number | null = null;
  private seenMs = 0;
  private goodMs = 0;
  private steadySince: number | null = null;
  private given: PostureCueId[] = [];

  /** Feed one frame at `at` milliseconds; frames must come in time order. */
  update(frame: Keypoints, at: number): CoachState {
    const view = viewOf(frame);
    const dt = this.lastAt === null ? 0 : Math.min(500, Math.max(0, at - this.lastAt));
    this.lastAt = at;
    if (!view) return { stage: 'finding', reason: 'no-body' };
    // Turning from side to front (or back) starts a new calibration in the new view.
    if (this.calibrated && view !== this.view) this.restart();
    const values = postureMeasures(frame, view);
    const wanted = measuresOf(view);
    if (wanted.some((m) => values[m] === undefined)) {
      // Part of the body out of frame (or a point missed for a moment): skipped; calibration starts again only
      // if the body stays unseen for a while.
      return { stage: 'finding', reason: 'not-whole' };
    }
    if (!this.calibrated) return this.calibrate(view, values, at);
    return this.coach(view, values, at, dt);
  }

  private restart() {
    this.view = null;
    this.calibrated = false;
    this.calStart = null;
    this.calFrames = [];
    this.target = {};
    this.tracks = {};
    this.smoothed = {};
    this.cue = null;
    this.steadySince = null;
  }

  private calibrate(view: PostureView, values: PostureMeasures, at: number): CoachState {
    const lost = this.lastWholeAt !== null && at - this.lastWholeAt > LOST_MS;
    this.lastWholeAt = at;
    if (this.view !== view || this.calStart === null || lost) {
      this.view = view;
      this.calStart = at;
      this.calFrames = [];
    }
    const wanted = measuresOf(view);
    const still = this.calFrames.length === 0 || wanted.every((m) => Math.abs(values[m]! - median(this.calFrames.map((f) => f[m]!))) <= TOLERANCE[m] * STILL_SHARE);
    if (!still) {
      // A move during calibration starts it again, so the reference is a still stance.
      this.calStart = at;
      this.calFrames = [];
    }
    this.calFrames.push(values);
    const progress = Math.min(1, (at - this.calStart) / CALIBRATION_MS);
    if (progress < 1) return { stage: 'calibrating', view, progress };
    for (const m of wanted) {
      const own = median(this.calFrames.map((f) => f[m]!));
      const half = TOLERANCE[m] / 2;
      this.target[m] = Math.max(IDEAL[m] - half, Math.min(IDEAL[m] + half, own));
      this.tracks[m] = { off: false, since: null, sign: 0 };
    }
    this.calibrated = true;
    this.calStart = null;
    this.steadySince = at;
    return { stage: 'coaching', view, cue: null, steadyMs: 0 };
  }

  private coach(view: PostureView, values: PostureMeasures, at: number, dt: number): CoachState {
    let worst: { m: PostureMeasure; by: number; sign: number } | null = null;
    // A little smoothing (a third of a second) takes the model's frame-to-frame jitter out before any threshold.
    const keep = dt > 0 ? Math.exp(-dt / SMOOTH_MS) : 0;
    for (const m of measuresOf(view)) {
      const track = this.tracks[m]!;
      const smoothed = this.smoothed[m] === undefined ? values[m]! : this.smoothed[m]! * keep + values[m]! * (1 - keep);
      this.smoothed[m] = smoothed;
      const delta = smoothed - this.target[m]!;
      const by = Math.abs(delta) / TOLERANCE[m];
      const crossing = track.off ? by < CLEAR_SHARE : by > 1;
      if (!crossing) track.since = null;
      else if (track.since === null) track.since = at;
      else if (at - track.since >= (track.off ? CLEAR_MS : ONSET_MS)) {
        track.off = !track.off;
        track.since = null;
      }
      if (track.off) {
        if (track.sign === 0 || by > 1) track.sign = Math.sign(delta) || 1;
        if (!worst || by > worst.by) worst = { m, by, sign: track.sign };
      } else track.sign = 0;
    }
    this.seenMs += dt;
    if (!worst) this.goodMs += dt;
    const next = worst ? cueFor(worst.m, worst.sign) : null;
    // A new cue shows at once (its onset was already waited for); the one shown gives way at once when it has come
    // right (which is the reward), and otherwise only after it has been up a few seconds.
    const shownCameRight = this.cue !== null && this.trackOf(this.cue)?.off === false;
    if (next !== this.cue && (this.cue === null || shownCameRight || at - this.cueSince >= MIN_SHOW_MS)) {
      this.cue = next;
      this.cueSince = at;
      if (next && !this.given.includes(next)) this.given.push(next);
    }
    if (worst) this.steadySince = null;
    else if (this.steadySince === null) this.steadySince = at;
    return { stage: 'coaching', view, cue: this.cue, steadyMs: this.steadySince === null ? 0 : at - this.steadySince };
  }

  private trackOf(cue: PostureCueId) {
    return this.tracks[cue.split('.')[0] as PostureMeasure];
  }

  /** The check so far; null until calibration has finished. */
  summary(): PostureSummary | null {
    if (!this.view || !this.calibrated) return null;
    const seconds = Math.round(this.seenMs / 100) / 10;
    return { view: this.view, seconds, score: this.seenMs === 0 ? 100 : Math.round((this.goodMs / this.seenMs) * 100), cues: [...this.given] };
  }
}

function cueFor(m: PostureMeasure, sign: number): PostureCueId {
  switch (m) {
    case 'trunkLean':
    case 'shouldersOverHips':
    case 'headForward':
      return `${m}.${sign > 0 ? 'forward' : 'back'}`;
    case 'shoulderTilt':
    case 'pelvisTilt':
      return `${m}.${sign > 0 ? 'leftHigh' : 'rightHigh'}`;
    case 'sideShift':
      return `sideShift.${sign > 0 ? 'left' : 'right'}`;
  }
}
