import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app';
import { describeEachBackend, testBackends } from '../testing/backends';
import { appUnderTest } from '../testing/appUnderTest';
import { ROUTES } from '../../contract';
import { calmAnswers } from '../../core/clinical/fixtures';

const NOW = new Date('2026-11-24T12:00:00.000Z');

describeEachBackend('headers and error replies', (backend) => {
  const ctx = appUnderTest(backend, () => NOW);

  it('sends each page a Permissions-Policy that allows screen wake lock on this site, the camera only on the posture check and the guided session, and nothing else', async () => {
    const policyOf = async (url: string) => String((await ctx.app.inject({ method: 'GET', url, headers: { accept: 'text/html' } })).headers['permissions-policy']).split(', ');
    for (const url of ['/', '/today', '/move', '/library/bridge', '/sessions', '/session/', '/session/bridge/more', '/session/Bad_Id', '/postures']) {
      const policy = await policyOf(url);
      expect(policy.filter((p) => p.endsWith('=(self)')), url).toEqual(['screen-wake-lock=(self)']);
      expect(policy, url).toContain('camera=()');
      expect(policy).toContain('microphone=()');
      expect(policy).toContain('geolocation=()');
    }
    expect((await policyOf('/posture')).filter((p) => p.endsWith('=(self)')).sort()).toEqual(['camera=(self)', 'screen-wake-lock=(self)']);
    expect(await policyOf('/posture?from=today')).toContain('camera=(self)');
    // The guided session: today's, or one movement tried from the library.
    for (const url of ['/session', '/session/bridge', '/session/hip-hinge-practice?from=library'])
      expect((await policyOf(url)).filter((p) => p.endsWith('=(self)')).sort(), url).toEqual(['camera=(self)', 'screen-wake-lock=(self)']);
  });

  it('sends no HSTS over plain HTTP', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: '/healthz' })).headers['strict-transport-security']).toBeUndefined();
  });

  it('answers a body over 64 KB with 413 and a body that is not JSON with 415', async () => {
    const a = await ctx.person();
    const url = `/api/v1/episodes/${randomUUID()}`;
    const big = await ctx.app.inject({ method: 'PUT', url, headers: { cookie: a.cookie ?? '' }, payload: { onsetDate: '2026-11-20', regions: ['low-back-center'], painNow: 6, safety: calmAnswers(), x: 'x'.repeat(70_000) } });
    expect(big.statusCode).toBe(413);
    const text = await ctx.app.inject({ method: 'PUT', url, headers: { cookie: a.cookie ?? '', 'content-type': 'text/plain' }, payload: 'hello' });
    expect(text.statusCode).toBe(415);
    expect((await a.get('/api/v1/episodes')).json()).toEqual([]);
  });

  it('lists every error reply of every route in OpenAPI', async () => {
    const doc = (await ctx.app.inject({ method: 'GET', url: '/api/docs' })).json() as { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
    const statusesOf = (name: keyof typeof ROUTES) => {
      const route = ROUTES[name];
      return Object.keys(doc.paths[route.path.replace(/:(\w+)/g, '{$1}')]?.[route.method.toLowerCase()]?.responses ?? {}).map(Number);
    };
    expect(statusesOf('addCredentials')).toEqual([200, 400, 401, 403, 409, 413, 415, 429, 500]);
    expect(statusesOf('signIn')).toEqual([200, 400, 403, 413, 415, 429, 500]);
    expect(statusesOf('startGuest')).toContain(429);
    expect(statusesOf('putCheckIn')).toEqual([200, 400, 401, 403, 404, 413, 415, 500]);
    expect(statusesOf('me')).toEqual([200, 401, 500]);
    expect(statusesOf('deleteMuscleNote')).toEqual([204, 400, 401, 403, 404, 500]);
    expect(statusesOf('health')).toEqual([200, 500]);
    expect(statusesOf('ready')).toEqual([200, 500, 503]);
    for (const name of Object.keys(ROUTES) as (keyof typeof ROUTES)[]) {
      const route = ROUTES[name];
      const statuses = statusesOf(name);
      expect(statuses, name).toContain(500);
      if (route.auth) expect(statuses, name).toContain(401);
      if (route.method !== 'GET') expect(statuses, name).toContain(403);
    }
  });
});

describe('over HTTPS (COOKIE_SECURE=true)', () => {
  const backend = testBackends()[0];
  let app: FastifyInstance;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    if (!backend) throw new Error('no backend');
    const store = await backend.open();
    dispose = store.dispose;
    app = await buildApp({ store, logLevel: 'silent', cookieSecure: true });
  });
  afterAll(async () => {
    await app.close();
    await dispose();
  });

  it('sends HSTS and a Secure cookie', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/session/guest', payload: {} });
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000');
    expect(res.cookies[0]?.secure).toBe(true);
    const page = await app.inject({ method: 'GET', url: '/today', headers: { accept: 'text/html' } });
    expect(page.headers['strict-transport-security']).toBe('max-age=31536000');
  });
});
