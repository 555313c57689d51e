import { describe, expect, it } from 'vitest';
import type { ProgressT } from '../api/client';
import { activityFacts, activitySummary, dayLabel, hasLongPoints, helpedWords, IMPROVEMENT_RULE_WORDS, improvementLine, isRealImprovement, latestPain, painSeries, perDay, pointLabel, psfsChangeWords, weekTitle, worstChangeWords, type WorstChange } from './series';
import { lastRatedOn, ratingStatus } from './goals';

/** A change as the server sends it, with the flags stated here (not worked out by the rule under test). */
const change = (from: number, to: number, meetsAbsolute: boolean, meets30Percent: boolean, percentChange: number | null): WorstChange => ({
  change: from - to,
  percentChange,
  meetsAbsolute,
  meets30Percent,
  from,
  to,
  fromDate: '2026-05-01',
  toDate: '2026-05-20',
});

describe('progress words and series', () => {
  it('labels days briefly', () => {
    expect(dayLabel('2026-05-03')).toBe('3 May');
    expect(dayLabel('2026-12-25')).toBe('25 Dec');
  });

  it('marks a real improvement by either rule (2 points, or 30 %), never a rise', () => {
    expect(isRealImprovement(change(8, 6, true, false, 25))).toBe(true); // 2 points, 25 %
    expect(isRealImprovement(change(3, 2, false, true, 33.3))).toBe(true); // 1 point, 33 %
    expect(isRealImprovement(change(8, 7, false, false, 12.5))).toBe(false);
    expect(isRealImprovement(change(4, 6, false, false, -50))).toBe(false);
    expect(isRealImprovement(null)).toBe(false);
  });

  it('draws the real-improvement line at the easier of the two rules', () => {
    expect(improvementLine(8)).toBe(6); // 2 points less (30 % less would be 5.6)
    expect(improvementLine(5)).toBe(3.5); // 30 % less (2 points less would be 3)
    expect(improvementLine(1)).toBe(0.7);
  });

  it('says the change in worst pain in words, with the percentage', () => {
    expect(worstChangeWords(change(8, 3, true, true, 62.5))).toBe('Your worst pain went from 8 to 3: down 5 points (63 % less).');
    expect(worstChangeWords(change(4, 5, false, false, -25))).toBe('Your worst pain went from 4 to 5: up 1 point.');
    expect(worstChangeWords(change(5, 5, false, false, 0))).toBe('Your worst pain is 5, the same as at the start.');
  });

  it('finds the newest pain with its band, and builds one value per day with gaps kept', () => {
    const pain: ProgressT['pain'] = [
      { date: '2026-05-01', days: 1, painNow: 6, painWorst: 8, band: 'moderate', typical: 6 },
      { date: '2026-05-02', days: 1, painNow: null, painWorst: null, band: null, typical: 5.9 },
      { date: '2026-05-03', days: 1, painNow: 2, painWorst: 4, band: 'mild', typical: 5.8 },
      { date: '2026-05-04', days: 1, painNow: null, painWorst: null, band: null, typical: 5.7 },
    ];
    expect(latestPain(pain)).toEqual({ date: '2026-05-03', value: 2, words: '2 out of 10 — mild' });
    expect(latestPain([])).toBeNull();
    const s = painSeries({ pain, worstChange: change(8, 4, true, true, 50) } as ProgressT);
    expect(s.now).toEqual([6, null, 2, null]);
    expect(s.worst).toEqual([8, null, 4, null]);
    expect(s.line).toEqual([6, 6, 6, 6]);
    expect(painSeries({ pain, worstChange: null } as ProgressT).line).toBeNull();
  });

  it('a pain "now" is only a day’s, never the average of an older week', () => {
    const pain: ProgressT['pain'] = [
      { date: '2026-01-01', days: 7, painNow: 4.3, painWorst: 6, band: 'moderate', typical: 5 },
      { date: '2026-01-08', days: 1, painNow: null, painWorst: null, band: null, typical: 5 },
    ];
    expect(latestPain(pain)).toBeNull();
    expect(painSeries({ pain, worstChange: null } as ProgressT).spans).toEqual([7, 1]);
  });

  it('names points that cover a day, a week, four weeks or a short first run', () => {
    expect(pointLabel({ date: '2026-05-03', days: 1 })).toBe('3 May');
    expect(pointLabel({ date: '2026-05-03', days: 7 })).toBe('Week from 3 May');
    expect(pointLabel({ date: '2026-05-03', days: 28 })).toBe('4 weeks from 3 May');
    expect(pointLabel({ date: '2026-05-03', days: 3 })).toBe('3 days from 3 May');
    expect(hasLongPoints([{ date: '2026-05-03', days: 1 }])).toBe(false);
    expect(hasLongPoints([{ date: '2026-05-03', days: 28 }])).toBe(true);
    expect(perDay(70, 7)).toBe(10);
  });

  it('puts PSFS changes in words with the published minimal important differences', () => {
    expect(psfsChangeWords({ change: 2.5, meetsSmall: true, meetsMedium: true })).toMatch(/^Up 2.5 points: a clear change/);
    expect(psfsChangeWords({ change: 1.4, meetsSmall: true, meetsMedium: false })).toMatch(/^Up 1.4 points: a change people notice \(1.3\+\)/);
    expect(psfsChangeWords({ change: 1, meetsSmall: false, meetsMedium: false })).toBe('Up 1 point: a small step.');
    expect(psfsChangeWords({ change: -2, meetsSmall: false, meetsMedium: false })).toMatch(/^Down 2 points/);
    expect(psfsChangeWords(null)).toMatch(/in a week/);
  });

  it('sums walking (to the second), sessions and breaks over the last 7 days and the episode', () => {
    const day = (date: string, walk: number, goal: number, done: number, breaks: number) => ({ date, days: 1, walkMinutes: walk, walkGoalMinutes: goal, sessionsDone: done, sessionsPlanned: 1, standBreaks: breaks });
    // Day 1 is more than 7 days ago: its walk and breaks are left out of the last 7 days; its session still counts.
    const days = [
      day('2026-05-01', 30, 10, 1, 9),
      day('2026-05-02', 0.75, 4, 0, 2),
      day('2026-05-03', 4, 4, 1, 0),
      day('2026-05-04', 0, 4, 0, 1),
      day('2026-05-05', 6.5, 5, 0, 0),
      day('2026-05-06', 0, 5, 0, 0),
      day('2026-05-07', 0, 5, 0, 0),
      day('2026-05-08', 0, 5, 0, 0),
    ];
    expect(activitySummary(days)).toEqual({ walkDaysMet: 2, walkSeconds7: 45 + 240 + 390, walkDays7: 3, sessionsDone: 2, standBreaks7: 3 });
    // An older week before them counts its sessions in the total, never in the last 7 days.
    const week = { date: '2026-04-24', days: 7, walkMinutes: 300, walkGoalMinutes: 70, sessionsDone: 4, sessionsPlanned: 7, standBreaks: 20 };
    expect(activitySummary([week, ...days])).toEqual({ walkDaysMet: 2, walkSeconds7: 45 + 240 + 390, walkDays7: 3, sessionsDone: 6, standBreaks7: 3 });
  });

  it('says what was done, never a zero or an "of so many days"', () => {
    expect(activityFacts({ walkDaysMet: 2, walkSeconds7: 675, walkDays7: 3, sessionsDone: 2, standBreaks7: 3 })).toEqual([
      'Walking: 11 min 15 s in the last 7 days, on 3 days; you walked the day’s planned amount on 2 days.',
      'Guided sessions: 2 done so far.',
      'Stand-up breaks: 3 in the last 7 days.',
    ]);
    expect(activityFacts({ walkDaysMet: 0, walkSeconds7: 45, walkDays7: 1, sessionsDone: 0, standBreaks7: 0 })).toEqual(['Walking: 45 s in the last 7 days, on 1 day.']);
    const nothing = activityFacts({ walkDaysMet: 0, walkSeconds7: 0, walkDays7: 0, sessionsDone: 0, standBreaks7: 0 });
    expect(nothing).toEqual(['Your walks, stand-up breaks and guided sessions will show here as you log them.']);
    for (const line of nothing) expect(line).not.toMatch(/\b0\b/);
  });

  it('says what helped in the person’s own answers', () => {
    expect(helpedWords({ name: 'Hot water bottle', kind: 'heat', yes: 2, aLittle: 1, no: 0 })).toBe('Hot water bottle: it helped twice, a little once.');
    expect(helpedWords({ name: 'Ibuprofen', kind: 'tablet', yes: 0, aLittle: 0, no: 3 })).toBe('Ibuprofen: it didn’t help 3 times.');
    expect(helpedWords({ name: 'Walking stick', kind: 'movement-aid', yes: 0, aLittle: 1, no: 1 })).toBe('Walking stick: it helped a little once, it didn’t help once.');
  });

  it('words the improvement rule from the core’s constants', () => {
    expect(IMPROVEMENT_RULE_WORDS).toBe('2+ points or 30 %');
  });

  it('names weeks from the onset', () => {
    expect(weekTitle('2026-05-01', '2026-05-01')).toBe('Week 1, from 1 May');
    expect(weekTitle('2026-05-15', '2026-05-01')).toBe('Week 3, from 15 May');
  });
});

describe('weekly re-rating of the activities', () => {
  const goal = (...dates: string[]) => ({ ratings: dates.map((date) => ({ date, rating: 5 })) });
  it('finds the newest rating', () => {
    expect(lastRatedOn([goal('2026-05-01'), goal('2026-05-03', '2026-05-02')])).toBe('2026-05-03');
    expect(lastRatedOn([])).toBeNull();
  });
  it('is due a week after the last rating, or when an activity was never rated', () => {
    expect(ratingStatus([], '2026-05-10')).toEqual({ kind: 'none' });
    expect(ratingStatus([goal('2026-05-04')], '2026-05-10')).toEqual({ kind: 'fresh', last: '2026-05-04' });
    expect(ratingStatus([goal('2026-05-03')], '2026-05-10')).toEqual({ kind: 'due', last: '2026-05-03' });
    expect(ratingStatus([goal('2026-05-09'), goal()], '2026-05-10')).toEqual({ kind: 'due', last: '2026-05-09' });
  });
});
