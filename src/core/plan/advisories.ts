import { ADVISORY_IDS, MCID_ABSOLUTE_POINTS, type AdvisoryId, type TriageResult } from '../clinical';
import { addDays, instantMs, localDate } from '../time';
import type { CheckInData } from './types';

/**
 * Advisories that follow the latest data (issue 9, point 2). A safety screen's advisories describe the person on
 * the day they answered it; for one of them, S2 "severe or getting worse", the check-ins since then say whether it
 * still holds. The others (not improving for 4 weeks, limits daily activities, struggling to cope, worse with a
 * cough or sneeze) are answers no check-in asks again, so they hold until the next safety screen replaces them.
 */

export const SEVERE_OR_WORSENING: AdvisoryId = 'S2_SEVERE_OR_WORSENING';

/** Pain at or above this (now, or worst in the last 24 h) is severe: the NPRS band 7–10 (clinical.md §2). */
export const SEVERE_PAIN = 7;

/** "Recent" for the trend: the 7 days ending on the day looked at (that day included). Product convention. */
export const RECENT_TREND_DAYS = 7;

/** A rise of this many points is "getting worse": the size of a clinically important change (Ostelo et al. 2008). */
export const WORSENING_POINTS = MCID_ABSOLUTE_POINTS;

type PainReading = Pick<CheckInData, 'at' | 'painNow' | 'painWorst24h'>;

export interface AdvisoryData {
  /** The current safety screen's result. */
  triage: TriageResult;
  /** When that screen was answered (ISO instant). */
  screenedAt: string;
  /** The episode's check-ins, in any order; those after the end of `date` are not looked at. */
  checkIns: readonly PainReading[];
  /** The day the advisories are for (YYYY-MM-DD in `timeZone`). */
  date: string;
  timeZone: string;
}

/** Check-ins up to the end of `date`, oldest first (ties by their order in the list). */
function readingsUpTo(checkIns: readonly PainReading[], date: string, timeZone: string): PainReading[] {
  return checkIns
    .map((c, i) => ({ c, i, ms: instantMs(c.at) }))
    .filter(({ c }) => localDate(c.at, timeZone) <= date)
    .sort((a, b) => a.ms - b.ms || a.i - b.i)
    .map(({ c }) => c);
}

/**
 * The recent trend is worsening when, among the check-ins of the RECENT_TREND_DAYS days ending on `date`, on at
 * least two different days, the latest one's pain now or worst pain is WORSENING_POINTS or more above the
 * earliest one's.
 */
export function recentTrendWorsening(checkIns: readonly PainReading[], date: string, timeZone: string): boolean {
  const from = addDays(date, -(RECENT_TREND_DAYS - 1));
  const recent = readingsUpTo(checkIns, date, timeZone).filter((c) => localDate(c.at, timeZone) >= from);
  const earliest = recent[0];
  const latest = recent[recent.length - 1];
  if (!earliest || !latest || localDate(earliest.at, timeZone) === localDate(latest.at, timeZone)) return false;
  return latest.painNow - earliest.painNow >= WORSENING_POINTS || latest.painWorst24h - earliest.painWorst24h >= WORSENING_POINTS;
}

/**
 * Whether "severe or getting worse" holds on `date`: the latest check-in's pain now or worst is SEVERE_PAIN or
 * more, or the recent trend is worsening. Until a check-in is made after the screen, the screen is the latest
 * data, so its own answer also stands.
 */
export function severeOrWorsening(data: AdvisoryData): boolean {
  const readings = readingsUpTo(data.checkIns, data.date, data.timeZone);
  const latest = readings[readings.length - 1];
  const screenIsLatest = !latest || instantMs(latest.at) <= instantMs(data.screenedAt);
  if (screenIsLatest && data.triage.advisories.includes(SEVERE_OR_WORSENING)) return true;
  if (!latest) return false;
  return latest.painNow >= SEVERE_PAIN || latest.painWorst24h >= SEVERE_PAIN || recentTrendWorsening(readings, data.date, data.timeZone);
}

/** The advisories that hold on `date`, in the rule table's order. */
export function currentAdvisories(data: AdvisoryData): AdvisoryId[] {
  const held = new Set(data.triage.advisories.filter((a) => a !== SEVERE_OR_WORSENING));
  if (severeOrWorsening(data)) held.add(SEVERE_OR_WORSENING);
  return ADVISORY_IDS.filter((a) => held.has(a));
}

/** The screen's result with its advisories re-derived for `date`, and the GP suggestion that follows from them. */
export function withCurrentAdvisories(data: AdvisoryData): TriageResult {
  const advisories = currentAdvisories(data);
  return { ...data.triage, advisories, gpReviewAdvised: data.triage.level === 'self-care' && advisories.length > 0 };
}
