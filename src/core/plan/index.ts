/** The recovery engine: pure functions from plain data (and a catalogue passed in) to a day's plan. */
export * from './stages';
export * from './types';
export { buildPlan, buildPlanResuming, planFromReplay, withEdits, planVolume, sessionsPaused, GP_REVIEW_AFTER_DAYS, PHYSIO_REVIEW_AFTER_DAYS } from './plan';
export { replayEpisode, canResume, replayFingerprint, checkpointCoversInstant, CHECKPOINT_FORMAT, REPLAY_LOOKBACK_DAYS, type ReplayCheckpoint, muscleFocus, recentlyHurt, HURT_LOOKBACK_DAYS, type DayRecord, type Replay, type SessionDay, type WalkDay } from './replay';
export * from './pacing';
export {
  STAGE_ENTRY,
  STAGE_HOLD,
  CHECK_INS_TO_MOVE_UP,
  FLARE_BLOCK_HOURS,
  FLARE_PERSIST_CHECK_INS,
  START_STAGE_CAP,
  entryLevel,
  holdLevel,
  unmetCriteria,
  type CriterionId,
  type StageCriteria,
  type StageDecision,
  type StageState,
} from './stage';
export { FLARE_RISE_POINTS, USUAL_MORNING_WINDOW_DAYS, detectFlares, type FlareEvent, type FlareKind } from './flare';
export { RELATED_AREAS, RELATED_PAIN_WINDOW_DAYS, relatedPainsFromRegions, type RelatedPain } from './regions';
export { chooseSession, scaleDose, type SessionChoice, type SessionNeeds, type SessionLimits } from './session';
export { localDate, addDays, daysBetween, dayNumber, isIsoDate } from '../time';
export { stageCriteriaText } from './reasons';
export { mayStart, sessionsPausedOn, stageFit, earliestClinicianVisit, type Activity, type HoldReason, type SafetyHold, type StageFit, type StartDecision } from './mayStart';
export { planInputFrom, clinicianSeenInstant, latestMuscleNotes, type PlanRecords, type CheckInRecord, type MuscleNoteRecord } from './input';
export { currentAdvisories, withCurrentAdvisories, recentTrendWorsening, severeOrWorsening, SEVERE_PAIN, RECENT_TREND_DAYS, WORSENING_POINTS } from './advisories';
export { dayProgress, type DayProgress, type DayTask, type DayLogged, type NextStep, type TaskKind } from './nextStep';
