import { expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { CheckIn, Episode, MuscleNote, Movement, PreferencesBody, SessionLog, Today } from '../contract';
import { calmAnswers } from '../core/clinical/fixtures';
import { EXERCISES } from '../core/exercises';
import { localToday } from '../web/offline/localToday';
import { describeEachBackend } from './testing/backends';
import { appUnderTest } from './testing/appUnderTest';
import type { TestClient } from './testing/api';

/**
 * The Today a device works out offline (src/web/offline/localToday.ts) from what the API handed it is the
 * server's Today for the same records: both build the engine input with src/core/plan/input.ts.
 */

const exerciseId = EXERCISES[0]?.id ?? '';
const saved = async (res: Promise<{ statusCode: number }>) => expect((await res).statusCode).toBe(200);

describeEachBackend('offline Today agrees with the server', (backend) => {
  let now = new Date('2026-11-20T08:00:00.000Z');
  const ctx = appUnderTest(backend, () => now);

  async function readAll(a: TestClient, id: string, timeZone: string) {
    const get = async <T extends z.ZodType>(url: string, schema: T): Promise<z.infer<T>> => schema.parse((await a.get(url)).json());
    const episode = await get(`/api/v1/episodes/${id}`, Episode);
    const server = await get(`/api/v1/episodes/${id}/today`, Today);
    const device = localToday({
      date: server.date,
      timeZone,
      episode,
      checkIns: await get(`/api/v1/episodes/${id}/check-ins`, z.array(CheckIn)),
      sessions: await get(`/api/v1/episodes/${id}/sessions`, z.array(SessionLog)),
      movements: await get(`/api/v1/episodes/${id}/movements`, z.array(Movement)),
      muscleNotes: await get(`/api/v1/episodes/${id}/muscle-notes`, z.array(MuscleNote)),
      preferences: await get('/api/v1/preferences', PreferencesBody),
    });
    return { server, device };
  }

  it('for a person who started at 8/10, improved to 3 over ten days, noted muscles, walked and did a session', async () => {
    now = new Date('2026-11-20T08:00:00.000Z');
    const a = await ctx.person('Europe/London');
    const { id } = await a.createEpisode({ onsetDate: '2026-11-20', painNow: 8, safety: { painNRS: 8 } });
    const pains = [8, 7, 7, 6, 5, 5, 4, 4, 3, 3];
    for (const [i, pain] of pains.entries()) {
      const day = String(20 + i).padStart(2, '0');
      now = new Date(`2026-11-${day}T12:00:00.000Z`);
      await saved(a.put(`/api/v1/episodes/${id}/check-ins/${randomUUID()}`, {
        at: `2026-11-${day}T08:30:00.000Z`,
        painNow: pain,
        painWorst24h: pain,
        standStraight: pain > 5 ? 'partly' : 'yes',
        walkMinutes: 5 + i * 2,
        regions: [{ region: 'low-back-center', pain, spasm: false }, { region: 'buttock-left', pain: i < 5 ? 3 : 0, spasm: false }],
      }));
      await saved(a.put(`/api/v1/episodes/${id}/movements/${randomUUID()}`, { kind: 'walk', startedAt: `2026-11-${day}T10:00:00.000Z`, minutes: 5 + i }));
    }
    const noteId = randomUUID();
    await saved(a.put(`/api/v1/episodes/${id}/muscle-notes/${noteId}`, { muscle: 'hamstrings', feels: 'tight' }));
    await saved(a.put(`/api/v1/episodes/${id}/muscle-notes/${randomUUID()}`, { muscle: 'glute-max', feels: 'weak' }));
    now = new Date('2026-11-29T18:00:00.000Z');
    await saved(a.put(`/api/v1/episodes/${id}/muscle-notes/${noteId}`, { muscle: 'hamstrings', feels: 'weak' }));
    await saved(a.put(`/api/v1/episodes/${id}/sessions/${randomUUID()}`, {
      startedAt: '2026-11-28T17:00:00.000Z',
      endedAt: '2026-11-28T17:08:00.000Z',
      painBefore: 4,
      painAfter: 3,
      feel: 'right',
      exercises: [{ exerciseId, outcome: 'done', reps: 6, painDuring: 3 }],
    }));
    now = new Date('2026-11-29T20:00:00.000Z');

    const { server, device } = await readAll(a, id, 'Europe/London');
    expect(server.date).toBe('2026-11-29');
    // Stated facts: the first screen's "severe or getting worse" is gone at 3/10 and falling.
    expect(server.triage.advisories).toEqual([]);
    expect(server.triage.gpReviewAdvised).toBe(false);
    expect(device).toEqual(server);
  });

  it('for a person paused by an urgent answer and seen by a clinician later that day', async () => {
    now = new Date('2026-11-20T08:00:00.000Z');
    const a = await ctx.person('America/New_York');
    const { id } = await a.createEpisode({ onsetDate: '2026-11-18', painNow: 5 });
    now = new Date('2026-11-20T15:00:00.000Z');
    const urgent = await a.put(`/api/v1/episodes/${id}/check-ins/${randomUUID()}`, {
      at: '2026-11-20T15:00:00.000Z',
      painNow: 5,
      painWorst24h: 6,
      standStraight: 'partly',
      walkMinutes: 10,
      safety: calmAnswers({ nightOrRestPain: true, painNRS: 5 }),
    });
    expect(urgent.statusCode).toBe(200);
    const paused = await readAll(a, id, 'America/New_York');
    expect(paused.server.plan[0]?.kind).toBe('see-doctor');
    expect(paused.device).toEqual(paused.server);

    now = new Date('2026-11-20T21:00:00.000Z');
    expect((await a.put(`/api/v1/episodes/${id}/clinician-check`, { seenOn: '2026-11-20' })).statusCode).toBe(200);
    const seen = await readAll(a, id, 'America/New_York');
    expect(seen.server.plan.some((i) => i.kind === 'see-doctor')).toBe(false);
    expect(seen.device).toEqual(seen.server);
  });
});
