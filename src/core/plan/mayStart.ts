import type { TriageResult } from '../clinical';
import { instantMs, localDate } from '../time';
import { stageIndex, type StageId } from './stages';

/**
 * "May this person start this now?" — asked by every path that starts a guided session (Today's session, a
 * movement tried from the Library, a direct `/session/:id` link, offline) and by the engine when it plans one.
 *
 * Facts (clinical.md §1): an emergency result stops the plan; urgent-doctor pauses exercise sessions until the
 * person records that a clinician has seen them, while gentle walking and comfort measures stay. A visit recorded
 * before the triage that paused the sessions does not clear it. A guided movement is an exercise session, even a
 * single one; walking, a lie-flat rest, stand breaks and comfort measures are what stays.
 */

export interface SafetyHold {
  /** The current (latest) triage. */
  triage: Pick<TriageResult, 'level'>;
  /** When the current triage was made (ISO instant); unknown on an old record. */
  triagedAt?: string | undefined;
  /** When the person recorded that a clinician had seen them (ISO instant), or null. */
  clinicianSeenAt: string | null;
  /** The day being asked about (YYYY-MM-DD in the person's time zone): today, or the day being planned. */
  date: string;
  timeZone: string;
}

/** What the person wants to start. Walking, resting flat, a stand break and comfort measures are not sessions. */
export type Activity =
  | { kind: 'session' }
  | { kind: 'exercise'; stages: readonly StageId[] }
  | { kind: 'walk' | 'lie-flat' | 'stand-break' | 'comfort' };

export type HoldReason = 'sessions_paused' | 'emergency';

/** Where an exercise sits against the person's stage: meant for it, or for a later or earlier one. */
export type StageFit = { outsideStage: false } | { outsideStage: true; direction: 'later' | 'earlier'; meantFor: StageId };

export type StartDecision = ({ allowed: true } & StageFit) | { allowed: false; reason: HoldReason };

/** Whether an urgent-doctor result still pauses exercise sessions on `hold.date`. */
export function sessionsPausedOn(hold: SafetyHold): boolean {
  const { triage, clinicianSeenAt, triagedAt } = hold;
  if (triage.level !== 'urgent-doctor') return false;
  if (clinicianSeenAt === null) return true;
  // Recorded after the day asked about: on that day the visit had not happened yet.
  if (localDate(clinicianSeenAt, hold.timeZone) > hold.date) return true;
  // A visit recorded before the latest triage does not answer it.
  if (triagedAt !== undefined && instantMs(clinicianSeenAt) < instantMs(triagedAt)) return true;
  return false;
}

/**
 * Whether an exercise suits the person's stage. A stage of null (no plan: an emergency, or not known offline)
 * says nothing about fit. Outside the stage, the nearest stage it is meant for is named, later ones first.
 */
export function stageFit(stage: StageId | null, stages: readonly StageId[]): StageFit {
  if (stage === null || stages.length === 0 || stages.includes(stage)) return { outsideStage: false };
  const here = stageIndex(stage);
  const later = stages.filter((s) => stageIndex(s) > here).sort((a, b) => stageIndex(a) - stageIndex(b));
  const earlier = stages.filter((s) => stageIndex(s) < here).sort((a, b) => stageIndex(b) - stageIndex(a));
  const [first] = later;
  if (first) return { outsideStage: true, direction: 'later', meantFor: first };
  const [last] = earlier;
  // `stages` is not empty and has no `stage`, so one of the two lists has an item.
  return last ? { outsideStage: true, direction: 'earlier', meantFor: last } : { outsideStage: false };
}

/** The decision. An exercise outside the stage is allowed, flagged so the screen asks for a deliberate second tap. */
export function mayStart(hold: SafetyHold, stage: StageId | null, activity: Activity): StartDecision {
  if (hold.triage.level === 'emergency') return { allowed: false, reason: 'emergency' };
  if (activity.kind !== 'session' && activity.kind !== 'exercise') return { allowed: true, outsideStage: false };
  if (sessionsPausedOn(hold)) return { allowed: false, reason: 'sessions_paused' };
  if (activity.kind === 'session') return { allowed: true, outsideStage: false };
  return { allowed: true, ...stageFit(stage, activity.stages) };
}

/**
 * The earliest day a clinician visit may be recorded as: not before the episode began, and — while the current
 * triage holds sessions or the plan (urgent-doctor, emergency) — not before the day of that triage, since a visit
 * before it cannot answer it.
 */
export function earliestClinicianVisit(episode: { onsetDate: string; triage: Pick<TriageResult, 'level'>; triagedAt?: string | undefined }, timeZone: string): string {
  if (episode.triage.level === 'self-care' || episode.triagedAt === undefined) return episode.onsetDate;
  const triageDay = localDate(episode.triagedAt, timeZone);
  return triageDay > episode.onsetDate ? triageDay : episode.onsetDate;
}
