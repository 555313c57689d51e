import { describe, expect, it } from 'vitest';
import { nprsBand, painChange } from './pain';

describe('nprsBand', () => {
  it.each([
    [0, 'none'], [1, 'mild'], [3, 'mild'], [4, 'moderate'], [6, 'moderate'], [7, 'severe'], [10, 'severe'],
  ] as const)('%i is %s', (n, band) => expect(nprsBand(n)).toBe(band));
});

describe('painChange (Ostelo 2008: ≥ 2 points or ≥ 30 %)', () => {
  it('7 → 5 meets the absolute threshold but not the relative one', () => {
    expect(painChange(7, 5)).toEqual({ change: 2, percentChange: (2 / 7) * 100, meetsAbsolute: true, meets30Percent: false });
  });
  it('3 → 2 meets the relative threshold but not the absolute one', () => {
    const r = painChange(3, 2);
    expect(r.meetsAbsolute).toBe(false);
    expect(r.meets30Percent).toBe(true);
  });
  it('10 → 7 meets both (exactly 30 %)', () => {
    expect(painChange(10, 7)).toMatchObject({ change: 3, meetsAbsolute: true, meets30Percent: true });
  });
  it('a baseline of 0 has no relative change', () => {
    expect(painChange(0, 2)).toEqual({ change: -2, percentChange: null, meetsAbsolute: false, meets30Percent: false });
  });
  it('worsening is a negative change', () => {
    expect(painChange(4, 6)).toMatchObject({ change: -2, meetsAbsolute: false, meets30Percent: false });
  });
});
