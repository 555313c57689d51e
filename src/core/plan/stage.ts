import { STAGE_IDS, stageIndex, type StageId } from './stages';
import { HOUR_MS, addDays, dayNumber, instantMs } from '../time';
import { FLARE_RISE_POINTS, anyFlareBetween, type FlareEvent } from './flare';
import { daysSinceOnset, type CheckInDay, type EpisodeHistory } from './history';
import type { CheckInData, StandStraight } from './types';

/**
 * The stage decision. Check-ins are replayed one check-in day at a time (the day's latest check-in
 * speaks for the day, so two check-ins in one day never count as "two in a row").
 *
 * - Up: one stage at a time, after the next stage's entry criteria hold on two consecutive check-in
 *   days counted since the last change, and only with no flare in the FLARE_BLOCK_HOURS before.
 * - Down (criteria): a check-in that fails a stage's hold criteria (looser than its entry criteria, so
 *   a small wobble does not bounce the stage) steps back to the highest stage it still holds.
 * - Down (flare): a flare still active on FLARE_PERSIST_CHECK_INS consecutive check-in days steps back one.
 */

export interface StageCriteria {
  standStraight: readonly StandStraight[];
  maxPainNow: number;
  maxPainWorst: number;
  minWalkMinutes: number;
  minDaysSinceOnset: number;
}

export type CriterionId = 'stand' | 'pain-now' | 'pain-worst' | 'walk' | 'days';

const ANY: StageCriteria = { standStraight: ['yes', 'partly', 'no'], maxPainNow: 10, maxPainWorst: 10, minWalkMinutes: 0, minDaysSinceOnset: 0 };

/** To enter a stage (product defaults, documented in docs/engine.md). */
export const STAGE_ENTRY: Record<StageId, StageCriteria> = {
  settle: ANY,
  /** Settle is "cannot stand straight, or severe pain (7+)"; leaving it is the reverse. */
  'stand-walk': { standStraight: ['yes', 'partly'], maxPainNow: 6, maxPainWorst: 10, minWalkMinutes: 0, minDaysSinceOnset: 0 },
  /** Walking comfortably: upright, at most moderate pain (now and at its worst), a 10-minute walk. */
  move: { standStraight: ['yes'], maxPainNow: 5, maxPainWorst: 6, minWalkMinutes: 10, minDaysSinceOnset: 0 },
  /** Low pain (mild band), a 20-minute walk, and past the first week. */
  strengthen: { standStraight: ['yes'], maxPainNow: 3, maxPainWorst: 4, minWalkMinutes: 20, minDaysSinceOnset: 7 },
  /** Recovered: little or no pain, a 30-minute walk, and at least two weeks in. */
  maintain: { standStraight: ['yes'], maxPainNow: 1, maxPainWorst: 2, minWalkMinutes: 30, minDaysSinceOnset: 14 },
};

/** To stay in a stage: looser than entry, so only a clear fall steps back. */
export const STAGE_HOLD: Record<StageId, StageCriteria> = {
  settle: ANY,
  'stand-walk': STAGE_ENTRY['stand-walk'],
  move: { standStraight: ['yes', 'partly'], maxPainNow: 6, maxPainWorst: 8, minWalkMinutes: 5, minDaysSinceOnset: 0 },
  strengthen: { standStraight: ['yes'], maxPainNow: 5, maxPainWorst: 7, minWalkMinutes: 10, minDaysSinceOnset: 0 },
  maintain: { standStraight: ['yes'], maxPainNow: 3, maxPainWorst: 5, minWalkMinutes: 20, minDaysSinceOnset: 0 },
};

/** Consecutive check-in days the next stage's criteria must hold on. */
export const CHECK_INS_TO_MOVE_UP = 2;
/** No move up while a flare happened within this many hours. */
export const FLARE_BLOCK_HOURS = 48;
/** A flare active on this many consecutive check-in days steps the stage back one. */
export const FLARE_PERSIST_CHECK_INS = 2;
/** The first check-in places the person at most here: a new start begins below what they can do. */
export const START_STAGE_CAP: StageId = 'stand-walk';

export function unmetCriteria(c: CheckInData, criteria: StageCriteria, days: number): CriterionId[] {
  const unmet: CriterionId[] = [];
  if (!criteria.standStraight.includes(c.standStraight)) unmet.push('stand');
  if (c.painNow > criteria.maxPainNow) unmet.push('pain-now');
  if (c.painWorst24h > criteria.maxPainWorst) unmet.push('pain-worst');
  if (c.walkMinutes < criteria.minWalkMinutes) unmet.push('walk');
  if (days < criteria.minDaysSinceOnset) unmet.push('days');
  return unmet;
}

