import { expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { buildApp } from './app';
import { describeEachBackend } from './testing/backends';
import { appUnderTest } from './testing/appUnderTest';
import { checkInBody, TestClient } from './testing/api';
import { freshAnswer, weekOnTwoInstances } from './testing/keptReplies';
import { addDays } from '../core/time';
import type { Progress } from '../contract';

const DAY_MS = 86_400_000;

/**
 * `GET …/progress` keeps its last reply per episode like Today (src/server/services/plans.ts `keptProgress`). Every
 * kind of write Progress reads, made through a second instance on the same database, must show at once on the
 * first: it always answers what a fresh instance, with nothing kept, works out.
 */
describeEachBackend('Progress kept between writes', (backend) => {
  let now = new Date(Date.now() - (Date.now() % DAY_MS) + 15 * 3_600_000 - DAY_MS);
  const ctx = appUnderTest(backend, () => now);
  const instance = () => buildApp({ store: ctx.store, logLevel: 'silent', clock: () => now });
  const progressOf = async (client: TestClient, episodeId: string) => {
    const res = await client.get(`/api/v1/episodes/${episodeId}/progress`);
    expect(res.statusCode).toBe(200);
    return res.json() as Progress;
  };
  const fresh = (cookie: string | null, episodeId: string) => freshAnswer<Progress>(instance, cookie, `/api/v1/episodes/${episodeId}/progress`);

  it('answers what a fresh instance works out after every kind of write, made on another instance', async () => {
    const a = await ctx.person('UTC');
    const { id, base, today, other, b, pt } = await weekOnTwoInstances(a, now, instance);
    const hourAgo = () => new Date(now.getTime() - 3_600_000).toISOString();
    try {
      let last = await progressOf(a, id);
      expect(await progressOf(a, id)).toEqual(last);
      expect(last).toEqual(await fresh(a.cookie, id));

      const goalId = randomUUID();
      const comfortId = randomUUID();
      const comfort = { kind: 'heat', name: 'Hot water bottle', amount: 20, unit: 'minutes', at: hourAgo() };
      const steps: { name: string; write: () => Promise<number>; changes?: boolean }[] = [
        { name: 'a check-in', write: async () => (await b.put(`${base}/check-ins/${randomUUID()}`, checkInBody({ at: hourAgo(), painNow: 2, painWorst24h: 3, standStraight: 'yes', walkMinutes: 30 }))).statusCode, changes: true },
        { name: 'a back-dated walk', write: async () => (await b.put(`${base}/movements/${randomUUID()}`, { kind: 'walk', startedAt: `${addDays(today, -3)}T11:00:00.000Z`, minutes: 25 })).statusCode, changes: true },
        { name: 'a comfort entry', write: async () => (await b.put(`${base}/comfort/${comfortId}`, comfort)).statusCode },
        { name: 'whether it helped', write: async () => (await b.put(`${base}/comfort/${comfortId}`, { ...comfort, helped: 'yes' })).statusCode, changes: true },
        { name: 'an activity goal', write: async () => (await b.put(`${base}/function-goals/${goalId}`, { activity: 'Tie my shoes' })).statusCode, changes: true },
        { name: 'its rating', write: async () => (await b.put(`${base}/function-goals/${goalId}/ratings/${today}`, { rating: 4 })).statusCode, changes: true },
        { name: 'the rating replaced', write: async () => (await b.put(`${base}/function-goals/${goalId}/ratings/${today}`, { rating: 6 })).statusCode, changes: true },
        { name: 'the goal renamed', write: async () => (await b.put(`${base}/function-goals/${goalId}`, { activity: 'Tie my shoelaces' })).statusCode, changes: true },
        { name: 'other styles', write: async () => (await b.put('/api/v1/preferences', { styles: ['yoga'], sessionMinutes: 20 })).statusCode },
        { name: 'a therapist note', write: async () => (await pt.put(`${base}/plan-edits/${randomUUID()}`, { kind: 'note', text: 'Go gently today.' })).statusCode },
        { name: 'a clinician check', write: async () => (await b.put(`${base}/clinician-check`, { seenOn: today })).statusCode },
        { name: 'the next day', write: async () => ((now = new Date(now.getTime() + DAY_MS)), 200), changes: true },
      ];
      for (const step of steps) {
        expect(await step.write(), step.name).toBeLessThan(300);
        const answer = await progressOf(a, id);
        expect(answer, step.name).toEqual(await fresh(a.cookie, id));
        if (step.changes) expect(answer, step.name).not.toEqual(last);
        last = answer;
      }
    } finally {
      await other.close();
    }
  });

  it('is kept while nothing changes: a comfort entry the generation does not see is not noticed (which is why it has a trigger)', async () => {
    const a = await ctx.person('UTC');
    const today = now.toISOString().slice(0, 10);
    const { id } = await a.createEpisode({ onsetDate: addDays(today, -3), painNow: 5 });
    const kept = await progressOf(a, id);
    const disable = backend.name === 'sqlite' ? sql`DROP TRIGGER progress_input_comfort_logs_insert` : sql`ALTER TABLE comfort_logs DISABLE TRIGGER progress_input_comfort_logs`;
    await disable.execute(ctx.store.db);
    const person = (await a.get('/api/v1/me')).json() as { id: string };
    const at = new Date(now.getTime() - 3_600_000).toISOString();
    await sql`insert into comfort_logs (id, episode_id, person_id, kind, name, amount, unit, daily_max, helped, at, created_at, updated_at)
      values (${randomUUID()}, ${id}, ${person.id}, ${'heat'}, ${'Warm bath'}, ${20}, ${'minutes'}, ${null}, ${'yes'}, ${at}, ${at}, ${at})`.execute(ctx.store.db);
    expect(await progressOf(a, id)).toEqual(kept);
    expect(await fresh(a.cookie, id)).not.toEqual(kept);
  });
});
