import { describe, expect, it } from 'vitest';
import { addDays, dayNumber, dayRange, daysBetween, instantMs, isIsoDate, localDate, toLocalDate } from './dates';

describe('localDate', () => {
  it.each([
    ['2024-03-10T23:30:00Z', 'UTC', '2024-03-10'],
    ['2024-03-10T23:30:00Z', 'Europe/Madrid', '2024-03-11'],
    ['2024-03-11T03:59:00Z', 'America/New_York', '2024-03-10'],
    ['2024-03-11T04:00:00Z', 'America/New_York', '2024-03-11'],
    ['2024-03-10T11:00:00Z', 'Pacific/Auckland', '2024-03-11'],
    ['2024-03-10T18:00:00+02:00', 'UTC', '2024-03-10'],
    ['2024-03-10T01:00:00+02:00', 'UTC', '2024-03-09'],
    // The night of a clock change: 2024-03-31 02:00 in Madrid jumps to 03:00.
    ['2024-03-31T00:30:00Z', 'Europe/Madrid', '2024-03-31'],
    ['2024-03-30T22:59:00Z', 'Europe/Madrid', '2024-03-30'],
    ['2024-03-30T23:00:00Z', 'Europe/Madrid', '2024-03-31'],
  ])('%s in %s is %s', (instant, zone, expected) => {
    expect(localDate(instant, zone)).toBe(expected);
  });

  it('refuses an instant without a zone, which would depend on the machine', () => {
    expect(() => instantMs('2024-03-10T10:00:00')).toThrow(RangeError);
    expect(() => localDate('yesterday', 'UTC')).toThrow(RangeError);
  });

  it('refuses an unknown time zone', () => {
    expect(() => localDate('2024-03-10T10:00:00Z', 'Mars/Olympus')).toThrow(RangeError);
  });
});

describe('day arithmetic', () => {
  it('adds days across months, years and leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-02-29', 1)).toBe('2024-03-01');
    expect(addDays('2023-12-31', 1)).toBe('2024-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });

  it('counts days between dates', () => {
    expect(daysBetween('2024-03-01', '2024-03-29')).toBe(28);
    expect(daysBetween('2024-03-29', '2024-03-01')).toBe(-28);
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(dayRange('2024-02-28', '2024-03-01')).toEqual(['2024-02-28', '2024-02-29', '2024-03-01']);
    expect(dayRange('2024-03-02', '2024-03-01')).toEqual([]);
  });

  it('validates calendar dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2024-3-1')).toBe(false);
    expect(() => addDays('2024-13-01', 1)).toThrow(RangeError);
  });

  it('reads a day given as a date or as an instant', () => {
    expect(toLocalDate('2024-03-01', 'Asia/Tokyo')).toBe('2024-03-01');
    expect(toLocalDate('2024-02-29T20:00:00Z', 'Asia/Tokyo')).toBe('2024-03-01');
  });
});

describe('day numbers', () => {
  it('agree with the built-in calendar over a long range', () => {
    for (let n = -700_000; n < 700_000; n += 211) {
      const iso = new Date(n * 86_400_000).toISOString().slice(0, 10);
      expect(dayNumber(iso)).toBe(n);
      expect(addDays('1970-01-01', n)).toBe(iso);
      expect(isIsoDate(iso)).toBe(true);
    }
  });
});
