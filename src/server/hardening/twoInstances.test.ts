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

const URL = process.env.TEST_DATABASE_URL;
const NOW = new Date('2026-11-24T12:00:00.000Z');

/** Two instances, each with its own connection pool, on one PostgreSQL database (as behind a load balancer). */
(URL ? describe : describe.skip)(`two instances on one PostgreSQL database${URL ? '' : ' (skipped: set TEST_DATABASE_URL)'}`, () => {
  const schema = `test_two_${randomBytes(5).toString('hex')}`;
  const stores: Store[] = [];
  const apps: FastifyInstance[] = [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'unclench-two-'));
  beforeAll(async () => {
    for (let i = 0; i < 2; i++) {
      const store = await openStore({ databaseUrl: URL ?? null, dataDir: dir, pgSchema: schema });
      stores.push(store);
      apps.push(await buildApp({ store, logLevel: 'silent', clock: () => NOW, trustProxy: false }));
    }
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    for (const store of stores) await store.close();
    await dropTestSchema(URL ?? '', schema);
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const [first, second] = [() => apps[0] as FastifyInstance, () => apps[1] as FastifyInstance];

  it('holds the sign-in limit across both instances and spoofed X-Forwarded-For', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const app = i % 2 ? second() : first();
      const res = await app.inject({ method: 'POST', url: '/api/v1/session', remoteAddress: '203.0.113.50', headers: { 'x-forwarded-for': `198.51.100.${i}` }, payload: { email: `x${i}@example.org`, password: 'not the password' } });
      statuses.push(res.statusCode);
    }
    expect(statuses).toEqual([...Array(10).fill(401), 429, 429]);
  });

  it('a session made on one instance is valid on the other, and signing out on one ends it on both', async () => {
    const onFirst = await new TestClient(first()).startGuest();
    const onSecond = new TestClient(second());
    onSecond.cookie = onFirst.cookie;
    expect((await onSecond.get('/api/v1/me')).statusCode).toBe(200);
    const { id } = await onFirst.createEpisode();
    expect((await onSecond.get(`/api/v1/episodes/${id}`)).statusCode).toBe(200);
    expect((await onSecond.delete('/api/v1/session')).statusCode).toBe(204);
    onSecond.cookie = onFirst.cookie;
    expect((await onFirst.get('/api/v1/me')).statusCode).toBe(401);
    expect((await onSecond.get('/api/v1/me')).statusCode).toBe(401);
  });

  it('signing out everywhere on one instance ends the sessions made on the other', async () => {
    const a = await new TestClient(first()).startGuest();
    const email = `two-${randomUUID()}@example.org`;
    expect((await a.post('/api/v1/account/credentials', { email, password: 'a calm long password' })).statusCode).toBe(200);
    const b = new TestClient(second());
    expect((await b.post('/api/v1/session', { email, password: 'a calm long password' })).statusCode).toBe(200);
    expect((await b.delete('/api/v1/sessions')).statusCode).toBe(204);
    expect((await a.get('/api/v1/me')).statusCode).toBe(401);
  });
});
