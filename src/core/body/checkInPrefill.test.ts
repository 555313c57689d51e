import { describe, expect, it } from 'vitest';
import { checkInPrefill, latestCheckIn, type PrefillSource } from './checkInPrefill';

const START = { regions: ['low-back-center', 'buttock-left'], painNow: 6 };

function saved(at: string, overrides: Partial<PrefillSource> = {}): PrefillSource {
  return { at, painNow: 4, painWorst24h: 6, standStraight: 'partly', walkMinutes: 10, bodyMap: [], ...overrides };
}

describe('where a check-in starts', () => {
  it('before the first check-in: the start’s places at the start’s pain, and nothing to repeat', () => {
    expect(checkInPrefill(START, [])).toEqual({
      map: [
        { region: 'low-back-center', pain: 6, spasm: false },
        { region: 'buttock-left', pain: 6, spasm: false },
      ],
      same: null,
    });
  });

  it('keeps each place’s own pain and spasm from the latest map, and leaves out places that stopped hurting', () => {
    const last = saved('2026-11-23T08:00:00.000Z', {
      bodyMap: [
        { region: 'thigh-back-left', pain: 3, spasm: false },
        { region: 'low-back-center', pain: 5, spasm: true },
        { region: 'neck-back', pain: 0, spasm: false },
        { region: 'tail', pain: 2, spasm: false },
      ],
    });
    expect(checkInPrefill(START, [last]).map).toEqual([
      { region: 'low-back-center', pain: 5, spasm: true },
      { region: 'thigh-back-left', pain: 3, spasm: false },
    ]);
  });

  it('"Same as yesterday" repeats every answer of the latest check-in, with its map, and says nothing is new', () => {
    const older = saved('2026-11-21T08:00:00.000Z', { painNow: 7, painWorst24h: 8, standStraight: 'no', walkMinutes: 0 });
    const last = saved('2026-11-23T08:00:00.000Z', { painNow: 3, painWorst24h: 5, standStraight: 'yes', walkMinutes: 20, bodyMap: [{ region: 'hip-left', pain: 2, spasm: false }] });
    expect(checkInPrefill(START, [last, older]).same).toEqual({
      from: '2026-11-23T08:00:00.000Z',
      painNow: 3,
      painWorst24h: 5,
      standStraight: 'yes',
      walkMinutes: 20,
      regions: [{ region: 'hip-left', pain: 2, spasm: false }],
      anythingNew: false,
    });
  });

  it('the latest is the one for the latest day, whatever order they come in; a back-dated one is not it', () => {
    const today = saved('2026-11-24T08:00:00.000Z');
    const backDated = saved('2026-11-22T20:00:00.000Z');
    expect(latestCheckIn([today, backDated])).toBe(today);
    expect(latestCheckIn([backDated, today])).toBe(today);
    expect(latestCheckIn([])).toBeUndefined();
  });
});
