import { describe, expect, it } from 'vitest';
import { addDays } from '../time';
import { CATALOGUE, checkIn, planInput, sessionLog } from './fixtures.test-util';
import { collectHistory } from './history';
import {
  DOSE_MAX,
  DOSE_MIN,
  FLARE_STEP_BACK,
  MAX_DAILY_GROWTH,
  MAX_WALK_MINUTES,
  MIN_BASELINE_WALK_MINUTES,
  MIN_WALK_MINUTES,
  START_SHARE,
  WEEKLY_GROWTH_OF_BASELINE,
  maxDoseFactor,
  muchMoreThanPlanned,
  nextDose,
  nextSessionShare,
  nextWalkQuota,
  planWalks,
  sessionCapSeconds,
  sessionQuotaSeconds,
  sessionRange,
  walkTarget,
  walkingBaseline,
  weekCompleted,
  weeklyTrend,
  type DoseStepInput,
} from './pacing';
import { replayEpisode } from './replay';

const ONSET = '2024-03-01';
const day = (n: number) => addDays(ONSET, n);

describe('the growth rule and its constants', () => {
  it('starts at 80 % of baseline and grows 10 % of baseline per week, linearly', () => {
    expect(START_SHARE).toBe(0.8);
    expect(WEEKLY_GROWTH_OF_BASELINE).toBe(0.1);
    expect(MAX_DAILY_GROWTH).toBe(0.1);
  });

  it.each([
    [10, 0, 8],
    [10, 7, 9],
    [10, 14, 10],
    [10, 3.5, 8.5],
    [20, 28, 24],
    [60, 70, MAX_WALK_MINUTES],
  ])('baseline %i, %i days in → %f minutes a walk', (baseline, days, expected) => {
    expect(walkTarget(baseline, days)).toBeCloseTo(expected, 9);
  });
});

describe('walking baseline: mean tolerance of the first three check-in days', () => {
  it.each([
    [[10, 20, 30, 90], 20],
    [[12], 12],
    [[0, 0, 3], MIN_BASELINE_WALK_MINUTES],
    [[], MIN_BASELINE_WALK_MINUTES],
  ])('%j → %f', (walks, expected) => {
    const checkIns = walks.map((w, i) => checkIn(day(i), { walkMinutes: w }));
    const history = collectHistory(planInput({ date: day(10), checkIns }));
    expect(walkingBaseline(history, day(10))).toBe(expected);
  });

  it('uses the latest check-in of each day', () => {
    const checkIns = [checkIn(day(0), { walkMinutes: 2, hour: 8 }), checkIn(day(0), { walkMinutes: 10, hour: 20 })];
    expect(walkingBaseline(collectHistory(planInput({ date: day(0), checkIns })), day(0))).toBe(10);
  });
});

describe('walk quota, day to day', () => {
  it.each([
    ['first day: the target', { previous: null, target: 8, pacing: 'normal', tolerance: null }, 8],
    ['grows toward the target', { previous: 8, target: 8.5, pacing: 'normal', tolerance: null }, 8.5],
    ['never more than 10 % a day', { previous: 8, target: 20, pacing: 'normal', tolerance: null }, 8.8],
    ['a flare steps back to 80 %', { previous: 10, target: 12, pacing: 'flare', tolerance: null }, 10 * FLARE_STEP_BACK],
    ['the day after a flare holds', { previous: 10, target: 12, pacing: 'after-flare', tolerance: null }, 10],
    ['never above what you can walk', { previous: 10, target: 12, pacing: 'normal', tolerance: 6 }, 6],
    ['never below the shortest walk', { previous: 2, target: 4, pacing: 'flare', tolerance: 0 }, MIN_WALK_MINUTES],
  ] as const)('%s', (_name, step, expected) => {
    expect(nextWalkQuota(step)).toBeCloseTo(expected, 9);
  });

  it('plans whole minutes, rounded down, with the stage number of walks', () => {
    expect(planWalks('stand-walk', 4.9, null)).toEqual({ walks: 4, minutesEach: 4 });
    expect(planWalks('move', 9.99, null)).toEqual({ walks: 3, minutesEach: 9 });
    expect(planWalks('settle', 9, null)).toBeNull();
  });

  it('keeps a flare day and the day after at or below the last day total', () => {
    expect(planWalks('move', 10, 21)).toEqual({ walks: 3, minutesEach: 7 });
    expect(planWalks('stand-walk', 10, 5)).toEqual({ walks: 2, minutesEach: 2 });
    expect(planWalks('move', 10, 1)).toBeNull();
  });
});

