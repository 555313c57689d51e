import { ACCEPTABLE_EXERCISE_PAIN, MCID_ABSOLUTE_POINTS } from '../clinical';
import { dayNumber, instantMs } from '../time';
import { checkInDaysFromTo, dayLogOn, type EpisodeHistory } from './history';
import type { SessionLogData } from './types';
import { compareText } from '../compareText';

/**
 * Flares: pain clearly worse than before. Three signs count (clinical.md §4 and the issue):
 * - `pain-rise`: worst pain in the last 24 h up by at least FLARE_RISE_POINTS on the previous check-in day;
 * - `session-pain`: pain during or after a session above 5/10 (the pain-monitoring ceiling);
 * - `not-settled`: the first check-in of the day after a session shows more pain than the usual morning pain.
 */

/**
 * "Clearly up" = 2 points on the 0–10 scale: the same size as a clinically important change
 * (Ostelo et al., Spine 2008), so a one-point wobble is not a flare.
 */
export const FLARE_RISE_POINTS = MCID_ABSOLUTE_POINTS;

/** Days of first check-ins that make up the "usual morning pain". Product default. */
export const USUAL_MORNING_WINDOW_DAYS = 7;

export type FlareKind = 'pain-rise' | 'session-pain' | 'not-settled';

export interface FlareEvent {
  kind: FlareKind;
  /** Local day it belongs to. */
  date: string;
  atMs: number;
  /** The pain that crossed the line, and what it is compared with (previous worst, 5/10, usual morning pain). */
  pain: number;
  comparedWith: number;
}

/** The highest pain a session log reports, during any exercise or after. */
export function sessionPeakPain(session: SessionLogData): { during: number; after: number } {
  let during = 0;
  for (const e of session.exercises) if (e.painDuring !== undefined && e.painDuring > during) during = e.painDuring;
  return { during, after: session.painAfter };
}

/**
 * The usual morning pain before `date`: the upper median of the first check-in's pain-now over the
 * previous USUAL_MORNING_WINDOW_DAYS days; null when there is none. The upper median is the lenient
 * choice: while pain is falling, a single higher morning is not mistaken for a flare.
 */
export function usualMorningPain(history: EpisodeHistory, date: string): number | null {
  return usualMorningPainOn(history, dayNumber(date));
}

/** `usualMorningPain` for the day with day number `day`. */
export function usualMorningPainOn(history: EpisodeHistory, day: number): number | null {
  // At most a week of numbers: an insertion sort, as Array.prototype.sort costs more for so few.
  const mornings: number[] = [];
  for (const d of checkInDaysFromTo(history, day - USUAL_MORNING_WINDOW_DAYS, day - 1)) {
    const pain = d.first.painNow;
    let i = mornings.length;
    for (; i > 0 && (mornings[i - 1] ?? 0) > pain; i--) mornings[i] = mornings[i - 1] ?? 0;
    mornings[i] = pain;
  }
  return mornings[Math.floor(mornings.length / 2)] ?? null;
}

/** Every flare sign in the history, in time order. */
export function detectFlares(history: EpisodeHistory): FlareEvent[] {
  const events: FlareEvent[] = [];
  let previous: (typeof history.checkInDays)[number] | undefined;
  for (const day of history.checkInDays) {
    if (previous && day.last.painWorst24h - previous.last.painWorst24h >= FLARE_RISE_POINTS) {
      events.push({
        kind: 'pain-rise',
        date: day.date,
        atMs: instantMs(day.last.at),
        pain: day.last.painWorst24h,
        comparedWith: previous.last.painWorst24h,
      });
    }
    const dayNo = dayNumber(day.date);
    const sessionYesterday = dayLogOn(history, dayNo - 1).sessions.length > 0;
    const usual = usualMorningPainOn(history, dayNo);
    if (sessionYesterday && usual !== null && day.first.painNow > usual) {
      events.push({ kind: 'not-settled', date: day.date, atMs: instantMs(day.first.at), pain: day.first.painNow, comparedWith: usual });
    }
    previous = day;
  }
  // A session is logged on the local day of its end, so the day it is grouped under is that day.
  for (const [date, log] of history.days) {
    for (const s of log.sessions) {
      const peak = Math.max(sessionPeakPain(s).during, s.painAfter);
      if (peak > ACCEPTABLE_EXERCISE_PAIN) {
        events.push({
          kind: 'session-pain',
          date,
          atMs: instantMs(s.endedAt),
          pain: peak,
          comparedWith: ACCEPTABLE_EXERCISE_PAIN,
        });
      }
    }
  }
  return events.sort((a, b) => a.atMs - b.atMs || compareText(a.kind, b.kind));
}

/** Flares grouped by their local day, in time order within each day. */
export function flaresByDay(events: readonly FlareEvent[]): Map<string, FlareEvent[]> {
  const byDay = new Map<string, FlareEvent[]>();
  for (const e of events) {
    const list = byDay.get(e.date);
    if (list) list.push(e);
    else byDay.set(e.date, [e]);
  }
  return byDay;
}

/** Whether a flare has an instant in (fromMs, toMs]. */
export function anyFlareBetween(events: readonly FlareEvent[], fromMs: number, toMs: number): boolean {
  return events.some((e) => e.atMs > fromMs && e.atMs <= toMs);
}
