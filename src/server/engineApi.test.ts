import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { describeEachBackend } from './testing/backends';
import { appUnderTest } from './testing/appUnderTest';
import { checkInBody } from './testing/api';

const NOW = new Date('2026-11-24T12:00:00.000Z');

describeEachBackend('engine API', (backend) => {
  const ctx = appUnderTest(backend, () => NOW);
  const person = () => ctx.person('UTC');

  describe('exercises', () => {
    it('lists the catalogue and filters it', async () => {
      const all = (await ctx.app.inject({ method: 'GET', url: '/api/v1/exercises' })).json() as { id: string; style: string; position: string }[];
      expect(all.length).toBeGreaterThanOrEqual(48);
      const yoga = (await ctx.app.inject({ method: 'GET', url: '/api/v1/exercises?style=yoga&position=lying' })).json() as { style: string; position: string }[];
      expect(yoga.length).toBeGreaterThan(0);
      expect(yoga.every((e) => e.style === 'yoga' && e.position === 'lying')).toBe(true);
      const one = await ctx.app.inject({ method: 'GET', url: `/api/v1/exercises/${all[0]?.id}` });
      expect(one.json()).toMatchObject({ id: all[0]?.id, keyframes: expect.any(Array), cues: expect.any(Array), stages: expect.any(Array) });
    });

    it('answers 404 for an unknown exercise and 400 for an unknown style', async () => {
      expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/exercises/no-such-move' })).statusCode).toBe(404);
      const res = await ctx.app.inject({ method: 'GET', url: '/api/v1/exercises?style=tango' });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.issues).toContainEqual(expect.objectContaining({ path: 'style', rule: 'one_of' }));
    });
  });

  describe('preferences', () => {
    it('starts with defaults, saves a choice, and rejects a length that is not offered', async () => {
      const a = await person();
      expect((await a.get('/api/v1/preferences')).json()).toEqual({ styles: ['general'], sessionMinutes: 10 });
      expect((await a.put('/api/v1/preferences', { styles: ['yoga', 'ballet'], sessionMinutes: 20 })).json()).toEqual({ styles: ['yoga', 'ballet'], sessionMinutes: 20 });
      const bad = await a.put('/api/v1/preferences', { styles: [], sessionMinutes: 15 });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.issues.map((i: { path: string }) => i.path).sort()).toEqual(['sessionMinutes', 'styles']);
      expect((await a.get('/api/v1/preferences')).json()).toEqual({ styles: ['yoga', 'ballet'], sessionMinutes: 20 });
    });
  });

  describe('muscle notes', () => {
    it('saves once, corrects, lists, removes, and keeps them private', async () => {
      const a = await person();
      const { id } = await a.createEpisode();
      const noteId = randomUUID();
      const first = await a.put(`/api/v1/episodes/${id}/muscle-notes/${noteId}`, { muscle: 'hamstrings', feels: 'tight' });
      expect(first.statusCode).toBe(200);
      expect((await a.put(`/api/v1/episodes/${id}/muscle-notes/${noteId}`, { muscle: 'hamstrings', feels: 'tight' })).json()).toEqual(first.json());
      expect((await a.put(`/api/v1/episodes/${id}/muscle-notes/${noteId}`, { muscle: 'elbows', feels: 'tight' })).statusCode).toBe(400);
      expect((await a.get(`/api/v1/episodes/${id}/muscle-notes`)).json()).toEqual([first.json()]);

      const b = await person();
      expect((await b.get(`/api/v1/episodes/${id}/muscle-notes`)).statusCode).toBe(404);
      expect((await b.request('DELETE', `/api/v1/episodes/${id}/muscle-notes/${noteId}`)).statusCode).toBe(404);

      expect((await a.request('DELETE', `/api/v1/episodes/${id}/muscle-notes/${noteId}`)).statusCode).toBe(204);
      expect((await a.get(`/api/v1/episodes/${id}/muscle-notes`)).json()).toEqual([]);
    });
  });

  describe('plan for a date', () => {
    it('uses only what was logged up to that day', async () => {
      const a = await person();
      const { id } = await a.createEpisode({ onsetDate: '2026-11-10', painNow: 8 });
      await a.put(`/api/v1/episodes/${id}/check-ins/${randomUUID()}`, checkInBody({ at: '2026-11-10T09:00:00Z', painNow: 8, painWorst24h: 9, standStraight: 'no', walkMinutes: 0 }));
      const before = (await a.get(`/api/v1/episodes/${id}/plan?date=2026-11-11`)).json();
      expect(before.stage).toBe('settle');
      for (let day = 12; day <= 23; day++) {
        await a.put(`/api/v1/episodes/${id}/check-ins/${randomUUID()}`, checkInBody({ at: `2026-11-${day}T20:00:00Z`, painNow: 2, painWorst24h: 3, standStraight: 'yes', walkMinutes: 30 }));
      }
      expect((await a.get(`/api/v1/episodes/${id}/plan?date=2026-11-11`)).json()).toEqual(before);
      const later = (await a.get(`/api/v1/episodes/${id}/plan?date=2026-11-23`)).json();
      expect(later.stage).not.toBe('settle');
      expect(later.items.length).toBeGreaterThan(0);
      expect(later.reasons.length).toBeGreaterThan(0);
    });

    it('rejects a date in the future or before the episode', async () => {
      const a = await person();
      const { id } = await a.createEpisode({ onsetDate: '2026-11-20' });
      expect((await a.get(`/api/v1/episodes/${id}/plan?date=2026-11-25`)).json().error.issues).toContainEqual(expect.objectContaining({ path: 'date', rule: 'not_future' }));
      expect((await a.get(`/api/v1/episodes/${id}/plan?date=2026-11-19`)).json().error.issues).toContainEqual(expect.objectContaining({ path: 'date', rule: 'within_episode' }));
      expect((await a.get(`/api/v1/episodes/${id}/plan?date=soon`)).json().error.issues).toContainEqual(expect.objectContaining({ path: 'date', rule: 'format' }));
    });
  });

  describe('progress', () => {
    it('returns every series for 21 back-dated days, with pain moving from the low back to a thigh', async () => {
      const a = await person();
      const { id } = await a.createEpisode({ onsetDate: '2026-11-03', painNow: 8 });
      for (let i = 0; i < 21; i++) {
        const day = `2026-11-${String(3 + i).padStart(2, '0')}`;
        const pain = Math.max(2, 8 - Math.floor(i / 3));
        const regions = i < 10 ? [{ region: 'low-back-center', pain }] : [{ region: 'low-back-center', pain: Math.max(1, pain - 1) }, { region: 'thigh-back-right', pain: 3, spasm: true }];
        const res = await a.put(`/api/v1/episodes/${id}/check-ins/${randomUUID()}`, checkInBody({ at: `${day}T09:00:00Z`, painNow: pain, painWorst24h: Math.min(10, pain + 1), standStraight: pain > 6 ? 'no' : 'yes', walkMinutes: pain > 6 ? 0 : 20, regions }));
        expect(res.statusCode).toBe(200);
      }
      await a.put(`/api/v1/episodes/${id}/movements/${randomUUID()}`, { kind: 'walk', startedAt: '2026-11-20T10:00:00Z', minutes: 15 });
      const progress = (await a.get(`/api/v1/episodes/${id}/progress`)).json();
      expect(progress.pain).toHaveLength(22);
      expect(progress.pain.every((p: { days: number }) => p.days === 1)).toBe(true);
      expect(progress.worstChange).toMatchObject({ from: 9, meetsAbsolute: true });
      expect(progress.summary[0]).toMatch(/^Your worst pain has dropped from 9 to \d since the 3rd: that is a real improvement\.$/);
      expect(progress.relatedPains).toEqual([expect.objectContaining({ region: 'thigh-back-right', kind: 'new', since: '2026-11-13' })]);
      expect(progress.askAboutLegs).toBe(true);
      expect(progress.activity.find((d: { date: string }) => d.date === '2026-11-20').walkMinutes).toBe(15);
      expect(progress.stages.length).toBeGreaterThan(1);
      expect(progress.expectation.sources.length).toBe(3);
      expect(progress.bodyMapByWeek.at(-1).regions).toContainEqual({ region: 'thigh-back-right', maxPain: 3, spasm: true });

      const b = await person();
      expect((await b.get(`/api/v1/episodes/${id}/progress`)).statusCode).toBe(404);
    });
  });
});
