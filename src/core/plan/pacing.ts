import { painMonitoringDecision, type PainMonitoringDecision, type PainMonitoringRule, type WeeklyTrend } from '../clinical';
import type { StageId } from './stages';
import { dayNumber, daysBetween } from '../time';
import { checkInDaysFromTo, firstCheckInDays, type CheckInDay, type EpisodeHistory } from './history';

/**
 * Pacing (clinical.md §5): quotas are time-contingent, start below tolerance, grow by one documented
 * rule, never jump from one day to the next, and step back after a flare.
 */

/** Quotas start at 80 % of the baseline ("start below tolerance", clinical.md §5). */
export const START_SHARE = 0.8;
/**
 * THE growth rule: the walking quota grows by 10 % of the baseline per week, linearly (not compounded),
 * added a seventh each day. The lower end of the Australian Therapeutic Guidelines' 10–20 % per week.
 */
export const WEEKLY_GROWTH_OF_BASELINE = 0.1;
/** No daily volume (a walk's minutes, the session's seconds, the dose factor) grows by more than 10 % of the last day's. Product default. */
export const MAX_DAILY_GROWTH = 0.1;
/** A flare steps volume back to 80 % of the last day's (product default; the same share quotas start at). */
export const FLARE_STEP_BACK = 0.8;
/** The walking baseline is the mean tolerance of the first three check-in days (clinical.md §5). */
export const BASELINE_DAYS = 3;
/** A baseline is never taken as less than 5 minutes, so a quota can grow from it. Product default. */
export const MIN_BASELINE_WALK_MINUTES = 5;
/** The shortest planned walk and the longest. Product defaults. */
export const MIN_WALK_MINUTES = 2;
export const MAX_WALK_MINUTES = 40;

/** How many walks a day each stage plans: more, shorter walks early; fewer, longer ones later. Product defaults. */
export const WALKS_PER_DAY: Record<StageId, number> = { settle: 0, 'stand-walk': 4, move: 3, strengthen: 2, maintain: 1 };

/**
 * Each stage's session ceiling, in minutes (settle: a short gentle routine). The session is the chosen length
 * (5/10/20/30) up to this ceiling, ±10 %. Product defaults.
 */
export const STAGE_SESSION_MINUTES: Record<StageId, number> = { settle: 5, 'stand-walk': 10, move: 20, strengthen: 30, maintain: 15 };
/** The shortest session a flare step back plans (unless the day after a flare holds it lower). Product default. */
export const MIN_SESSION_MINUTES = 3;
/** The session's length lands within ±10 % of the chosen length when pacing does not cap it. */
export const SESSION_TOLERANCE = 0.1;
/** In maintain the routine is done every other day ("a few times a week"). Product default. */
export const MAINTAIN_SESSION_EVERY_DAYS = 2;

/** Exercise dose factor: reps, holds and timed work are the catalogue dose times this factor. */
export const DOSE_START = START_SHARE;
export const DOSE_MIN = 0.5;
export const DOSE_MAX = 1.5;
/** One progression step (pain-monitoring R5) adds 10 %; one regression step (R1–R4) takes 20 % off. */
export const DOSE_PROGRESS_STEP = 0.1;
export const DOSE_REGRESS_STEP = 0.2;
/** Progression is reviewed weekly (R5 "planned week completed"); R4 regresses at most once a week. */
export const DOSE_REVIEW_DAYS = 7;
/** Product default: two sessions in a week that felt too easy (with pain in the safe 0–3 zone) let the dose grow early. */
export const TOO_EASY_SESSIONS_TO_GROW = 2;
/** Product default: and at least this many days at the current dose, so "too easy" cannot grow it day after day. */
export const TOO_EASY_MIN_DAYS_AT_DOSE = 3;
/** "The planned week completed" = sessions logged on at least 5 of every 7 planned session days. Product default. */
export const WEEK_COMPLETED_SHARE = 5 / 7;
/** Week-on-week mean worst pain up (or down) by at least 1 point counts as a trend. Product default. */
export const WEEKLY_TREND_POINTS = 1;

/** "Much more than planned": over 1.5 × the plan and at least 10 minutes over. Product defaults. */
export const EASE_OFF_RATIO = 1.5;
export const EASE_OFF_MIN_EXTRA_MINUTES = 10;

/** Stand-break intervals while awake, in minutes: shorter early on. Product defaults (settle 20–30 in the issue). */
export const STAND_BREAK_MINUTES: Record<StageId, number> = { settle: 20, 'stand-walk': 30, move: 40, strengthen: 45, maintain: 50 };

