import { describe, expect, it } from 'vitest';
import { psfsChange, psfsScore } from './psfs';

describe('PSFS', () => {
  it('scores the mean of the ratings', () => {
    expect(psfsScore([2, 4, 9])).toBe(5);
    expect(psfsScore([])).toBeNull();
  });
  it.each([
    [3, 4.2, false, false],
    [3, 4.3, true, false],
    [3, 5.2, true, false],
    [3, 5.3, true, true],
    [6, 4, false, false],
  ])('%d → %d: small %s, medium %s (Abbott & Schmitt 2014)', (baseline, follow, small, medium) => {
    expect(psfsChange(baseline, follow)).toMatchObject({ meetsSmall: small, meetsMedium: medium });
  });
});
