import { describe, expect, it } from 'vitest';
import { bucketIndexer, DAILY_POINT_DAYS, MAX_SERIES_POINTS, seriesBuckets } from './buckets';

const covered = (b: { first: number; days: number }[]) => b.reduce((s, x) => s + x.days, 0);

describe('series buckets', () => {
  it('a short episode is a point a day', () => {
    const b = seriesBuckets(100, 120);
    expect(b).toHaveLength(21);
    expect(b.every((x) => x.days === 1)).toBe(true);
    expect(b[0]).toEqual({ first: 100, days: 1 });
  });

  it('a year: 84 days, then weeks, the oldest cut at the first day', () => {
    const b = seriesBuckets(0, 364);
    expect(covered(b)).toBe(365);
    expect(b.slice(-DAILY_POINT_DAYS).every((x) => x.days === 1)).toBe(true);
    expect(b.slice(0, -DAILY_POINT_DAYS).every((x) => x.days <= 7)).toBe(true);
    expect(b[0]?.first).toBe(0);
    expect(b.length).toBeLessThanOrEqual(MAX_SERIES_POINTS);
  });

  it.each([400, 1_000, 1_365, 10_000, 100_000])('%i days: contiguous, in order, and never more than the most points', (n) => {
    const b = seriesBuckets(0, n - 1);
    expect(covered(b)).toBe(n);
    expect(b.length).toBeLessThanOrEqual(MAX_SERIES_POINTS);
    for (let i = 1; i < b.length; i++) expect(b[i]?.first).toBe((b[i - 1]?.first ?? 0) + (b[i - 1]?.days ?? 0));
    expect(b.filter((x) => x.days > 7).every((x, i, all) => i === 0 || x.days % 28 === 0 || all.length === 1)).toBe(true);
  });

  it('finds the bucket of a day', () => {
    const b = seriesBuckets(0, 400);
    const at = bucketIndexer(b);
    expect(at(400)).toBe(b.length - 1);
    expect(at(0)).toBe(0);
    expect(at(-1)).toBe(-1);
    const i = at(200);
    expect(b[i]!.first <= 200 && 200 < b[i]!.first + b[i]!.days).toBe(true);
  });
});
