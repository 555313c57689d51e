import { expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { describeEachBackend } from './testing/backends';
import { appUnderTest } from './testing/appUnderTest';
import { checkInBody, type TestClient } from './testing/api';
import { addDays } from '../core/time';

/**
 * The progress reply stays bounded however long an episode lives: at most MAX_POINTS points in each series and at
 * most MAX_BYTES of JSON, for an episode a year old and for one whose records span 1,365 days.
 */
const MAX_POINTS = 150;
const MAX_BYTES = 64 * 1024;

const START = new Date('2026-12-01T12:00:00.000Z');
const LATER_DAYS = 1000;

interface Reply {
  pain: { date: string; days: number }[];
  activity: { date: string; days: number; walkMinutes: number; sessionsDone: number }[];
  functionMean: unknown[];
  functionGoals: { ratings: unknown[] }[];
  stages: unknown[];
  bodyMapByWeek: unknown[];
}

function expectBounded(body: string) {
  const reply = JSON.parse(body) as Reply;
  expect(Buffer.byteLength(body)).toBeLessThan(MAX_BYTES);
  for (const series of [reply.pain, reply.activity, reply.functionMean, reply.stages, reply.bodyMapByWeek, ...reply.functionGoals.map((g) => g.ratings)]) {
    expect(series.length).toBeLessThanOrEqual(MAX_POINTS);
  }
  return reply;
}

describeEachBackend('progress reply size', (backend) => {
  let now = START;
  const ctx = appUnderTest(backend, () => now);

  async function must(client: TestClient, url: string, body: unknown) {
    const res = await client.put(url, body);
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
  }

  /** A check-in with a body map, a walk, and every third day a session, on `date`. */
  async function logDay(client: TestClient, base: string, date: string, n: number) {
    const pain = 3 + (n % 5);
    await must(client, `${base}/check-ins/${randomUUID()}`, checkInBody({ at: `${date}T08:00:00.000Z`, painNow: pain, painWorst24h: pain + 2, walkMinutes: 10, regions: [{ region: n % 2 ? 'low-back-center' : 'buttock-left', pain, spasm: n % 7 === 0 }] }));
    await must(client, `${base}/movements/${randomUUID()}`, { kind: 'walk', startedAt: `${date}T10:00:00.000Z`, minutes: 12 });
    if (n % 3 === 0) {
      await must(client, `${base}/sessions/${randomUUID()}`, { startedAt: `${date}T17:00:00.000Z`, endedAt: `${date}T17:10:00.000Z`, painBefore: pain, painAfter: pain, feel: 'right', exercises: [] });
    }
  }

  it('a year of daily records, then 1,000 more days: the reply stays under its bound, and totals are kept', { timeout: 600_000 }, async () => {
    now = START;
    const a = await ctx.person('UTC');
    const today = START.toISOString().slice(0, 10);
    const onset = addDays(today, -364);
    const { id } = await a.createEpisode({ onsetDate: onset, painNow: 7 });
    const base = `/api/v1/episodes/${id}`;
    // Sessions end after 30 idle days, so the person signs in again when the clock has moved on.
    const credentials = { email: `${randomUUID()}@example.org`, password: `Quiet river ${randomUUID()}` };
    expect((await a.post('/api/v1/account/credentials', credentials)).statusCode).toBe(200);
    const goal = randomUUID();
    await must(a, `${base}/function-goals/${goal}`, { activity: 'Put on my socks' });
    let walks = 0;
    let sessions = 0;
    for (let n = 0; n < 365; n++) {
      const date = addDays(onset, n);
      await logDay(a, base, date, n);
      walks += 12;
      if (n % 3 === 0) sessions++;
      if (n % 2 === 0) await must(a, `${base}/function-goals/${goal}/ratings/${date}`, { rating: n % 11 });
    }
    const year = expectBounded((await a.get(`${base}/progress`)).body);
    expect(year.pain.at(-1)).toMatchObject({ date: today, days: 1 });
    expect(year.pain.reduce((s, p) => s + p.days, 0)).toBe(365);
    expect(year.activity.reduce((s, p) => s + p.walkMinutes, 0)).toBe(walks);
    expect(year.activity.reduce((s, p) => s + p.sessionsDone, 0)).toBe(sessions);

    // The episode lives on: a record every fourth day for 1,000 more days.
    now = new Date(START.getTime() + LATER_DAYS * 86_400_000);
    expect((await a.post('/api/v1/session', credentials)).statusCode).toBe(200);
    for (let n = 4; n <= LATER_DAYS; n += 4) {
      await logDay(a, base, addDays(today, n), n);
      walks += 12;
      if (n % 3 === 0) sessions++;
      if (n % 8 === 0) await must(a, `${base}/function-goals/${goal}/ratings/${addDays(today, n)}`, { rating: n % 11 });
    }
    const long = expectBounded((await a.get(`${base}/progress`)).body);
    expect(long.pain.reduce((s, p) => s + p.days, 0)).toBe(365 + LATER_DAYS);
    expect(long.activity.reduce((s, p) => s + p.walkMinutes, 0)).toBe(walks);
    expect(long.activity.reduce((s, p) => s + p.sessionsDone, 0)).toBe(sessions);
    expect(long.pain.slice(-84).every((p) => p.days === 1)).toBe(true);
  });
});
