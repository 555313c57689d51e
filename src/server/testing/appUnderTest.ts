import { afterAll, beforeAll } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app';
import type { Backend } from './backends';
import { TestClient } from './api';

/** Builds the real app on a fresh database of `backend` for one describe block, and tears it down after. */
export function appUnderTest(backend: Backend, clock: () => Date) {
  const ctx = {} as { app: FastifyInstance; store: Awaited<ReturnType<Backend['open']>>; person: (timeZone?: string) => Promise<TestClient> };
  beforeAll(async () => {
    ctx.store = await backend.open();
    // Push endpoints on this machine are accepted: the reminder tests play the push service on 127.0.0.1.
    ctx.app = await buildApp({ store: ctx.store, logLevel: 'silent', clock, push: { allowLoopback: true } });
    ctx.person = (timeZone?: string) => new TestClient(ctx.app).startGuest(timeZone);
  });
  afterAll(async () => {
    await ctx.app.close();
    await ctx.store.dispose();
  });
  return ctx;
}
