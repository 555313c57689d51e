import { YES_NO_FIELDS, type SafetyAnswers } from './safety';

/** Answers with no sign of anything serious: a 40-year-old, not the first episode, moderate pain. For tests and previews. */
export function calmAnswers(overrides: Partial<SafetyAnswers> = {}): SafetyAnswers {
  const no = Object.fromEntries(YES_NO_FIELDS.map((f) => [f, false])) as Record<(typeof YES_NO_FIELDS)[number], false>;
  return { ...no, ageYears: 40, legWeakness: 'none', painNRS: 4, weeksWithoutImprovement: 0, ...overrides };
}