/** Lie-flat resets (times a day × minutes) and breathing minutes per stage. Product defaults. */
export const LIE_FLAT: Record<StageId, { times: number; minutes: number } | null> = {
  settle: { times: 4, minutes: 5 },
  'stand-walk': { times: 3, minutes: 5 },
  move: { times: 2, minutes: 5 },
  strengthen: { times: 1, minutes: 5 },
  maintain: null,
};
export const BREATHING_MINUTES: Record<StageId, number | null> = { settle: 5, 'stand-walk': 3, move: null, strengthen: null, maintain: null };

// ───────────────────────────── walking ─────────────────────────────

/** Baseline walking tolerance: mean of the first BASELINE_DAYS check-in days (as many as exist so far). */
export function walkingBaseline(history: EpisodeHistory, upTo: string): number {
  return walkingBaselineOn(history, dayNumber(upTo));
}

/** `walkingBaseline` up to the day with day number `day`. */
export function walkingBaselineOn(history: EpisodeHistory, day: number): number {
  const first = firstCheckInDays(history, day, BASELINE_DAYS);
  if (first.length === 0) return MIN_BASELINE_WALK_MINUTES;
  const mean = first.reduce((sum, d) => sum + d.last.walkMinutes, 0) / first.length;
  return Math.max(MIN_BASELINE_WALK_MINUTES, mean);
}

/** The time-contingent target for one walk: 80 % of baseline plus 10 % of baseline per week since it was set. */
export function walkTarget(baseline: number, daysSinceBaseline: number): number {
  const weeks = Math.max(0, daysSinceBaseline) / 7;
  return Math.min(MAX_WALK_MINUTES, baseline * (START_SHARE + WEEKLY_GROWTH_OF_BASELINE * weeks));
}

/** 'flare': a flare today; 'after-flare': a flare yesterday (and none today); otherwise 'normal'. */
export type DayPacing = 'normal' | 'flare' | 'after-flare';

export interface WalkQuotaStep {
  /** Yesterday's quota for one walk (exact minutes), or null on the first day. */
  previous: number | null;
  target: number;
  pacing: DayPacing;
  /** Latest reported walking tolerance (minutes), if any. */
  tolerance: number | null;
}

/**
 * Today's quota for one walk, in exact minutes: it follows the time-contingent target but grows at most
 * MAX_DAILY_GROWTH a day, steps back to FLARE_STEP_BACK on a flare day, holds the day after, and never
 * exceeds what the person said they can walk.
 */
export function nextWalkQuota(step: WalkQuotaStep): number {
  const { previous, target, pacing, tolerance } = step;
  let quota: number;
  if (previous === null) quota = target;
  else if (pacing === 'flare') quota = previous * FLARE_STEP_BACK;
  else if (pacing === 'after-flare') quota = previous;
  else quota = Math.min(target, previous * (1 + MAX_DAILY_GROWTH));
  if (tolerance !== null) quota = Math.min(quota, Math.max(MIN_WALK_MINUTES, tolerance));
  quota = Math.min(quota, MAX_WALK_MINUTES);
  // Quotas never fall below MIN_WALK_MINUTES, so a flare's step back can stop there without rising.
  return Math.max(MIN_WALK_MINUTES, quota);
}

/**
 * Today's walks from the quota: the stage's number of walks, whole minutes each (rounded down, so never
 * above the quota). On a flare day and the day after, the day's total is also kept at or below the last
 * day's total. Null when the stage plans no walks.
 */
export function planWalks(stage: StageId, quota: number, holdTotal: number | null): { walks: number; minutesEach: number } | null {
  let walks = WALKS_PER_DAY[stage];
  if (walks === 0) return null;
  let minutesEach = Math.floor(quota);
  if (holdTotal !== null) {
    minutesEach = Math.min(minutesEach, Math.floor(holdTotal / walks));
    if (minutesEach < MIN_WALK_MINUTES) {
      walks = Math.min(walks, Math.floor(holdTotal / MIN_WALK_MINUTES));
      minutesEach = MIN_WALK_MINUTES;
    }
  }
  if (walks <= 0 || minutesEach <= 0) return null;
  return { walks, minutesEach };
}

// ───────────────────────────── session length ─────────────────────────────

/**
 * After a flare the session grows back by this share of the aim a day (product default: the same 10 % as
 * the daily growth cap), so two days on from one step back it is within the ±10 % range again.
 */
