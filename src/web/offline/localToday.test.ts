import { describe, expect, it } from 'vitest';
import { triage, YES_NO_FIELDS, type SafetyAnswers } from '../../core/clinical';
import { EXERCISES } from '../../core/exercises';
import { buildPlan } from '../../core/plan';
import type { CheckInT, EpisodeT, MuscleNoteT } from '../api/client';
import { localToday, planInputOf, type LocalTodayInput } from './localToday';

const EP = '11111111-1111-4111-8111-111111111111';
const answers = { ...Object.fromEntries(YES_NO_FIELDS.map((k) => [k, false])), ageYears: 40, legWeakness: 'none', painNRS: 5, weeksWithoutImprovement: 0 } as SafetyAnswers;
const calm = triage(answers);

const episode: EpisodeT = {
  id: EP,
  onsetDate: '2026-03-01',
  regions: ['low-back-center'],
  painNow: 6,
  safety: answers,
  triage: calm,
  currentTriage: calm,
  clinicianSeenOn: null,
  createdAt: '2026-03-01T08:00:00.000Z',
  updatedAt: '2026-03-01T08:00:00.000Z',
};

const checkIn = (day: number, painNow: number, extra: Partial<CheckInT> = {}): CheckInT => ({
  id: `00000000-0000-4000-8000-0000000000${String(day).padStart(2, '0')}`,
  episodeId: EP,
  at: `2026-03-${String(day).padStart(2, '0')}T19:00:00.000Z`,
  painNow,
  painWorst24h: painNow + 1,
  standStraight: 'yes',
  walkMinutes: 15,
  regions: ['low-back-center'],
  bodyMap: [{ region: 'low-back-center', pain: painNow, spasm: false }],
  safety: null,
  triage: null,
  createdAt: `2026-03-${String(day).padStart(2, '0')}T19:00:00.000Z`,
  ...extra,
});

const input = (over: Partial<LocalTodayInput> = {}): LocalTodayInput => ({
  date: '2026-03-06',
  timeZone: 'Europe/London',
  episode,
  checkIns: [checkIn(3, 4), checkIn(2, 5), checkIn(4, 3)],
  sessions: [],
  movements: [{ id: 'm', episodeId: EP, kind: 'walk', startedAt: '2026-03-05T10:00:00.000Z', minutes: 10, createdAt: '2026-03-05T10:00:00.000Z' }],
  muscleNotes: [],
  preferences: { styles: ['general'], sessionMinutes: 10 },
  ...over,
});

describe('Today worked out on this device', () => {
  it('is the core engine’s plan for the same data, with the server’s last triage', () => {
    const today = localToday(input());
    const plan = buildPlan(planInputOf(input()), EXERCISES);
    expect(today).toEqual({ date: '2026-03-06', stage: plan.stage, triage: calm, rescreen: { needed: false }, plan: plan.items, reasons: plan.reasons });
    expect(today.plan.some((i) => i.kind === 'stand-breaks')).toBe(true);
  });

  it('hands the engine check-ins in time order, and the latest note per muscle', () => {
    const note = (muscle: string, feels: 'weak' | 'tight', createdAt: string): MuscleNoteT => ({ id: createdAt, episodeId: EP, muscle, feels, createdAt, updatedAt: createdAt });
    const planInput = planInputOf(input({ muscleNotes: [note('glute-max', 'tight', '2026-03-04'), note('glute-max', 'weak', '2026-03-02'), note('not-a-muscle', 'weak', '2026-03-01')] }));
    expect(planInput.checkIns.map((c) => c.at.slice(0, 10))).toEqual(['2026-03-02', '2026-03-03', '2026-03-04']);
    expect(planInput.muscleNotes).toEqual([{ muscle: 'glute-max', feels: 'tight' }]);
  });

  it('takes the cautious side on a clinician visit: counted from the start of its day, against the latest triage', () => {
    const triaged = checkIn(5, 4, { triage: calm, safety: answers });
    const planInput = planInputOf(input({ episode: { ...episode, clinicianSeenOn: '2026-03-05' }, checkIns: [checkIn(3, 4), triaged] }));
    expect(planInput.episode.clinicianSeenAt).toBe('2026-03-05T00:00:00.000Z');
    expect(planInput.episode.triagedAt).toBe(triaged.at);
    expect(planInputOf(input()).episode).toMatchObject({ clinicianSeenAt: null, triagedAt: episode.createdAt });
  });
});
