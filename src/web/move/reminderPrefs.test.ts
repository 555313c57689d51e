import { describe, expect, it } from 'vitest';
import { DEFAULT_PREFS, restorePrefs, storedPrefs, validTime } from './reminderPrefs';

describe('reminder settings, kept on the device', () => {
  it('round-trips what was saved', () => {
    const prefs = { intervalOverrideMinutes: 45, quietHours: { start: '22:30', end: '06:45' } };
    expect(restorePrefs(JSON.parse(storedPrefs(prefs)))).toEqual(prefs);
    expect(restorePrefs(JSON.parse(storedPrefs(DEFAULT_PREFS)))).toEqual(DEFAULT_PREFS);
  });

  it('falls back field by field: a bad interval or quiet hours never breaks the other', () => {
    expect(restorePrefs({ v: 1, intervalOverrideMinutes: 7, quietHours: { start: '22:00', end: '07:00' } })).toEqual({ intervalOverrideMinutes: null, quietHours: { start: '22:00', end: '07:00' } });
    expect(restorePrefs({ v: 1, intervalOverrideMinutes: 30, quietHours: { start: '25:00', end: '07:00' } })).toEqual({ intervalOverrideMinutes: 30, quietHours: null });
    expect(restorePrefs({ v: 1, intervalOverrideMinutes: 30, quietHours: { start: '07:00', end: '07:00' } }).quietHours).toBeNull();
  });

  it('gives the defaults for damage, a missing version, or a version from a newer build', () => {
    for (const raw of [null, undefined, 'x', 42, [], {}, { intervalOverrideMinutes: 30 }, { v: 2, intervalOverrideMinutes: 30, quietHours: null }]) expect(restorePrefs(raw)).toEqual(DEFAULT_PREFS);
  });

  it('accepts 24-hour times only', () => {
    expect(['00:00', '07:05', '23:59'].every(validTime)).toBe(true);
    expect(['24:00', '7:05', '12:60', '', 'noon'].some(validTime)).toBe(false);
  });
});
