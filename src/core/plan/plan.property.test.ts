import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MUSCLE_IDS, type MuscleId, type RegionId } from '../body';
import { EXERCISE_STYLES, type ExerciseStyle } from '../exercises/types';
import { addDays, localDate } from './dates';
import { CATALOGUE, SELF_CARE, SELF_CARE_GP, URGENT } from './fixtures.test-util';
import { buildPlan, planVolume } from './plan';
import { recentlyHurt, replayEpisode } from './replay';
import { eligiblePool, loadsMuscle } from './session';
import { stageIndex } from './stages';
import type { CheckInData, MovementData, Plan, PlanInput, SessionLogData } from './types';

const ONSET = '2024-03-01';
const ZONES = ['UTC', 'Europe/Madrid', 'America/New_York', 'Asia/Tokyo', 'Pacific/Auckland'] as const;
const REGIONS: RegionId[] = ['low-back-center', 'low-back-left', 'neck-back', 'shoulder-left', 'buttock-right', 'hip-left', 'thigh-back-left', 'calf-left'];
const IDS = CATALOGUE.map((e) => e.id);
const byId = new Map(CATALOGUE.map((e) => [e.id, e]));

const instant = (day: number, minuteOfDay: number) => {
  const date = addDays(ONSET, day);
  const h = String(Math.floor(minuteOfDay / 60)).padStart(2, '0');
  const m = String(minuteOfDay % 60).padStart(2, '0');
  return `${date}T${h}:${m}:00Z`;
};

const pain = fc.integer({ min: 0, max: 10 });

const checkInArb = (days: number) =>
  fc
    .record({
      day: fc.integer({ min: 0, max: days }),
      minute: fc.integer({ min: 0, max: 1439 }),
      painNow: pain,
      extra: fc.integer({ min: 0, max: 3 }),
      standStraight: fc.constantFrom('yes', 'partly', 'no' as const),
      walkMinutes: fc.constantFrom(0, 2, 5, 10, 15, 20, 30, 45),
      regions: fc.subarray(REGIONS, { minLength: 1, maxLength: 3 }),
    })
    .map(
      (c): CheckInData => ({
        id: `c-${c.day}-${c.minute}`,
        at: instant(c.day, c.minute),
        painNow: c.painNow,
        painWorst24h: Math.min(10, c.painNow + c.extra),
        standStraight: c.standStraight,
        walkMinutes: c.walkMinutes,
        regions: c.regions,
      }),
    );

const sessionArb = (days: number) =>
  fc
    .record({
      day: fc.integer({ min: 0, max: days }),
      minute: fc.integer({ min: 0, max: 1380 }),
      length: fc.integer({ min: 3, max: 59 }),
      painAfter: pain,
      exercises: fc.array(
        fc.record({
          exerciseId: fc.constantFrom(...IDS),
          outcome: fc.constantFrom('done', 'skipped', 'swapped' as const),
          painDuring: fc.option(pain, { nil: undefined }),
        }),
        { maxLength: 4 },
      ),
    })
    .map(
      (s): SessionLogData => ({
        id: `s-${s.day}-${s.minute}`,
        startedAt: instant(s.day, s.minute),
        endedAt: instant(s.day, s.minute + s.length),
        painBefore: 3,
        painAfter: s.painAfter,
        feel: 'right',
        exercises: s.exercises.map((e) => (e.painDuring === undefined ? { exerciseId: e.exerciseId, outcome: e.outcome } : e)),
      }),
    );

const movementArb = (days: number) =>
  fc
    .record({
      day: fc.integer({ min: 0, max: days }),
      minute: fc.integer({ min: 0, max: 1439 }),
      kind: fc.constantFrom('walk', 'stand-break', 'lie-flat' as const),
      minutes: fc.integer({ min: 1, max: 90 }),
    })
    .map((m): MovementData => ({ kind: m.kind, startedAt: instant(m.day, m.minute), minutes: m.minutes }));

const noteArb = fc.array(fc.record({ muscle: fc.constantFrom<MuscleId>(...MUSCLE_IDS), feels: fc.constantFrom('weak', 'tight' as const) }), {
  maxLength: 4,
});

/** An episode of up to `maxDays` days, planned on its last day. */
const inputArb = (maxDays = 24) =>
  fc.integer({ min: 1, max: maxDays }).chain((days) =>
    fc.record({
      date: fc.constant(addDays(ONSET, days)),
      timeZone: fc.constantFrom(...ZONES),
      episode: fc.record({
        onsetDate: fc.constant(ONSET),
        regions: fc.subarray(REGIONS, { minLength: 1, maxLength: 2 }),
        painNow: pain,
        triage: fc.constantFrom(SELF_CARE, SELF_CARE, SELF_CARE, SELF_CARE_GP, URGENT),
        clinicianSeenAt: fc.option(fc.constant(instant(2, 600)), { nil: null }),
      }),
      checkIns: fc.array(checkInArb(days), { maxLength: days + 6 }).map((list) => dedupe(list)),
      sessions: fc.array(sessionArb(days), { maxLength: days }).map((list) => dedupe(list)),
      movements: fc.array(movementArb(days), { maxLength: 12 }),
      muscleNotes: noteArb,
      preferences: fc.record({
        styles: fc.subarray<ExerciseStyle>([...EXERCISE_STYLES], { maxLength: 2 }),
        sessionMinutes: fc.constantFrom(5, 10, 20, 30 as const),
      }),
    }),
  );

