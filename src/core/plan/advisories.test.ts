import { describe, expect, it } from 'vitest';
import type { TriageResult } from '../clinical';
import { currentAdvisories, recentTrendWorsening, withCurrentAdvisories, type AdvisoryData } from './advisories';
import { URGENT } from './fixtures.test-util';

/** The first screen: pain 8 of 10, so "severe or getting worse" fired, with "limits daily activities". */
const FIRST_SCREEN: TriageResult = {
  level: 'self-care',
  timeframe: null,
  decidingRule: 'NONE',
  triggeredRules: [],
  advisories: ['S2_SEVERE_OR_WORSENING', 'S3_LIMITS_DAILY_ACTIVITIES'],
  gpReviewAdvised: true,
};
const ONLY_S2: TriageResult = { ...FIRST_SCREEN, advisories: ['S2_SEVERE_OR_WORSENING'] };

const day = (d: number) => `2026-03-${String(d).padStart(2, '0')}`;
const reading = (d: number, painNow: number, painWorst24h = painNow, hour = 19) => ({ at: `${day(d)}T${String(hour).padStart(2, '0')}:00:00.000Z`, painNow, painWorst24h });

const data = (over: Partial<AdvisoryData>): AdvisoryData => ({
  triage: ONLY_S2,
  screenedAt: '2026-03-01T08:00:00.000Z',
  checkIns: [],
  date: day(10),
  timeZone: 'UTC',
  ...over,
});

describe('advisories follow the latest data', () => {
  it('a day-10 person at pain 3 and improving no longer sees "severe or getting worse", and no GP suggestion from it', () => {
    const improving = [reading(1, 8, 9, 9), reading(3, 7, 8), reading(5, 6, 7), reading(7, 5, 5), reading(9, 4, 4), reading(10, 3, 4)];
    expect(currentAdvisories(data({ checkIns: improving }))).toEqual([]);
    expect(withCurrentAdvisories(data({ checkIns: improving }))).toMatchObject({ advisories: [], gpReviewAdvised: false });
  });

  it('keeps the answers no check-in asks again (here "limits daily activities") and the GP suggestion with them', () => {
    const result = withCurrentAdvisories(data({ triage: FIRST_SCREEN, checkIns: [reading(10, 3)] }));
    expect(result.advisories).toEqual(['S3_LIMITS_DAILY_ACTIVITIES']);
    expect(result.gpReviewAdvised).toBe(true);
  });

  it('fires when the latest check-in has pain now or worst of 7 or more, and not at 6', () => {
    const none: TriageResult = { ...FIRST_SCREEN, advisories: [], gpReviewAdvised: false };
    expect(currentAdvisories(data({ triage: none, checkIns: [reading(10, 7, 7)] }))).toEqual(['S2_SEVERE_OR_WORSENING']);
    expect(currentAdvisories(data({ triage: none, checkIns: [reading(10, 4, 7)] }))).toEqual(['S2_SEVERE_OR_WORSENING']);
    expect(currentAdvisories(data({ triage: none, checkIns: [reading(10, 6, 6)] }))).toEqual([]);
    expect(withCurrentAdvisories(data({ triage: none, checkIns: [reading(10, 4, 8)] })).gpReviewAdvised).toBe(true);
  });

  it('looks only at the latest check-in for severity: an earlier 8 does not count once pain is 5', () => {
    expect(currentAdvisories(data({ checkIns: [reading(10, 5), reading(9, 8)] }))).toEqual([]);
  });

  it('fires on a worsening trend: pain up 2 points within the last 7 days', () => {
    expect(currentAdvisories(data({ checkIns: [reading(5, 3), reading(10, 5)] }))).toEqual(['S2_SEVERE_OR_WORSENING']);
    expect(currentAdvisories(data({ checkIns: [reading(5, 3, 3), reading(10, 3, 5)] }))).toEqual(['S2_SEVERE_OR_WORSENING']);
    expect(currentAdvisories(data({ checkIns: [reading(5, 3), reading(10, 4)] }))).toEqual([]);
  });

  it('keeps the screen’s own answer until a check-in is made after it', () => {
    expect(currentAdvisories(data({ checkIns: [] }))).toEqual(['S2_SEVERE_OR_WORSENING']);
    expect(currentAdvisories(data({ screenedAt: '2026-03-10T20:00:00.000Z', checkIns: [reading(10, 3)] }))).toEqual(['S2_SEVERE_OR_WORSENING']);
    expect(currentAdvisories(data({ screenedAt: '2026-03-10T18:00:00.000Z', checkIns: [reading(10, 3)] }))).toEqual([]);
  });

  it('lets check-ins raise it even when the screen was answered after them and said nothing of it', () => {
    const none: TriageResult = { ...FIRST_SCREEN, advisories: [], gpReviewAdvised: false };
    const rising = [reading(4, 2), reading(6, 4), reading(9, 7)];
    expect(currentAdvisories(data({ triage: none, screenedAt: '2026-03-10T08:00:00.000Z', checkIns: rising }))).toEqual(['S2_SEVERE_OR_WORSENING']);
  });

  it('does not look past the day asked about', () => {
    expect(currentAdvisories(data({ date: day(4), checkIns: [reading(3, 8), reading(5, 2)] }))).toEqual(['S2_SEVERE_OR_WORSENING']);
  });

  it('never suggests a routine GP visit over an urgent result, but still lists what holds', () => {
    const result = withCurrentAdvisories(data({ triage: URGENT, checkIns: [reading(10, 8)] }));
    expect(result).toMatchObject({ level: 'urgent-doctor', advisories: ['S2_SEVERE_OR_WORSENING'], gpReviewAdvised: false });
  });
});

describe('recent trend worsening', () => {
  it('compares the latest check-in with the earliest of the 7 days ending on the day', () => {
    expect(recentTrendWorsening([reading(4, 3), reading(10, 5)], day(10), 'UTC')).toBe(true);
    // Day 3 is 8 days before day 10: outside the window, and day 10 alone is no trend.
    expect(recentTrendWorsening([reading(3, 3), reading(10, 5)], day(10), 'UTC')).toBe(false);
  });

  it('needs two different days: a rise within one day is not a trend', () => {
    expect(recentTrendWorsening([reading(10, 3, 3, 8), reading(10, 6, 6, 20)], day(10), 'UTC')).toBe(false);
  });

  it('counts a rise from the week’s start even when yesterday was worse', () => {
    expect(recentTrendWorsening([reading(5, 2), reading(8, 6), reading(10, 4)], day(10), 'UTC')).toBe(true);
  });

  it('reads days in the person’s time zone', () => {
    // 23:30 UTC on the 3rd is the 4th in Berlin, so it falls inside the 7 days ending on the 10th there.
    const late = { at: '2026-03-03T23:30:00.000Z', painNow: 3, painWorst24h: 3 };
    expect(recentTrendWorsening([late, reading(10, 5)], day(10), 'Europe/Berlin')).toBe(true);
    expect(recentTrendWorsening([late, reading(10, 5)], day(10), 'UTC')).toBe(false);
  });
});
