import { describe, expect, it } from 'vitest';
import { clinicianSeenInstant, latestMuscleNotes, planInputFrom, type PlanRecords } from './input';
import { sessionsPaused } from './plan';
import { SELF_CARE, URGENT } from './fixtures.test-util';

const records = (over: Partial<PlanRecords> = {}): PlanRecords => ({
  date: '2026-03-10',
  timeZone: 'Europe/London',
  episode: { onsetDate: '2026-03-01', regions: ['low-back-center', 'not-a-place'], painNow: 6 },
  currentTriage: { result: SELF_CARE, at: '2026-03-01T08:00:00.000Z' },
  clinicianSeen: null,
  checkIns: [],
  sessions: [],
  movements: [],
  muscleNotes: [],
  preferences: { styles: ['general'], sessionMinutes: 10 },
  ...over,
});

const checkIn = (id: string, at: string, bodyMap: PlanRecords['checkIns'][number]['bodyMap']) => ({ id, at, painNow: 4, painWorst24h: 5, standStraight: 'partly' as const, walkMinutes: 10, bodyMap });

describe('the engine input built from the records', () => {
  it('puts check-ins in time order, each with the places that hurt (pain above 0), known places only', () => {
    const input = planInputFrom(
      records({
        checkIns: [
          checkIn('b', '2026-03-05T09:00:00.000Z', [{ region: 'neck-back', pain: 3 }]),
          checkIn('a', '2026-03-04T09:00:00.000Z', [
            { region: 'low-back-left', pain: 5 },
            { region: 'calf-left', pain: 0 },
            { region: 'elbow', pain: 4 },
          ]),
        ],
      }),
    );
    expect(input.checkIns.map((c) => [c.id, c.regions])).toEqual([
      ['a', ['low-back-left']],
      ['b', ['neck-back']],
    ]);
    expect(input.episode.regions).toEqual(['low-back-center']);
  });

  it('carries the current triage and the time it was answered', () => {
    const input = planInputFrom(records({ currentTriage: { result: URGENT, at: '2026-03-08T10:00:00.000Z' } }));
    expect(input.episode.triage.level).toBe('urgent-doctor');
    expect(input.episode.triagedAt).toBe('2026-03-08T10:00:00.000Z');
  });

  it('re-derives the advisories for the plan date: a first-screen "severe" is gone at pain 3', () => {
    const severe = { ...SELF_CARE, advisories: ['S2_SEVERE_OR_WORSENING' as const], gpReviewAdvised: true };
    const input = planInputFrom(records({ currentTriage: { result: severe, at: '2026-03-01T08:00:00.000Z' }, checkIns: [checkIn('a', '2026-03-10T09:00:00.000Z', [])].map((c) => ({ ...c, painNow: 3, painWorst24h: 3 })) }));
    expect(input.episode.triage).toMatchObject({ advisories: [], gpReviewAdvised: false });
  });

  it('takes the newest note about each muscle by when it was last changed, and drops unknown muscles', () => {
    expect(
      latestMuscleNotes([
        { id: '1', muscle: 'hamstrings', feels: 'tight', updatedAt: '2026-03-04T10:00:00.000Z' },
        { id: '2', muscle: 'hamstrings', feels: 'weak', updatedAt: '2026-03-02T10:00:00.000Z' },
        { id: '3', muscle: 'elbows', feels: 'weak', updatedAt: '2026-03-05T10:00:00.000Z' },
      ]),
    ).toEqual([{ muscle: 'hamstrings', feels: 'tight' }]);
  });
});

describe('when a clinician visit counts from', () => {
  const london = 'Europe/London';
  it('the moment it was recorded, when recorded on the day of the visit', () => {
    expect(clinicianSeenInstant({ on: '2026-03-08', recordedAt: '2026-03-08T15:00:00.000Z' }, london)).toBe('2026-03-08T15:00:00.000Z');
  });

  it('the end of the visit day, when recorded on a later day', () => {
    expect(clinicianSeenInstant({ on: '2026-03-08', recordedAt: '2026-03-11T09:00:00.000Z' }, london)).toBe('2026-03-08T23:59:59.999Z');
    // Summer time: London is UTC+1, so its day ends at 22:59:59.999 UTC.
    expect(clinicianSeenInstant({ on: '2026-07-08', recordedAt: '2026-07-11T09:00:00.000Z' }, london)).toBe('2026-07-08T22:59:59.999Z');
  });

  it('the start of the visit day when no time was recorded (the cautious side)', () => {
    expect(clinicianSeenInstant({ on: '2026-03-08', recordedAt: null }, london)).toBe('2026-03-08T00:00:00.000Z');
    expect(clinicianSeenInstant(null, london)).toBeNull();
  });

  it('so a visit the same day after the urgent answer lifts the pause, and one the day before does not', () => {
    const urgentAt = { result: URGENT, at: '2026-03-08T10:00:00.000Z' };
    const sameDay = planInputFrom(records({ currentTriage: urgentAt, clinicianSeen: { on: '2026-03-08', recordedAt: '2026-03-08T16:00:00.000Z' } }));
    expect(sessionsPaused(sameDay)).toBe(false);
    const dayBefore = planInputFrom(records({ currentTriage: urgentAt, clinicianSeen: { on: '2026-03-07', recordedAt: '2026-03-08T16:00:00.000Z' } }));
    expect(sessionsPaused(dayBefore)).toBe(true);
    const notSeen = planInputFrom(records({ currentTriage: urgentAt }));
    expect(sessionsPaused(notSeen)).toBe(true);
  });
});