/** A recovering episode: daily check-ins with pain falling and walking growing, with noise and some painful sessions. */
const recoveringArb = fc.integer({ min: 6, max: 30 }).chain((days) =>
  fc
    .record({
      timeZone: fc.constantFrom(...ZONES),
      startPain: fc.integer({ min: 5, max: 9 }),
      noise: fc.array(fc.integer({ min: -2, max: 2 }), { minLength: days + 1, maxLength: days + 1 }),
      hours: fc.array(fc.integer({ min: 7, max: 21 }), { minLength: days + 1, maxLength: days + 1 }),
      skip: fc.array(fc.boolean(), { minLength: days + 1, maxLength: days + 1 }),
      sessionPain: fc.array(fc.option(fc.integer({ min: 0, max: 8 }), { nil: null }), { minLength: days + 1, maxLength: days + 1 }),
      regions: fc.subarray(REGIONS, { minLength: 1, maxLength: 2 }),
      muscleNotes: noteArb,
      styles: fc.subarray<ExerciseStyle>([...EXERCISE_STYLES], { maxLength: 2 }),
      sessionMinutes: fc.constantFrom(5, 10, 20, 30 as const),
    })
    .map((r): PlanInput => {
      const checkIns: CheckInData[] = [];
      const sessions: SessionLogData[] = [];
      for (let i = 0; i <= days; i++) {
        const painNow = Math.max(0, Math.min(10, Math.round(r.startPain - (i * r.startPain) / 14) + (r.noise[i] ?? 0)));
        const hour = r.hours[i] ?? 9;
        if (!r.skip[i] || i === 0) {
          checkIns.push({
            id: `c${i}`,
            at: instant(i, hour * 60),
            painNow,
            painWorst24h: Math.min(10, painNow + 1),
            standStraight: painNow >= 7 ? 'no' : painNow >= 5 ? 'partly' : 'yes',
            walkMinutes: Math.min(45, Math.max(0, 2 * i + 2 * (r.noise[i] ?? 0))),
            regions: i % 4 === 3 ? ['neck-back', ...r.regions] : r.regions,
          });
        }
        const sp = r.sessionPain[i];
        if (sp !== null && sp !== undefined) {
          sessions.push({
            id: `s${i}`,
            startedAt: instant(i, hour * 60 + 30),
            endedAt: instant(i, hour * 60 + 45),
            painBefore: painNow,
            painAfter: sp,
            feel: 'right',
            exercises: [{ exerciseId: IDS[i % IDS.length]!, outcome: i % 5 === 0 ? 'swapped' : 'done', painDuring: sp }],
          });
        }
      }
      return {
        date: addDays(ONSET, days),
        timeZone: r.timeZone,
        episode: { onsetDate: ONSET, regions: r.regions, painNow: r.startPain, triage: SELF_CARE, clinicianSeenAt: null },
        checkIns,
        sessions,
        movements: [],
        muscleNotes: r.muscleNotes,
        preferences: { styles: r.styles, sessionMinutes: r.sessionMinutes },
      };
    }),
);

const anyInput = (maxDays = 24) => fc.oneof(inputArb(maxDays), recoveringArb);

function dedupe<T extends { id: string }>(list: T[]): T[] {
  const seen = new Set<string>();
  return list.filter((x) => (seen.has(x.id) ? false : (seen.add(x.id), true)));
}

function sessionOf(plan: Plan) {
  for (const item of plan.items) if (item.kind === 'session') return item;
  return undefined;
}

const RUNS = { numRuns: 150 };

