import { describe, expect, it } from 'vitest';
import { EXERCISES } from '../exercises';
import { earliestClinicianVisit, mayStart, sessionsPausedOn, stageFit, type Activity, type SafetyHold } from './mayStart';
import { STAGE_IDS } from './stages';

const TZ = 'Europe/Berlin';
const TRIAGED_AT = '2024-03-05T09:00:00Z';
const urgent = (extra: Partial<SafetyHold> = {}): SafetyHold => ({ triage: { level: 'urgent-doctor' }, triagedAt: TRIAGED_AT, clinicianSeenAt: null, date: '2024-03-05', timeZone: TZ, ...extra });
const selfCare: SafetyHold = { ...urgent(), triage: { level: 'self-care' } };
const emergency: SafetyHold = { ...urgent(), triage: { level: 'emergency' } };

const SESSION: Activity = { kind: 'session' };
const ANY_STAGE: Activity = { kind: 'exercise', stages: STAGE_IDS };
const STILL_FINE: Activity[] = [{ kind: 'walk' }, { kind: 'lie-flat' }, { kind: 'stand-break' }, { kind: 'comfort' }];

describe('clinical.md §1: urgent-doctor pauses exercise sessions until a clinician has seen the person', () => {
  it('holds today’s session and a single movement while no visit is recorded', () => {
    expect(mayStart(urgent(), 'settle', SESSION)).toEqual({ allowed: false, reason: 'sessions_paused' });
    expect(mayStart(urgent(), 'settle', ANY_STAGE)).toEqual({ allowed: false, reason: 'sessions_paused' });
  });

  it('keeps gentle walking, a lie-flat rest, stand breaks and comfort measures', () => {
    for (const a of STILL_FINE) expect(mayStart(urgent(), 'settle', a)).toEqual({ allowed: true, outsideStage: false });
  });

  it('lifts once the person records a visit made after the triage', () => {
    const seen = urgent({ clinicianSeenAt: '2024-03-05T15:00:00Z' });
    expect(mayStart(seen, 'settle', SESSION)).toEqual({ allowed: true, outsideStage: false });
    expect(mayStart(seen, 'settle', ANY_STAGE)).toEqual({ allowed: true, outsideStage: false });
  });

  it('a visit recorded before the triage that paused the sessions does not lift it', () => {
    expect(mayStart(urgent({ clinicianSeenAt: '2024-03-04T15:00:00Z' }), 'settle', SESSION)).toEqual({ allowed: false, reason: 'sessions_paused' });
  });

  it('a day before the visit was recorded is still paused (planning a past day)', () => {
    expect(sessionsPausedOn(urgent({ clinicianSeenAt: '2024-03-07T10:00:00Z', date: '2024-03-06' }))).toBe(true);
    expect(sessionsPausedOn(urgent({ clinicianSeenAt: '2024-03-07T10:00:00Z', date: '2024-03-07' }))).toBe(false);
  });

  it('self-care never pauses', () => {
    expect(mayStart(selfCare, 'move', SESSION)).toEqual({ allowed: true, outsideStage: false });
  });
});

describe('clinical.md §1: an emergency result stops the plan', () => {
  it('stops every session and movement, even with a visit recorded', () => {
    const seen = { ...emergency, clinicianSeenAt: '2024-03-05T15:00:00Z' };
    for (const a of [SESSION, ANY_STAGE, ...STILL_FINE]) expect(mayStart(seen, null, a)).toEqual({ allowed: false, reason: 'emergency' });
  });
});

describe('an exercise outside the person’s stage is flagged, never refused', () => {
  it('names the next stage it is meant for when it is for later', () => {
    expect(mayStart(selfCare, 'settle', { kind: 'exercise', stages: ['maintain', 'strengthen'] })).toEqual({
      allowed: true,
      outsideStage: true,
      direction: 'later',
      meantFor: 'strengthen',
    });
  });

  it('names the nearest earlier stage when it is for earlier only', () => {
    expect(stageFit('strengthen', ['settle', 'stand-walk'])).toEqual({ outsideStage: true, direction: 'earlier', meantFor: 'stand-walk' });
  });

  it('says nothing when the stage is not known', () => {
    expect(stageFit(null, ['maintain'])).toEqual({ outsideStage: false });
  });

  it('every catalogue exercise is outside a stage exactly when its data does not list that stage', () => {
    for (const e of EXERCISES)
      for (const s of STAGE_IDS) {
        const d = mayStart(selfCare, s, { kind: 'exercise', stages: e.stages });
        expect(d.allowed && d.outsideStage, `${e.id} in ${s}`).toBe(!e.stages.includes(s));
      }
  });
});

describe('the clinician visit cannot be dated before the triage that paused the sessions', () => {
  const episode = { onsetDate: '2024-03-01', triagedAt: '2024-03-05T23:30:00Z' };
  it('is the triage’s own day in the person’s time zone (23:30 UTC is already the 6th in Berlin)', () => {
    expect(earliestClinicianVisit({ ...episode, triage: { level: 'urgent-doctor' } }, TZ)).toBe('2024-03-06');
    expect(earliestClinicianVisit({ ...episode, triage: { level: 'emergency' } }, 'UTC')).toBe('2024-03-05');
  });
  it('is the onset when nothing is held, or the triage time is not known', () => {
    expect(earliestClinicianVisit({ ...episode, triage: { level: 'self-care' } }, TZ)).toBe('2024-03-01');
    expect(earliestClinicianVisit({ onsetDate: '2024-03-01', triage: { level: 'urgent-doctor' } }, TZ)).toBe('2024-03-01');
  });
});
