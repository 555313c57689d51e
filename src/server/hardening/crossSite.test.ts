import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { describeEachBackend } from '../testing/backends';
import { appUnderTest } from '../testing/appUnderTest';
import { isCrossSiteWrite } from '../auth/origin';

const NOW = new Date('2026-11-24T12:00:00.000Z');

describe('isCrossSiteWrite', () => {
  it.each([
    ['a read from anywhere', 'GET', { origin: 'https://evil.example' }, false],
    ['a write with no browser headers', 'POST', {}, false],
    ['a write from the same origin', 'PUT', { origin: 'http://app.example:8080', 'sec-fetch-site': 'same-origin' }, false],
    ['a write whose Origin is another host', 'PUT', { origin: 'https://evil.example' }, true],
    ['a write whose Origin is another port', 'POST', { origin: 'http://app.example:9999' }, true],
    ['a write from an opaque origin', 'DELETE', { origin: 'null' }, true],
    ['a write the browser marks cross-site', 'POST', { 'sec-fetch-site': 'cross-site' }, true],
    ['a write the browser marks same-site (a sibling subdomain)', 'POST', { 'sec-fetch-site': 'same-site' }, true],
  ])('%s', (_name, method, headers, expected) => {
    expect(isCrossSiteWrite(method, headers, 'app.example:8080')).toBe(expected);
  });
});

describeEachBackend('cross-site writes', (backend) => {
  const ctx = appUnderTest(backend, () => NOW);

  it('refuses a cookie-authenticated write from a foreign Origin with 403, and stores nothing', async () => {
    const a = await ctx.person();
    const id = randomUUID();
    const res = await ctx.app.inject({
      method: 'PUT',
      url: `/api/v1/episodes/${id}`,
      headers: { cookie: a.cookie ?? '', origin: 'https://evil.example', host: 'localhost:80' },
      payload: { onsetDate: '2026-11-20', regions: ['low-back-center'], painNow: 6, safety: {} },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('forbidden');
    expect((await a.get('/api/v1/episodes')).json()).toEqual([]);
  });

  it('refuses sign-out and guest creation marked cross-site, and keeps the session', async () => {
    const a = await ctx.person();
    const out = await ctx.app.inject({ method: 'DELETE', url: '/api/v1/session', headers: { cookie: a.cookie ?? '', 'sec-fetch-site': 'cross-site' } });
    expect(out.statusCode).toBe(403);
    expect((await a.get('/api/v1/me')).statusCode).toBe(200);
    const guest = await ctx.app.inject({ method: 'POST', url: '/api/v1/session/guest', payload: {}, headers: { 'sec-fetch-site': 'cross-site' } });
    expect(guest.statusCode).toBe(403);
    expect(guest.cookies).toEqual([]);
  });

  it('takes a write from its own origin', async () => {
    const res = await ctx.app.inject({ method: 'POST', url: '/api/v1/session/guest', payload: {}, headers: { origin: 'http://localhost:80', host: 'localhost:80', 'sec-fetch-site': 'same-origin' } });
    expect(res.statusCode).toBe(201);
  });
});
