import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app';
import { testBackends } from './testing/backends';
import { TestClient } from './testing/api';
import { EXERCISES } from '../core/exercises';

const NOW = new Date('2026-11-24T12:00:00.000Z');
const exerciseId = EXERCISES[0]?.id ?? '';

function sessionBody(overrides: Record<string, unknown> = {}) {
  return {
    startedAt: '2026-11-24T09:00:00.000Z',
    endedAt: '2026-11-24T09:10:00.000Z',
    painBefore: 4,
    painAfter: 3,
    feel: 'right',
    exercises: [{ exerciseId, outcome: 'done', reps: 8, painDuring: 3 }],
    ...overrides,
  };
}

describe.each(testBackends())('session and movement logs on $name', (backend) => {
  let app: FastifyInstance;
  let store: Awaited<ReturnType<typeof backend.open>>;

  beforeAll(async () => {
    store = await backend.open();
    app = await buildApp({ store, logLevel: 'silent', clock: () => NOW });
  });
  afterAll(async () => {
    await app.close();
    await store.dispose();
  });

  const person = () => new TestClient(app).startGuest('UTC');

  it('stores a session once when sent twice, and lists it', async () => {
    const a = await person();
    const { id } = await a.createEpisode();
    const sessionId = randomUUID();
    const first = await a.put(`/api/v1/episodes/${id}/sessions/${sessionId}`, sessionBody());
    expect(first.statusCode).toBe(200);
    expect((await a.put(`/api/v1/episodes/${id}/sessions/${sessionId}`, sessionBody())).json()).toEqual(first.json());
    expect((await a.get(`/api/v1/episodes/${id}/sessions`)).json()).toEqual([first.json()]);
  });

  it.each([
    ['an end before the start', { endedAt: '2026-11-24T08:00:00.000Z' }, 'endedAt', 'after_start'],
    ['pain during of 11', { exercises: [{ exerciseId, outcome: 'done', painDuring: 11 }] }, 'exercises.0.painDuring', 'max'],
    ['an unknown exercise', { exercises: [{ exerciseId: 'moonwalk', outcome: 'done' }] }, 'exercises.0.exerciseId', 'one_of'],
    ['an unknown feeling', { feel: 'meh' }, 'feel', 'one_of'],
    ['a start in the future', { startedAt: '2026-11-25T09:00:00.000Z', endedAt: '2026-11-25T09:10:00.000Z' }, 'startedAt', 'not_future'],
  ])('rejects %s, naming the field', async (_n, change, path, rule) => {
    const a = await person();
    const { id } = await a.createEpisode();
    const res = await a.put(`/api/v1/episodes/${id}/sessions/${randomUUID()}`, sessionBody(change));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues).toContainEqual(expect.objectContaining({ path, rule }));
    expect((await a.get(`/api/v1/episodes/${id}/sessions`)).json()).toEqual([]);
  });

  it('stores walks once, rejects absurd minutes and unknown kinds', async () => {
    const a = await person();
    const { id } = await a.createEpisode();
    const eventId = randomUUID();
    const walk = { kind: 'walk', startedAt: '2026-11-24T10:00:00.000Z', minutes: 12 };
    const first = await a.put(`/api/v1/episodes/${id}/movements/${eventId}`, walk);
    expect(first.json()).toMatchObject({ kind: 'walk', minutes: 12 });
    expect((await a.put(`/api/v1/episodes/${id}/movements/${eventId}`, walk)).json()).toEqual(first.json());
    expect((await a.put(`/api/v1/episodes/${id}/movements/${randomUUID()}`, { ...walk, minutes: -3 })).json().error.issues).toContainEqual(expect.objectContaining({ path: 'minutes', rule: 'min' }));
    expect((await a.put(`/api/v1/episodes/${id}/movements/${randomUUID()}`, { ...walk, minutes: 100000 })).json().error.issues).toContainEqual(expect.objectContaining({ path: 'minutes', rule: 'max' }));
    expect((await a.put(`/api/v1/episodes/${id}/movements/${randomUUID()}`, { ...walk, kind: 'sprint' })).json().error.issues).toContainEqual(expect.objectContaining({ path: 'kind', rule: 'one_of' }));
    expect((await a.get(`/api/v1/episodes/${id}/movements`)).json()).toHaveLength(1);
  });

  it("keeps another person's logs private", async () => {
    const a = await person();
    const b = await person();
    const { id } = await a.createEpisode();
    const sessionId = randomUUID();
    await a.put(`/api/v1/episodes/${id}/sessions/${sessionId}`, sessionBody());
    expect((await b.get(`/api/v1/episodes/${id}/sessions`)).statusCode).toBe(404);
    expect((await b.put(`/api/v1/episodes/${id}/sessions/${randomUUID()}`, sessionBody())).statusCode).toBe(404);
    const own = await b.createEpisode();
    expect((await b.put(`/api/v1/episodes/${own.id}/sessions/${sessionId}`, sessionBody({ painAfter: 9 }))).statusCode).toBe(404);
    expect((await a.get(`/api/v1/episodes/${id}/sessions`)).json()[0].painAfter).toBe(3);
  });

  it('feeds sessions to the engine: pain during above 5/10 shows in the next plan', async () => {
    const a = await person();
    const { id } = await a.createEpisode({ onsetDate: '2026-11-20', painNow: 4 });
    const calm = (await a.get(`/api/v1/episodes/${id}/today`)).json();
    await a.put(`/api/v1/episodes/${id}/sessions/${randomUUID()}`, sessionBody({ painAfter: 7, feel: 'too_much', exercises: [{ exerciseId, outcome: 'swapped', painDuring: 8 }] }));
    const after = (await a.get(`/api/v1/episodes/${id}/today`)).json();
    const codes = (plan: { reasons: { code: string }[] }) => plan.reasons.map((r) => r.code);
    expect(codes(calm)).not.toContain('flare-step-back');
    expect(codes(after)).toEqual(expect.arrayContaining(['flare-step-back', 'easier-variant']));
  });
});
