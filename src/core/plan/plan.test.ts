import { describe, expect, it } from 'vitest';
import { addDays } from '../time';
import { CATALOGUE, EMERGENCY, SELF_CARE_GP, URGENT, checkIn, dailyCheckIns, movement, planInput, sessionLog, type CheckInSpec } from './fixtures.test-util';
import { buildPlan, planVolume } from './plan';
import { STAND_BREAK_MINUTES } from './pacing';
import { STAGE_IDS, STAGE_LABELS } from './stages';
import type { Plan, PlanInput, PlanItem } from './types';

const ONSET = '2024-03-01';
const day = (n: number) => addDays(ONSET, n);
const MOVE: CheckInSpec = { painNow: 4, painWorst24h: 4, standStraight: 'yes', walkMinutes: 12 };

const item = <K extends PlanItem['kind']>(plan: Plan, kind: K) => plan.items.find((i): i is Extract<PlanItem, { kind: K }> => i.kind === kind);
const codes = (plan: Plan) => plan.reasons.map((r) => r.code);
const allText = (plan: Plan) => plan.reasons.map((r) => r.text).join(' ');

/** Reaches move on day 2 and stays. */
const moving = (days: number, extra: Partial<PlanInput> = {}) =>
  planInput({ date: day(days), checkIns: dailyCheckIns(ONSET, [{ painNow: 5, standStraight: 'partly', walkMinutes: 3 }, ...Array(days).fill(MOVE)]), ...extra });

describe('safety first', () => {
  it('stops the plan on an emergency: no stage, no items, one safety reason', () => {
    const plan = buildPlan(moving(5, { episode: { ...moving(5).episode, triage: EMERGENCY } }), CATALOGUE);
    expect(plan).toEqual({ date: day(5), stage: null, items: [], reasons: [expect.objectContaining({ code: 'emergency', principle: 'safety' })] });
  });

  it('on urgent-doctor: a see-doctor item first, the session paused, walks and rests stay', () => {
    const input = moving(5, { episode: { ...moving(5).episode, triage: URGENT } });
    const plan = buildPlan(input, CATALOGUE);
    expect(plan.items[0]).toMatchObject({ kind: 'see-doctor', timeframe: 'within_24h', reason: { principle: 'safety' } });
    expect(item(plan, 'session')).toMatchObject({ paused: true, reason: { code: 'session-paused' } });
    expect(item(plan, 'walk')).toBeDefined();
    expect(item(plan, 'lie-flat')).toBeDefined();
    expect(item(plan, 'stand-breaks')).toBeDefined();
    expect(plan.stage).toBe('move');
  });

  it.each([
    ['seen before the plan date', day(3), undefined, false],
    ['seen on the plan date', `${day(5)}T08:00:00Z`, undefined, false],
    ['seen only after the plan date', `${day(6)}T08:00:00Z`, undefined, true],
    ['seen before this urgent result was made', `${day(2)}T08:00:00Z`, `${day(4)}T08:00:00Z`, true],
    ['seen after this urgent result was made', `${day(4)}T10:00:00Z`, `${day(4)}T08:00:00Z`, false],
  ])('clinician %s → paused: %s', (_name, seenAt, triagedAt, paused) => {
    const base = moving(5);
    const input = {
      ...base,
      episode: { ...base.episode, triage: URGENT, clinicianSeenAt: seenAt.length === 10 ? `${seenAt}T12:00:00Z` : seenAt, ...(triagedAt ? { triagedAt } : {}) },
    };
    const plan = buildPlan(input, CATALOGUE);
    expect(item(plan, 'session')?.paused).toBe(paused);
    expect(item(plan, 'see-doctor') !== undefined).toBe(paused);
    if (!paused) expect(codes(plan)).toContain('clinician-seen');
  });

  it('suggests a routine GP visit when triage advises one', () => {
    const plan = buildPlan(moving(5, { episode: { ...moving(5).episode, triage: SELF_CARE_GP } }), CATALOGUE);
    expect(plan.reasons.find((r) => r.code === 'gp-review-advised')).toMatchObject({ principle: 'safety' });
    expect(item(plan, 'session')?.paused).toBe(false);
  });

  it.each([
    ['27 days, no change', 27, 6, 6, []],
    ['28 days, no change: GP', 28, 6, 6, ['review-gp-4-weeks']],
    ['28 days, a little better: nothing yet', 28, 6, 5, []],
    ['42 days, only a little better: physiotherapy', 42, 6, 5, ['review-physio-6-weeks']],
    ['42 days, no better: both', 42, 6, 7, ['review-gp-4-weeks', 'review-physio-6-weeks']],
    ['42 days, 2 points better: nothing', 42, 6, 4, []],
    ['42 days, 30 % better: nothing', 42, 3, 2, []],
    ['42 days, pain gone: nothing', 42, 0, 0, []],
  ])('review triggers: %s', (_name, days, first, last, expected) => {
    const checkIns = [checkIn(day(0), { painNow: first }), checkIn(day(days), { painNow: last })];
    const plan = buildPlan(planInput({ date: day(days), checkIns }), CATALOGUE);
    expect(codes(plan).filter((c) => c.startsWith('review-'))).toEqual(expected);
  });
});

