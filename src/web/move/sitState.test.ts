import { describe, expect, it } from 'vitest';
import { snooze, startSitting, type ReminderSettings } from '../../core/reminders/sitTimer';
import { IDLE_SIT, restoreSit, shouldNotify, sitPhase, storedSit, type SitState } from './sitState';

const settings: ReminderSettings = { intervalOverrideMinutes: null, quietHours: null, timeZone: 'Europe/London' };
const sitting = (now: number): SitState => ({ timer: startSitting(now, 20, settings), episodeId: '11111111-1111-4111-8111-111111111111', intervalMinutes: 20, notifiedDueMs: null, timeZone: 'Europe/London' });

describe('the kept sit timer', () => {
  it('is sitting, then due at the interval', () => {
    const s = sitting(0);
    expect(sitPhase(IDLE_SIT, 0)).toBe('idle');
    expect(sitPhase(s, 20 * 60_000 - 1)).toBe('sitting');
    expect(sitPhase(s, 20 * 60_000)).toBe('due');
  });

  it('notifies once per due time, and again after a snooze', () => {
    const s = sitting(0);
    const due = 20 * 60_000;
    expect(shouldNotify(s, due - 1)).toBe(false);
    expect(shouldNotify(s, due)).toBe(true);
    const notified = { ...s, notifiedDueMs: due };
    expect(shouldNotify(notified, due + 5_000)).toBe(false);
    const snoozed = { ...notified, timer: snooze(notified.timer, due, settings) };
    expect(shouldNotify(snoozed, due + 10 * 60_000)).toBe(true);
  });

  it('survives a reload, and anything odd reads as idle', () => {
    const s = sitting(1_000);
    expect(restoreSit(JSON.parse(storedSit(s)))).toEqual(s);
    expect(restoreSit({ ...JSON.parse(storedSit(s)), v: 9 })).toEqual(IDLE_SIT);
    expect(restoreSit({ ...JSON.parse(storedSit(s)), episodeId: null }).timer).toEqual({ state: 'idle' });
    expect(restoreSit({ ...JSON.parse(storedSit(s)), timer: { state: 'sitting', sittingSinceMs: 10, dueMs: 5 } }).timer).toEqual({ state: 'idle' });
    expect(restoreSit('nonsense')).toEqual(IDLE_SIT);
  });
});
