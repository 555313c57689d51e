import { MONTH_NAMES } from '../../core/calendarWords';
import { nprsBand } from '../../core/clinical';
import { daysBetween } from '../../core/time';
import { MCID_ABSOLUTE_POINTS, MCID_RELATIVE_PERCENT } from '../../core/clinical/pain';
import { PSFS_MID_MEDIUM, PSFS_MID_SMALL } from '../../core/clinical/psfs';
import type { ProgressT } from '../api/client';
import { durationWords } from '../words/move';
import { PAIN_BAND_WORDS } from '../words/pain';

/** Pure helpers that turn the progress response into what the charts, tables and sentences show. */

/** "3 May", "12 Sep" for a YYYY-MM-DD date: the month's name cut to three letters. */
export function dayLabel(date: string): string {
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  return `${d} ${MONTH_NAMES[m - 1]?.slice(0, 3) ?? ''}`.trim();
}

type Point = { date: string; days: number };

/**
 * A point's time in words: "3 May" for a day; further back, where a point covers a week or more, "Week from 3 May",
 * "4 weeks from 3 May" (or "3 days from 3 May" for a short first one).
 */
export function pointLabel(p: Point): string {
  if (p.days === 1) return dayLabel(p.date);
  if (p.days === 7) return `Week from ${dayLabel(p.date)}`;
  if (p.days % 7 === 0) return `${p.days / 7} weeks from ${dayLabel(p.date)}`;
  return `${p.days} days from ${dayLabel(p.date)}`;
}

/** Whether some points cover more than a day (an episode older than twelve weeks). */
export const hasLongPoints = (points: readonly Point[]): boolean => points.some((p) => p.days > 1);

export type WorstChange = NonNullable<ProgressT['worstChange']>;

/** A clinically important change (Ostelo et al., Spine 2008), as the core's `painChange` marks it: either rule is enough. */
export function isRealImprovement(c: WorstChange | null): boolean {
  return c !== null && c.change > 0 && (c.meetsAbsolute || c.meets30Percent);
}

/**
 * The worst pain at or below which the drop from `from` counts as a real improvement: either rule is enough, so
 * it is the higher of "2 points less" and "30 % less" (the core's constants).
 */
export function improvementLine(from: number): number {
  return Math.max(0, Math.round(Math.max(from - MCID_ABSOLUTE_POINTS, from * (1 - MCID_RELATIVE_PERCENT / 100)) * 10) / 10);
}

/** "2+ points or 30 %", from the same constants. */
export const IMPROVEMENT_RULE_WORDS = `${MCID_ABSOLUTE_POINTS}+ points or ${MCID_RELATIVE_PERCENT} %`;

/**
 * "Your worst pain went from 8 to 4: down 4 points (50 % less)." When it went up, the points alone: a percentage of
 * more pain adds nothing a person can use, and reads as a verdict.
 */
export function worstChangeWords(c: WorstChange): string {
  const pct = c.percentChange === null ? '' : ` (${Math.round(Math.abs(c.percentChange))} % less)`;
  if (c.change > 0) return `Your worst pain went from ${c.from} to ${c.to}: down ${c.change} ${c.change === 1 ? 'point' : 'points'}${pct}.`;
  if (c.change < 0) return `Your worst pain went from ${c.from} to ${c.to}: up ${-c.change} ${c.change === -1 ? 'point' : 'points'}.`;
  return `Your worst pain is ${c.to}, the same as at the start.`;
}

/** "3 — mild" for the newest pain now (of the last twelve weeks, where points are days), or null before any check-in. */
export function latestPain(pain: ProgressT['pain']): { date: string; value: number; words: string } | null {
  for (let i = pain.length - 1; i >= 0; i--) {
    const d = pain[i];
    if (d && d.days === 1 && d.painNow !== null) return { date: d.date, value: d.painNow, words: `${d.painNow} out of 10 — ${PAIN_BAND_WORDS[nprsBand(d.painNow)]}` };
  }
  return null;
}

export const hasCheckIns = (p: ProgressT): boolean => p.pain.some((d) => d.painNow !== null || d.painWorst !== null);

