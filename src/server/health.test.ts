import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app';
import { testBackends } from './testing/backends';

describe('liveness and readiness', () => {
  const backend = testBackends()[0];
  let app: FastifyInstance;
  let store: Awaited<ReturnType<NonNullable<typeof backend>['open']>>;
  beforeAll(async () => {
    if (!backend) throw new Error('no backend');
    store = await backend.open();
    app = await buildApp({ store, logLevel: 'silent' });
  });
  afterAll(async () => {
    await app.close();
    await store.dispose();
  });

  it('answers /healthz and /readyz while the database answers', async () => {
    for (const url of ['/healthz', '/readyz']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.json(), url).toEqual({ status: 'ok', database: 'sqlite' });
      expect(res.headers['cache-control'], url).toBe('no-store');
    }
  });

  it('keeps /healthz (liveness) at 200 when the database stops answering, and /readyz answers 503', async () => {
    await store.close();
    expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    const ready = await app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toMatchObject({ error: { code: 'unavailable' } });
  });
});
