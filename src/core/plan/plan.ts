import { painChange } from '../clinical';
import type { Exercise } from '../exercises/types';
import { stageIndex } from './stages';
import { sessionsPausedOn } from './mayStart';
import { addDays, dayNumber, daysBetween, isIsoDate } from '../time';
import { dayLog, latestCheckInDay, minutesBetween, type EpisodeHistory } from './history';
import {
  BREATHING_MINUTES,
  EASE_OFF_MIN_EXTRA_MINUTES,
  EASE_OFF_RATIO,
  LIE_FLAT,
  STAGE_SESSION_MINUTES,
  STAND_BREAK_MINUTES,
  muchMoreThanPlanned,
  walkedMuchMore,
} from './pacing';
import * as words from './reasons';
import { canResume, muscleFocus, replayEpisode, type DayRecord, type Replay, type ReplayCheckpoint } from './replay';
import type { Plan, PlanInput, PlanItem, Reason } from './types';
import { NO_EDITS, visibleCatalogue, withTherapistSettings } from '../therapist/planEdits';

/**
 * buildPlan: one day's plan, with a reason for every choice. Pure: the same input and catalogue always
 * give the same plan, and nothing after the end of `input.date` (in `input.timeZone`) is looked at.
 */

/** Review triggers (clinical.md §6): no improvement by 4 weeks → GP; not meaningfully better by 6 weeks → physiotherapy. */
export const GP_REVIEW_AFTER_DAYS = 28;
export const PHYSIO_REVIEW_AFTER_DAYS = 42;

/** Whether an urgent-doctor result still pauses sessions on the plan date (the rule lives in mayStart.ts). */
export function sessionsPaused(input: PlanInput): boolean {
  const { triage, clinicianSeenAt, triagedAt } = input.episode;
  return sessionsPausedOn({ triage, clinicianSeenAt, triagedAt, date: input.date, timeZone: input.timeZone });
}

function reviewReasons(input: PlanInput, history: EpisodeHistory): Reason[] {
  const days = daysBetween(history.onsetDate, input.date);
  const latest = history.checkInDays[history.checkInDays.length - 1];
  if (days < GP_REVIEW_AFTER_DAYS || !latest || latest.last.painNow === 0) return [];
  const baseline = history.checkInDays[0]?.first.painNow ?? input.episode.painNow;
  const now = latest.last.painNow;
  const change = painChange(baseline, now);
  const weeks = Math.floor(days / 7);
  const out: Reason[] = [];
  if (change.change <= 0) out.push(words.reviewGpReason(weeks, baseline, now));
  if (days >= PHYSIO_REVIEW_AFTER_DAYS && !change.meetsAbsolute && !change.meets30Percent) out.push(words.reviewPhysioReason(weeks, baseline, now));
  return out;
}

function loggedMinutes(history: EpisodeHistory, date: string) {
  const log = dayLog(history, date);
  const sum = (kind: 'walk' | 'lie-flat') => log.movements.filter((m) => m.kind === kind).reduce((s, m) => s + m.minutes, 0);
  return {
    walk: sum('walk'),
    lieFlat: sum('lie-flat'),
    session: log.sessions.reduce((s, x) => s + minutesBetween(x.startedAt, x.endedAt), 0),
  };
}

function plannedMinutes(day: DayRecord) {
  const lie = LIE_FLAT[day.stage];
  return {
    walk: day.walk.plan ? day.walk.plan.walks * day.walk.plan.minutesEach : 0,
    lieFlat: lie ? lie.times * lie.minutes : 0,
    session: day.session ? day.session.choice.totalSeconds / 60 : 0,
  };
}

/** "Ease off" (never praise) when the log shows much more than planned, today so far or yesterday. */
function easeOffReasons(history: EpisodeHistory, today: DayRecord, yesterday: DayRecord | undefined, paused: boolean): Reason[] {
  const out: Reason[] = [];
  const days = [
    { when: 'today' as const, day: today },
    ...(yesterday ? [{ when: 'yesterday' as const, day: yesterday }] : []),
  ].map((d) => ({ ...d, logged: loggedMinutes(history, d.day.date), planned: plannedMinutes(d.day) }));
  const walk = days
    .map((d) => ({ ...d, reported: latestCheckInDay(history, dayNumber(d.day.date))?.last.walkMinutes ?? 0 }))
    .find((d) => walkedMuchMore(d.logged.walk, d.planned.walk, d.reported));
  if (walk) out.push(words.easeOffReason('walk', walk.when, walk.logged.walk, walk.planned.walk, walk.reported));
  // A maintain day off plans no routine, but an extra one is not over-doing it: only days with a session count.
  const session = paused ? undefined : days.find((d) => d.day.session !== null && muchMoreThanPlanned(d.logged.session, d.planned.session));
  if (session) out.push(words.easeOffReason('session', session.when, session.logged.session, session.planned.session));
  const rest = days.find(
    (d) => d.planned.lieFlat > 0 && d.logged.lieFlat > d.planned.lieFlat * EASE_OFF_RATIO && d.logged.lieFlat - d.planned.lieFlat >= EASE_OFF_MIN_EXTRA_MINUTES,
  );
  if (rest) out.push(words.restLongerReason(rest.when, rest.logged.lieFlat, rest.planned.lieFlat));
  return out;
}

