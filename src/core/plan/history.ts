import { dateOfDay, dayNumber, daysBetween, instantMs, localDayAt, toLocalDate } from '../time';
import type { CheckInData, MovementData, PlanInput, SessionLogData } from './types';
import { compareText } from '../compareText';

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
  /** The day number (see `dayNumber`) of startDate: the arrays below are indexed from it. */
  startDay: number;
  /** Each day's records, from startDate to the plan date. */
  logs: readonly DayLog[];
  /** checkInDaysBefore[i]: how many check-in days come before day startDay + i (one entry more than `logs`). */
  checkInDaysBefore: readonly number[];
}

const EMPTY_DAY: DayLog = { checkIns: [], sessions: [], movements: [] };

/** A record with its instant and its local day number worked out once, for sorting and grouping. */
interface Placed<T> {
  record: T;
  ms: number;
  day: number;
}

function place<T>(records: readonly T[], instantOf: (r: T) => string, timeZone: string): Placed<T>[] {
  return records.map((record) => {
    const ms = instantMs(instantOf(record));
    return { record, ms, day: localDayAt(ms, timeZone) };
  });
}

function byTimeThenId<T extends { id?: string }>(a: Placed<T>, b: Placed<T>): number {
  return a.ms - b.ms || compareText(a.record.id ?? '', b.record.id ?? '');
}

/**
 * What a resumed replay (see `ReplayCheckpoint`) keeps of the records: those on or after `fromDate`, and `pinned`
 * check-ins (the first check-in days') from before it. The replay starts on `startDate` as the full one did.
 */
export interface HistoryWindow {
  fromDate: string;
  startDate: string;
  pinned: readonly CheckInData[];
}

export function collectHistory(input: PlanInput, window?: HistoryWindow): EpisodeHistory {
  const { timeZone, date: planDate } = input;
  const planDay = dayNumber(planDate);
  const fromDay = window ? dayNumber(window.fromDate) : Number.NEGATIVE_INFINITY;
  const kept = (day: number) => day >= fromDay && day <= planDay;
  const days = new Map<string, DayLog>();
  const byDay = new Map<number, DayLog>();
  const logOn = (day: number) => {
    let log = byDay.get(day);
    if (!log) {
      log = { checkIns: [], sessions: [], movements: [] };
      byDay.set(day, log);
      days.set(dateOfDay(day), log);
    }
    return log;
  };

  const windowIds = new Set<string>();
  const checkIns = place(input.checkIns, (x) => x.at, timeZone).filter((c) => kept(c.day));
  for (const c of checkIns) windowIds.add(c.record.id);
  if (window) checkIns.push(...place(window.pinned, (x) => x.at, timeZone).filter((c) => c.day < fromDay && !windowIds.has(c.record.id)));
  for (const c of checkIns.sort(byTimeThenId)) logOn(c.day).checkIns.push(c.record);
  for (const s of place(input.sessions, (x) => x.endedAt, timeZone).sort(byTimeThenId)) {
    if (kept(s.day)) logOn(s.day).sessions.push(s.record);
  }
  const movements = place(input.movements, (x) => x.startedAt, timeZone).sort(
    (a, b) => a.ms - b.ms || compareText(a.record.kind, b.record.kind) || a.record.minutes - b.record.minutes,
  );
  for (const m of movements) {
    if (kept(m.day)) logOn(m.day).movements.push(m.record);
  }

  const onsetDate = toLocalDate(input.episode.onsetDate, timeZone);
  const recordDays = [...byDay.keys()].sort((a, b) => a - b);
  const startDay = window ? dayNumber(window.startDate) : Math.min(dayNumber(onsetDate), recordDays[0] ?? planDay, planDay);
  const startDate = dateOfDay(startDay);

  const checkInDays: CheckInDay[] = [];
  for (const d of recordDays) {
    const list = byDay.get(d)?.checkIns ?? [];
    const first = list[0];
    const last = list[list.length - 1];
    if (first && last) checkInDays.push({ date: dateOfDay(d), first, last });
  }

  // The same records indexed by day number, so the replay looks days up without date arithmetic.
  const logs = new Array<DayLog>(planDay - startDay + 1).fill(EMPTY_DAY);
  for (const [d, log] of byDay) logs[d - startDay] = log;
  const checkInDaysBefore = [0];
  for (const log of logs) checkInDaysBefore.push((checkInDaysBefore[checkInDaysBefore.length - 1] ?? 0) + (log.checkIns.length > 0 ? 1 : 0));

  return { planDate, timeZone, onsetDate, startDate, checkInDays, days, startDay, logs, checkInDaysBefore };
}

export function dayLog(history: EpisodeHistory, date: string): DayLog {
  return history.days.get(date) ?? EMPTY_DAY;
}

/** The records of the day with day number `day`. */
export function dayLogOn(history: EpisodeHistory, day: number): DayLog {
  return history.logs[day - history.startDay] ?? EMPTY_DAY;
}

/** How many check-in days come before the day with day number `day`. */
function countCheckInDaysBefore(history: EpisodeHistory, day: number): number {
  const last = history.checkInDaysBefore.length - 1;
  return history.checkInDaysBefore[Math.min(Math.max(day - history.startDay, 0), last)] ?? 0;
}

/** Check-in days from day number `from` to `to`, both included. */
export function checkInDaysFromTo(history: EpisodeHistory, from: number, to: number): CheckInDay[] {
  return history.checkInDays.slice(countCheckInDaysBefore(history, from), countCheckInDaysBefore(history, to + 1));
}

/** The first `count` check-in days up to day number `day`. */
export function firstCheckInDays(history: EpisodeHistory, day: number, count: number): CheckInDay[] {
  return history.checkInDays.slice(0, Math.min(count, countCheckInDaysBefore(history, day + 1)));
}

/** The latest check-in day on or before day number `day`. */
export function latestCheckInDay(history: EpisodeHistory, day: number): CheckInDay | undefined {
  return history.checkInDays[countCheckInDaysBefore(history, day + 1) - 1];
}

/** The check-in day on day number `day`, if there is one. */
export function checkInDayOn(history: EpisodeHistory, day: number): CheckInDay | undefined {
  const before = countCheckInDaysBefore(history, day);
  return before < countCheckInDaysBefore(history, day + 1) ? history.checkInDays[before] : undefined;
}

export function daysSinceOnset(history: EpisodeHistory, date: string): number {
  return daysBetween(history.onsetDate, date);
}

/** Minutes between two instants. */
export function minutesBetween(start: string, end: string): number {
  return Math.max(0, (instantMs(end) - instantMs(start)) / 60_000);
}
