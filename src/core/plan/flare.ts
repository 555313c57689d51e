import { ACCEPTABLE_EXERCISE_PAIN, MCID_ABSOLUTE_POINTS } from '../clinical';
import { addDays, instantMs, localDate } from './dates';
import { checkInDaysBetween, dayLog, type EpisodeHistory } from './history';
import type { SessionLogData } from './types';

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
  const mornings = checkInDaysBetween(history, addDays(date, -USUAL_MORNING_WINDOW_DAYS), addDays(date, -1))
    .map((d) => d.first.painNow)
    .sort((a, b) => a - b);
  if (mornings.length === 0) return null;
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
    const sessionYesterday = dayLog(history, addDays(day.date, -1)).sessions.length > 0;
    const usual = usualMorningPain(history, day.date);
    if (sessionYesterday && usual !== null && day.first.painNow > usual) {
      events.push({ kind: 'not-settled', date: day.date, atMs: instantMs(day.first.at), pain: day.first.painNow, comparedWith: usual });
    }
    previous = day;
  }
  for (const [, log] of history.days) {
    for (const s of log.sessions) {
      const peak = Math.max(sessionPeakPain(s).during, s.painAfter);
      if (peak > ACCEPTABLE_EXERCISE_PAIN) {
        events.push({
          kind: 'session-pain',
          date: localDate(s.endedAt, history.timeZone),
          atMs: instantMs(s.endedAt),
          pain: peak,
          comparedWith: ACCEPTABLE_EXERCISE_PAIN,
        });
      }
    }
  }
  return events.sort((a, b) => a.atMs - b.atMs || a.kind.localeCompare(b.kind));
}

export function flaresOn(events: readonly FlareEvent[], date: string): FlareEvent[] {
  return events.filter((e) => e.date === date);
}

/** Flares with an instant in (fromMs, toMs]. */
export function flaresBetween(events: readonly FlareEvent[], fromMs: number, toMs: number): FlareEvent[] {
  return events.filter((e) => e.atMs > fromMs && e.atMs <= toMs);
}
