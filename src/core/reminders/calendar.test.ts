import { describe, expect, it } from 'vitest';
import { remindersCalendar, walkTimes } from './calendar';

const input = { episodeId: 'e1', from: '2026-11-24', nowMs: Date.parse('2026-11-24T10:00:00Z'), checkInTime: '09:30', walks: { count: 3, minutesEach: 5 } };

describe('reminders calendar', () => {
  it('spreads the walks over the day', () => {
    expect(walkTimes(3)).toEqual(['10:00', '14:00', '18:00']);
    expect(walkTimes(1)).toEqual(['14:00']);
    expect(walkTimes(0)).toEqual([]);
  });

  it('has the daily check-in and each walk as a repeating event, with CRLF lines of at most 75 octets', () => {
    const ics = remindersCalendar(input);
    const events = ics.split('BEGIN:VEVENT').slice(1);
    expect(events).toHaveLength(4);
    expect(events[0]).toContain('DTSTART:20261124T093000\r\nDURATION:PT5M\r\nRRULE:FREQ=DAILY\r\n');
    expect(events[1]).toContain('DTSTART:20261124T100000\r\nDURATION:PT5M\r\nRRULE:FREQ=DAILY;UNTIL=20261130T235959\r\n');
    expect(events[3]).toContain('DTSTART:20261124T180000');
    expect(ics).toContain('UID:e1-walk-2@unclench');
    expect(ics).toContain('DTSTAMP:20261124T100000Z');
    for (const line of ics.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
  });

  it('has only the check-in when the plan has no walks yet', () => {
    const ics = remindersCalendar({ ...input, walks: null });
    expect(ics.split('BEGIN:VEVENT')).toHaveLength(2);
    expect(ics).toContain('SUMMARY:Unclench: daily check-in');
  });
});