export const SESSION_RECOVERY_PER_DAY = 0.1;
/** Flares never take the session below this share of the aim (product default; the stage steps back if they go on). */
export const MIN_SESSION_SHARE = 0.5;

/**
 * Today's session as a share of its aim (min(chosen length, stage ceiling)): the whole aim on an ordinary day,
 * FLARE_STEP_BACK of yesterday's share on a flare day (not below MIN_SESSION_SHARE), held the day after, and
 * back up by SESSION_RECOVERY_PER_DAY a day from then on. Pacing of the session length is only this step back
 * after a flare: the length follows the person's choice within the stage's ceiling, and the exercise dose
 * (below) carries the slow growth.
 */
export function nextSessionShare(previous: number | null, pacing: DayPacing): number {
  const before = previous ?? 1;
  if (pacing === 'flare') return Math.max(MIN_SESSION_SHARE, Math.min(before, before * FLARE_STEP_BACK));
  if (pacing === 'after-flare') return before;
  return Math.min(1, before + SESSION_RECOVERY_PER_DAY);
}

/** Seconds of today's session quota: the share of the aim, never under MIN_SESSION_MINUTES (or the aim, if shorter). */
export function sessionQuotaSeconds(share: number, aimSeconds: number): number {
  return Math.max(Math.min(MIN_SESSION_MINUTES * 60, aimSeconds), share * aimSeconds);
}

/**
 * The most seconds today's session may take: the quota; on the day after a flare no more than yesterday's
 * planned session; and on a flare day no more than yesterday's session, when there was one (so "a little
 * shorter" holds even when the stage changed overnight).
 */
export function sessionCapSeconds(quota: number, flareToday: boolean, flareYesterday: boolean, yesterdaySeconds: number | null): number {
  if (yesterdaySeconds === null) return quota;
  if (flareYesterday || (flareToday && yesterdaySeconds > 0)) return Math.min(quota, yesterdaySeconds);
  return quota;
}

export interface SessionRange {
  targetSeconds: number;
  lowerSeconds: number;
  upperSeconds: number;
  /** What holds the session under the chosen length, if anything. */
  cappedBy: 'stage' | 'pacing' | null;
}

/** The range today's session should land in, given the chosen length, the stage cap and the pacing cap. */
export function sessionRange(preferredMinutes: number, stage: StageId, capSeconds: number): SessionRange {
  const stageMinutes = STAGE_SESSION_MINUTES[stage];
  const aim = Math.min(preferredMinutes, stageMinutes) * 60;
  const stageCapped = stageMinutes < preferredMinutes;
  // Any cap under the aim is a step back after a flare: the session lands just under it, and says so.
  if (capSeconds < aim - 1e-6) {
    return { targetSeconds: capSeconds, lowerSeconds: capSeconds * (1 - SESSION_TOLERANCE), upperSeconds: capSeconds, cappedBy: 'pacing' };
  }
  return {
    targetSeconds: Math.min(aim, capSeconds),
    lowerSeconds: aim * (1 - SESSION_TOLERANCE),
    upperSeconds: Math.min(aim * (1 + SESSION_TOLERANCE), capSeconds),
    cappedBy: stageCapped ? 'stage' : null,
  };
}

// ───────────────────────────── exercise dose ─────────────────────────────

/** Mean worst pain this week (the 7 days to `date`) against the week before. */
export function weeklyTrend(history: EpisodeHistory, date: string): WeeklyTrend {
  return weeklyTrendOn(history, dayNumber(date));
}

/** `weeklyTrend` for the day with day number `day`. */
export function weeklyTrendOn(history: EpisodeHistory, day: number): WeeklyTrend {
  const thisWeek = meanWorstPain(checkInDaysFromTo(history, day - 6, day));
  const lastWeek = meanWorstPain(checkInDaysFromTo(history, day - 13, day - 7));
  if (thisWeek === null || lastWeek === null) return 'stable';
  if (thisWeek - lastWeek >= WEEKLY_TREND_POINTS) return 'increasing';
  if (lastWeek - thisWeek >= WEEKLY_TREND_POINTS) return 'decreasing';
  return 'stable';
}

/** Mean worst pain over check-in days; null for fewer than two. */
function meanWorstPain(days: readonly CheckInDay[]): number | null {
  if (days.length < 2) return null;
  return days.reduce((s, d) => s + d.last.painWorst24h, 0) / days.length;
}

export interface DoseState {
  /** The dose ceiling set by pain monitoring. */
  scale: number;
  /** The day the scale last changed (or started). */
  changedOn: string;
}

