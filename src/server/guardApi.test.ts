import { expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { EXERCISES } from '../core/exercises';
import { calmAnswers } from '../core/clinical/fixtures';
import { checkInBody } from './testing/api';
import { appUnderTest } from './testing/appUnderTest';
import { describeEachBackend } from './testing/backends';

/** Safety holds (issue 9, point 7): the clinician visit's date, and sessions logged while they are paused. */
const NOW = new Date('2026-11-24T12:00:00.000Z');
let now = NOW;
const exerciseId = EXERCISES[0]?.id ?? '';
/** Night pain is urgent rule U7 (clinical.md §1): see a doctor within 24 hours, sessions paused. */
const URGENT = { nightOrRestPain: true };

type PlanItem = { kind: string; paused?: boolean; exercises?: unknown[] };
const sessionItem = (today: { plan: PlanItem[] }) => today.plan.find((i) => i.kind === 'session');

describeEachBackend('safety holds', (backend) => {
  const ctx = appUnderTest(backend, () => now);

  it('tells when the current triage was made and when the visit was recorded', async () => {
    const a = await ctx.person('UTC');
    const { id, episode } = await a.createEpisode({ safety: URGENT });
    expect(episode).toMatchObject({ currentTriageAt: NOW.toISOString(), clinicianRecordedAt: null });
    const seen = (await a.put(`/api/v1/episodes/${id}/clinician-check`, { seenOn: '2026-11-24' })).json();
    expect(seen).toMatchObject({ clinicianSeenOn: '2026-11-24', clinicianRecordedAt: NOW.toISOString() });
  });

  it('refuses a visit dated before the triage that paused the sessions, naming seenOn and the rule', async () => {
    const a = await ctx.person('UTC');
    const { id } = await a.createEpisode({ onsetDate: '2026-11-20', safety: URGENT });
    const res = await a.put(`/api/v1/episodes/${id}/clinician-check`, { seenOn: '2026-11-23' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues).toContainEqual(expect.objectContaining({ path: 'seenOn', rule: 'not_before_triage' }));
    expect(sessionItem((await a.get(`/api/v1/episodes/${id}/today`)).json())?.paused).toBe(true);
  });

  it('counts the triage’s day in the person’s time zone (12:00 UTC is already the 25th in Auckland)', async () => {
    const a = await ctx.person('Pacific/Auckland');
    const { id } = await a.createEpisode({ onsetDate: '2026-11-20', safety: URGENT });
    expect((await a.put(`/api/v1/episodes/${id}/clinician-check`, { seenOn: '2026-11-24' })).statusCode).toBe(400);
    expect((await a.put(`/api/v1/episodes/${id}/clinician-check`, { seenOn: '2026-11-25' })).statusCode).toBe(200);
  });

  it('holds no date rule beyond the episode when nothing is paused', async () => {
    const a = await ctx.person('UTC');
    const { id } = await a.createEpisode({ onsetDate: '2026-11-20' });
    expect((await a.put(`/api/v1/episodes/${id}/clinician-check`, { seenOn: '2026-11-21' })).statusCode).toBe(200);
  });

  it('a visit recorded again after a newer urgent triage, with the same date, lifts that pause too', async () => {
    const a = await ctx.person('UTC');
    const { id } = await a.createEpisode({ onsetDate: '2026-11-20', safety: URGENT });
    try {
      await a.put(`/api/v1/episodes/${id}/clinician-check`, { seenOn: '2026-11-24' });
      expect(sessionItem((await a.get(`/api/v1/episodes/${id}/today`)).json())?.paused).toBe(false);
      now = new Date(NOW.getTime() + 2 * 3_600_000);
      await a.put(`/api/v1/episodes/${id}/check-ins/${randomUUID()}`, checkInBody({ at: now.toISOString(), safety: calmAnswers({ fever: true }) }));
      expect(sessionItem((await a.get(`/api/v1/episodes/${id}/today`)).json())?.paused).toBe(true);
      now = new Date(NOW.getTime() + 4 * 3_600_000);
      expect((await a.put(`/api/v1/episodes/${id}/clinician-check`, { seenOn: '2026-11-24' })).statusCode).toBe(200);
      expect(sessionItem((await a.get(`/api/v1/episodes/${id}/today`)).json())?.paused).toBe(false);
    } finally {
      now = NOW;
    }
  });

  it('accepts a session logged while paused (it happened) but plans none', async () => {
    const a = await ctx.person('UTC');
    const { id } = await a.createEpisode({ onsetDate: '2026-11-20', safety: URGENT });
    const before = sessionItem((await a.get(`/api/v1/episodes/${id}/today`)).json());
    expect(before).toMatchObject({ paused: true, exercises: [] });
    const log = {
      startedAt: '2026-11-24T09:00:00.000Z',
      endedAt: '2026-11-24T09:10:00.000Z',
      painBefore: 4,
      painAfter: 3,
      feel: 'right',
      exercises: [{ exerciseId, outcome: 'done', reps: 8 }],
    };
    expect((await a.put(`/api/v1/episodes/${id}/sessions/${randomUUID()}`, log)).statusCode).toBe(200);
    expect((await a.get(`/api/v1/episodes/${id}/sessions`)).json()).toHaveLength(1);
    expect(sessionItem((await a.get(`/api/v1/episodes/${id}/today`)).json())).toMatchObject({ paused: true, exercises: [] });
  });
});
