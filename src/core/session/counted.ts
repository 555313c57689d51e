import type { ExerciseRecord, SessionEntry } from './timer';

/** The most repetitions the session log takes for one movement (src/contract/activity.ts). */
const MAX_REPS = 500;

/**
 * The session log with what the camera counted: for a movement of counted repetitions during which the camera
 * counted at least one, the counted number replaces the one worked out from the tempo. Without the camera, or when
 * it counted none (it may not have seen the person), the log keeps the timer's count.
 */
export function withCountedReps(records: readonly ExerciseRecord[], entries: readonly SessionEntry[], counted: ReadonlyMap<number, number>): ExerciseRecord[] {
  return records.map((r, i) => {
    const n = counted.get(i);
    if (n === undefined || n < 1 || entries[i]?.dose.kind !== 'reps') return r;
    return { ...r, reps: Math.min(MAX_REPS, Math.floor(n)) };
  });
}

/**
 * What the camera tells a hold's timer, frame by frame: wait when the held pose is lost, go when it is reached again,
 * nothing when the timer already agrees (or it is not a hold). Camera off, a waiting hold goes on (`cameraOn` false).
 */
export function holdSignal(v: { phase: string; waitingForForm: boolean }, atPeak: boolean, cameraOn = true): 'form-wait' | 'form-go' | null {
  if (!cameraOn || v.phase !== 'hold') return v.waitingForForm ? 'form-go' : null;
  if (atPeak) return v.waitingForForm ? 'form-go' : null;
  return v.waitingForForm ? null : 'form-wait';
}