export interface DoseStepInput {
  date: string;
  painDuringMax: number;
  painAfterMax: number;
  nextMorningPain: number;
  usualMorningPain: number;
  weeklyTrend: WeeklyTrend;
  /** Planned session days in the last 7 days and how many of them had a session logged. */
  plannedSessionDays: number;
  loggedSessionDays: number;
  /** Sessions in the last 7 days the person said felt too easy, with pain in the safe zone. */
  tooEasySessions: number;
}

export interface DoseStep {
  state: DoseState;
  decision: PainMonitoringDecision;
  rule: PainMonitoringRule;
  changed: 'up' | 'down' | null;
  /** Why it grew, when it was the person's "too easy" rather than a completed week. */
  because?: 'too-easy';
}

export function weekCompleted(planned: number, logged: number): boolean {
  return planned > 0 && logged >= Math.ceil(WEEK_COMPLETED_SHARE * planned - 1e-9);
}

/**
 * The dose ceiling for today, built on `painMonitoringDecision` (clinical.md §4): regress on R1–R3 at once,
 * on R4 at most once a week; progress (R5) only after a full week at the current dose with the planned
 * sessions mostly done. Red flags (R0) never reach here: triage stops the plan first.
 */
export function nextDose(state: DoseState, input: DoseStepInput): DoseStep {
  const weekAtThisDose = daysBetween(state.changedOn, input.date) >= DOSE_REVIEW_DAYS;
  const { decision, rule } = painMonitoringDecision({
    painDuringMax: input.painDuringMax,
    painAfterMax: input.painAfterMax,
    nextMorningPain: input.nextMorningPain,
    usualMorningPain: input.usualMorningPain,
    weeklyTrend: input.weeklyTrend,
    plannedWeekCompleted: weekAtThisDose && weekCompleted(input.plannedSessionDays, input.loggedSessionDays),
    redFlagPresent: false,
  });
  if (decision === 'regress' && (rule !== 'R4_WEEK_ON_WEEK_INCREASE' || weekAtThisDose)) {
    const scale = Math.max(DOSE_MIN, state.scale * (1 - DOSE_REGRESS_STEP));
    return { state: { scale, changedOn: input.date }, decision, rule, changed: scale < state.scale ? 'down' : null };
  }
  if (decision === 'progress') {
    const scale = Math.min(DOSE_MAX, state.scale * (1 + DOSE_PROGRESS_STEP));
    return { state: { scale, changedOn: input.date }, decision, rule, changed: scale > state.scale ? 'up' : null };
  }
  // Within the pain-monitoring limits (R6), repeated "too easy" lets the dose grow before the week is out.
  const settledAtDose = daysBetween(state.changedOn, input.date) >= TOO_EASY_MIN_DAYS_AT_DOSE;
  if (decision === 'maintain' && settledAtDose && input.tooEasySessions >= TOO_EASY_SESSIONS_TO_GROW) {
    const scale = Math.min(DOSE_MAX, state.scale * (1 + DOSE_PROGRESS_STEP));
    if (scale > state.scale) return { state: { scale, changedOn: input.date }, decision, rule, changed: 'up', because: 'too-easy' };
  }
  return { state, decision, rule, changed: null };
}

/** Today's highest allowed dose factor: the ceiling, and no more than 10 % above yesterday's (none above it after a flare). */
export function maxDoseFactor(scale: number, previousFactor: number | null, pacing: DayPacing): number {
  if (previousFactor === null) return scale;
  if (pacing === 'normal') return Math.min(scale, previousFactor * (1 + MAX_DAILY_GROWTH));
  return Math.min(scale, previousFactor);
}

// ───────────────────────────── doing more than planned ─────────────────────────────

/**
 * Whether a day's logged walking is much more than planned, measured against the larger of the plan and
 * what the person last said they can walk: walking within what they told us is never "too much".
 */
export function walkedMuchMore(loggedMinutes: number, plannedMinutes: number, reportedMinutes: number): boolean {
  return muchMoreThanPlanned(loggedMinutes, Math.max(plannedMinutes, reportedMinutes));
}

/** Whether a logged amount is "much more than planned" (boom-and-bust guard). */
export function muchMoreThanPlanned(loggedMinutes: number, plannedMinutes: number): boolean {
  return loggedMinutes > plannedMinutes * EASE_OFF_RATIO && loggedMinutes - plannedMinutes >= EASE_OFF_MIN_EXTRA_MINUTES;
}
