/**
 * fast-check arbitraries for the engine's property tests: generated episodes (any records) and recovering
 * ones (pain falling, walking growing). Used only by *.test.ts files.
 */
import fc from 'fast-check';
import { MUSCLE_IDS, type MuscleId, type RegionId } from '../body';
import { EXERCISE_STYLES, type ExerciseStyle } from '../exercises/types';
import { addDays } from '../time';
import { CATALOGUE, SELF_CARE, SELF_CARE_GP, URGENT } from './fixtures.test-util';
import type { CheckInData, MovementData, PlanInput, SessionLogData } from './types';

export const ONSET = '2024-03-01';
const ZONES = ['UTC', 'Europe/Madrid', 'America/New_York', 'Asia/Tokyo', 'Pacific/Auckland'] as const;
const REGIONS: RegionId[] = ['low-back-center', 'low-back-left', 'neck-back', 'shoulder-left', 'buttock-right', 'hip-left', 'thigh-back-left', 'calf-left'];
export const IDS = CATALOGUE.map((e) => e.id);

export const instant = (day: number, minuteOfDay: number) => {
  const date = addDays(ONSET, day);
  const h = String(Math.floor(minuteOfDay / 60)).padStart(2, '0');
  const m = String(minuteOfDay % 60).padStart(2, '0');
  return `${date}T${h}:${m}:00Z`;
};

export const pain = fc.integer({ min: 0, max: 10 });

export const checkInArb = (days: number) =>
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

export const sessionArb = (days: number) =>
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

export const movementArb = (days: number) =>
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
export const inputArb = (maxDays = 24) =>
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
export const recoveringArb = fc.integer({ min: 6, max: 30 }).chain((days) =>
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

export const anyInput = (maxDays = 24) => fc.oneof(inputArb(maxDays), recoveringArb);

function dedupe<T extends { id: string }>(list: T[]): T[] {
  const seen = new Set<string>();
  return list.filter((x) => (seen.has(x.id) ? false : (seen.add(x.id), true)));
}