/** The highest stage whose criteria (and those of every stage below) the check-in meets. */
function highestMet(c: CheckInData, table: Record<StageId, StageCriteria>, days: number): StageId {
  let level: StageId = 'settle';
  for (const s of STAGE_IDS) {
    if (unmetCriteria(c, table[s], days).length > 0) break;
    level = s;
  }
  return level;
}

export function entryLevel(c: CheckInData, days: number): StageId {
  return highestMet(c, STAGE_ENTRY, days);
}

export function holdLevel(c: CheckInData): StageId {
  return highestMet(c, STAGE_HOLD, 0);
}

function nextStageOf(stage: StageId): StageId | null {
  return STAGE_IDS[stageIndex(stage) + 1] ?? null;
}

function lower(a: StageId, b: StageId): StageId {
  return stageIndex(a) <= stageIndex(b) ? a : b;
}

function stepDown(stage: StageId): StageId {
  return STAGE_IDS[Math.max(0, stageIndex(stage) - 1)] ?? 'settle';
}

/** What the latest check-in decided, with what the wording needs. */
export type StageDecision =
  | { kind: 'no-check-in' }
  | { kind: 'start'; checkIn: CheckInData; next: StageId | null; unmet: CriterionId[] }
  | { kind: 'up'; from: StageId; checkIns: [CheckInData, CheckInData] }
  | { kind: 'down-criteria'; from: StageId; checkIn: CheckInData; unmet: CriterionId[] }
  | { kind: 'down-flare'; from: StageId }
  | { kind: 'ready-but-flare'; next: StageId }
  | { kind: 'ready-once'; next: StageId; checkIn: CheckInData }
  | { kind: 'stay'; next: StageId | null; checkIn: CheckInData; unmet: CriterionId[] };

export interface StageState {
  stage: StageId;
  /** The day the stage was entered. */
  since: string;
  /** Consecutive check-in days since the last change meeting the next stage's entry criteria. */
  readyStreak: number;
  /** Consecutive check-in days with an active flare. */
  flareStreak: number;
  /** Worst pain on the check-in before the current flare began (to see whether it has settled). */
  flareReferenceWorst: number | null;
  /** Walking minutes of the check-ins behind the last move up (they re-measure the walking baseline). */
  qualifyingWalkMinutes: number[] | null;
  decision: StageDecision;
  /** The day of the check-in that made `decision`. */
  decidedOn: string | null;
}

export function initialStageState(startDate: string): StageState {
  return {
    stage: 'settle',
    since: startDate,
    readyStreak: 0,
    flareStreak: 0,
    flareReferenceWorst: null,
    qualifyingWalkMinutes: null,
    decision: { kind: 'no-check-in' },
    decidedOn: null,
  };
}

export interface StageStepContext {
  day: CheckInDay;
  previous: CheckInDay | undefined;
  daysSinceOnset: number;
  flares: readonly FlareEvent[];
}

/** Whether a flare is active at this check-in, and its reference pain. */
function flareStatus(state: StageState, ctx: StageStepContext): { active: boolean; reference: number | null } {
  const { day, previous } = ctx;
  const toMs = instantMs(day.last.at);
  const fromMs = previous ? instantMs(previous.last.at) : Number.NEGATIVE_INFINITY;
  const fresh = anyFlareBetween(ctx.flares, fromMs, toMs);
  const wasActive = state.flareStreak > 0 && state.flareReferenceWorst !== null;
  const stillUp = wasActive && day.last.painWorst24h >= (state.flareReferenceWorst ?? 0) + FLARE_RISE_POINTS;
  if (fresh) {
    const reference = wasActive ? state.flareReferenceWorst : (previous?.last.painWorst24h ?? day.last.painWorst24h);
    return { active: true, reference };
  }
  if (stillUp) return { active: true, reference: state.flareReferenceWorst };
  return { active: false, reference: null };
}

/**
 * A flare blocks a move up when it happened within FLARE_BLOCK_HOURS before the check-in, or earlier on
 * the same calendar day or the day before (so a 25-hour day at a clock change cannot slip one through).
 */
export function flareBlocksMoveUp(flares: readonly FlareEvent[], at: string, date: string): boolean {
  const atMs = instantMs(at);
  const dayBefore = addDays(date, -1);
  return flares.some((f) => f.atMs <= atMs && (f.atMs >= atMs - FLARE_BLOCK_HOURS * HOUR_MS || f.date >= dayBefore));
}