describe('stage and reasons', () => {
  it('names the stage and why, first', () => {
    const plan = buildPlan(moving(2), CATALOGUE);
    expect(plan.stage).toBe('move');
    expect(plan.reasons[0]).toMatchObject({ code: 'stage-up', principle: 'pacing' });
    expect(plan.reasons[0]?.text).toContain(STAGE_LABELS.move);
    expect(plan.reasons[0]?.text).toContain('walk 10 minutes');
    expect(plan.reasons[0]?.text).toContain('last two check-ins');
  });

  it('explains every item and keeps every reason in plan.reasons', () => {
    const plan = buildPlan(moving(6, { muscleNotes: [{ muscle: 'glute-med', feels: 'weak' }, { muscle: 'hamstrings', feels: 'tight' }] }), CATALOGUE);
    for (const i of plan.items) expect(plan.reasons).toContain(i.reason);
    expect(codes(plan)).toEqual(expect.arrayContaining(['muscles-weak', 'muscles-tight']));
  });

  it('shortens stand-break intervals early on', () => {
    expect(STAGE_IDS.map((s) => STAND_BREAK_MINUTES[s])).toEqual([20, 30, 40, 45, 50]);
  });

  it('plans settle as rests, breathing, stand breaks and a short gentle routine, without walks', () => {
    const plan = buildPlan(planInput({ date: day(0), checkIns: [checkIn(day(0), { painNow: 8, standStraight: 'no', walkMinutes: 0 })] }), CATALOGUE);
    expect(plan.stage).toBe('settle');
    expect(plan.items.map((i) => i.kind)).toEqual(['lie-flat', 'breathing', 'posture', 'stand-breaks', 'session']);
    expect(item(plan, 'stand-breaks')?.everyMinutes).toBe(20);
    expect(item(plan, 'session')?.totalMinutes).toBeLessThanOrEqual(5);
  });

  it('plans stand-walk with short walks and 30-minute stand breaks', () => {
    const plan = buildPlan(planInput({ date: day(0), checkIns: [checkIn(day(0), { painNow: 5, standStraight: 'partly', walkMinutes: 10 })] }), CATALOGUE);
    expect(plan.stage).toBe('stand-walk');
    expect(item(plan, 'walk')).toEqual(expect.objectContaining({ walks: 4, minutesEach: 8 }));
    expect(item(plan, 'stand-breaks')?.everyMinutes).toBe(30);
  });

  it('uses the time zone to decide which day a check-in belongs to', () => {
    // 23:30 UTC on day 1 is already day 2 in Madrid.
    const late = { ...checkIn(day(1), { painNow: 5, standStraight: 'partly', walkMinutes: 3 }), at: `${day(1)}T23:30:00Z` };
    const checkIns = [checkIn(day(0), { painNow: 8, standStraight: 'no', walkMinutes: 0 }), checkIn(day(1), { painNow: 5, standStraight: 'partly', walkMinutes: 3 }), late];
    expect(buildPlan(planInput({ date: day(1), checkIns, timeZone: 'UTC' }), CATALOGUE).stage).toBe('settle');
    expect(buildPlan(planInput({ date: day(2), checkIns, timeZone: 'Europe/Madrid' }), CATALOGUE).stage).toBe('stand-walk');
    expect(buildPlan(planInput({ date: day(1), checkIns, timeZone: 'Europe/Madrid' }), CATALOGUE).stage).toBe('settle');
  });
});

