import { daysBetween } from '../../core/time';
import type { FunctionGoalT } from '../api/client';

/** How often the same activities are rated again (clinical.md §3: at the start and weekly). */
export const RERATE_AFTER_DAYS = 7;

/** Whole days from one YYYY-MM-DD date to another (the one calendar's `daysBetween`). */
export const daysFrom = daysBetween;

/** The newest day any activity was rated, or null. */
export function lastRatedOn(goals: readonly Pick<FunctionGoalT, 'ratings'>[]): string | null {
  let last: string | null = null;
  for (const g of goals) for (const r of g.ratings) if (last === null || r.date > last) last = r.date;
  return last;
}

/**
 * Where the person is with their activities today: none named yet, a re-rating due (the last one is a week old
 * or more, or an activity was never rated), or rated recently.
 */
export function ratingStatus(goals: readonly Pick<FunctionGoalT, 'ratings'>[], today: string): { kind: 'none' } | { kind: 'due'; last: string | null } | { kind: 'fresh'; last: string } {
  if (goals.length === 0) return { kind: 'none' };
  const last = lastRatedOn(goals);
  if (last === null || goals.some((g) => g.ratings.length === 0) || daysFrom(last, today) >= RERATE_AFTER_DAYS) return { kind: 'due', last };
  return { kind: 'fresh', last };
}