/** What the therapist changed that shapes every day: hidden movements, session settings, their note. */
function therapistReasons(edits: PlanInput['therapist'] & object, catalogue: readonly Exercise[]): Reason[] {
  const out: Reason[] = [];
  const names = new Map(catalogue.map((e) => [e.id, e.name]));
  const hidden = edits.hidden.flatMap((id) => names.get(id) ?? []);
  if (hidden.length > 0) out.push(words.therapistHiddenReason(hidden));
  if (edits.sessionMinutes !== null || (edits.styles !== null && edits.styles.length > 0)) out.push(words.therapistSettingsReason(edits.sessionMinutes, edits.styles ?? []));
  if (edits.note !== null && edits.note.trim() !== '') out.push(words.therapistNoteReason(edits.note.trim()));
  return out;
}

function roundMinutes(seconds: number): number {
  return Math.round((seconds / 60) * 10) / 10;
}

/**
 * The input and catalogue the engine plans from once a therapist's edits are applied: their settings and muscle
 * notes in the input, hidden movements out of the catalogue. The stage and safety rules still decide.
 */
export function withEdits(given: PlanInput, fullCatalogue: readonly Exercise[]): { input: PlanInput; catalogue: readonly Exercise[] } {
  const edits = given.therapist ?? NO_EDITS;
  return { input: withTherapistSettings(given, edits), catalogue: visibleCatalogue(fullCatalogue, edits.hidden) };
}

export function buildPlan(given: PlanInput, fullCatalogue: readonly Exercise[]): Plan {
  if (!isIsoDate(given.date)) throw new RangeError(`Plan date must be YYYY-MM-DD: ${given.date}`);
  const { input, catalogue } = withEdits(given, fullCatalogue);
  if (input.episode.triage.level === 'emergency') return emergencyPlan(input);
  return planFromReplay(input, replayEpisode(input, catalogue), fullCatalogue);
}

/**
 * The plan, resumed from `resume` when it can (`canResume`), with the replay's checkpoint at the end of the day
 * before the plan date to resume the next call from (null when the replay has no such day or is not needed).
 * The plan is exactly `buildPlan`'s; the input may hold only the records from the checkpoint's `windowFrom` on.
 */
export function buildPlanResuming(given: PlanInput, fullCatalogue: readonly Exercise[], resume: ReplayCheckpoint | null): { plan: Plan; checkpoint: ReplayCheckpoint | null; resumed: boolean } {
  if (!isIsoDate(given.date)) throw new RangeError(`Plan date must be YYYY-MM-DD: ${given.date}`);
  const { input, catalogue } = withEdits(given, fullCatalogue);
  if (input.episode.triage.level === 'emergency') return { plan: emergencyPlan(input), checkpoint: null, resumed: false };
  const resumed = canResume(resume, input);
  const replay = replayEpisode(input, catalogue, { resume, checkpointOn: addDays(input.date, -1) });
  return { plan: planFromReplay(input, replay, fullCatalogue), checkpoint: replay.checkpoint ?? null, resumed };
}

function emergencyPlan(input: PlanInput): Plan {
  return { date: input.date, stage: null, items: [], reasons: [words.emergencyReason()] };
}

/**
 * The plan for `input.date` from a replay of the same input that is already at hand (so Progress replays once).
 * `input` and the replay come from `withEdits`; `fullCatalogue` names every movement, hidden ones too.
 */
