import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import { dropTestSchema } from '../testing/backends';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app';
import { openStore, type Store } from '../store';
import { TestClient } from '../testing/api';
import { startPushReceiver, type PushReceiver } from '../testing/pushReceiver';

const URL = process.env.TEST_DATABASE_URL;
const START = Date.parse('2026-11-24T10:00:00.000Z');
const PEOPLE = 24;
/** Setting up the people takes a while on a busy machine; the time says nothing about the claims. */
const SETUP_MS = 180_000;

/** Two instances, each with its own pool and scheduler, on one PostgreSQL database: each reminder goes out once. */
(URL ? describe : describe.skip)(`reminders from two instances on one PostgreSQL database${URL ? '' : ' (skipped: set TEST_DATABASE_URL)'}`, () => {
  const schema = `test_push_${randomBytes(5).toString('hex')}`;
  const stores: Store[] = [];
  const apps: FastifyInstance[] = [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'unclench-push-two-'));
  let nowMs = START;
  let receiver: PushReceiver;
  beforeAll(async () => {
    receiver = await startPushReceiver();
    for (let i = 0; i < 2; i++) {
      const store = await openStore({ databaseUrl: URL ?? null, dataDir: dir, pgSchema: schema });
      stores.push(store);
      apps.push(await buildApp({ store, logLevel: 'silent', clock: () => new Date(nowMs), push: { allowLoopback: true }}));
    }
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    for (const store of stores) await store.close();
    await receiver.close();
    await dropTestSchema(URL ?? '', schema);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('both instances use the one VAPID key pair', async () => {
    const keys = await Promise.all(apps.map(async (app) => (await new TestClient(app).get('/api/v1/push/key')).json() as { publicKey: string }));
    expect(keys[0]).toEqual(keys[1]);
  });

  it('sends each due reminder exactly once while both claim at the same time', async () => {
    const paths = new Map<string, string>();
    for (let i = 0; i < PEOPLE; i++) {
      const app = apps[i % 2] as FastifyInstance;
      const person = await new TestClient(app).startGuest();
      const { id: episode } = await person.createEpisode({ onsetDate: '2026-11-22' });
      const device = receiver.device(randomUUID());
      expect((await person.put(`/api/v1/push/subscriptions/${device.id}`, device.subscription)).statusCode).toBe(200);
      expect((await person.put(`/api/v1/episodes/${episode}/sitting`, { sittingSince: new Date(START - (i % 5) * 60_000).toISOString() })).statusCode).toBe(200);
      await person.put('/api/v1/reminder-settings', { quietHours: null, intervalOverrideMinutes: null, checkInTime: '10:25', goalReminder: null });
      paths.set(device.path, episode);
    }
    // 25 minutes on, every sitting and every check-in reminder is due: two of each person's.
    nowMs = START + 25 * 60_000;
    await Promise.all(Array.from({ length: 6 }, (_, i) => (apps[i % 2] as FastifyInstance).reminders.tick()));
    await Promise.all(apps.map((app) => app.reminders.idle()));
    expect(receiver.problems).toEqual([]);
    const byReminder = new Map<string, number>();
    for (const d of receiver.deliveries) byReminder.set(String(d.payload.reminderId), (byReminder.get(String(d.payload.reminderId)) ?? 0) + 1);
    expect(byReminder.size).toBe(PEOPLE * 2);
    expect([...byReminder.values()].every((n) => n === 1)).toBe(true);
    expect(receiver.deliveries).toHaveLength(PEOPLE * 2);
    expect(new Set(receiver.deliveries.map((d) => d.path)).size).toBe(PEOPLE);
    // Later runs on either instance find nothing left to send.
    expect(await Promise.all(apps.map((app) => app.reminders.tick()))).toEqual([{ sent: 0, dropped: 0, held: 0 }, { sent: 0, dropped: 0, held: 0 }]);
    for (const d of receiver.deliveries.filter((x) => x.payload.kind === 'stand-up')) expect(d.payload.episodeId).toBe(paths.get(d.path));
  }, SETUP_MS);
});