describe('session length', () => {
  it.each([
    ['first day: the whole aim', null, 'normal', 1],
    ['an ordinary day stays at the whole aim', 1, 'normal', 1],
    ['steps back to 80 % on a flare day', 1, 'flare', 0.8],
    ['a first day with a flare starts at 80 %', null, 'flare', 0.8],
    ['holds the day after a flare', 0.8, 'after-flare', 0.8],
    ['grows back 10 % of the aim a day', 0.8, 'normal', 0.9],
    ['and stops at the whole aim', 0.95, 'normal', 1],
    ['flares never take it under half', 0.55, 'flare', 0.5],
  ] as const)('%s', (_name, previous, pacing, expected) => {
    expect(nextSessionShare(previous, pacing)).toBeCloseTo(expected, 9);
  });

  it('plans at least 3 minutes, or the whole aim when it is shorter', () => {
    expect(sessionQuotaSeconds(0.5, 1200)).toBe(600);
    expect(sessionQuotaSeconds(0.5, 300)).toBe(180);
    expect(sessionQuotaSeconds(0.5, 120)).toBe(120);
  });

  it("caps the day after a flare at yesterday's planned session", () => {
    expect(sessionCapSeconds(600, false, true, 450)).toBe(450);
    expect(sessionCapSeconds(600, false, true, 0)).toBe(0);
    expect(sessionCapSeconds(600, false, false, 450)).toBe(600);
  });

  it("caps a flare day at yesterday's session when there was one", () => {
    expect(sessionCapSeconds(960, true, false, 600)).toBe(600);
    expect(sessionCapSeconds(480, true, false, 600)).toBe(480);
    expect(sessionCapSeconds(480, true, false, 0)).toBe(480);
  });

  it.each([
    ['aims ±10 % around the chosen length', 10, 'move', 900, { targetSeconds: 600, lowerSeconds: 540, upperSeconds: 660, cappedBy: null }],
    ['the stage caps it shorter', 30, 'stand-walk', 900, { targetSeconds: 600, lowerSeconds: 540, upperSeconds: 660, cappedBy: 'stage' }],
    ['pacing caps it shorter, never above the cap', 20, 'move', 800, { targetSeconds: 800, lowerSeconds: 720, upperSeconds: 800, cappedBy: 'pacing' }],
    ['a cap just under the chosen length is still a cap', 10, 'move', 560, { targetSeconds: 560, lowerSeconds: 504, upperSeconds: 560, cappedBy: 'pacing' }],
  ] as const)('%s', (_name, preferred, stage, cap, expected) => {
    const range = sessionRange(preferred, stage, cap);
    expect(range.cappedBy).toBe(expected.cappedBy);
    expect(range.targetSeconds).toBeCloseTo(expected.targetSeconds, 9);
    expect(range.lowerSeconds).toBeCloseTo(expected.lowerSeconds, 9);
    expect(range.upperSeconds).toBeCloseTo(expected.upperSeconds, 9);
  });
});

