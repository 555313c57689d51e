import { daysBetween, instantMs, localDate, toLocalDate } from './dates';
import type { CheckInData, MovementData, PlanInput, SessionLogData } from './types';

/**
 * The episode's records, cut at the end of the plan date and grouped by local calendar day.
 * A record belongs to the day it is complete on: a check-in to the day of `at`, a session to the day
 * of `endedAt`, a movement to the day of `startedAt`. Anything after the plan date is left out, so a
 * later record can never change an earlier plan.
 */

export interface CheckInDay {
  date: string;
  /** The earliest check-in of the day: its pain is the day's morning pain. */
  first: CheckInData;
  /** The latest check-in of the day: the day's state for stage decisions. */
  last: CheckInData;
}

export interface DayLog {
  checkIns: CheckInData[];
  sessions: SessionLogData[];
  movements: MovementData[];
}

export interface EpisodeHistory {
  planDate: string;
  timeZone: string;
  onsetDate: string;
  /** The first day the replay covers: the onset, or an earlier record or plan date. */
  startDate: string;
  checkInDays: CheckInDay[];
  days: ReadonlyMap<string, DayLog>;
}

const EMPTY_DAY: DayLog = { checkIns: [], sessions: [], movements: [] };

function byTimeThenId<T extends { id?: string }>(time: (t: T) => number) {
  return (a: T, b: T) => time(a) - time(b) || (a.id ?? '').localeCompare(b.id ?? '');
}

export function collectHistory(input: PlanInput): EpisodeHistory {
  const { timeZone, date: planDate } = input;
  const days = new Map<string, DayLog>();
  const dayOf = (d: string) => {
    let log = days.get(d);
    if (!log) {
      log = { checkIns: [], sessions: [], movements: [] };
      days.set(d, log);
    }
    return log;
  };
  const upToPlanDate = (d: string) => daysBetween(d, planDate) >= 0;

  for (const c of [...input.checkIns].sort(byTimeThenId((x: CheckInData) => instantMs(x.at)))) {
    const d = localDate(c.at, timeZone);
    if (upToPlanDate(d)) dayOf(d).checkIns.push(c);
  }
  for (const s of [...input.sessions].sort(byTimeThenId((x: SessionLogData) => instantMs(x.endedAt)))) {
    const d = localDate(s.endedAt, timeZone);
    if (upToPlanDate(d)) dayOf(d).sessions.push(s);
  }
  const movements = [...input.movements].sort(
    (a, b) => instantMs(a.startedAt) - instantMs(b.startedAt) || a.kind.localeCompare(b.kind) || a.minutes - b.minutes,
  );
  for (const m of movements) {
    const d = localDate(m.startedAt, timeZone);
    if (upToPlanDate(d)) dayOf(d).movements.push(m);
  }

  const onsetDate = toLocalDate(input.episode.onsetDate, timeZone);
  const dates = [...days.keys()].sort();
  let startDate = onsetDate;
  for (const d of [dates[0], planDate]) if (d !== undefined && d < startDate) startDate = d;

  const checkInDays: CheckInDay[] = [];
  for (const d of dates) {
    const list = days.get(d)?.checkIns ?? [];
    const first = list[0];
    const last = list[list.length - 1];
    if (first && last) checkInDays.push({ date: d, first, last });
  }
  return { planDate, timeZone, onsetDate, startDate, checkInDays, days };
}

export function dayLog(history: EpisodeHistory, date: string): DayLog {
  return history.days.get(date) ?? EMPTY_DAY;
}

/** Check-in days from `from` to `to`, both included. */
export function checkInDaysBetween(history: EpisodeHistory, from: string, to: string): CheckInDay[] {
  return history.checkInDays.filter((c) => c.date >= from && c.date <= to);
}

/** The latest check-in day on or before `date`. */
export function latestCheckInDay(history: EpisodeHistory, date: string): CheckInDay | undefined {
  let found: CheckInDay | undefined;
  for (const c of history.checkInDays) {
    if (c.date > date) break;
    found = c;
  }
  return found;
}

export function daysSinceOnset(history: EpisodeHistory, date: string): number {
  return daysBetween(history.onsetDate, date);
}

/** Minutes between two instants. */
export function minutesBetween(start: string, end: string): number {
  return Math.max(0, (instantMs(end) - instantMs(start)) / 60_000);
}
