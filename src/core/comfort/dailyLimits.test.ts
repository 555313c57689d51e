import { describe, expect, it } from 'vitest';
import { overDailyLimits, type ComfortEntry } from './dailyLimits';

const tablet = (at: string, amount: number, dailyMax: number | null = 4, name = 'Pain relief'): ComfortEntry => ({ kind: 'tablet', name, amount, dailyMax, at });

describe('overDailyLimits', () => {
  it('is quiet at or under the label maximum', () => {
    expect(overDailyLimits([tablet('2026-11-24T08:00:00Z', 2), tablet('2026-11-24T14:00:00Z', 2)], 'UTC')).toEqual([]);
  });
  it('warns when one day goes over, naming the product and totals', () => {
    const entries = [tablet('2026-11-24T08:00:00Z', 2), tablet('2026-11-24T14:00:00Z', 2), tablet('2026-11-24T20:00:00Z', 1, null, ' pain RELIEF')];
    expect(overDailyLimits(entries, 'UTC')).toEqual([{ name: 'Pain relief', date: '2026-11-24', total: 5, dailyMax: 4, unit: null }]);
  });
  it('counts days in the person’s time zone', () => {
    // 23:30 UTC on the 23rd is already the 24th in Madrid.
    const entries = [tablet('2026-11-23T23:30:00Z', 3), tablet('2026-11-24T10:00:00Z', 2)];
    expect(overDailyLimits(entries, 'UTC')).toEqual([]);
    expect(overDailyLimits(entries, 'Europe/Madrid')).toEqual([{ name: 'Pain relief', date: '2026-11-24', total: 5, dailyMax: 4, unit: null }]);
  });
  it('says nothing when no maximum was entered', () => {
    expect(overDailyLimits([tablet('2026-11-24T08:00:00Z', 20, null)], 'UTC')).toEqual([]);
  });
  it('never adds amounts in different units: 2 tablets and 400 mg are counted apart', () => {
    const entries = [
      { ...tablet('2026-11-24T08:00:00Z', 2, 3), unit: 'tablets' as const },
      { ...tablet('2026-11-24T09:00:00Z', 400, 1200), unit: 'mg' as const },
      { ...tablet('2026-11-24T12:00:00Z', 2, 3), unit: 'tablets' as const },
    ];
    expect(overDailyLimits(entries, 'UTC')).toEqual([{ name: 'Pain relief', date: '2026-11-24', total: 4, dailyMax: 3, unit: 'tablets' }]);
  });
  it('keeps products apart', () => {
    const entries = [tablet('2026-11-24T08:00:00Z', 3), tablet('2026-11-24T09:00:00Z', 3, 4, 'Other tablets')];
    expect(overDailyLimits(entries, 'UTC')).toEqual([]);
  });
});