describe('exercise dose, built on painMonitoringDecision', () => {
  const calm: DoseStepInput = {
    date: day(10),
    painDuringMax: 3,
    painAfterMax: 3,
    nextMorningPain: 3,
    usualMorningPain: 3,
    weeklyTrend: 'stable',
    plannedSessionDays: 7,
    loggedSessionDays: 6,
    tooEasySessions: 0,
  };
  const state = { scale: 1, changedOn: day(0) };

  it.each([
    ['two "too easy" sessions after 3 days at this dose grow it 10 %', { scale: 1, changedOn: day(7) }, { tooEasySessions: 2, loggedSessionDays: 2 }, 1.1, 'too-easy'],
    ['one "too easy" session is not enough', { scale: 1, changedOn: day(7) }, { tooEasySessions: 1, loggedSessionDays: 2 }, 1, undefined],
    ['not within 3 days of the last change', { scale: 1, changedOn: day(8) }, { tooEasySessions: 3, loggedSessionDays: 2 }, 1, undefined],
    ['never while pain during is above 5/10', { scale: 1, changedOn: day(0) }, { tooEasySessions: 3, painDuringMax: 6 }, 0.8, undefined],
  ] as const)('"too easy": %s', (_name, start, change, scale, because) => {
    const step = nextDose(start, { ...calm, ...change });
    expect(step.state.scale).toBeCloseTo(scale, 9);
    expect(step.because).toBe(because);
  });

  it.each([
    ['R1 pain during 6/10 → 20 % lighter', { painDuringMax: 6 }, 0.8, 'R1_PAIN_DURING_OVER_5'],
    ['R2 pain after 6/10 → lighter', { painAfterMax: 6 }, 0.8, 'R2_PAIN_AFTER_OVER_5'],
    ['5/10 is acceptable, and a completed week progresses 10 %', { painDuringMax: 5, painAfterMax: 5 }, 1.1, 'R5_WEEK_COMPLETED_WITHIN_LIMITS'],
    ['R3 not settled by next morning → lighter', { nextMorningPain: 4 }, 0.8, 'R3_NOT_SETTLED_BY_NEXT_MORNING'],
    ['R4 rising week on week → lighter', { weeklyTrend: 'increasing' }, 0.8, 'R4_WEEK_ON_WEEK_INCREASE'],
    ['R6 a week not completed → the same', { loggedSessionDays: 4 }, 1, 'R6_CONTINUE_CURRENT_LEVEL'],
  ] as const)('%s', (_name, change, scale, rule) => {
    const step = nextDose(state, { ...calm, ...change });
    expect(step.rule).toBe(rule);
    expect(step.state.scale).toBeCloseTo(scale, 9);
  });

  it('progresses only after a full week at the current dose', () => {
    const step = nextDose({ scale: 1, changedOn: day(5) }, calm);
    expect(step.rule).toBe('R6_CONTINUE_CURRENT_LEVEL');
    expect(step.state.scale).toBe(1);
  });

  it('regresses for a rising trend at most once a week, but for session pain at once', () => {
    const recent = { scale: 1, changedOn: day(8) };
    expect(nextDose(recent, { ...calm, weeklyTrend: 'increasing' }).state.scale).toBe(1);
    expect(nextDose(recent, { ...calm, painDuringMax: 7 }).state.scale).toBeCloseTo(0.8, 9);
  });

  it('stays within its bounds', () => {
    expect(nextDose({ scale: DOSE_MIN, changedOn: day(0) }, { ...calm, painDuringMax: 9 }).state.scale).toBe(DOSE_MIN);
    expect(nextDose({ scale: DOSE_MAX, changedOn: day(0) }, calm).state.scale).toBe(DOSE_MAX);
  });

  it('counts a week as completed when at least 5 of 7 planned session days were done', () => {
    expect(weekCompleted(7, 5)).toBe(true);
    expect(weekCompleted(7, 4)).toBe(false);
    expect(weekCompleted(3, 3)).toBe(true);
    expect(weekCompleted(3, 2)).toBe(false);
    expect(weekCompleted(0, 0)).toBe(false);
  });

  it.each([
    [1, 0.8, 'normal', 0.88],
    [0.8, 0.8, 'normal', 0.8],
    [1, 0.8, 'flare', 0.8],
    [1, 0.8, 'after-flare', 0.8],
    [0.7, 0.8, 'after-flare', 0.7],
    [1, null, 'normal', 1],
  ] as const)('dose factor ceiling: scale %f, yesterday %s, %s → %f', (scale, previous, pacing, expected) => {
    expect(maxDoseFactor(scale, previous, pacing)).toBeCloseTo(expected, 9);
  });
});

