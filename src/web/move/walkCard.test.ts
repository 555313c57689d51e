import { describe, expect, it } from 'vitest';
import { manualWalkStart } from './WalkCard';

describe('a walk added by hand', () => {
  it('began its minutes before now', () => {
    const now = Date.parse('2026-07-10T14:30:00Z');
    expect(manualWalkStart(now, 7, 'Europe/London').toISOString()).toBe('2026-07-10T14:23:00.000Z');
  });

  it('just after midnight, begins at midnight in the person’s time zone, so it counts for today', () => {
    // 00:03 in London in summer is 23:03 UTC the day before.
    const now = Date.parse('2026-07-09T23:03:00Z');
    expect(manualWalkStart(now, 7, 'Europe/London').toISOString()).toBe('2026-07-09T23:00:00.000Z');
    expect(manualWalkStart(Date.parse('2026-12-03T00:02:00Z'), 20, 'America/New_York').toISOString()).toBe('2026-12-02T23:42:00.000Z');
  });
});
