import { describe, expect, it } from 'vitest';
import { dayAndMonth, longDateWords, weekdayName } from './calendarWords';
import { addDays } from './time';

describe('dates in words', () => {
  it('agree with Intl for every day of several years, either side of the epoch', () => {
    const intl = new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' });
    for (let date = '1968-12-25'; date < '1973-01-10'; date = addDays(date, 1)) expect(longDateWords(date)).toBe(intl.format(new Date(`${date}T12:00:00Z`)));
    for (let date = '2024-01-01'; date < '2029-01-01'; date = addDays(date, 3)) expect(longDateWords(date)).toBe(intl.format(new Date(`${date}T12:00:00Z`)));
  });

  it('name the parts', () => {
    expect(weekdayName('2026-12-02')).toBe('Wednesday');
    expect(dayAndMonth('2026-03-07')).toBe('7 March');
    expect(longDateWords('2024-02-29')).toBe('Thursday 29 February');
  });

  it('refuse what is not a date', () => {
    expect(() => longDateWords('2026-02-30')).toThrow(RangeError);
    expect(() => dayAndMonth('soon')).toThrow(RangeError);
  });
});