describe('weekly trend', () => {
  it.each([
    [[3, 3, 3, 3, 3, 3, 3, 5, 5, 5, 5, 5, 5, 5], 'increasing'],
    [[5, 5, 5, 5, 5, 5, 5, 3, 3, 3, 3, 3, 3, 3], 'decreasing'],
    [[4, 4, 4, 4, 4, 4, 4, 4, 5, 4, 4, 4, 4, 4], 'stable'],
    [[5, 5], 'stable'],
  ] as const)('%j → %s', (worst, expected) => {
    const checkIns = worst.map((w, i) => checkIn(day(i), { painNow: 2, painWorst24h: w }));
    const date = day(worst.length - 1);
    expect(weeklyTrend(collectHistory(planInput({ date, checkIns })), date)).toBe(expected);
  });
});

describe('ease off', () => {
  it.each([
    [30, 12, true],
    [20, 12, false],
    [18, 6, true],
    [12, 6, false],
    [10, 0, true],
  ])('logged %i vs planned %i → much more: %s', (logged, planned, expected) => {
    expect(muchMoreThanPlanned(logged, planned)).toBe(expected);
  });
});

describe('pacing over a replayed episode', () => {
  const steady = Array.from({ length: 21 }, (_, i) => checkIn(day(i), { painNow: 4, painWorst24h: 4, walkMinutes: 15, standStraight: 'yes' }));
  const sessions = Array.from({ length: 21 }, (_, i) => sessionLog(day(i), { painDuring: 2, painAfter: 2 }));

  it('never grows a walk quota or the dose by more than 10 % a day; the session length changes only with the stage', () => {
    const { days } = replayEpisode(planInput({ date: day(20), checkIns: steady, sessions, preferences: { styles: ['general'], sessionMinutes: 30 } }), CATALOGUE);
    for (let i = 1; i < days.length; i++) {
      const [a, b] = [days[i - 1]!, days[i]!];
      expect(b.walk.quota).toBeLessThanOrEqual(a.walk.quota * (1 + MAX_DAILY_GROWTH) + 1e-9);
      if (a.session && b.session) {
        if (a.stage === b.stage) expect(b.session.capSeconds).toBe(a.session.capSeconds);
        expect(b.session.maxDoseFactor).toBeLessThanOrEqual(a.session.maxDoseFactor * (1 + MAX_DAILY_GROWTH) + 1e-9);
      }
    }
  });

  it('progresses the dose after a completed week with comfortable pain', () => {
    const { days } = replayEpisode(planInput({ date: day(20), checkIns: steady, sessions }), CATALOGUE);
    expect(days.some((d) => d.dose.rule === 'R5_WEEK_COMPLETED_WITHIN_LIMITS' && d.dose.changed === 'up')).toBe(true);
    expect(days.at(-1)?.dose.state.scale).toBeGreaterThan(START_SHARE);
  });

  it('steps back on a flare day and holds the day after', () => {
    const painful = [...sessions.slice(0, 14), sessionLog(day(14), { painDuring: 7 })];
    const { days } = replayEpisode(planInput({ date: day(16), checkIns: steady, sessions: painful }), CATALOGUE);
    const [before, flare, after] = [days[13]!, days[14]!, days[15]!];
    expect(flare.pacing).toBe('flare');
    expect(after.pacing).toBe('after-flare');
    expect(flare.walk.quota).toBeCloseTo(before.walk.quota * FLARE_STEP_BACK, 9);
    expect(after.walk.quota).toBe(flare.walk.quota);
    expect(flare.session?.choice.totalSeconds).toBeLessThanOrEqual(before.session?.choice.totalSeconds ?? 0);
    expect(after.session?.choice.totalSeconds).toBeLessThanOrEqual(flare.session?.choice.totalSeconds ?? 0);
    expect(flare.dose.changed).toBe('down');
  });
});
