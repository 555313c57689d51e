import { describe, expect, it } from 'vitest';
import { compareWithTypical, typicalPain } from './expectation';

describe('typical course (Menezes Costa 2012)', () => {
  it('passes through the published points, scaled to the starting pain', () => {
    expect(typicalPain(10, 0)).toBeCloseTo(10);
    expect(typicalPain(10, 6)).toBeCloseTo((10 * 23) / 52);
    expect(typicalPain(10, 26)).toBeCloseTo((10 * 12) / 52);
    expect(typicalPain(10, 80)).toBeCloseTo((10 * 6) / 52);
  });
  it('interpolates between them', () => {
    expect(typicalPain(8, 3)).toBeCloseTo((8 * (52 + 23) / 2) / 52);
  });
  it('compares a person with the typical line', () => {
    expect(compareWithTypical(8, 6, 1)).toBe('ahead');
    expect(compareWithTypical(8, 6, 3.5)).toBe('as-usual');
    expect(compareWithTypical(8, 6, 7)).toBe('slower');
  });
});
