import { addDays } from '../time';

/**
 * A calendar file (RFC 5545) with the daily check-in and the day's walks as repeating events, for people who would
 * rather see them in their own calendar. Times are "floating" local times: 09:30 stays 09:30 in whatever zone the
 * calendar is in, across daylight-saving changes. Pure: the date, the times and "now" come in.
 */

export interface CalendarInput {
  /** Used in each event's UID, so importing the file again updates the same events. */
  episodeId: string;
  /** The first day (YYYY-MM-DD), in the person's zone. */
  from: string;
  /** The instant the file was made (DTSTAMP). */
  nowMs: number;
  checkInTime: string;
  /** Today's walks from the plan: how many, how long each, and the part of the day they are spread over. */
  walks: { count: number; minutesEach: number } | null;
  /** The walks change with the stage, so they repeat for a week; the check-in repeats every day. */
  walkDays?: number;
}

export const WALK_WINDOW = { start: '10:00', end: '18:00' } as const;
const DEFAULT_WALK_DAYS = 7;

const compactDate = (date: string) => date.replaceAll('-', '');
const compactTime = (hhmm: string) => `${hhmm.replace(':', '')}00`;
const stamp = (ms: number) => new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const hhmmOf = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** RFC 5545 text: backslash, semicolon and comma escaped. */
const text = (s: string) => s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\n/g, '\\n');

/** Lines longer than 75 octets are folded (RFC 5545 §3.1). */
function fold(line: string): string {
  const bytes = new TextEncoder().encode(line);
  if (bytes.length <= 75) return line;
  const parts: string[] = [];
  let current = '';
  let size = 0;
  for (const ch of line) {
    const n = new TextEncoder().encode(ch).length;
    if (size + n > (parts.length ? 74 : 75)) {
      parts.push(current);
      current = '';
      size = 0;
    }
    current += ch;
    size += n;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** The walks' start times, spread evenly over the walking window. */
export function walkTimes(count: number): string[] {
  if (count <= 0) return [];
  const start = minutesOf(WALK_WINDOW.start);
  const span = minutesOf(WALK_WINDOW.end) - start;
  if (count === 1) return [hhmmOf(start + span / 2)];
  return Array.from({ length: count }, (_, i) => hhmmOf(start + Math.round((span * i) / (count - 1) / 5) * 5));
}

export function remindersCalendar(input: CalendarInput): string {
  const dtstamp = stamp(input.nowMs);
  const event = (uid: string, time: string, minutes: number, summary: string, description: string, rule: string) => [
    'BEGIN:VEVENT',
    `UID:${uid}@unclench`,
    `DTSTAMP:${dtstamp}`,
    `DTSTART:${compactDate(input.from)}T${compactTime(time)}`,
    `DURATION:PT${Math.max(1, Math.round(minutes))}M`,
    `RRULE:${rule}`,
    `SUMMARY:${text(summary)}`,
    `DESCRIPTION:${text(description)}`,
    'END:VEVENT',
  ];
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Unclench//Reminders//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', 'X-WR-CALNAME:Unclench reminders'];
  lines.push(...event(`${input.episodeId}-check-in`, input.checkInTime, 5, 'Unclench: daily check-in', 'Thirty seconds on how your back is today. Open Unclench and your plan follows.', 'FREQ=DAILY'));
  if (input.walks && input.walks.count > 0) {
    const until = compactDate(addDays(input.from, (input.walkDays ?? DEFAULT_WALK_DAYS) - 1));
    walkTimes(input.walks.count).forEach((time, i) => {
      lines.push(
        ...event(`${input.episodeId}-walk-${i + 1}`, time, input.walks!.minutesEach, `Unclench: a ${Math.round(input.walks!.minutesEach)}-minute walk`, 'An easy walk at your own pace. Your plan may change the walks as you recover; download the calendar again to follow it.', `FREQ=DAILY;UNTIL=${until}T235959`),
      );
    });
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(fold).join('\r\n')}\r\n`;
}
