import type { TriageResult } from '../clinical/triage';
import type { MuscleId } from '../body/muscles';
import type { RegionId } from '../body/regions';
import type { ExerciseStyle, SessionRole, Dose } from '../exercises/types';
import type { StageId } from './stages';
import type { TherapistPlanEdits } from '../therapist/planEdits';

/** Everything the engine may look at. All of it is plain data the caller loads; the engine does no I/O. */

export type StandStraight = 'yes' | 'partly' | 'no';

export interface CheckInData {
  id: string;
  /** ISO-8601 UTC instant. */
  at: string;
  painNow: number;
  painWorst24h: number;
  standStraight: StandStraight;
  walkMinutes: number;
  regions: RegionId[];
}

export interface SessionLogData {
  id: string;
  startedAt: string;
  endedAt: string;
  painBefore: number;
  painAfter: number;
  feel: 'too_easy' | 'right' | 'too_much';
  exercises: { exerciseId: string; outcome: 'done' | 'skipped' | 'swapped'; painDuring?: number }[];
}

export interface MovementData {
  kind: 'walk' | 'stand-break' | 'lie-flat';
  startedAt: string;
  minutes: number;
}

export interface MuscleNoteData {
  muscle: MuscleId;
  feels: 'weak' | 'tight';
}

export interface Preferences {
  styles: ExerciseStyle[];
  sessionMinutes: 5 | 10 | 20 | 30;
}

export interface PlanInput {
  /** The day to plan, YYYY-MM-DD in the person's time zone. Only data logged up to the end of it is used. */
  date: string;
  timeZone: string;
  episode: {
    onsetDate: string;
    regions: RegionId[];
    painNow: number;
    /** The latest triage: from the episode start or a later check-in. */
    triage: TriageResult;
    /** When the person recorded that a clinician had seen them (clears an urgent-doctor pause). */
    clinicianSeenAt: string | null;
    /**
     * Optional: when the latest triage was made (ISO instant). When given, a clinician visit recorded before it
     * does not clear an urgent-doctor pause from it.
     */
    triagedAt?: string;
  };
  checkIns: CheckInData[];
  sessions: SessionLogData[];
  movements: MovementData[];
  muscleNotes: MuscleNoteData[];
  preferences: Preferences;
  /** What a linked therapist changed (still in force); absent when no one did. */
  therapist?: TherapistPlanEdits;
}

/** Which of the five principles a choice comes from. */
export type Principle = 'pacing' | 'keep-moving' | 'posture' | 'whole-body' | 'related-pains' | 'safety';

export interface Reason {
  /** Stable code, so screens and tests can refer to it. */
  code: string;
  principle: Principle;
  text: string;
}

export interface SessionExercise {
  exerciseId: string;
  role: SessionRole;
  dose: Dose;
}

/** Where a posture cue applies: a position or an everyday moment, each shown under its own heading. */
export const CUE_POSITIONS = ['lying', 'getting-up', 'standing', 'sitting', 'walking', 'lifting', 'exercising', 'habit'] as const;
export type CuePosition = (typeof CUE_POSITIONS)[number];

export interface PostureCueGroup {
  position: CuePosition;
  cues: string[];
}

export type PlanItem =
  | { kind: 'lie-flat'; times: number; minutes: number; reason: Reason }
  | { kind: 'breathing'; minutes: number; reason: Reason }
  | { kind: 'posture'; cues: string[]; groups: PostureCueGroup[]; reason: Reason }
  | {
      kind: 'walk';
      walks: number;
      minutesEach: number;
      /** What the latest check-in said you can walk, in minutes (0 before any): walking within it never draws an "ease off". */
      reportedMinutes: number;
      reason: Reason;
    }
  | { kind: 'stand-breaks'; everyMinutes: number; reason: Reason }
  | { kind: 'session'; paused: boolean; totalMinutes: number; exercises: SessionExercise[]; reason: Reason }
  | { kind: 'see-doctor'; timeframe: 'now' | 'within_24h' | 'within_1_week'; reason: Reason };

export interface Plan {
  date: string;
  stage: StageId | null;
  items: PlanItem[];
  /** Every reason, including those behind the stage choice and notes (ease off, pain can travel). */
  reasons: Reason[];
}