describe('buildPlan properties', () => {
  it('never plans an exercise outside the current stage', () => {
    fc.assert(
      fc.property(anyInput(), (input) => {
        const plan = buildPlan(input, CATALOGUE);
        for (const e of sessionOf(plan)?.exercises ?? []) {
          expect(plan.stage).not.toBeNull();
          expect(byId.get(e.exerciseId)?.stages).toContain(plan.stage);
        }
      }),
      RUNS,
    );
  });

  it("after a flare, the next day's volume is not above the last day's", () => {
    let flareDays = 0;
    fc.assert(
      fc.property(anyInput(), (input) => {
        const replay = replayEpisode(input, CATALOGUE);
        const yesterday = replay.days[replay.days.length - 2];
        if (!yesterday || yesterday.flaresToday.length === 0) return;
        flareDays++;
        const today = planVolume(buildPlan(input, CATALOGUE));
        const before = planVolume(buildPlan({ ...input, date: yesterday.date }, CATALOGUE));
        expect(today.walkMinutes).toBeLessThanOrEqual(before.walkMinutes);
        expect(today.sessionMinutes).toBeLessThanOrEqual(before.sessionMinutes);
      }),
      { numRuns: 300 },
    );
    expect(flareDays).toBeGreaterThan(10);
  });

  it('gives weak muscles strengthening work from the move stage on', () => {
    let checked = 0;
    fc.assert(
      fc.property(recoveringArb, (input) => {
        const weak = [...new Set(input.muscleNotes.filter((n) => n.feels === 'weak').map((n) => n.muscle))].slice(0, 2);
        const tight = input.muscleNotes.filter((n) => n.feels === 'tight').map((n) => n.muscle);
        const notes = [...weak.map((muscle) => ({ muscle, feels: 'weak' as const })), ...tight.map((muscle) => ({ muscle, feels: 'tight' as const }))];
        const withNotes: PlanInput = { ...input, muscleNotes: notes };
        const replay = replayEpisode(withNotes, CATALOGUE);
        const day = replay.days[replay.days.length - 1];
        if (!day?.session || stageIndex(day.stage) < stageIndex('move') || day.session.range.upperSeconds < 240) return;
        const plan = buildPlan(withNotes, CATALOGUE);
        const session = sessionOf(plan);
        expect(session).toBeDefined();
        const { pool } = eligiblePool(CATALOGUE, {
          stage: day.stage,
          rotation: 0,
          styles: input.preferences.styles,
          weak: [],
          tight,
          related: [],
          hurt: recentlyHurt(replay.history, day.date),
        });
        for (const m of weak) {
          if (tight.includes(m) || !pool.some((e) => loadsMuscle(e, m))) continue;
          checked++;
          expect(session?.exercises.some((e) => loadsMuscle(byId.get(e.exerciseId) ?? CATALOGUE[0]!, m))).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
    expect(checked).toBeGreaterThan(10);
  });

  it('never gives a tight muscle loading work', () => {
    fc.assert(
      fc.property(anyInput(), (input) => {
        const tight = input.muscleNotes.filter((n) => n.feels === 'tight').map((n) => n.muscle);
        const plan = buildPlan(input, CATALOGUE);
        for (const e of sessionOf(plan)?.exercises ?? []) {
          const ex = byId.get(e.exerciseId);
          for (const m of tight) expect(ex && loadsMuscle(ex, m)).toBe(false);
        }
      }),
      RUNS,
    );
  });

  it('is deterministic, whatever the order of the records', () => {
    fc.assert(
      fc.property(anyInput(), fc.boolean(), (input, reverse) => {
        const again: PlanInput = reverse
          ? {
              ...input,
              checkIns: [...input.checkIns].reverse(),
              sessions: [...input.sessions].reverse(),
              movements: [...input.movements].reverse(),
              muscleNotes: [...input.muscleNotes].reverse(),
            }
          : structuredClone(input);
        expect(buildPlan(again, CATALOGUE)).toEqual(buildPlan(input, CATALOGUE));
      }),
      RUNS,
    );
  });

  it('ignores records after the plan date', () => {
    fc.assert(
      fc.property(anyInput(), fc.integer({ min: 1, max: 3 }), pain, (input, daysLater, later) => {
        const at = `${addDays(input.date, daysLater)}T12:00:00Z`;
        expect(localDate(at, input.timeZone) > input.date).toBe(true);
        const withFuture: PlanInput = {
          ...input,
          checkIns: [
            ...input.checkIns,
            { id: 'future', at, painNow: later, painWorst24h: 10, standStraight: 'no', walkMinutes: 0, regions: ['neck-back', 'thigh-back-left'] },
          ],
          sessions: [
            ...input.sessions,
            { id: 'future-s', startedAt: at, endedAt: at, painBefore: 9, painAfter: 9, feel: 'too_much', exercises: [{ exerciseId: IDS[0]!, outcome: 'swapped', painDuring: 9 }] },
          ],
          movements: [...input.movements, { kind: 'walk', startedAt: at, minutes: 120 }],
          episode: { ...input.episode, clinicianSeenAt: input.episode.clinicianSeenAt ?? at },
        };
        expect(buildPlan(withFuture, CATALOGUE)).toEqual(buildPlan(input, CATALOGUE));
      }),
      RUNS,
    );
  });

  it('gives every item a reason, and lists the stage reason first', () => {
    fc.assert(
      fc.property(anyInput(), (input) => {
        const plan = buildPlan(input, CATALOGUE);
        expect(plan.reasons[0]?.code.startsWith('stage-')).toBe(true);
        for (const item of plan.items) expect(plan.reasons).toContain(item.reason);
        for (const r of plan.reasons) expect(r.text.length).toBeGreaterThan(10);
      }),
      RUNS,
    );
  });
});
