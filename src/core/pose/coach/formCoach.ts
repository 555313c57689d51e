import type { MeasuredAngles, MeasuredJoint } from './angles';
import { distances, FormTracker, type FormModel } from './form';

/**
 * Form during one step of a guided session, as the player shows it: the tracker's counts, whether the held pose
 * is reached, and one cue at a time. The angles are smoothed a little first (a model's points jitter from frame to
 * frame). A cue starts only after the same change has been wanted for a while (a repetition passes through
 * in-between poses on its way, and those are no reason to speak), stays a few seconds once shown, and ends when it
 * has not been wanted for a moment; so nothing flickers.
 */

export const CUE_ONSET_MS = 1_500;
export const CUE_MIN_SHOW_MS = 4_000;
export const CUE_CLEAR_MS = 1_000;
/** Unseen this long, the person is asked to come back into the picture. */
export const UNSEEN_MS = 1_500;
/** A different wish must last this long to replace the one being waited on. */
const GAP_MS = 500;
const SMOOTH_MS = 250;

export type BodyPart = 'trunk' | 'shoulder' | 'elbow' | 'hip' | 'knee';
/** What to change: a part of the body, further the way the movement goes (`more`) or less, and which way its angle goes. */
export type FormChange = { part: BodyPart; more: boolean; increase: boolean };
export type FormAdvice = { kind: 'change'; change: FormChange } | { kind: 'unseen' } | { kind: 'good' } | null;

export interface FormCoachState {
  reps: number;
  /** The held (or top) pose is reached now. */
  atPeak: boolean;
  /** The body's joints the movement is about are seen now. */
  seen: boolean;
  advice: FormAdvice;
}

export const adviceKey = (a: FormAdvice) => (a === null ? 'none' : a.kind === 'change' ? `${a.change.part}:${a.change.more}` : a.kind);
const partOf = (j: MeasuredJoint): BodyPart => (j === 'trunk' ? 'trunk' : (j.slice(0, -1) as BodyPart));

export class FormCoach {
  private readonly tracker: FormTracker;
  private smooth: MeasuredAngles = {};
  private lastAt: number | null = null;
  private shown: FormAdvice = null;
  private shownAt = 0;
  private wanted: FormAdvice = null;
  private wantedSince = 0;
  private lastWantedShownAt = 0;
  private candidate: { key: string; since: number } | null = null;
  private lastSeenAt: number | null = null;

  constructor(readonly model: FormModel) {
    this.tracker = new FormTracker(model);
  }

  private smoothed(measured: MeasuredAngles, at: number): MeasuredAngles {
    const k = this.lastAt === null ? 1 : Math.min(1, Math.max(0, at - this.lastAt) / SMOOTH_MS);
    this.lastAt = at;
    const out: MeasuredAngles = {};
    for (const j of Object.keys(measured) as MeasuredJoint[]) {
      const m = measured[j]!;
      const before = this.smooth[j];
      out[j] = (before === undefined ? m : before + (m - before) * k) as typeof m;
    }
    this.smooth = out;
    return out;
  }

  update(measured: MeasuredAngles, at: number): FormCoachState {
    const angles = this.smoothed(measured, at);
    const state = this.tracker.update(angles, at);
    const seen = distances(this.model, angles) !== null;
    if (seen || this.lastSeenAt === null) this.lastSeenAt = at;
    const raw: FormAdvice = !seen
      ? at - this.lastSeenAt >= UNSEEN_MS
        ? { kind: 'unseen' }
        : this.wanted
      : state.cue
        ? { kind: 'change', change: { part: partOf(state.cue.joint), more: state.cue.more, increase: state.cue.increase } }
        : state.atPeak
          ? { kind: 'good' }
          : null;
    this.want(raw, at);
    const shownKey = adviceKey(this.shown);
    if (adviceKey(this.wanted) === shownKey) this.lastWantedShownAt = at;
    // "That's it" and "we can't see you" answer what the person just did, at once; a change must be wanted a while.
    const onset = this.wanted?.kind === 'change' ? CUE_ONSET_MS : 0;
    const settled = at - this.wantedSince >= onset;
    const mayLeave = this.shown === null || (at - this.shownAt >= CUE_MIN_SHOW_MS && at - this.lastWantedShownAt >= CUE_CLEAR_MS);
    // Having nothing to say (on the way between poses) leaves a "that's it" where it is.
    const keep = this.wanted === null && this.shown?.kind === 'good';
    if (adviceKey(this.wanted) !== shownKey && settled && !keep && (mayLeave || this.wanted?.kind === 'unseen' || this.shown?.kind === 'unseen')) {
      this.shown = this.wanted;
      this.shownAt = at;
      this.lastWantedShownAt = at;
    }
    return { reps: state.reps, atPeak: state.atPeak, seen, advice: this.shown };
  }

  /** A new wish replaces the one waited on only once it has lasted GAP_MS, so a frame of noise changes nothing. */
  private want(raw: FormAdvice, at: number) {
    const key = adviceKey(raw);
    if (key === adviceKey(this.wanted)) {
      this.candidate = null;
      if (raw?.kind === 'change') this.wanted = raw;
      return;
    }
    if (this.candidate?.key !== key) this.candidate = { key, since: at };
    if (at - this.candidate.since >= GAP_MS || raw?.kind === 'unseen') {
      this.wanted = raw;
      this.wantedSince = this.candidate.since;
      this.candidate = null;
    }
  }
}
