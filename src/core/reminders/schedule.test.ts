import { describe, expect, it } from 'vitest';
import { nextDaily, nextWeekly, sendDecision, snoozedReminder, standUpReminder } from './schedule';
import { reminderMessage } from './messages';
import type { ReminderSettings } from './sitTimer';

const at = (iso: string) => Date.parse(iso);
const quiet = { start: '22:00', end: '07:00' };
const london: ReminderSettings = { intervalOverrideMinutes: null, quietHours: quiet, timeZone: 'Europe/London' };

/** A fake clock: the tests move it by hand, nothing reads the real time. */
function fakeClock(startIso: string) {
  let now = at(startIso);
  return { now: () => now, advance: (minutes: number) => (now += minutes * 60_000) };
}

describe('stand-up reminder', () => {
  it("is due after the stage's interval, or the person's own", () => {
    const clock = fakeClock('2026-11-24T10:00:00Z');
    expect(standUpReminder(clock.now(), 20, london)).toEqual({ dueMs: at('2026-11-24T10:20:00Z'), intervalMinutes: 20 });
    expect(standUpReminder(clock.now(), 20, { ...london, intervalOverrideMinutes: 45 })).toEqual({ dueMs: at('2026-11-24T10:45:00Z'), intervalMinutes: 45 });
  });

  it('waits for the end of the quiet hours, across midnight', () => {
    expect(standUpReminder(at('2026-11-24T21:50:00Z'), 20, london).dueMs).toBe(at('2026-11-25T07:00:00Z'));
  });

  it('snoozes once only', () => {
    const clock = fakeClock('2026-11-24T10:00:00Z');
    const first = standUpReminder(clock.now(), 20, london);
    clock.advance(20);
    const snoozed = snoozedReminder({ sittingSinceMs: at('2026-11-24T10:00:00Z'), dueMs: first.dueMs, snoozed: false }, clock.now(), london);
    expect(snoozed).toBe(at('2026-11-24T10:30:00Z'));
    clock.advance(10);
    expect(snoozedReminder({ sittingSinceMs: at('2026-11-24T10:00:00Z'), dueMs: snoozed as number, snoozed: true }, clock.now(), london)).toBeNull();
  });

  it('offers the snooze button only before the sitting was snoozed', () => {
    expect(reminderMessage('stand-up').actions.map((a) => a.action)).toEqual(['stood-up', 'snooze']);
    expect(reminderMessage('stand-up', { snoozed: true }).actions.map((a) => a.action)).toEqual(['stood-up']);
  });
});

describe('daily and weekly reminders', () => {
  it('comes at the chosen local time, today if it is still ahead, else tomorrow', () => {
    expect(nextDaily(at('2026-11-24T08:00:00Z'), '09:30', quiet, 'Europe/London')).toBe(at('2026-11-24T09:30:00Z'));
    expect(nextDaily(at('2026-11-24T09:30:00Z'), '09:30', quiet, 'Europe/London')).toBe(at('2026-11-25T09:30:00Z'));
  });

  it('keeps the local time across the spring and autumn daylight-saving changes', () => {
    // London: BST from 2026-03-29 (09:30 local is 08:30 UTC), GMT again from 2026-10-25.
    expect(nextDaily(at('2026-03-28T12:00:00Z'), '09:30', null, 'Europe/London')).toBe(at('2026-03-29T08:30:00Z'));
    expect(nextDaily(at('2026-10-24T12:00:00Z'), '09:30', null, 'Europe/London')).toBe(at('2026-10-25T09:30:00Z'));
  });

  it('a chosen time inside the quiet hours waits for their end', () => {
    expect(nextDaily(at('2026-11-24T12:00:00Z'), '23:00', quiet, 'Europe/London')).toBe(at('2026-11-25T07:00:00Z'));
    expect(nextDaily(at('2026-11-24T12:00:00Z'), '06:30', quiet, 'Europe/London')).toBe(at('2026-11-25T07:00:00Z'));
  });

  it('a chosen time skipped by the spring change comes an hour later that day', () => {
    expect(nextDaily(at('2026-03-28T12:00:00Z'), '01:30', null, 'Europe/London')).toBe(at('2026-03-29T01:30:00Z'));
  });

  it('the weekly reminder comes on the chosen weekday', () => {
    // 2026-11-24 is a Tuesday.
    expect(nextWeekly(at('2026-11-24T08:00:00Z'), 'tuesday', '18:00', quiet, 'Europe/London')).toBe(at('2026-11-24T18:00:00Z'));
    expect(nextWeekly(at('2026-11-24T19:00:00Z'), 'tuesday', '18:00', quiet, 'Europe/London')).toBe(at('2026-12-01T18:00:00Z'));
    expect(nextWeekly(at('2026-11-24T19:00:00Z'), 'sunday', '10:00', quiet, 'Europe/London')).toBe(at('2026-11-29T10:00:00Z'));
    expect(nextWeekly(at('2026-11-24T19:00:00Z'), 'sunday', '10:00', null, 'Asia/Tokyo')).toBe(at('2026-11-29T01:00:00Z'));
  });
});

describe('sending a due reminder', () => {
  const due = { dueMs: at('2026-11-24T10:20:00Z'), intervalMinutes: 20 };

  it('sends when due, and drops one late by more than its interval', () => {
    const clock = fakeClock('2026-11-24T10:20:00Z');
    expect(sendDecision(due, clock.now(), quiet, 'Europe/London')).toEqual({ kind: 'send' });
    clock.advance(20);
    expect(sendDecision(due, clock.now(), quiet, 'Europe/London')).toEqual({ kind: 'send' });
    clock.advance(1);
    expect(sendDecision(due, clock.now(), quiet, 'Europe/London')).toEqual({ kind: 'drop' });
  });

  it('sends nothing during the quiet hours: holds until they end, or drops what would be stale by then', () => {
    const daily = { dueMs: at('2026-11-24T21:00:00Z'), intervalMinutes: 24 * 60 };
    expect(sendDecision(daily, at('2026-11-24T22:30:00Z'), quiet, 'Europe/London')).toEqual({ kind: 'hold', untilMs: at('2026-11-25T07:00:00Z') });
    const late = { dueMs: at('2026-11-24T21:50:00Z'), intervalMinutes: 20 };
    expect(sendDecision(late, at('2026-11-24T22:05:00Z'), quiet, 'Europe/London')).toEqual({ kind: 'drop' });
  });

  it('holds across the autumn change until 07:00 local time', () => {
    const daily = { dueMs: at('2026-10-24T21:00:00Z'), intervalMinutes: 24 * 60 };
    expect(sendDecision(daily, at('2026-10-24T23:30:00Z'), quiet, 'Europe/London')).toEqual({ kind: 'hold', untilMs: at('2026-10-25T07:00:00Z') });
  });

  it('carries no health data: only the words the notification shows and where a tap leads', () => {
    for (const kind of ['stand-up', 'check-in', 'function-goal', 'test'] as const) {
      const message = reminderMessage(kind);
      expect(Object.keys(message).sort()).toEqual(['actions', 'body', 'kind', 'title', 'url']);
      expect(message.body).not.toMatch(/\d+\s*\/\s*10|pain (is|was) \d/i);
    }
  });
});