export function planFromReplay(input: PlanInput, replay: Replay, fullCatalogue: readonly Exercise[]): Plan {
  const edits = input.therapist ?? NO_EDITS;
  const { triage } = input.episode;
  if (triage.level === 'emergency') return emergencyPlan(input);
  const { history, days } = replay;
  const today = days[days.length - 1];
  if (!today) throw new Error('The replay always covers the plan date');
  const yesterday = days[days.length - 2];
  const { stage } = today;
  const paused = sessionsPaused(input);
  const byId = new Map(fullCatalogue.map((e) => [e.id, e]));

  const items: PlanItem[] = [];
  const notes: Reason[] = [];

  if (paused) items.push({ kind: 'see-doctor', timeframe: triage.timeframe ?? 'within_24h', reason: words.seeDoctorReason(triage.timeframe ?? 'within_24h') });
  else if (triage.level === 'urgent-doctor') notes.push(words.clinicianSeenReason());

  const lie = LIE_FLAT[stage];
  if (lie) items.push({ kind: 'lie-flat', times: lie.times, minutes: lie.minutes, reason: words.lieFlatReason() });
  const breathing = BREATHING_MINUTES[stage];
  if (breathing !== null) items.push({ kind: 'breathing', minutes: breathing, reason: words.breathingReason() });
  items.push({ kind: 'posture', cues: words.postureCues(stage), groups: words.postureCueGroups(stage), reason: words.postureReason(stage) });
  const walk = today.walk.plan;
  if (walk) {
    const reportedMinutes = latestCheckInDay(history, dayNumber(input.date))?.last.walkMinutes ?? 0;
    items.push({ kind: 'walk', walks: walk.walks, minutesEach: walk.minutesEach, reportedMinutes, reason: words.walkReason(walk.walks, walk.minutesEach) });
  }
  items.push({ kind: 'stand-breaks', everyMinutes: STAND_BREAK_MINUTES[stage], reason: words.standBreaksReason(STAND_BREAK_MINUTES[stage]) });

  // The session and what shaped it.
  const session = today.session;
  if (!session) {
    notes.push(words.maintainRestDayReason());
  } else if (session.choice.exercises.length === 0) {
    notes.push(words.noSessionReason(today.pacing !== 'normal'));
  } else {
    const { choice, range } = session;
    const totalMinutes = roundMinutes(choice.totalSeconds);
    const styles = input.preferences.styles;
    const usedFallback =
      styles.length > 0 && !styles.includes('general') && choice.exercises.some((e) => byId.get(e.exerciseId)?.style === 'general');
    items.push({
      kind: 'session',
      paused,
      totalMinutes,
      // Paused, no session is planned: no list any client could run (mayStart.ts holds every path too).
      exercises: paused ? [] : choice.exercises,
      reason: paused ? words.sessionPausedReason() : words.sessionReason(stage, totalMinutes, usedFallback),
    });
    if (!paused) {
      if (range.cappedBy) {
        notes.push(
          words.sessionCappedReason(
            range.cappedBy,
            stage,
            totalMinutes,
            input.preferences.sessionMinutes,
            STAGE_SESSION_MINUTES[stage],
            today.pacing !== 'normal',
          ),
        );
      }
      if (choice.pinned.length > 0) notes.push(words.therapistPinnedReason(choice.pinned.map((id) => byId.get(id)?.name ?? id)));
      if (today.dose.changed) notes.push(words.doseReason(today.dose.changed, today.dose.rule, today.dose.because));
      for (const sub of choice.substitutions) {
        const from = byId.get(sub.fromId);
        const to = sub.toId ? byId.get(sub.toId) : undefined;
        if (from && (!to || choice.exercises.some((e) => e.exerciseId === to.id))) notes.push(words.easierVariantReason(from.name, to?.name ?? null));
      }
    }
  }

  // Flares step volume back.
  if (today.flaresToday.length > 0) notes.push(words.flareReason(today.flaresToday));
  else if (today.flaresYesterday.length > 0) notes.push(words.afterFlareReason());
  notes.push(...easeOffReasons(history, today, yesterday, paused));

  // Whole body: weak and tight muscles.
  const { weak, tight } = muscleFocus(input);
  const choice = session?.choice;
  if (weak.length > 0) {
    const moving = stageIndex(stage) >= stageIndex('move');
    if (!moving) notes.push(words.weakMusclesReason(weak, false));
    else if (choice && choice.strengthened.length > 0) notes.push(words.weakMusclesReason(choice.strengthened, true));
  }
  if (tight.length > 0) notes.push(words.tightMusclesReason(tight, choice?.relaxed ?? []));

  // Related pains.
  if (today.related.length > 0) {
    notes.push(words.relatedPainsReason(today.related.map((r) => r.area), choice?.relatedAreas ?? []));
  }

  // Safety: routine reviews.
  const safety: Reason[] = [];
  const reviews = reviewReasons(input, history);
  if (triage.gpReviewAdvised && !reviews.some((r) => r.code === 'review-gp-4-weeks')) safety.push(words.gpReviewAdvisedReason());
  safety.push(...reviews);

  notes.push(...therapistReasons(edits, fullCatalogue));

  const stageReason = words.stageReason(stage, today.stageState.decision);
  return {
    date: input.date,
    stage,
    items,
    reasons: [stageReason, ...items.map((i) => i.reason), ...safety, ...notes],
  };
}

/**
 * The day's planned volume, as pacing compares it from one day to the next. A session paused for safety
 * still counts (pacing planned it; the pause is a separate, safety decision); a day without a session counts 0.
 */
export function planVolume(plan: Plan): { walkMinutes: number; sessionMinutes: number } {
  let walkMinutes = 0;
  let sessionMinutes = 0;
  for (const item of plan.items) {
    if (item.kind === 'walk') walkMinutes += item.walks * item.minutesEach;
    if (item.kind === 'session') sessionMinutes += item.totalMinutes;
  }
  return { walkMinutes, sessionMinutes };
}
