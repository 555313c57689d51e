import { describe, expect, it } from 'vitest';
import { addDays } from '../time';
import { checkIn, planInput, sessionLog } from './fixtures.test-util';
import { FLARE_RISE_POINTS, detectFlares, usualMorningPain } from './flare';
import { collectHistory } from './history';
import type { PlanInput } from './types';

const ONSET = '2024-03-01';
const day = (n: number) => addDays(ONSET, n);
const flares = (input: Partial<PlanInput>) => detectFlares(collectHistory(planInput({ date: day(10), ...input })));

describe('flare: worst pain clearly up on the previous check-in', () => {
  it('counts 2 points as clearly up', () => {
    expect(FLARE_RISE_POINTS).toBe(2);
  });

  it.each([
    [4, 5, false],
    [4, 6, true],
    [4, 9, true],
    [6, 4, false],
  ])('worst %i then %i → flare: %s', (a, b, expected) => {
    const found = flares({ checkIns: [checkIn(day(0), { painNow: 3, painWorst24h: a }), checkIn(day(1), { painNow: 3, painWorst24h: b })] });
    expect(found.some((f) => f.kind === 'pain-rise' && f.date === day(1))).toBe(expected);
  });

  it('compares with the previous check-in day, not with an earlier check-in the same day', () => {
    const checkIns = [checkIn(day(0), { painNow: 2, painWorst24h: 4 }), checkIn(day(1), { painNow: 2, painWorst24h: 2, hour: 8 }), checkIn(day(1), { painNow: 2, painWorst24h: 5, hour: 20 })];
    expect(flares({ checkIns })).toEqual([]);
  });
});

describe('flare: session pain above 5/10', () => {
  it.each([
    [{ painDuring: 5, painAfter: 5 }, false],
    [{ painDuring: 6, painAfter: 2 }, true],
    [{ painDuring: 2, painAfter: 6 }, true],
  ])('%o → flare: %s', (pain, expected) => {
    expect(flares({ sessions: [sessionLog(day(2), pain)] }).some((f) => f.kind === 'session-pain')).toBe(expected);
  });

  it('belongs to the local day the session ended on', () => {
    const late = { ...sessionLog(day(2), { painAfter: 7 }), startedAt: `${day(2)}T23:00:00Z`, endedAt: `${day(2)}T23:30:00Z` };
    const found = detectFlares(collectHistory(planInput({ date: day(5), timeZone: 'Europe/Madrid', sessions: [late] })));
    expect(found.map((f) => f.date)).toEqual([day(3)]);
  });
});

describe('flare: pain not settled by the next morning', () => {
  const mornings = [0, 1, 2, 3].map((i) => checkIn(day(i), { painNow: 3, painWorst24h: 3, hour: 8 }));

  it.each([
    ['above the usual morning pain after a session', 4, true, true],
    ['equal to the usual morning pain', 3, true, false],
    ['above usual, but no session the day before', 4, false, false],
  ])('%s → flare: %s', (_name, painNow, sessionBefore, expected) => {
    const checkIns = [...mornings, checkIn(day(4), { painNow, painWorst24h: 4, hour: 8 })];
    const sessions = sessionBefore ? [sessionLog(day(3))] : [];
    expect(flares({ checkIns, sessions }).some((f) => f.kind === 'not-settled' && f.date === day(4))).toBe(expected);
  });

  it('takes the usual morning pain as the upper median of the last week of first check-ins', () => {
    const checkIns = [5, 4, 4, 3, 2].map((p, i) => checkIn(day(i), { painNow: p, hour: 7 }));
    const history = collectHistory(planInput({ date: day(5), checkIns: [...checkIns, checkIn(day(0), { painNow: 9, hour: 22 })] }));
    expect(usualMorningPain(history, day(5))).toBe(4);
    expect(usualMorningPain(history, day(0))).toBeNull();
  });
});
