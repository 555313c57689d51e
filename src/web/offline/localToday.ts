import { EXERCISES } from '../../core/exercises';
import { buildPlan, type PlanInput } from '../../core/plan';
import { planInputFrom } from '../../core/plan/input';
import { editsInForce, type PlanEditDetail } from '../../core/therapist/planEdits';
import type { CheckInT, EpisodeT, MovementT, MuscleNoteT, PlanEditT, PreferencesT, SessionLogT, TodayT } from '../api/client';
import { rescreenFrom } from '../bodymap/rescreen';

/**
 * Today, worked out on this device by the same engine the server runs (src/core/plan), from what was last read
 * from the server plus the writes still waiting in the outbox. Used only when the server cannot be reached.
 * The triage is never worked out here: it is the last one the server made (its advisories re-derived for today by
 * the same core rule the server uses).
 */

export interface LocalTodayInput {
  date: string;
  timeZone: string;
  episode: EpisodeT;
  checkIns: readonly CheckInT[];
  sessions: readonly SessionLogT[];
  movements: readonly MovementT[];
  muscleNotes: readonly MuscleNoteT[];
  preferences: PreferencesT;
  /** A therapist's changes in force, oldest first (GET …/plan-edits), applied as the server applies them. */
  planEdits?: readonly PlanEditT[];
}

/** The engine's input from these records, by the same core rules the server uses (`planInputFrom`). */
export function planInputOf(input: LocalTodayInput): PlanInput {
  const { episode } = input;
  const planInput = planInputFrom({
    date: input.date,
    timeZone: input.timeZone,
    episode,
    // An answer kept by an older version has no times: the episode's last change is no earlier than its current
    // triage, and a visit without a time counts from the start of its day — both the cautious side.
    currentTriage: { result: episode.currentTriage, at: episode.currentTriageAt ?? episode.updatedAt },
    clinicianSeen: episode.clinicianSeenOn === null ? null : { on: episode.clinicianSeenOn, recordedAt: episode.clinicianRecordedAt ?? null },
    checkIns: input.checkIns,
    sessions: input.sessions,
    movements: input.movements,
    muscleNotes: input.muscleNotes,
    preferences: input.preferences,
  });
  if (input.planEdits && input.planEdits.length > 0) planInput.therapist = editsInForce(input.planEdits.map((e) => e.edit as PlanEditDetail));
  return planInput;
}

/**
 * New safety answers still waiting for the server change nothing here: the web app never triages. Instead every
 * screen says the check will finish when back online and shows the signs that need help now (PendingSafety).
 */
export function localToday(input: LocalTodayInput): TodayT {
  const planInput = planInputOf(input);
  const plan = buildPlan(planInput, EXERCISES);
  // The same leg rule as the server: new leg pain without the leg questions answered comes before any plan.
  const rescreen = rescreenFrom(input.episode, input.checkIns);
  return { date: plan.date, stage: plan.stage, triage: planInput.episode.triage, rescreen, plan: rescreen.needed ? [] : plan.items, reasons: rescreen.needed ? [] : plan.reasons };
}
