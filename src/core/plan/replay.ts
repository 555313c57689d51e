import { MUSCLES, type MuscleId, type RegionId } from '../body';
import { ACCEPTABLE_EXERCISE_PAIN, SAFE_EXERCISE_PAIN } from '../clinical';
import type { Exercise } from '../exercises/types';
import type { StageId } from './stages';
import { addDays, dateOfDay, dayNumber, daysBetween, instantMs, localDayAt } from '../time';
import { detectFlares, flaresByDay, sessionPeakPain, usualMorningPainOn, type FlareEvent } from './flare';
import { checkInDayOn, collectHistory, dayLog, dayLogOn, daysSinceOnset, firstCheckInDays, latestCheckInDay, type EpisodeHistory } from './history';
import {
  BASELINE_DAYS,
  DOSE_START,
  FLARE_STEP_BACK,
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
import { initialStageState, replayStages, stepStage, type StageState } from './stage';
import type { CheckInData, PlanInput } from './types';

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

/** `lastDay`: the last day whose logs count (the day before, for the session as it was before today's logs). */
function recentlyHurtOn(history: EpisodeHistory, day: number, lastDay = day): Set<string> {
  const hurt = new Set<string>();
  for (let d = day - (HURT_LOOKBACK_DAYS - 1); d <= lastDay; d++) {
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

/** `withTodaysSessions: false` gives the inputs as they were before any session was logged today. */
function doseInputs(history: EpisodeHistory, date: string, day: number, days: readonly DayRecord[], withTodaysSessions = true) {
  let painDuringMax = 0;
  let painAfterMax = 0;
  for (const s of withTodaysSessions ? dayLogOn(history, day).sessions : []) {
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

/** What one day hands on to the next. */
export interface Carry {
  rebased: { baseline: number; from: string } | null;
  walkQuota: number | null;
  walkYesterday: number | null;
  dose: DoseState;
  factorCeiling: number | null;
  sessionShare: number | null;
  sessionYesterday: number | null;
  /** Movements in yesterday's planned session (0 on a day without one), null before the first day. */
  previousCount: number | null;
  previousStage: StageId | null;
}

interface DayInputs {
  input: PlanInput;
  catalogue: readonly Exercise[];
  history: EpisodeHistory;
  weak: MuscleId[];
  tight: MuscleId[];
  day: number;
  date: string;
  stageState: StageState;
  flaresToday: FlareEvent[];
  flaresYesterday: FlareEvent[];
  days: readonly DayRecord[];
  related: RelatedPain[];
  /** False: the day as it was planned before any of its own sessions was logged. */
  withTodaysSessions: boolean;
  /** Set when today's own sessions step the day back: at most this much walking, session and movements. */
  limits?: { walkTotal: number; sessionSeconds: number; exercises: number };
}

/** One replayed day, from what the day before handed on. Pure. */
function planDay(d: DayInputs, carry: Carry): { record: DayRecord; carry: Carry } {
  const { history, day, date, stageState, flaresToday, flaresYesterday, limits } = d;
  const stage = stageState.stage;
  const preferred = d.input.preferences.sessionMinutes;
  const flareToday = flaresToday.length > 0;
  const flareYesterday = flaresYesterday.length > 0;
  const pacing: DayPacing = flareToday ? 'flare' : flareYesterday ? 'after-flare' : 'normal';

  // Walking: the baseline, re-measured when a stage is entered by moving up.
  const initial = walkingBaselineOn(history, day);
  let rebased = carry.rebased;
  const qualifying = stageState.decision.kind === 'up' && stageState.decidedOn === date ? stageState.qualifyingWalkMinutes : null;
  if (qualifying && qualifying.length > 0) {
    const measured = qualifying.reduce((x, y) => x + y, 0) / qualifying.length;
    if (measured > (rebased?.baseline ?? initial)) rebased = { baseline: measured, from: date };
  }
  const useRebased = rebased !== null && rebased.baseline > initial;
  const baseline = useRebased && rebased ? rebased.baseline : initial;
  // The baseline is set by the first check-in on or before this day; a later one must not reach back into days
  // planned before it (a replay resumed from one of those days would not know of it).
  const first = history.checkInDays[0];
  const baselineFrom = useRebased && rebased ? rebased.from : first && first.date <= date ? first.date : history.startDate;
  const latest = latestCheckInDay(history, day);
  // Stepping back to a stage with more walks a day spreads the same minutes over them, so a step back
  // never adds walking.
  const walksBefore = carry.previousStage ? WALKS_PER_DAY[carry.previousStage] : 0;
  const walksNow = WALKS_PER_DAY[stage];
  const { walkQuota: lastQuota } = carry;
  const previousQuota = lastQuota !== null && walksBefore > 0 && walksNow > walksBefore ? (lastQuota * walksBefore) / walksNow : lastQuota;
  const walkQuota = nextWalkQuota({
    previous: previousQuota,
    target: walkTarget(baseline, daysBetween(baselineFrom, date)),
    pacing,
    // What the person said they can walk caps the quota only on days with planned walks.
    tolerance: latest && WALKS_PER_DAY[stage] > 0 ? latest.last.walkMinutes : null,
  });
  const hold = flareToday || flareYesterday ? (carry.walkYesterday ?? null) : null;
  const walkPlan = planWalks(stage, walkQuota, limits ? Math.min(hold ?? Infinity, limits.walkTotal) : hold);

  // Exercise dose, from pain monitoring.
  const doseStep = nextDose(carry.dose, doseInputs(history, date, day, d.days, d.withTodaysSessions));

  // The session (every other day in maintain). The share steps back on flare days whether or not the day
  // has a session (a maintain day off).
  const sessionShare = nextSessionShare(carry.sessionShare, pacing);
  const sessionDay = stage !== 'maintain' || daysBetween(stageState.since, date) % MAINTAIN_SESSION_EVERY_DAYS === 0;
  let session: SessionDay | null = null;
  let factorCeiling = carry.factorCeiling;
  if (sessionDay) {
    const aimSeconds = Math.min(preferred, STAGE_SESSION_MINUTES[stage]) * 60;
    const quotaCap = sessionCapSeconds(sessionQuotaSeconds(sessionShare, aimSeconds), pacing === 'flare', flareYesterday, carry.sessionYesterday);
    const capSeconds = Math.min(quotaCap, limits?.sessionSeconds ?? Infinity);
    const range = sessionRange(preferred, stage, capSeconds);
    factorCeiling = maxDoseFactor(doseStep.state.scale, carry.factorCeiling, pacing);
    // A step back never adds movements: a flare day or the day after has no more than yesterday's session.
    const maxExercises = Math.min(pacing !== 'normal' && carry.previousCount !== null ? carry.previousCount : Infinity, limits?.exercises ?? Infinity);
    const choice = chooseSession(
      d.catalogue,
      {
        stage,
        rotation: day,
        styles: d.input.preferences.styles,
        weak: d.weak,
        tight: d.tight,
        related: d.related,
        hurt: recentlyHurtOn(history, day, d.withTodaysSessions ? day : day - 1),
        pinned: d.input.therapist?.pinned ?? [],
      },
      { ...range, maxDoseFactor: factorCeiling, ...(Number.isFinite(maxExercises) ? { maxExercises } : {}) },
    );
    session = { range, capSeconds, maxDoseFactor: factorCeiling, choice };
  }

  const record: DayRecord = {
    date,
    stage,
    stageState,
    flaresToday,
    flaresYesterday,
    pacing,
    walk: { baseline, quota: walkQuota, plan: walkPlan },
    dose: doseStep,
    session,
    related: d.related,
  };
  return {
    record,
    carry: {
      rebased,
      walkQuota,
      walkYesterday: walkPlan ? walkPlan.walks * walkPlan.minutesEach : 0,
      dose: doseStep.state,
      factorCeiling,
      sessionShare,
      sessionYesterday: session ? session.choice.totalSeconds : 0,
      previousCount: session ? session.choice.exercises.length : 0,
      previousStage: stage,
    },
  };
}

/**
 * The day as it was before its own sessions were logged: the stage without the flares those sessions
 * brought (stepped from yesterday's state), no session-pain flare, and neither their pain nor what hurt in them.
 */
function dayBeforeItsSessions(d: DayInputs, carry: Carry, stageYesterday: StageState, flares: readonly FlareEvent[]): DayRecord {
  const { history, day, date } = d;
  const own = (f: FlareEvent) => f.kind === 'session-pain' && f.date === date;
  const checkIn = checkInDayOn(history, day);
  const stageState = checkIn
    ? stepStage(stageYesterday, { day: checkIn, previous: latestCheckInDay(history, day - 1), daysSinceOnset: daysSinceOnset(history, date), flares: flares.filter((f) => !own(f)) })
    : stageYesterday;
  return planDay({ ...d, stageState, flaresToday: d.flaresToday.filter((f) => !own(f)), withTodaysSessions: false }, carry).record;
}

/**
 * A replay's state at the end of one day, enough to resume it the next day without replaying from the onset
 * (docs/engine.md §10c). Plain data (it round-trips through JSON), so it can be stored.
 */
export interface ReplayCheckpoint {
  format: typeof CHECKPOINT_FORMAT;
  /** The inputs that shape every replayed day (see `replayFingerprint`): a different one cannot be resumed. */
  fingerprint: string;
  /** The last day replayed. */
  date: string;
  startDate: string;
  /** To resume, the records of this local day and later are needed (and `pinned`; nothing else). */
  windowFrom: string;
  /** The first and last check-in of each of the first BASELINE_DAYS check-in days. */
  pinned: CheckInData[];
  stageState: StageState;
  carry: Carry;
  /** The last seven days' records, oldest first. */
  recent: DayRecord[];
}

/** Bumped whenever the replay's rules or the checkpoint's shape change, so an older stored checkpoint is never resumed. */
export const CHECKPOINT_FORMAT = 2;

/**
 * How far back a day of the replay looks at records (the weekly trend's two weeks; the usual morning pain, what hurt
 * and the related pains look one week back). A checkpoint keeps records from this many days before its day.
 */
export const REPLAY_LOOKBACK_DAYS = 14;
/** Flares within 48 hours (and on the day before) block a move up, so the flares of this many days before the checkpoint's day must be found again exactly. */
const FLARE_LOOKBACK_DAYS = 2;
const RECENT_RECORDS = 7;

/** The inputs every day of a replay depends on besides the dated records: the zone, the onset, the places, muscle notes and preferences. */
export function replayFingerprint(input: PlanInput): string {
  const { weak, tight } = muscleFocus(input);
  // A therapist's hidden and pinned movements change which movements every replayed day can choose.
  const therapist = input.therapist ? [[...input.therapist.hidden].sort(), [...input.therapist.pinned].sort()] : null;
  return JSON.stringify([CHECKPOINT_FORMAT, input.timeZone, input.episode.onsetDate, input.episode.regions, weak, tight, input.preferences.styles, input.preferences.sessionMinutes, therapist]);
}

/** Whether a checkpoint can resume the replay for `input` (the same fingerprint, and a day before the plan date). */
export function canResume(checkpoint: ReplayCheckpoint | null | undefined, input: PlanInput): checkpoint is ReplayCheckpoint {
  return !!checkpoint && checkpoint.format === CHECKPOINT_FORMAT && checkpoint.date < input.date && checkpoint.fingerprint === replayFingerprint(input);
}

/** Whether a record at `instant` (its local day in `timeZone`) falls on or before the checkpoint's day, so a write of it makes the checkpoint stale. */
export function checkpointCoversInstant(checkpoint: Pick<ReplayCheckpoint, 'date'>, instant: string, timeZone: string): boolean {
  return localDayAt(instantMs(instant), timeZone) <= dayNumber(checkpoint.date);
}

/**
 * The first local day whose records resuming from day `day` needs: REPLAY_LOOKBACK_DAYS back, the check-in day before
 * any flare that still counts, and the latest check-in day itself (the start, before the first check-in): the next
 * check-in's flare status counts every flare since the check-in before it, however long ago that was.
 */
function windowStart(history: EpisodeHistory, day: number): number {
  const beforeFlares = latestCheckInDay(history, day - FLARE_LOOKBACK_DAYS - 1);
  const latest = latestCheckInDay(history, day);
  const lookback = day - REPLAY_LOOKBACK_DAYS;
  return Math.min(lookback, beforeFlares ? dayNumber(beforeFlares.date) : lookback, dayNumber(latest ? latest.date : history.startDate));
}

function pinnedCheckIns(history: EpisodeHistory, day: number): CheckInData[] {
  return firstCheckInDays(history, day, BASELINE_DAYS).flatMap((d) => (d.first === d.last ? [d.first] : [d.first, d.last]));
}

/**
 * The whole replay from the first day, or, given a checkpoint that `canResume`, from the day after it (the input may
 * then hold only the records from `checkpoint.windowFrom` on). `checkpointOn`: also return the state at the end of
 * that day (before the plan date), to resume from later.
 */
export function replayEpisode(input: PlanInput, catalogue: readonly Exercise[], options: { resume?: ReplayCheckpoint | null; checkpointOn?: string } = {}): Replay & { checkpoint?: ReplayCheckpoint } {
  const resume = canResume(options.resume, input) ? options.resume : null;
  const history = collectHistory(input, resume ? { fromDate: resume.windowFrom, startDate: resume.startDate, pinned: resume.pinned } : undefined);
  const flares = detectFlares(history);
  const resumeDay = resume ? dayNumber(resume.date) : null;
  const stageByDay = replayStages(history, flares, resume && resumeDay !== null ? { state: resume.stageState, afterDay: resumeDay } : undefined);
  const { weak, tight } = muscleFocus(input);

  let stageState = resume?.stageState ?? initialStageState(history.startDate);
  let carry: Carry = resume?.carry ?? {
    rebased: null,
    walkQuota: null,
    walkYesterday: null,
    dose: { scale: DOSE_START, changedOn: history.startDate },
    factorCeiling: null,
    sessionShare: null,
    sessionYesterday: null,
    previousCount: null,
    previousStage: null,
  };
  const days: DayRecord[] = resume ? [...resume.recent] : [];

  const flaresByDate = flaresByDay(flares);
  const relatedFor = relatedPainsCache();
  const firstDate = resume ? addDays(resume.date, 1) : history.startDate;
  let yesterdayDate = addDays(firstDate, -1);
  const checkpointDay = options.checkpointOn !== undefined ? dayNumber(options.checkpointOn) : null;
  let checkpoint: ReplayCheckpoint | undefined;
  const firstDay = dayNumber(firstDate);

  for (let day = firstDay; day <= dayNumber(history.planDate); day++) {
    const date = dateOfDay(day);
    const stageYesterday = stageState;
    stageState = stageByDay.get(day) ?? stageState;
    const inputs: DayInputs = {
      input,
      catalogue,
      history,
      weak,
      tight,
      day,
      date,
      stageState,
      flaresToday: [...(flaresByDate.get(date) ?? [])],
      // The day after a checkpoint takes yesterday's flares from it: they were found on the whole history.
      flaresYesterday: [...((day === firstDay && resume ? days[days.length - 1]?.flaresToday : flaresByDate.get(yesterdayDate)) ?? [])],
      days,
      related: relatedFor(recentRegions(history, input.episode.regions, day)),
      withTodaysSessions: true,
    };
    yesterdayDate = date;
    let today = planDay(inputs, carry);
    // When the day's own sessions step it back (pain in a session, "this hurts", a movement that hurt), the
    // day asks for no more than it did before them: no more walking or movements, and, after pain in the
    // session, a session FLARE_STEP_BACK of the one planned before.
    const sessions = dayLogOn(history, day).sessions;
    const stepsBack = today.record.dose.changed === 'down' || today.record.flaresToday.some((f) => f.kind === 'session-pain') || (today.record.session?.choice.substitutions.length ?? 0) > 0;
    if (sessions.length > 0 && stepsBack) {
      const before = dayBeforeItsSessions(inputs, carry, stageYesterday, flares);
      const plannedBefore = before.session?.choice;
      if (plannedBefore && plannedBefore.exercises.length > 0) {
        const sessionPain = today.record.flaresToday.some((f) => f.kind === 'session-pain');
        today = planDay(
          {
            ...inputs,
            limits: {
              walkTotal: sessionPain && before.walk.plan ? before.walk.plan.walks * before.walk.plan.minutesEach : Infinity,
              sessionSeconds: plannedBefore.totalSeconds * (sessionPain ? FLARE_STEP_BACK : 1),
              exercises: plannedBefore.exercises.length,
            },
          },
          carry,
        );
      }
    }
    carry = today.carry;
    days.push(today.record);
    if (days.length > RECENT_RECORDS * 2 && resume) days.splice(0, days.length - RECENT_RECORDS * 2);
    if (day === checkpointDay) {
      checkpoint = {
        format: CHECKPOINT_FORMAT,
        fingerprint: replayFingerprint(input),
        date,
        startDate: history.startDate,
        windowFrom: dateOfDay(windowStart(history, day)),
        pinned: pinnedCheckIns(history, day),
        stageState,
        carry,
        recent: days.slice(-RECENT_RECORDS),
      };
    }
  }
  return { history, flares, days, ...(checkpoint ? { checkpoint } : {}) };
}