/** The first check-in places the person. */
function start(state: StageState, ctx: StageStepContext): StageState {
  const c = ctx.day.last;
  // A recent flare keeps a new start in settle, as it would block a move up.
  const blocked = flareBlocksMoveUp(ctx.flares, c.at, ctx.day.date);
  const stage = blocked ? 'settle' : lower(entryLevel(c, ctx.daysSinceOnset), START_STAGE_CAP);
  const next = nextStageOf(stage);
  const unmet = next ? unmetCriteria(c, STAGE_ENTRY[next], ctx.daysSinceOnset) : [];
  const flare = flareStatus(state, ctx);
  return {
    ...state,
    stage,
    since: ctx.day.date,
    readyStreak: next && unmet.length === 0 ? 1 : 0,
    flareStreak: flare.active ? 1 : 0,
    flareReferenceWorst: flare.reference,
    decision: { kind: 'start', checkIn: c, next, unmet },
    decidedOn: ctx.day.date,
  };
}

/** One check-in day's step of the stage machine. */
export function stepStage(state: StageState, ctx: StageStepContext): StageState {
  if (state.decidedOn === null) return start(state, ctx);
  const c = ctx.day.last;
  const date = ctx.day.date;
  const flare = flareStatus(state, ctx);
  let flareStreak = flare.active ? state.flareStreak + 1 : 0;

  // Down: a persisting flare steps back one; criteria clearly below step back to what still holds.
  let target = state.stage;
  if (flareStreak >= FLARE_PERSIST_CHECK_INS) {
    target = stepDown(state.stage);
    flareStreak = 0;
  }
  const held = holdLevel(c);
  const criteriaDown = stageIndex(held) < stageIndex(target);
  if (criteriaDown) target = held;
  // Written out, not spread: this runs for every check-in day.
  const base: StageState = {
    stage: state.stage,
    since: state.since,
    readyStreak: state.readyStreak,
    flareStreak,
    flareReferenceWorst: flare.active ? flare.reference : null,
    qualifyingWalkMinutes: state.qualifyingWalkMinutes,
    decision: state.decision,
    decidedOn: date,
  };
  if (target !== state.stage) {
    const failing = STAGE_IDS[stageIndex(held) + 1];
    const decision: StageDecision =
      criteriaDown && failing
        ? { kind: 'down-criteria', from: state.stage, checkIn: c, unmet: unmetCriteria(c, STAGE_HOLD[failing], ctx.daysSinceOnset) }
        : { kind: 'down-flare', from: state.stage };
    return { ...base, stage: target, since: date, readyStreak: 0, qualifyingWalkMinutes: null, decision };
  }

  // Up: the next stage's entry criteria on CHECK_INS_TO_MOVE_UP check-in days in a row, no recent flare.
  const next = nextStageOf(state.stage);
  if (!next) return { ...base, readyStreak: 0, decision: { kind: 'stay', next: null, checkIn: c, unmet: [] } };
  const unmet = unmetCriteria(c, STAGE_ENTRY[next], ctx.daysSinceOnset);
  const ready = unmet.length === 0;
  const readyStreak = ready ? state.readyStreak + 1 : 0;
  const blocked = ready && flareBlocksMoveUp(ctx.flares, c.at, date);
  if (blocked) return { ...base, readyStreak, decision: { kind: 'ready-but-flare', next } };
  if (readyStreak < CHECK_INS_TO_MOVE_UP) {
    const decision: StageDecision = ready ? { kind: 'ready-once', next, checkIn: c } : { kind: 'stay', next, checkIn: c, unmet };
    return { ...base, readyStreak, decision };
  }
  const previous = ctx.previous?.last ?? c;
  return {
    ...base,
    stage: next,
    since: date,
    readyStreak: 0,
    qualifyingWalkMinutes: [previous.walkMinutes, c.walkMinutes],
    decision: { kind: 'up', from: state.stage, checkIns: [previous, c] },
  };
}

/** The stage state after each check-in day, by day number, replayed from the start. */
export function replayStages(history: EpisodeHistory, flares: readonly FlareEvent[], resume?: { state: StageState; afterDay: number }): Map<number, StageState> {
  const out = new Map<number, StageState>();
  let state = resume?.state ?? initialStageState(history.startDate);
  let previous: CheckInDay | undefined;
  for (const day of history.checkInDays) {
    if (resume && dayNumber(day.date) <= resume.afterDay) {
      previous = day;
      continue;
    }
    state = stepStage(state, { day, previous, daysSinceOnset: daysSinceOnset(history, day.date), flares });
    out.set(dayNumber(day.date), state);
    previous = day;
  }
  return out;
}
