import { describe, expect, it } from 'vitest';
import { painFromCheckIn } from './painPrefill';

describe('painFromCheckIn', () => {
  it('takes the latest check-in of that day in the person’s zone', () => {
    const checkIns = [
      { at: '2026-03-10T07:00:00Z', painNow: 6 },
      { at: '2026-03-10T12:30:00Z', painNow: 4 },
      { at: '2026-03-10T09:00:00Z', painNow: 5 },
    ];
    expect(painFromCheckIn(checkIns, '2026-03-10', 'Europe/London')).toEqual({ pain: 4, at: '2026-03-10T12:30:00Z' });
  });

  it('ignores other days, counted in the person’s zone', () => {
    // 23:30 UTC on the 9th is already the 10th in Berlin, and still the 9th in London.
    const checkIns = [{ at: '2026-03-09T23:30:00Z', painNow: 7 }];
    expect(painFromCheckIn(checkIns, '2026-03-10', 'Europe/London')).toBeNull();
    expect(painFromCheckIn(checkIns, '2026-03-10', 'Europe/Berlin')).toEqual({ pain: 7, at: '2026-03-09T23:30:00Z' });
  });

  it('answers null with no check-in', () => {
    expect(painFromCheckIn([], '2026-03-10', 'UTC')).toBeNull();
  });
});
