import { describe, expect, it } from 'vitest';
import { addDays, adoptZoneOffsetTable, dayNumber, dayRange, daysBetween, instantMs, isIsoDate, localDate, localDayAt, toLocalDate, zoneOffsetMinutes, zoneOffsetTable, type ZoneOffsetTable } from './time';

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

describe('quick paths', () => {
  // What localDate and instantMs computed before their quick paths: every part from Intl, every instant from Date.parse.
  const formatters = new Map<string, Intl.DateTimeFormat>();
  const byParts = (ms: number, timeZone: string) => {
    const options = { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', calendar: 'gregory', numberingSystem: 'latn' } as const;
    const f = formatters.get(timeZone) ?? new Intl.DateTimeFormat('en-US', options);
    formatters.set(timeZone, f);
    const parts = f.formatToParts(ms);
    const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
    return `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`;
  };
  const zones = ['UTC', 'Europe/London', 'America/New_York', 'Asia/Kolkata', 'Pacific/Chatham', 'Pacific/Kiritimati', 'Pacific/Apia', 'America/Sitka', 'Asia/Manila', 'Australia/Lord_Howe', 'Etc/GMT+12'];

  it('localDate agrees with Intl formatToParts, around clock changes, date-line moves and old local mean times', () => {
    const starts = [Date.UTC(2011, 11, 28), Date.UTC(2024, 2, 8), Date.UTC(2024, 9, 25), Date.UTC(1867, 9, 16), Date.UTC(1844, 11, 28), Date.UTC(1599, 11, 25), Date.parse('0100-01-01T00:00:00Z')];
    for (const timeZone of zones) {
      for (const start of starts) {
        for (let ms = start; ms < start + 8 * 86_400_000; ms += 37 * 60_000) {
          expect(localDate(new Date(ms).toISOString(), timeZone)).toBe(byParts(ms, timeZone));
          expect(localDayAt(ms, timeZone)).toBe(dayNumber(byParts(ms, timeZone)));
        }
      }
    }
  });

  it('instantMs agrees with Date.parse, and refuses what it refused', () => {
    for (let ms = Date.parse('0000-03-01T00:00:00Z'); ms < Date.parse('9999-12-31T00:00:00Z'); ms += 23_333_333_333 + 123) {
      const iso = new Date(ms).toISOString();
      expect(instantMs(iso)).toBe(Date.parse(iso));
    }
    const zoned = ['2024-03-10T10:00Z', '2024-03-10T10:00:00+02:00', '2024-03-10T10:00:00.5Z', '2024-03-10t10:00:00.000z'];
    const odd = ['2024-02-30T10:00:00.000Z', '2023-02-29T10:00:00.000Z', '2024-03-10T24:00:00.000Z'];
    for (const instant of [...zoned, ...odd]) expect(instantMs(instant)).toBe(Date.parse(instant));
    for (const bad of ['2024-13-01T10:00:00.000Z', '2024-03-10T10:60:00.000Z', '2024-03-10T10:00:60.000Z', '2024-03-10T10:00:00.000', '2024-03-10 10:00:00.000Z']) {
      expect(() => instantMs(bad)).toThrow(RangeError);
    }
  });
});

describe('zone offset tables', () => {
  const formats = new Map<string, Intl.DateTimeFormat>();
  const wallClock = (ms: number, timeZone: string) => {
    const format = formats.get(timeZone) ?? new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formats.set(timeZone, format);
    const parts = format.formatToParts(ms);
    const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
    return Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second')) - Math.floor(ms / 1000) * 1000;
  };

  it('finds each clock change to the millisecond', () => {
    const table = zoneOffsetTable('Europe/London', Date.UTC(2024, 0, 1), Date.UTC(2025, 0, 1));
    expect(table.changes).toEqual([
      [Date.UTC(2024, 0, 1), 0],
      [Date.UTC(2024, 2, 31, 1), 3_600_000],
      [Date.UTC(2024, 9, 27, 1), 0],
    ]);
    expect(zoneOffsetTable('UTC', Date.UTC(2024, 0, 1), Date.UTC(2026, 0, 1)).changes).toHaveLength(1);
  });

  it('gives what Intl gives for every instant it covers, and Intl answers past its ends', () => {
    const zones = ['Europe/London', 'America/New_York', 'Australia/Lord_Howe', 'Pacific/Chatham', 'America/Sao_Paulo', 'Asia/Kolkata', 'Africa/Casablanca'];
    const from = Date.UTC(2018, 0, 1);
    const to = Date.UTC(2021, 0, 1);
    for (const timeZone of zones) {
      const table = zoneOffsetTable(timeZone, from, to);
      adoptZoneOffsetTable(table);
      // Every 97 minutes and a second, and a minute either side of each change, and some instants outside the table.
      const probes: number[] = [];
      for (let ms = from - 3 * 86_400_000; ms < to + 3 * 86_400_000; ms += 97 * 60_000 + 1000) probes.push(ms);
      for (const [at] of table.changes) probes.push(at - 60_000, at - 1, at, at + 1, at + 60_000);
      for (const ms of probes) {
        expect(zoneOffsetMinutes(ms, timeZone) * 60_000).toBe(Math.round(wallClock(ms, timeZone) / 60_000) * 60_000);
        expect(localDayAt(ms, timeZone)).toBe(Math.floor((ms + wallClock(ms, timeZone)) / 86_400_000));
      }
    }
  });

  it('ignores a table that is not well formed, and trusts one that is', () => {
    const good = zoneOffsetTable('Asia/Tokyo', Date.UTC(2024, 0, 1), Date.UTC(2024, 1, 1));
    const at = Date.UTC(2024, 0, 10);
    for (const bad of [{ ...good, changes: [] }, { ...good, from: good.to }, { ...good, changes: [[good.from + 1, 0]] }, { ...good, changes: [[good.from, 0], [good.from, 0]] }, { ...good, to: Number.NaN }]) {
      adoptZoneOffsetTable(bad as ZoneOffsetTable);
      expect(zoneOffsetMinutes(at, 'Asia/Tokyo')).toBe(540);
    }
    adoptZoneOffsetTable({ ...good, changes: [[good.from, 0]] });
    expect(zoneOffsetMinutes(at, 'Asia/Tokyo')).toBe(0);
    adoptZoneOffsetTable(good);
    expect(zoneOffsetMinutes(at, 'Asia/Tokyo')).toBe(540);
  });
});
