import { describe, expect, it } from 'vitest';
import { afterQuietHours, effectiveInterval, inQuietHours, isDue, snooze, standUp, startSitting, SNOOZE_MINUTES, type ReminderSettings } from './sitTimer';
import { zonedTimeToInstantMs, localTimeOf } from '../time';

const at = (iso: string) => Date.parse(iso);
const london: ReminderSettings = { intervalOverrideMinutes: null, quietHours: { start: '22:00', end: '07:00' }, timeZone: 'Europe/London' };

describe('sit timer', () => {
  it('is due after the stage interval, not before', () => {
    const t = startSitting(at('2026-11-24T10:00:00Z'), 20, london);
    expect(isDue(t, at('2026-11-24T10:19:59Z'))).toBe(false);
    expect(isDue(t, at('2026-11-24T10:20:00Z'))).toBe(true);
  });

  it("uses the person's own interval when set", () => {
    expect(effectiveInterval(20, london)).toBe(20);
    expect(effectiveInterval(20, { ...london, intervalOverrideMinutes: 45 })).toBe(45);
  });

  it('snoozes once only', () => {
    const t = startSitting(at('2026-11-24T10:00:00Z'), 20, london);
    const once = snooze(t, at('2026-11-24T10:20:00Z'), london);
    expect(once).toMatchObject({ snoozed: true, dueMs: at('2026-11-24T10:20:00Z') + SNOOZE_MINUTES * 60_000 });
    expect(snooze(once, at('2026-11-24T10:30:00Z'), london)).toBe(once);
  });

  it('logs the break when the person stands up', () => {
    const t = startSitting(at('2026-11-24T10:00:00Z'), 20, london);
    expect(standUp(t, at('2026-11-24T10:25:00Z'))).toEqual({ timer: { state: 'idle' }, logged: { startedAtMs: at('2026-11-24T10:25:00Z'), sittingMinutes: 25 } });
    expect(standUp({ state: 'idle' }, at('2026-11-24T10:25:00Z')).logged).toBeNull();
  });
});

describe('quiet hours', () => {
  it('cross midnight', () => {
    expect(inQuietHours(at('2026-11-24T23:30:00Z'), london.quietHours, 'Europe/London')).toBe(true);
    expect(inQuietHours(at('2026-11-25T06:59:00Z'), london.quietHours, 'Europe/London')).toBe(true);
    expect(inQuietHours(at('2026-11-25T07:00:00Z'), london.quietHours, 'Europe/London')).toBe(false);
    expect(inQuietHours(at('2026-11-24T21:59:00Z'), london.quietHours, 'Europe/London')).toBe(false);
  });

  it('hold a prompt due late in the evening until the morning', () => {
    const t = startSitting(at('2026-11-24T21:50:00Z'), 20, london);
    expect(t.state === 'sitting' && t.dueMs).toBe(at('2026-11-25T07:00:00Z'));
  });

  it('hold a prompt due after midnight until the same morning', () => {
    expect(afterQuietHours(at('2026-11-25T01:00:00Z'), london.quietHours, 'Europe/London')).toBe(at('2026-11-25T07:00:00Z'));
  });

  it('end at the right instant across the spring daylight-saving change', () => {
    // London moves to BST on 2026-03-29: 07:00 local is 06:00 UTC that morning.
    expect(afterQuietHours(at('2026-03-29T00:30:00Z'), london.quietHours, 'Europe/London')).toBe(at('2026-03-29T06:00:00Z'));
  });

  it('end at the right instant across the autumn change', () => {
    // London returns to GMT on 2026-10-25: 07:00 local is 07:00 UTC.
    expect(afterQuietHours(at('2026-10-24T23:30:00Z'), london.quietHours, 'Europe/London')).toBe(at('2026-10-25T07:00:00Z'));
  });

  it('work in zones east of UTC', () => {
    const tokyo = { start: '22:00', end: '07:00' };
    expect(afterQuietHours(at('2026-11-24T14:00:00Z'), tokyo, 'Asia/Tokyo')).toBe(at('2026-11-24T22:00:00Z'));
  });
});

describe('zoned wall time', () => {
  it('resolves a time skipped by the spring change forwards', () => {
    const ms = zonedTimeToInstantMs('2026-03-29', '01:30', 'Europe/London');
    expect(localTimeOf(ms, 'Europe/London')).toBe('02:30');
  });
  it('resolves a repeated autumn time to its first occurrence', () => {
    expect(zonedTimeToInstantMs('2026-10-25', '01:30', 'Europe/London')).toBe(at('2026-10-25T00:30:00Z'));
  });
});
