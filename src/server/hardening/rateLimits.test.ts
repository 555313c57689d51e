import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app';
import { describeEachBackend } from '../testing/backends';
import { appUnderTest } from '../testing/appUnderTest';
import { TestClient } from '../testing/api';
import { configFromEnv, ConfigError } from '../config';

const START = new Date('2026-11-24T12:00:00.000Z');
let now = START;

describeEachBackend('rate limits', (backend) => {
  const ctx = appUnderTest(backend, () => now);
  let second: FastifyInstance;
  beforeAll(async () => {
    // A second instance on the same database, as behind a load balancer.
    second = await buildApp({ store: ctx.store, logLevel: 'silent', clock: () => now });
  });
  afterAll(async () => {
    await second.close();
  });

  const signIn = (app: FastifyInstance, email: string, headers: Record<string, string> = {}, remoteAddress = '198.51.100.7') =>
    app.inject({ method: 'POST', url: '/api/v1/session', payload: { email, password: 'not the password' }, headers, remoteAddress });

  it('holds the sign-in limit per address across instances and spoofed X-Forwarded-For, with 429 and Retry-After', async () => {
    now = START;
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const app = i % 2 === 0 ? ctx.app : second;
      statuses.push((await signIn(app, `nobody${i}@example.org`, { 'x-forwarded-for': `203.0.113.${i}` })).statusCode);
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    const limited = await signIn(second, 'someone@example.org', { 'x-forwarded-for': '192.0.2.99' });
    expect(statuses[10]).toBe(429);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('rate_limited');
    expect(limited.headers['retry-after']).toBe('60');
    now = new Date(START.getTime() + 61_000);
    expect((await signIn(ctx.app, 'nobody@example.org')).statusCode).toBe(401);
  });

  it('holds the sign-in limit per account when the guesses come from many addresses', async () => {
    now = new Date(START.getTime() + 3_600_000);
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) statuses.push((await signIn(i % 2 ? second : ctx.app, 'target@example.org', {}, `192.0.2.${i}`)).statusCode);
    expect(statuses.filter((s) => s === 401)).toHaveLength(20);
    expect(statuses[20]).toBe(429);
  });

  it('limits guest creation per address', async () => {
    now = new Date(START.getTime() + 2 * 3_600_000);
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) statuses.push((await ctx.app.inject({ method: 'POST', url: '/api/v1/session/guest', payload: {}, remoteAddress: '198.51.100.40' })).statusCode);
    expect(statuses.filter((s) => s === 201)).toHaveLength(30);
    const last = await second.inject({ method: 'POST', url: '/api/v1/session/guest', payload: {}, remoteAddress: '198.51.100.40' });
    expect(last.statusCode).toBe(429);
    expect(Number(last.headers['retry-after'])).toBe(600);
    expect(last.cookies).toEqual([]);
  });

  it('limits credential changes per person', async () => {
    now = new Date(START.getTime() + 3 * 3_600_000);
    const a = await new TestClient(ctx.app).startGuest();
    const email = `limit-${now.getTime()}@example.org`;
    expect((await a.post('/api/v1/account/credentials', { email, password: 'a calm long password' })).statusCode).toBe(200);
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await a.post('/api/v1/account/credentials', { email, password: 'a new long password', currentPassword: `guess number ${i}` })).statusCode);
    expect(statuses.slice(0, 9)).toEqual(Array(9).fill(400));
    expect(statuses[9]).toBe(429);
  });
});

it('believes X-Forwarded-For only from the proxies TRUST_PROXY names', async () => {
  expect(configFromEnv({}).trustProxy).toBe(false);
  expect(configFromEnv({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
  expect(configFromEnv({ TRUST_PROXY: 'loopback, 10.0.0.0/8' }).trustProxy).toBe('loopback, 10.0.0.0/8');
  expect(() => configFromEnv({ TRUST_PROXY: 'true' })).toThrow(ConfigError);
});
