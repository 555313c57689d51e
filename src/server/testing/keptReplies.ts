import { expect } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { addDays } from '../../core/time';
import { checkInBody, TestClient } from './api';
import { linkTherapist } from './routeSamples';

/**
 * For the tests of kept replies (Today, Progress): a person `a` with an episode begun six days before `now` and a
 * check-in on each of those days, and a second instance on the same database where `b` acts for the same person and
 * `pt` is their linked therapist (view and plan). The caller closes `other`.
 */
export async function weekOnTwoInstances(a: TestClient, now: Date, instance: () => Promise<FastifyInstance>) {
  const today = now.toISOString().slice(0, 10);
  const { id } = await a.createEpisode({ onsetDate: addDays(today, -6), painNow: 6 });
  const base = `/api/v1/episodes/${id}`;
  for (let n = 0; n < 6; n += 1) {
    expect((await a.put(`${base}/check-ins/${randomUUID()}`, checkInBody({ at: `${addDays(today, n - 6)}T09:00:00.000Z`, painNow: 6 - Math.floor(n / 2), walkMinutes: 5 + n }))).statusCode).toBe(200);
  }
  const other = await instance();
  const b = new TestClient(other);
  b.cookie = a.cookie;
  const pt = await new TestClient(other).signUpTherapist();
  await linkTherapist(b, pt, ['view', 'plan']);
  return { id, base, today, other, b, pt };
}

/** What a new instance, with nothing kept, answers `cookie`'s holder at `url` (a GET that must succeed). */
export async function freshAnswer<T>(instance: () => Promise<FastifyInstance>, cookie: string | null, url: string): Promise<T> {
  const app = await instance();
  try {
    const client = new TestClient(app);
    client.cookie = cookie;
    const res = await client.get(url);
    expect(res.statusCode).toBe(200);
    return res.json() as T;
  } finally {
    await app.close();
  }
}
