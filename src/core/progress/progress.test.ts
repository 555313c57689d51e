import { describe, expect, it } from 'vitest';
import { buildProgress, type ProgressInput } from './progress';
import { EXERCISES } from '../exercises';
import { triage } from '../clinical';
import { calmAnswers } from '../clinical/fixtures';
import type { CheckInData } from '../plan/types';

function input(checkIns: CheckInData[], overrides: Partial<ProgressInput> = {}, timeZone = 'UTC', date = '2026-11-24'): ProgressInput {
  return {
    plan: {
      date,
      timeZone,
      episode: { onsetDate: '2026-11-03', regions: ['low-back-center'], painNow: 8, triage: triage(calmAnswers()), clinicianSeenAt: null },
      checkIns,
      sessions: [],
      movements: [
        { kind: 'walk', startedAt: '2026-11-10T10:00:00Z', minutes: 5 },
        { kind: 'walk', startedAt: '2026-11-10T15:00:00Z', minutes: 7 },
        { kind: 'stand-break', startedAt: '2026-11-10T11:00:00Z', minutes: 1 },
      ],
      muscleNotes: [],
      preferences: { styles: ['general'], sessionMinutes: 10 },
    },
    bodyMaps: checkIns.map((c) => ({ at: c.at, map: c.regions.map((region) => ({ region, pain: c.painNow, spasm: false })) })),
    functionGoals: [],
    ...overrides,
  };
}

const checkIn = (day: string, painNow: number, painWorst24h: number, regions: CheckInData['regions'] = ['low-back-center']): CheckInData => ({
  id: day,
  at: `${day}T08:00:00.000Z`,
  painNow,
  painWorst24h,
  standStraight: painNow > 6 ? 'no' : 'yes',
  walkMinutes: painNow > 6 ? 0 : 20,
  regions,
});

