import { describe, expect, it } from 'vitest';
import { ACCEPTABLE_EXERCISE_PAIN, painMonitoringDecision, type PainMonitoringInput } from '../clinical';

/** The pain-monitoring model (clinical.md §4) the engine builds its dose pacing on: R0–R6, first match wins. */

const CALM: PainMonitoringInput = {
  painDuringMax: 2,
  painAfterMax: 2,
  nextMorningPain: 2,
  usualMorningPain: 2,
  weeklyTrend: 'stable',
  plannedWeekCompleted: false,
  redFlagPresent: false,
};

describe('painMonitoringDecision', () => {
  it.each([
    ['R0: a red flag stops everything, even with no pain', { redFlagPresent: true, plannedWeekCompleted: true }, 'stop_and_triage', 'R0_RED_FLAG'],
    ['R0 wins over R1', { redFlagPresent: true, painDuringMax: 9 }, 'stop_and_triage', 'R0_RED_FLAG'],
    ['R1: pain during 6/10 regresses', { painDuringMax: 6 }, 'regress', 'R1_PAIN_DURING_OVER_5'],
    ['R1 edge: pain during 5/10 is acceptable', { painDuringMax: 5 }, 'maintain', 'R6_CONTINUE_CURRENT_LEVEL'],
    ['R1: pain during 10/10', { painDuringMax: 10 }, 'regress', 'R1_PAIN_DURING_OVER_5'],
    ['R1 wins over R2', { painDuringMax: 6, painAfterMax: 6 }, 'regress', 'R1_PAIN_DURING_OVER_5'],
    ['R2: pain after 6/10 regresses', { painAfterMax: 6 }, 'regress', 'R2_PAIN_AFTER_OVER_5'],
    ['R2 edge: pain after 5/10 is acceptable', { painAfterMax: 5, plannedWeekCompleted: true }, 'progress', 'R5_WEEK_COMPLETED_WITHIN_LIMITS'],
    ['R3: next morning above usual regresses', { nextMorningPain: 3, usualMorningPain: 2 }, 'regress', 'R3_NOT_SETTLED_BY_NEXT_MORNING'],
    ['R3 edge: next morning equal to usual is settled', { nextMorningPain: 2, usualMorningPain: 2, plannedWeekCompleted: true }, 'progress', 'R5_WEEK_COMPLETED_WITHIN_LIMITS'],
    ['R3: below usual is settled', { nextMorningPain: 1, usualMorningPain: 3 }, 'maintain', 'R6_CONTINUE_CURRENT_LEVEL'],
    ['R4: rising week on week regresses', { weeklyTrend: 'increasing' as const, plannedWeekCompleted: true }, 'regress', 'R4_WEEK_ON_WEEK_INCREASE'],
    ['R3 wins over R4', { nextMorningPain: 4, usualMorningPain: 2, weeklyTrend: 'increasing' as const }, 'regress', 'R3_NOT_SETTLED_BY_NEXT_MORNING'],
    ['R5: a completed week within limits progresses', { plannedWeekCompleted: true }, 'progress', 'R5_WEEK_COMPLETED_WITHIN_LIMITS'],
    ['R5 with a falling trend', { plannedWeekCompleted: true, weeklyTrend: 'decreasing' as const }, 'progress', 'R5_WEEK_COMPLETED_WITHIN_LIMITS'],
    ['R5 edge: 5/10 during and after still progresses', { painDuringMax: 5, painAfterMax: 5, plannedWeekCompleted: true }, 'progress', 'R5_WEEK_COMPLETED_WITHIN_LIMITS'],
    ['R6: otherwise maintain', {}, 'maintain', 'R6_CONTINUE_CURRENT_LEVEL'],
    ['R6: 0–3 "safe" pain without a completed week', { painDuringMax: 3, painAfterMax: 3 }, 'maintain', 'R6_CONTINUE_CURRENT_LEVEL'],
  ] as const)('%s', (_name, change, decision, rule) => {
    expect(painMonitoringDecision({ ...CALM, ...change })).toEqual({ decision, rule });
  });

  it('puts the acceptable ceiling at 5/10', () => {
    expect(ACCEPTABLE_EXERCISE_PAIN).toBe(5);
  });
});
