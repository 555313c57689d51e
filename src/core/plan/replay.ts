import { MUSCLES, type MuscleId, type RegionId } from '../body';
import { ACCEPTABLE_EXERCISE_PAIN, SAFE_EXERCISE_PAIN } from '../clinical';
import type { Exercise } from '../exercises/types';
import type { StageId } from './stages';
import { addDays, dayNumber, daysBetween, dayRange } from './dates';
import { detectFlares, flaresByDay, sessionPeakPain, usualMorningPainOn, type FlareEvent } from './flare';
import { checkInDayOn, collectHistory, dayLog, dayLogOn, latestCheckInDay, type EpisodeHistory } from './history';
import {
  DOSE_START,
  MAINTAIN_SESSION_EVERY_DAYS,
  STAGE_SESSION_MINUTES,
  WALKS_PER_DAY,
  maxDoseFactor,
  nextDose,
  nextSessionShare,
  nextWalkQuota,
  planWalks,
  sessionCapSeconds,
  sessionQuotaSeconds,
  sessionRange,
  walkTarget,
  walkingBaselineOn,
  weeklyTrendOn,
  type DayPacing,
  type DoseState,
  type DoseStep,
  type SessionRange,
} from './pacing';
import { recentRegions, relatedPainsFromRegions, type RelatedPain } from './regions';
import { chooseSession, type SessionChoice } from './session';
import { initialStageState, replayStages, type StageState } from './stage';
import type { PlanInput } from './types';

/**
 * The day-by-day replay: from the first day of the episode to the plan date, each day's stage, quotas and
 * session follow from the day before and that day's records. The plan for a date is the last day of its
 * replay, so yesterday's plan here is exactly what `buildPlan` gives for yesterday.
 */

/** An exercise that hurt in the last this-many days (plan date included) is swapped for its easier variant. Product default. */
export const HURT_LOOKBACK_DAYS = 7;

export interface WalkDay {
  baseline: number;
  /** Exact minutes for one walk (the plan shows whole minutes, rounded down). */
  quota: number;
  plan: { walks: number; minutesEach: number } | null;
}

export interface SessionDay {
  range: SessionRange;
  capSeconds: number;
  maxDoseFactor: number;
  choice: SessionChoice;
}

export interface DayRecord {
  date: string;
  stage: StageId;
  stageState: StageState;
  flaresToday: FlareEvent[];
  flaresYesterday: FlareEvent[];
  pacing: DayPacing;
  walk: WalkDay;
  dose: DoseStep;
  /** Null on a maintain day off. */
  session: SessionDay | null;
  related: RelatedPain[];
}

export interface Replay {
  history: EpisodeHistory;
  flares: FlareEvent[];
  days: DayRecord[];
}

/** Muscle notes as two ordered lists; a muscle noted both weak and tight counts as tight (it is never loaded). */
export function muscleFocus(input: PlanInput): { weak: MuscleId[]; tight: MuscleId[] } {
  const tight = new Set(input.muscleNotes.filter((n) => n.feels === 'tight').map((n) => n.muscle));
  const weak = new Set(input.muscleNotes.filter((n) => n.feels === 'weak' && !tight.has(n.muscle)).map((n) => n.muscle));
  return { weak: MUSCLES.map((m) => m.id).filter((m) => weak.has(m)), tight: MUSCLES.map((m) => m.id).filter((m) => tight.has(m)) };
}

/**
 * Exercises that hurt recently: swapped or skipped with pain above the "safe" 0–3 zone, or done with
 * pain above the acceptable 5/10 (clinical.md §4).
 */
export function recentlyHurt(history: EpisodeHistory, date: string): Set<string> {
  return recentlyHurtOn(history, dayNumber(date));
}