describe('pacing in the plan', () => {
  it('plans the chosen length from the first day, within the stage ceiling (±10 %)', () => {
    const plan = buildPlan(moving(2, { preferences: { styles: ['general'], sessionMinutes: 10 } }), CATALOGUE);
    expect(plan.stage).toBe('move');
    expect(item(plan, 'session')?.totalMinutes).toBeGreaterThanOrEqual(9);
    expect(item(plan, 'session')?.totalMinutes).toBeLessThanOrEqual(11);
    expect(codes(plan).some((c) => c.startsWith('session-capped'))).toBe(false);
  });

  it('says so while the session grows back after two flares', () => {
    const sessions = Array.from({ length: 10 }, (_, i) => sessionLog(day(i), { painDuring: i === 5 || i === 8 ? 7 : 3 }));
    // Share of the 10-minute aim: 80 % on day 5, held on 6, 90 % on 7, 72 % on day 8, held on 9, 82 % on day 10.
    const plan = buildPlan(moving(10, { sessions, preferences: { styles: ['general'], sessionMinutes: 10 } }), CATALOGUE);
    expect(codes(plan)).toContain('session-capped-pacing');
    expect(item(plan, 'session')?.totalMinutes).toBeLessThanOrEqual(8.2);
    expect(plan.reasons.find((r) => r.code === 'session-capped-pacing')?.text).toMatch(/flare/);
  });

  it('says so when the stage keeps the session short', () => {
    const plan = buildPlan(planInput({ date: day(0), checkIns: [checkIn(day(0), { painNow: 8, standStraight: 'no' })], preferences: { styles: ['general'], sessionMinutes: 30 } }), CATALOGUE);
    expect(codes(plan).some((c) => c === 'session-capped-stage' || c === 'session-capped-pacing')).toBe(true);
    expect(allText(plan)).toContain('Settle');
  });

  it('steps back after a flare, explains it, and holds the day after', () => {
    const sessions = Array.from({ length: 8 }, (_, i) => sessionLog(day(i)));
    const base = moving(10, { sessions: [...sessions, sessionLog(day(8), { hour: 18, painDuring: 7 })] });
    const before = buildPlan({ ...base, date: day(7) }, CATALOGUE);
    const flare = buildPlan({ ...base, date: day(8) }, CATALOGUE);
    const after = buildPlan({ ...base, date: day(9) }, CATALOGUE);
    expect(codes(flare)).toContain('flare-step-back');
    expect(flare.reasons.find((r) => r.code === 'flare-step-back')?.text).toContain('7 out of 10');
    expect(codes(after)).toContain('flare-hold');
    expect(planVolume(flare).walkMinutes).toBeLessThanOrEqual(planVolume(before).walkMinutes);
    expect(planVolume(after).walkMinutes).toBeLessThanOrEqual(planVolume(flare).walkMinutes);
    expect(planVolume(after).sessionMinutes).toBeLessThanOrEqual(planVolume(flare).sessionMinutes);
  });

  it('never adds walking when stepping back to a stage with more walks a day', () => {
    const strong: CheckInSpec = { painNow: 2, painWorst24h: 3, standStraight: 'yes', walkMinutes: 25 };
    const specs: CheckInSpec[] = [{ painNow: 5, standStraight: 'partly', walkMinutes: 3 }, MOVE, MOVE, MOVE, MOVE, MOVE, MOVE, strong, strong];
    const checkIns = [...dailyCheckIns(ONSET, specs), checkIn(day(9), { ...strong, painNow: 6, painWorst24h: 6 })];
    const [top, back] = [8, 9].map((d) => buildPlan(planInput({ date: day(d), checkIns }), CATALOGUE));
    expect([top?.stage, back?.stage]).toEqual(['strengthen', 'move']);
    expect(item(back!, 'walk')?.walks).toBeGreaterThan(item(top!, 'walk')?.walks ?? 0);
    expect(planVolume(back!).walkMinutes).toBeLessThanOrEqual(planVolume(top!).walkMinutes);
  });

  it('asks to ease off, without praise, after doing much more than planned', () => {
    const base = moving(6);
    const plan = buildPlan({ ...base, movements: [movement(day(5), 'walk', 90)], sessions: [sessionLog(day(6), { minutes: 55 })] }, CATALOGUE);
    const easeOff = plan.reasons.filter((r) => r.code.startsWith('ease-off'));
    expect(easeOff.map((r) => r.code)).toEqual(['ease-off-walk', 'ease-off-session']);
    for (const r of easeOff) {
      expect(r.principle).toBe('pacing');
      expect(r.text).not.toMatch(/great|well done|amazing|awesome|good job|congrat/i);
      expect(r.text).toMatch(/ease off/i);
    }
    expect(easeOff[0]?.text).toContain('Yesterday');
    expect(easeOff[1]?.text).toContain('So far today');
  });

  it('does not ask to ease off for doing about what was planned', () => {
    const plan = buildPlan({ ...moving(6), movements: [movement(day(5), 'walk', 15)] }, CATALOGUE);
    expect(codes(plan).some((c) => c.startsWith('ease-off'))).toBe(false);
  });

  it('nudges to get up after much longer rests flat than planned', () => {
    const plan = buildPlan({ ...moving(6), movements: [movement(day(5), 'lie-flat', 60)] }, CATALOGUE);
    expect(plan.reasons.find((r) => r.code === 'rest-longer-than-planned')?.principle).toBe('keep-moving');
  });

  it('uses the easier variant of an exercise that hurt, and says why', () => {
    const painful = sessionLog(day(5), { exercises: [{ exerciseId: 'g-bridge', outcome: 'swapped', painDuring: 6 }] });
    const plan = buildPlan(moving(6, { sessions: [painful], muscleNotes: [{ muscle: 'hamstrings', feels: 'weak' }] }), CATALOGUE);
    const ids = item(plan, 'session')?.exercises.map((e) => e.exerciseId) ?? [];
    expect(ids).not.toContain('g-bridge');
    expect(plan.reasons.find((r) => r.code === 'easier-variant')?.text).toContain('bridge');
  });
});

