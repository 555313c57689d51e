import { describe, expect, it } from 'vitest';
import { calmAnswers } from '../../core/clinical/fixtures';
import { triage } from '../../core/clinical';
import type { CheckInT, EpisodeT, MuscleNoteT } from '../api/client';
import { localToday, planInputOf, type LocalTodayInput } from './localToday';

/**
 * Stated facts about Today worked out on the device. That it matches the server's Today for the same records is
 * checked against the real server in src/server/offlineToday.test.ts.
 */

const EP = '11111111-1111-4111-8111-111111111111';
const calm = triage(calmAnswers({ painNRS: 5 }));
/** The first screen at pain 8 of 10: "severe or getting worse" fired. */
const severe = triage(calmAnswers({ painNRS: 8 }));
const urgent = triage(calmAnswers({ nightOrRestPain: true }));

const episode: EpisodeT = {
  id: EP,
  onsetDate: '2026-03-01',
  regions: ['low-back-center'],
  painNow: 6,
  safety: calmAnswers({ painNRS: 5 }),
  triage: calm,
  currentTriage: calm,
  currentTriageAt: '2026-03-01T08:00:00.000Z',
  clinicianSeenOn: null,
  clinicianRecordedAt: null,
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
  it('is a plan for the asked day with stand breaks and a walk, under the server’s last triage', () => {
    const today = localToday(input());
    expect(today.date).toBe('2026-03-06');
    expect(today.triage.level).toBe('self-care');
    expect(today.plan.map((i) => i.kind)).toEqual(expect.arrayContaining(['posture', 'walk', 'stand-breaks']));
    expect(today.rescreen).toEqual({ needed: false });
  });

  it('hands the engine check-ins in time order, and the latest note per muscle by when it was changed', () => {
    const note = (id: string, muscle: string, feels: 'weak' | 'tight', createdAt: string, updatedAt: string): MuscleNoteT => ({ id, episodeId: EP, muscle, feels, createdAt, updatedAt });
    const planInput = planInputOf(
      input({
        muscleNotes: [
          // Made first but corrected last: the correction is what the person says now.
          note('n1', 'glute-max', 'tight', '2026-03-01T09:00:00.000Z', '2026-03-05T09:00:00.000Z'),
          note('n2', 'glute-max', 'weak', '2026-03-02T09:00:00.000Z', '2026-03-02T09:00:00.000Z'),
          note('n3', 'not-a-muscle', 'weak', '2026-03-01T09:00:00.000Z', '2026-03-01T09:00:00.000Z'),
        ],
      }),
    );
    expect(planInput.checkIns.map((c) => c.at.slice(0, 10))).toEqual(['2026-03-02', '2026-03-03', '2026-03-04']);
    expect(planInput.muscleNotes).toEqual([{ muscle: 'glute-max', feels: 'tight' }]);
  });

  it('uses the server’s time of the current triage and of the clinician visit', () => {
    const seen: EpisodeT = {
      ...episode,
      currentTriage: urgent,
      currentTriageAt: '2026-03-05T09:00:00.000Z',
      clinicianSeenOn: '2026-03-05',
      clinicianRecordedAt: '2026-03-05T16:30:00.000Z',
    };
    const planInput = planInputOf(input({ episode: seen }));
    expect(planInput.episode.triagedAt).toBe('2026-03-05T09:00:00.000Z');
    expect(planInput.episode.clinicianSeenAt).toBe('2026-03-05T16:30:00.000Z');
    // Seen after the urgent answer: the session is back.
    const session = localToday(input({ episode: seen })).plan.find((i) => i.kind === 'session');
    expect(session && session.kind === 'session' && session.paused).toBe(false);
    // Seen on the day before the urgent answer: still paused, and the doctor visit is the first thing.
    const before = localToday(input({ episode: { ...seen, clinicianSeenOn: '2026-03-04' } }));
    expect(before.plan[0]?.kind).toBe('see-doctor');
  });

  it('drops a first-screen "severe or getting worse" once check-ins show pain 3 and falling', () => {
    const started: EpisodeT = { ...episode, painNow: 8, triage: severe, currentTriage: severe };
    expect(severe.advisories).toContain('S2_SEVERE_OR_WORSENING');
    const day10 = localToday(input({ date: '2026-03-10', episode: started, checkIns: [checkIn(2, 7), checkIn(5, 5), checkIn(8, 4), checkIn(10, 3, { painWorst24h: 3 })] }));
    expect(day10.triage.advisories).toEqual([]);
    expect(day10.triage.gpReviewAdvised).toBe(false);
    expect(day10.reasons.map((r) => r.code)).not.toContain('gp-review-advised');
  });

  it('applies a therapist’s changes as the server does: a hidden movement is never in the session, the reason says so', () => {
    const plain = localToday(input());
    const session = plain.plan.find((i) => i.kind === 'session');
    const first = session?.kind === 'session' ? session.exercises[0]?.exerciseId : undefined;
    expect(first, 'a session with a movement to hide').toBeDefined();
    const edit = { id: 'e1', episodeId: EP, therapistName: 'Sam', edit: { kind: 'hide', exerciseId: first! }, text: 'Sam took it out of your plan', createdAt: '2026-03-05T09:00:00.000Z', updatedAt: '2026-03-05T09:00:00.000Z' };
    const edited = localToday(input({ planEdits: [edit] }));
    const after = edited.plan.find((i) => i.kind === 'session');
    expect(after?.kind === 'session' ? after.exercises.map((e) => e.exerciseId) : []).not.toContain(first);
    expect(edited.reasons.map((r) => r.code)).toContain('therapist-hidden');
    expect(planInputOf(input({ planEdits: [edit] })).therapist?.hidden).toEqual([first]);
  });
});
