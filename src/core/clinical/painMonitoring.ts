/**
 * The pain-monitoring model (Silbernagel et al., Am J Sports Med 2007; Thomeé 1997), clinical.md §4.
 * Used as a ceiling on progression, not as its driver. First matching rule wins.
 */

export type WeeklyTrend = 'increasing' | 'stable' | 'decreasing';
export type PainMonitoringDecision = 'stop_and_triage' | 'regress' | 'progress' | 'maintain';
export type PainMonitoringRule =
  | 'R0_RED_FLAG'
  | 'R1_PAIN_DURING_OVER_5'
  | 'R2_PAIN_AFTER_OVER_5'
  | 'R3_NOT_SETTLED_BY_NEXT_MORNING'
  | 'R4_WEEK_ON_WEEK_INCREASE'
  | 'R5_WEEK_COMPLETED_WITHIN_LIMITS'
  | 'R6_CONTINUE_CURRENT_LEVEL';

export interface PainMonitoringInput {
  painDuringMax: number;
  painAfterMax: number;
  nextMorningPain: number;
  usualMorningPain: number;
  weeklyTrend: WeeklyTrend;
  plannedWeekCompleted: boolean;
  redFlagPresent: boolean;
}

/** Pain up to 5/10 during and after exercise is acceptable; 6 is not. */
export const ACCEPTABLE_EXERCISE_PAIN = 5;
/** 0–3 is "safe"; 4–5 is "acceptable". */
export const SAFE_EXERCISE_PAIN = 3;

export function painMonitoringDecision(input: PainMonitoringInput): {
  decision: PainMonitoringDecision;
  rule: PainMonitoringRule;
} {
  if (input.redFlagPresent) return { decision: 'stop_and_triage', rule: 'R0_RED_FLAG' };
  if (input.painDuringMax > ACCEPTABLE_EXERCISE_PAIN) return { decision: 'regress', rule: 'R1_PAIN_DURING_OVER_5' };
  if (input.painAfterMax > ACCEPTABLE_EXERCISE_PAIN) return { decision: 'regress', rule: 'R2_PAIN_AFTER_OVER_5' };
  if (input.nextMorningPain > input.usualMorningPain) return { decision: 'regress', rule: 'R3_NOT_SETTLED_BY_NEXT_MORNING' };
  if (input.weeklyTrend === 'increasing') return { decision: 'regress', rule: 'R4_WEEK_ON_WEEK_INCREASE' };
  if (input.plannedWeekCompleted) return { decision: 'progress', rule: 'R5_WEEK_COMPLETED_WITHIN_LIMITS' };
  return { decision: 'maintain', rule: 'R6_CONTINUE_CURRENT_LEVEL' };
}
