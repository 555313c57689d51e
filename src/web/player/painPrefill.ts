import { dateIn } from '../lib/dates';

/**
 * Pain is asked once a day: the session's "pain before" starts from the day's latest check-in, when there is one.
 * Pure: the day and the time zone come in. Answers null when nothing was checked in on that day.
 */
export function painFromCheckIn(checkIns: readonly { at: string; painNow: number }[], date: string, timeZone: string): { pain: number; at: string } | null {
  let latest: { pain: number; at: string } | null = null;
  for (const c of checkIns) {
    if (dateIn(new Date(c.at), timeZone) !== date) continue;
    if (!latest || Date.parse(c.at) > Date.parse(latest.at)) latest = { pain: c.painNow, at: c.at };
  }
  return latest;
}