describe('buildProgress', () => {
  const checkIns = [checkIn('2026-11-03', 7, 8), checkIn('2026-11-10', 5, 6), checkIn('2026-11-17', 3, 4, ['low-back-center', 'thigh-back-right']), checkIn('2026-11-24', 3, 4, ['low-back-center', 'thigh-back-right'])];

  it('has one entry per day from onset, with gaps where nothing was logged', () => {
    const p = buildProgress(input(checkIns), EXERCISES);
    expect(p.pain).toHaveLength(22);
    expect(p.pain[0]).toMatchObject({ date: '2026-11-03', painNow: 7, painWorst: 8, band: 'severe' });
    expect(p.pain[1]).toMatchObject({ date: '2026-11-04', painNow: null, painWorst: null, band: null });
    expect(p.activity.find((d) => d.date === '2026-11-10')).toMatchObject({ walkMinutes: 12, standBreaks: 1 });
  });

  it('marks a clinically important change and says so in plain words', () => {
    const p = buildProgress(input(checkIns), EXERCISES);
    expect(p.worstChange).toMatchObject({ from: 8, to: 4, meetsAbsolute: true, meets30Percent: true });
    expect(p.summary[0]).toBe('Your worst pain has dropped from 8 to 4 since the 3rd: that is a real improvement.');
  });

  it('does not call a small change a real improvement', () => {
    const p = buildProgress(input([checkIn('2026-11-03', 6, 7), checkIn('2026-11-24', 5, 6)]), EXERCISES);
    expect(p.worstChange).toMatchObject({ meetsAbsolute: false, meets30Percent: false });
    expect(p.summary[0]).toMatch(/^Your worst pain has dropped from 7 to 6 since the 3rd\. It is a start/);
  });

  it('names pain that has travelled, and asks about the legs', () => {
    const p = buildProgress(input(checkIns), EXERCISES);
    expect(p.relatedPains.map((r) => r.region)).toEqual(['thigh-back-right']);
    expect(p.askAboutLegs).toBe(true);
    expect(p.summary).toContain('Pain has appeared in the back of your right thigh since 17 November.');
  });

  it('says nothing about travelling pain when the new place is on one check-in only', () => {
    const once = [checkIn('2026-11-03', 7, 8), checkIn('2026-11-10', 5, 6), checkIn('2026-11-24', 3, 4, ['low-back-center', 'thigh-back-right'])];
    const p = buildProgress(input(once), EXERCISES);
    expect(p.relatedPains).toEqual([]);
    expect(p.summary.join(' ')).not.toMatch(/thigh/);
  });

  it('groups the body map by week from onset', () => {
    const p = buildProgress(input(checkIns), EXERCISES);
    expect(p.bodyMapByWeek.map((w) => w.weekStart)).toEqual(['2026-11-03', '2026-11-10', '2026-11-17', '2026-11-24']);
  });

  it('counts days in the person’s time zone', () => {
    const late = [{ ...checkIn('2026-11-09', 6, 7), at: '2026-11-09T23:30:00.000Z' }];
    expect(buildProgress(input(late, {}, 'UTC'), EXERCISES).pain.find((d) => d.painNow !== null)?.date).toBe('2026-11-09');
    expect(buildProgress(input(late, {}, 'Asia/Tokyo'), EXERCISES).pain.find((d) => d.painNow !== null)?.date).toBe('2026-11-10');
  });

  it('follows the function goals and their mean, with the published minimal important difference', () => {
    const goals = [
      { id: 'a', activity: 'Put on socks', ratings: [{ date: '2026-11-03', rating: 2 }, { date: '2026-11-17', rating: 6 }] },
      { id: 'b', activity: 'Carry shopping', ratings: [{ date: '2026-11-03', rating: 4 }, { date: '2026-11-17', rating: 5 }] },
    ];
    const p = buildProgress(input(checkIns, { functionGoals: goals }), EXERCISES);
    expect(p.functionMean).toEqual([{ date: '2026-11-03', score: 3 }, { date: '2026-11-17', score: 5.5 }]);
    expect(p.functionChange).toMatchObject({ meetsSmall: true, meetsMedium: true });
    expect(p.functionGoals[1]?.change).toMatchObject({ meetsSmall: false });
  });

  it('shows the stage timeline with a reason for each change', () => {
    const p = buildProgress(input(checkIns), EXERCISES);
    expect(p.stages.length).toBeGreaterThan(1);
    expect(p.stages[0]).toMatchObject({ date: '2026-11-03', from: null });
    for (const s of p.stages) expect(s.reason.text.length).toBeGreaterThan(10);
  });

  it('compares with the usual course only after 3 check-ins over 5 days or more', () => {
    const one = buildProgress(input([checkIn('2026-11-24', 5, 6)]), EXERCISES);
    expect(one.expectation.comparison).toBeNull();
    expect(one.expectation.text).not.toMatch(/following the usual course/);
    expect(one.expectation.text).toMatch(/After a few more check-ins/);
    const overFourDays = buildProgress(input([checkIn('2026-11-21', 5, 6), checkIn('2026-11-22', 5, 6), checkIn('2026-11-24', 5, 6)]), EXERCISES);
    expect(overFourDays.expectation.comparison).toBeNull();
    const twoOverAWeek = buildProgress(input([checkIn('2026-11-17', 5, 6), checkIn('2026-11-24', 5, 6)]), EXERCISES);
    expect(twoOverAWeek.expectation.comparison).toBeNull();
    // Starting at 5/10, three weeks after onset the usual course is about 3.6 (Menezes Costa: 52 → 37.5 of 100), so 4 is "as usual", 2 "ahead".
    const overFiveDays = buildProgress(input([checkIn('2026-11-20', 5, 6), checkIn('2026-11-22', 4, 6), checkIn('2026-11-24', 4, 6)]), EXERCISES);
    expect(overFiveDays.expectation.comparison).toBe('as-usual');
    expect(overFiveDays.expectation.text).toMatch(/^Your pain is following the usual course/);
    expect(buildProgress(input([checkIn('2026-11-20', 5, 6), checkIn('2026-11-22', 3, 4), checkIn('2026-11-24', 2, 3)]), EXERCISES).expectation.comparison).toBe('ahead');
  });

  it('says what helped, from the person’s own answers', () => {
    const comfort = [
      { kind: 'heat' as const, name: 'Hot water bottle', at: '2026-11-20T09:00:00Z', helped: 'yes' as const },
      { kind: 'tablet' as const, name: 'Ibuprofen', at: '2026-11-20T09:00:00Z', helped: 'no' as const },
      { kind: 'cold' as const, name: 'Cold pack', at: '2026-11-21T09:00:00Z', helped: null },
    ];
    const p = buildProgress(input(checkIns, { comfort }), EXERCISES);
    expect(p.whatHelped).toEqual([
      { name: 'Hot water bottle', kind: 'heat', yes: 1, aLittle: 0, no: 0 },
      { name: 'Ibuprofen', kind: 'tablet', yes: 0, aLittle: 0, no: 1 },
    ]);
    expect(p.summary).toContain('What you said helped you move: Hot water bottle.');
    expect(buildProgress(input(checkIns), EXERCISES).whatHelped).toEqual([]);
  });

  it('ignores anything logged after the day asked about', () => {
    const before = buildProgress(input(checkIns.slice(0, 2), {}, 'UTC', '2026-11-12'), EXERCISES);
    const withLater = buildProgress(input(checkIns, {}, 'UTC', '2026-11-12'), EXERCISES);
    expect(withLater).toEqual(before);
  });
});