function recentlyHurtOn(history: EpisodeHistory, day: number): Set<string> {
  const hurt = new Set<string>();
  for (let d = day - (HURT_LOOKBACK_DAYS - 1); d <= day; d++) {
    for (const s of dayLogOn(history, d).sessions) {
      for (const e of s.exercises) {
        const pain = e.painDuring;
        if (pain === undefined) continue;
        if ((e.outcome !== 'done' && pain > SAFE_EXERCISE_PAIN) || pain > ACCEPTABLE_EXERCISE_PAIN) hurt.add(e.exerciseId);
      }
    }
  }
  return hurt;
}

function doseInputs(history: EpisodeHistory, date: string, day: number, days: readonly DayRecord[]) {
  let painDuringMax = 0;
  let painAfterMax = 0;
  for (const s of dayLogOn(history, day).sessions) {
    painDuringMax = Math.max(painDuringMax, sessionPeakPain(s).during);
    painAfterMax = Math.max(painAfterMax, s.painAfter);
  }
  const usual = usualMorningPainOn(history, day);
  const checkIn = checkInDayOn(history, day);
  const sessionYesterday = dayLogOn(history, day - 1).sessions.length > 0;
  const nextMorningPain = sessionYesterday && checkIn && usual !== null ? checkIn.first.painNow : (usual ?? 0);
  // Replayed days are consecutive, so the last seven records are the seven days before `date`.
  let plannedSessionDays = 0;
  let loggedSessionDays = 0;
  let tooEasySessions = 0;
  for (let d = day - 6; d <= day - 1; d++) {
    for (const s of dayLogOn(history, d).sessions) {
      if (s.feel === 'too_easy' && sessionPeakPain(s).during <= SAFE_EXERCISE_PAIN && s.painAfter <= SAFE_EXERCISE_PAIN) tooEasySessions++;
    }
  }
  for (const r of days.slice(-7)) {
    if (r.session === null || r.session.choice.exercises.length === 0) continue;
    plannedSessionDays++;
    if (dayLog(history, r.date).sessions.length > 0) loggedSessionDays++;
  }
  return {
    date,
    painDuringMax,
    painAfterMax,
    nextMorningPain,
    usualMorningPain: usual ?? nextMorningPain,
    weeklyTrend: weeklyTrendOn(history, day),
    plannedSessionDays,
    loggedSessionDays,
    tooEasySessions,
  };
}

/**
 * Related pains depend only on the set of regions, which changes rarely from one day to the next (and
 * is usually listed in the same order, so the order is not worth sorting away).
 */
function relatedPainsCache(): (regions: ReadonlySet<RegionId>) => RelatedPain[] {
  const cache = new Map<string, RelatedPain[]>();
  return (regions) => {
    const key = [...regions].join(' ');
    let related = cache.get(key);
    if (!related) {
      related = relatedPainsFromRegions([...regions]);
      cache.set(key, related);
    }
    return related;
  };
}