describe('related pains and muscle balance', () => {
  it('adds gentle work and a "pain can travel" reason for neck, hip or thigh pain', () => {
    const checkIns = dailyCheckIns(ONSET, [{ painNow: 5, standStraight: 'partly', walkMinutes: 3 }, MOVE, { ...MOVE, regions: ['low-back-center', 'neck-back', 'thigh-back-left'] }]);
    const plan = buildPlan(planInput({ date: day(2), checkIns }), CATALOGUE);
    const reason = plan.reasons.find((r) => r.code === 'related-pains');
    expect(reason?.principle).toBe('related-pains');
    expect(reason?.text).toContain('travel');
    expect(reason?.text).toContain('neck and shoulders');
    expect(reason?.text).toContain('thighs');
    const ids = item(plan, 'session')?.exercises.map((e) => e.exerciseId) ?? [];
    expect(ids).toContain('g-neck-release');
  });

  it('leaves related-pain notes out when pain stays in the low back', () => {
    const plan = buildPlan(moving(3), CATALOGUE);
    expect(codes(plan)).not.toContain('related-pains');
  });

  it('explains that weak muscles get strengthening from move on', () => {
    const notes = [{ muscle: 'glute-med' as const, feels: 'weak' as const }];
    const early = buildPlan(planInput({ date: day(0), checkIns: [checkIn(day(0), { painNow: 8, standStraight: 'no' })], muscleNotes: notes }), CATALOGUE);
    expect(early.reasons.find((r) => r.code === 'muscles-weak')?.text).toContain('Move stage');
    const later = buildPlan(moving(4, { muscleNotes: notes }), CATALOGUE);
    expect(later.reasons.find((r) => r.code === 'muscles-weak')?.text).toContain('strengthen them');
  });
});

describe('maintain', () => {
  it('plans a short routine every other day', () => {
    const well: CheckInSpec = { painNow: 0, painWorst24h: 1, standStraight: 'yes', walkMinutes: 35 };
    const checkIns = dailyCheckIns(day(14), Array(10).fill(well));
    const plans = [21, 22, 23].map((d) => buildPlan(planInput({ date: day(d), checkIns }), CATALOGUE));
    expect(plans.map((p) => p.stage)).toEqual(['maintain', 'maintain', 'maintain']);
    expect(plans.map((p) => item(p, 'session') !== undefined)).toEqual([true, false, true]);
    expect(item(plans[0]!, 'session')?.totalMinutes).toBeLessThanOrEqual(15 * 1.1);
    const rest = plans.find((p) => !item(p, 'session'));
    expect(rest && codes(rest)).toContain('maintain-rest-day');
  });
});
