import { describe, expect, it } from 'vitest';
import { addDays, dateIn, instantAt } from './dates';

describe('instantAt', () => {
  it('places a wall-clock time on a date in a time zone, either side of a clock change', () => {
    expect(instantAt('2026-01-13', 20, 0, 'Europe/London').toISOString()).toBe('2026-01-13T20:00:00.000Z');
    expect(instantAt('2026-07-13', 20, 0, 'Europe/London').toISOString()).toBe('2026-07-13T19:00:00.000Z');
    // The day the clocks go forward in London (29 March 2026) and back (25 October 2026).
    expect(instantAt('2026-03-29', 20, 0, 'Europe/London').toISOString()).toBe('2026-03-29T19:00:00.000Z');
    expect(instantAt('2026-10-25', 20, 0, 'Europe/London').toISOString()).toBe('2026-10-25T20:00:00.000Z');
    expect(instantAt('2026-01-13', 20, 0, 'America/New_York').toISOString()).toBe('2026-01-14T01:00:00.000Z');
    expect(instantAt('2026-01-13', 20, 0, 'Asia/Kolkata').toISOString()).toBe('2026-01-13T14:30:00.000Z');
  });

  it('lands on the same local date it was asked for', () => {
    for (const tz of ['Pacific/Auckland', 'Pacific/Honolulu', 'Europe/Berlin', 'Australia/Adelaide']) {
      expect(dateIn(instantAt('2026-04-05', 20, 0, tz), tz)).toBe('2026-04-05');
    }
  });
});

describe('addDays', () => {
  it('moves across months and years', () => {
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
  });
});