/** The pain chart's series, one value per point (null where there was no check-in), with the days each covers. */
export function painSeries(p: ProgressT): { days: string[]; spans: number[]; now: (number | null)[]; worst: (number | null)[]; typical: (number | null)[]; line: (number | null)[] | null } {
  const days = p.pain.map((d) => d.date);
  const line = p.worstChange && p.worstChange.from > 0 ? improvementLine(p.worstChange.from) : null;
  return {
    days,
    spans: p.pain.map((d) => d.days),
    now: p.pain.map((d) => d.painNow),
    worst: p.pain.map((d) => d.painWorst),
    typical: p.pain.map((d) => d.typical),
    line: line === null ? null : days.map(() => line),
  };
}

/** A point's total as a daily amount (a week's 70 minutes walked: 10 a day), so days and longer points share one scale. */
export const perDay = (total: number, days: number): number => Math.round((total / days) * 10) / 10;

/** What a PSFS change means, with the published minimal important differences (Abbott & Schmitt 2014). */
export function psfsChangeWords(change: { change: number; meetsSmall: boolean; meetsMedium: boolean } | null): string {
  if (!change) return 'Rate it again in a week to see the change.';
  const points = Math.round(Math.abs(change.change) * 10) / 10;
  const unit = points === 1 ? 'point' : 'points';
  if (change.change > 0) {
    if (change.meetsMedium) return `Up ${points} ${unit}: a clear change that people notice (${PSFS_MID_MEDIUM}+).`;
    if (change.meetsSmall) return `Up ${points} ${unit}: a change people notice (${PSFS_MID_SMALL}+).`;
    return `Up ${points} ${unit}: a small step.`;
  }
  if (change.change < 0) return `Down ${points} ${unit}. Some days are harder; it often turns again.`;
  return 'The same as when you started rating it.';
}

/** Walking, sessions and stand-up breaks in a few numbers: the last 7 days (points of a day each), and the whole episode. */
export function activitySummary(activity: ProgressT['activity']): { walkDaysMet: number; walkSeconds7: number; walkDays7: number; sessionsDone: number; standBreaks7: number } {
  const last7 = activity.filter((d) => d.days === 1).slice(-7);
  return {
    walkDaysMet: last7.filter((d) => d.walkGoalMinutes > 0 && d.walkMinutes >= d.walkGoalMinutes).length,
    walkSeconds7: Math.round(last7.reduce((s, d) => s + d.walkMinutes * 60, 0)),
    walkDays7: last7.filter((d) => d.walkMinutes > 0).length,
    sessionsDone: activity.reduce((s, d) => s + d.sessionsDone, 0),
    standBreaks7: last7.reduce((s, d) => s + d.standBreaks, 0),
  };
}

const times = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * What was done, in plain words: only what happened is counted, never what was not ("0 done", "3 of 10 days").
 * With nothing logged yet, one line says where it will show.
 */
export function activityFacts(sum: ReturnType<typeof activitySummary>): string[] {
  const facts: string[] = [];
  if (sum.walkSeconds7 > 0) {
    const met = sum.walkDaysMet > 0 ? `; you walked the day’s planned amount on ${times(sum.walkDaysMet, 'day', 'days')}` : '';
    facts.push(`Walking: ${durationWords(sum.walkSeconds7)} in the last 7 days, on ${times(sum.walkDays7, 'day', 'days')}${met}.`);
  }
  if (sum.sessionsDone > 0) facts.push(`Guided sessions: ${sum.sessionsDone} done so far.`);
  if (sum.standBreaks7 > 0) facts.push(`Stand-up breaks: ${sum.standBreaks7} in the last 7 days.`);
  if (!facts.length) facts.push('Your walks, stand-up breaks and guided sessions will show here as you log them.');
  return facts;
}

/** "Hot water bottle: it helped 2 times, a little once." from the person's "Did it help?" answers. */
export function helpedWords(h: ProgressT['whatHelped'][number]): string {
  const count = (n: number) => (n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`);
  const parts = [h.yes ? `it helped ${count(h.yes)}` : null, h.aLittle ? `${h.yes ? 'a little' : 'it helped a little'} ${count(h.aLittle)}` : null, h.no ? `it didn’t help ${count(h.no)}` : null].filter(
    (p): p is string => p !== null,
  );
  return `${h.name}: ${parts.join(', ')}.`;
}

/** The week a body map belongs to, in words: "Week 2, from 10 May". */
export function weekTitle(weekStart: string, onsetDate: string): string {
  const days = daysBetween(onsetDate, weekStart);
  return `Week ${Math.floor(days / 7) + 1}, from ${dayLabel(weekStart)}`;
}
