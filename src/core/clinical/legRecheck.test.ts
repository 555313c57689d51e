import { describe, expect, it } from 'vitest';
import { isLegRegion, legRescreen, newLegPain, previousBodyMap, type ScreenCheckIn } from './legRecheck';

const START = { regions: ['low-back-center'], painNow: 6, screenedAt: '2026-11-20T09:00:00.000Z' };

function checkIn(at: string, bodyMap: ScreenCheckIn['bodyMap'], screenedAt: string | null = null, recordedAt = at): ScreenCheckIn {
  return { at, recordedAt, bodyMap, screenedAt };
}

describe('which places are leg places', () => {
  it('thighs, knees, shins, calves and feet are; back, buttocks, hips, groin and arms are not', () => {
    for (const id of ['thigh-back-left', 'thigh-front-right', 'knee-left', 'shin-right', 'calf-left', 'foot-right'] as const) expect(isLegRegion(id)).toBe(true);
    for (const id of ['low-back-center', 'buttock-left', 'hip-right', 'groin', 'arm-left', 'neck-back'] as const) expect(isLegRegion(id)).toBe(false);
  });
});

describe('new leg pain', () => {
  const previous = [
    { region: 'low-back-center', pain: 6 },
    { region: 'thigh-back-left', pain: 2 },
    { region: 'calf-right', pain: 0 },
  ];
  it('is a leg place that hurts now and did not hurt (or was at 0) before', () => {
    expect(
      newLegPain(previous, [
        { region: 'low-back-center', pain: 6 },
        { region: 'thigh-back-left', pain: 5 },
        { region: 'foot-left', pain: 1 },
        { region: 'calf-right', pain: 3 },
        { region: 'hip-left', pain: 4 },
        { region: 'shin-left', pain: 0 },
        { region: 'tail', pain: 5 },
      ]),
    ).toEqual(['calf-right', 'foot-left']);
  });
  it('is nothing when the leg hurt before too, more or less', () => {
    expect(newLegPain(previous, [{ region: 'thigh-back-left', pain: 7 }])).toEqual([]);
    expect(newLegPain([], [{ region: 'knee-right', pain: 2 }])).toEqual(['knee-right']);
  });
});

describe('the map a check-in is compared with', () => {
  it('is the start’s places at its pain before any check-in', () => {
    expect(previousBodyMap(START, [])).toEqual([{ region: 'low-back-center', pain: 6 }]);
  });
  it('is the latest check-in’s map, or the latest one up to a back-dated day', () => {
    const a = checkIn('2026-11-21T20:00:00.000Z', [{ region: 'hip-left', pain: 3 }]);
    const b = checkIn('2026-11-23T08:00:00.000Z', [{ region: 'calf-left', pain: 2 }]);
    expect(previousBodyMap(START, [b, a])).toEqual([{ region: 'calf-left', pain: 2 }]);
    expect(previousBodyMap(START, [b, a], '2026-11-22T20:00:00.000Z')).toEqual([{ region: 'hip-left', pain: 3 }]);
    expect(previousBodyMap(START, [b, a], '2026-11-20T20:00:00.000Z')).toEqual([{ region: 'low-back-center', pain: 6 }]);
  });
});

describe('does the episode need a re-screen?', () => {
  it('no, while no leg place newly hurts', () => {
    expect(legRescreen(START, [])).toEqual({ needed: false });
    expect(legRescreen(START, [checkIn('2026-11-21T08:00:00.000Z', [{ region: 'low-back-center', pain: 5 }, { region: 'buttock-left', pain: 3 }])])).toEqual({ needed: false });
  });

  it('yes, after a check-in with new pain in a calf and no safety answers', () => {
    const c = checkIn('2026-11-21T08:00:00.000Z', [{ region: 'low-back-center', pain: 5 }, { region: 'calf-left', pain: 3 }]);
    expect(legRescreen(START, [c])).toEqual({ needed: true, reason: 'new_leg_pain', regions: ['calf-left'] });
  });

  it('no, when that check-in carried safety answers of its own', () => {
    const c = checkIn('2026-11-21T08:00:00.000Z', [{ region: 'calf-left', pain: 3 }], '2026-11-21T08:00:00.000Z');
    expect(legRescreen(START, [c])).toEqual({ needed: false });
  });

  it('stays needed on later check-ins without answers, even when the leg pain is no longer new', () => {
    const first = checkIn('2026-11-21T08:00:00.000Z', [{ region: 'calf-left', pain: 3 }]);
    const second = checkIn('2026-11-22T08:00:00.000Z', [{ region: 'calf-left', pain: 3 }]);
    const third = checkIn('2026-11-23T08:00:00.000Z', [{ region: 'low-back-center', pain: 2 }]);
    expect(legRescreen(START, [first, second, third])).toEqual({ needed: true, reason: 'new_leg_pain', regions: ['calf-left'] });
  });

  it('ends with the next safety answers, on any later check-in', () => {
    const first = checkIn('2026-11-21T08:00:00.000Z', [{ region: 'calf-left', pain: 3 }, { region: 'thigh-front-right', pain: 2 }]);
    const answered = checkIn('2026-11-22T08:00:00.000Z', [{ region: 'calf-left', pain: 3 }], '2026-11-22T08:00:00.000Z');
    expect(legRescreen(START, [first])).toEqual({ needed: true, reason: 'new_leg_pain', regions: ['calf-left', 'thigh-front-right'] }); // the canonical order: back view first
    expect(legRescreen(START, [first, answered])).toEqual({ needed: false });
  });

  it('counts answers given after the leg pain was recorded, even on a check-in for an earlier day', () => {
    const legs = checkIn('2026-11-22T08:00:00.000Z', [{ region: 'knee-left', pain: 4 }]);
    const backDated = checkIn('2026-11-21T20:00:00.000Z', [{ region: 'low-back-center', pain: 5 }], '2026-11-22T10:00:00.000Z', '2026-11-22T10:00:00.000Z');
    expect(legRescreen(START, [legs, backDated])).toEqual({ needed: false });
  });

  it('does not count answers given before the leg pain was recorded', () => {
    // Answered at 09:00 on the 21st; the same check-in was changed at 12:00 to add a painful shin.
    const changed = checkIn('2026-11-21T08:00:00.000Z', [{ region: 'shin-right', pain: 3 }], '2026-11-21T09:00:00.000Z', '2026-11-21T12:00:00.000Z');
    expect(legRescreen(START, [changed])).toEqual({ needed: true, reason: 'new_leg_pain', regions: ['shin-right'] });
  });

  it('does not count the start’s answers given at the very instant the leg pain was recorded: only later ones', () => {
    const sameInstant = checkIn('2026-11-20T09:00:00.000Z', [{ region: 'calf-left', pain: 3 }]);
    expect(legRescreen(START, [sameInstant]).needed).toBe(true);
  });

  it('compares each check-in with the one before it by day, and the first with the start', () => {
    const startWithThigh = { ...START, regions: ['low-back-center', 'thigh-back-right'] };
    expect(legRescreen(startWithThigh, [checkIn('2026-11-21T08:00:00.000Z', [{ region: 'thigh-back-right', pain: 4 }])])).toEqual({ needed: false });
  });
});
