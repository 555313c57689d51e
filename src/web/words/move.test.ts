import { describe, expect, it } from 'vitest';
import { amountWords, durationWords, overLimitWords, walkSavedWords } from './move';

describe('walk times in minutes and seconds', () => {
  it('says a short walk in seconds, never "0.1 minutes" or "0 minutes"', () => {
    expect(walkSavedWords(45)).toBe('Saved: a 45-second walk.');
    expect(durationWords(45)).toBe('45 s');
    expect(durationWords(0)).toBe('0 s');
  });
  it('says whole minutes plainly and keeps the seconds of the rest', () => {
    expect(walkSavedWords(300)).toBe('Saved: a 5-minute walk.');
    expect(walkSavedWords(390)).toBe('Saved: a walk of 6 min 30 s.');
    expect(durationWords(390)).toBe('6 min 30 s');
    expect(durationWords(600)).toBe('10 min');
    expect(durationWords(3900)).toBe('1 h 5 min');
  });
});

describe('amounts with their unit', () => {
  it('names the unit, singular or plural', () => {
    expect(amountWords(20, 'minutes')).toBe('20 minutes');
    expect(amountWords(1, 'tablets')).toBe('1 tablet');
    expect(amountWords(400, 'mg')).toBe('400 mg');
    expect(amountWords(2, 'applications')).toBe('2 applications');
  });
  it('shows an old entry without a unit as its number alone', () => {
    expect(amountWords(1, null)).toBe('1');
  });
  it('says the label warning in the entry’s unit', () => {
    expect(overLimitWords({ name: 'Ibuprofen', total: 4, dailyMax: 3, unit: 'tablets' })).toContain('logged 4 tablets of Ibuprofen. The most your label allows in a day is 3 tablets.');
  });
});