export function replayEpisode(input: PlanInput, catalogue: readonly Exercise[]): Replay {
  const history = collectHistory(input);
  const flares = detectFlares(history);
  const stageByDay = replayStages(history, flares);
  const { weak, tight } = muscleFocus(input);
  const preferred = input.preferences.sessionMinutes;

  let stageState = initialStageState(history.startDate);
  let rebased: { baseline: number; from: string } | null = null;
  let walkQuota: number | null = null;
  let walkYesterday: number | null = null;
  let dose: DoseState = { scale: DOSE_START, changedOn: history.startDate };
  let factorCeiling: number | null = null;
  let sessionShare: number | null = null;
  let sessionYesterday: number | null = null;
  const days: DayRecord[] = [];

  const flaresByDate = flaresByDay(flares);
  const relatedFor = relatedPainsCache();
  let yesterdayDate = addDays(history.startDate, -1);

  for (const [i, date] of dayRange(history.startDate, history.planDate).entries()) {
    const day = history.startDay + i;
    stageState = stageByDay.get(day) ?? stageState;
    const stage = stageState.stage;
    const flaresToday = [...(flaresByDate.get(date) ?? [])];
    const flaresYesterday = [...(flaresByDate.get(yesterdayDate) ?? [])];
    yesterdayDate = date;
    const flareToday = flaresToday.length > 0;
    const flareYesterday = flaresYesterday.length > 0;
    const pacing: DayPacing = flareToday ? 'flare' : flareYesterday ? 'after-flare' : 'normal';

    // Walking: the baseline, re-measured when a stage is entered by moving up.
    const initial = walkingBaselineOn(history, day);
    const qualifying = stageState.decision.kind === 'up' && stageState.decidedOn === date ? stageState.qualifyingWalkMinutes : null;
    if (qualifying && qualifying.length > 0) {
      const measured = qualifying.reduce((a, b) => a + b, 0) / qualifying.length;
      if (measured > (rebased?.baseline ?? initial)) rebased = { baseline: measured, from: date };
    }
    const useRebased = rebased !== null && rebased.baseline > initial;
    const baseline = useRebased && rebased ? rebased.baseline : initial;
    const baselineFrom = useRebased && rebased ? rebased.from : (history.checkInDays[0]?.date ?? history.startDate);
    const latest = latestCheckInDay(history, day);
    // Stepping back to a stage with more walks a day spreads the same minutes over them, so a step back
    // never adds walking.
    const walksBefore = days.length > 0 ? WALKS_PER_DAY[days[days.length - 1]?.stage ?? stage] : 0;
    const walksNow = WALKS_PER_DAY[stage];
    const previousQuota = walkQuota !== null && walksBefore > 0 && walksNow > walksBefore ? (walkQuota * walksBefore) / walksNow : walkQuota;
    walkQuota = nextWalkQuota({
      previous: previousQuota,
      target: walkTarget(baseline, daysBetween(baselineFrom, date)),
      pacing,
      // What the person said they can walk caps the quota only on days with planned walks.
      tolerance: latest && WALKS_PER_DAY[stage] > 0 ? latest.last.walkMinutes : null,
    });
    const walkPlan = planWalks(stage, walkQuota, flareToday || flareYesterday ? (walkYesterday ?? null) : null);
    walkYesterday = walkPlan ? walkPlan.walks * walkPlan.minutesEach : 0;

    // Exercise dose, from pain monitoring.
    const doseStep = nextDose(dose, doseInputs(history, date, day, days));
    dose = doseStep.state;

    // The session (every other day in maintain).
    const related = relatedFor(recentRegions(history, input.episode.regions, day));
    const sessionDay = stage !== 'maintain' || daysBetween(stageState.since, date) % MAINTAIN_SESSION_EVERY_DAYS === 0;
    // The share steps back on flare days whether or not the day has a session (a maintain day off).
    sessionShare = nextSessionShare(sessionShare, pacing);
    let session: SessionDay | null = null;
    if (sessionDay) {
      const aimSeconds = Math.min(preferred, STAGE_SESSION_MINUTES[stage]) * 60;
      const capSeconds = sessionCapSeconds(sessionQuotaSeconds(sessionShare, aimSeconds), flareYesterday, sessionYesterday);
      const range = sessionRange(preferred, stage, capSeconds);
      factorCeiling = maxDoseFactor(dose.scale, factorCeiling, pacing);
      const choice = chooseSession(
        catalogue,
        { stage, rotation: day, styles: input.preferences.styles, weak, tight, related, hurt: recentlyHurtOn(history, day) },
        {
          targetSeconds: range.targetSeconds,
          lowerSeconds: range.lowerSeconds,
          upperSeconds: range.upperSeconds,
          cappedBy: range.cappedBy,
          maxDoseFactor: factorCeiling,
        },
      );
      session = { range, capSeconds, maxDoseFactor: factorCeiling, choice };
      sessionYesterday = choice.totalSeconds;
    } else {
      sessionYesterday = 0;
    }

    days.push({
      date,
      stage,
      stageState,
      flaresToday,
      flaresYesterday,
      pacing,
      walk: { baseline, quota: walkQuota, plan: walkPlan },
      dose: doseStep,
      session,
      related,
    });
  }
  return { history, flares, days };
}
