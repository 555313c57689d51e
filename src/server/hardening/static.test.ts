import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app';
import { openStore, type Store } from '../store';
import { EPISODES_PRELOAD, todayPreloads } from '../webApp';
import { calmAnswers } from '../../core/clinical/fixtures';

describe('static files', () => {
  let app: FastifyInstance;
  let store: Store;
  let dir: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'unclench-static-'));
    fs.mkdirSync(path.join(dir, 'web', 'assets'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'web', 'index.html'), '<!doctype html><title>Unclench</title>');
    fs.writeFileSync(path.join(dir, 'web', 'assets', 'app-3f9a1c.js'), 'console.log("hello");');
    // What the build writes beside each text file (scripts/precompressPlugin.ts).
    for (const file of ['index.html', 'assets/app-3f9a1c.js']) {
      const raw = fs.readFileSync(path.join(dir, 'web', file));
      fs.writeFileSync(path.join(dir, 'web', `${file}.br`), zlib.brotliCompressSync(raw));
      fs.writeFileSync(path.join(dir, 'web', `${file}.gz`), zlib.gzipSync(raw));
    }
    fs.writeFileSync(path.join(dir, 'secret.txt'), 'not for the web');
    store = await openStore({ databaseUrl: null, dataDir: path.join(dir, 'data') });
    app = await buildApp({ store, logLevel: 'error', webRoot: path.join(dir, 'web') });
  });
  afterAll(async () => {
    await app.close();
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('sends the page with a preload of the episodes to a browser that has a session, and to no one else', async () => {
    const withSession = { accept: 'text/html', cookie: 'unclench_session=some-token' };
    for (const url of ['/', '/today']) {
      expect((await app.inject({ method: 'GET', url, headers: withSession })).headers.link).toBe(EPISODES_PRELOAD);
      expect((await app.inject({ method: 'GET', url, headers: { accept: 'text/html' } })).headers.link).toBeUndefined();
    }
    expect((await app.inject({ method: 'GET', url: '/assets/app-3f9a1c.js', headers: withSession })).headers.link).toBeUndefined();
    expect((await app.inject({ method: 'GET', url: '/api/v1/session', headers: withSession })).headers.link).toBeUndefined();
  });

  it("sends a page that opens on Today with a preload of Today's reads for the person's own episode, and only then", async () => {
    const start = async () => {
      const guest = await app.inject({ method: 'POST', url: '/api/v1/session/guest', payload: { timeZone: 'Europe/London' } });
      const cookie = String(guest.headers['set-cookie']).split(';')[0] ?? '';
      return cookie;
    };
    const withEpisode = async (cookie: string) => {
      const id = randomUUID();
      const onsetDate = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
      const put = await app.inject({ method: 'PUT', url: `/api/v1/episodes/${id}`, headers: { cookie }, payload: { onsetDate, regions: ['low-back-center'], painNow: 5, safety: calmAnswers({ painNRS: 5 }) } });
      expect(put.statusCode).toBe(200);
      return id;
    };
    const linkOf = async (url: string, cookie: string) => String((await app.inject({ method: 'GET', url, headers: { accept: 'text/html', cookie } })).headers.link ?? '');
    const ana = await start();
    expect(await linkOf('/today', ana)).toBe(EPISODES_PRELOAD);
    const anaEpisode = await withEpisode(ana);
    const ben = await start();
    const benEpisode = await withEpisode(ben);
    for (const url of ['/', '/today']) {
      expect(await linkOf(url, ana)).toBe([EPISODES_PRELOAD, ...todayPreloads(anaEpisode)].join(', '));
      expect(await linkOf(url, ben)).toBe([EPISODES_PRELOAD, ...todayPreloads(benEpisode)].join(', '));
    }
    expect(todayPreloads(anaEpisode)[0]).toBe(`</api/v1/episodes/${anaEpisode}/today>; rel=preload; as=fetch; crossorigin=anonymous`);
    expect(await linkOf('/progress', ana)).toBe(EPISODES_PRELOAD);
    expect(await linkOf('/today', 'unclench_session=some-token')).toBe(EPISODES_PRELOAD);
  });

  it.each(['/../secret.txt', '/../../etc/passwd', '/%2e%2e/secret.txt', '/%2e%2e/%2e%2e/etc/passwd', '/..%5csecret.txt', '/..%5c..%5cetc/passwd', '/assets/..%2f..%2fsecret.txt'])(
    'answers %s with 403 or 404 and never the file',
    async (url) => {
      const res = await app.inject({ method: 'GET', url });
      expect([403, 404]).toContain(res.statusCode);
      expect(res.body).not.toContain('not for the web');
      expect(res.body).not.toContain('root:');
    },
  );

  it('answers a range past the end with 416', async () => {
    const res = await app.inject({ method: 'GET', url: '/assets/app-3f9a1c.js', headers: { range: 'bytes=5000-6000' } });
    expect(res.statusCode).toBe(416);
    expect(res.json().error.code).toBe('range_not_satisfiable');
  });

  it.each([
    ['If-Match', { 'if-match': '"another-version"' }],
    ['If-Unmodified-Since', { 'if-unmodified-since': 'Mon, 01 Jan 2001 00:00:00 GMT' }],
  ])('answers a failed %s with 412', async (_name, headers) => {
    const res = await app.inject({ method: 'GET', url: '/assets/app-3f9a1c.js', headers });
    expect(res.statusCode).toBe(412);
    expect(res.json().error.code).toBe('precondition_failed');
  });

  it('serves hashed assets for a year, immutable; the page itself must be checked every time', async () => {
    const asset = await app.inject({ method: 'GET', url: '/assets/app-3f9a1c.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    for (const url of ['/', '/index.html']) expect((await app.inject({ method: 'GET', url })).headers['cache-control']).toBe('no-cache');
    const deepLink = await app.inject({ method: 'GET', url: '/today', headers: { accept: 'text/html' } });
    expect(deepLink.statusCode).toBe(200);
    expect(deepLink.headers['cache-control']).toBe('no-cache');
  });

  it.each([
    ['br', 'gzip, deflate, br', zlib.brotliDecompressSync],
    ['gzip', 'gzip, deflate', zlib.gunzipSync],
  ] as const)('sends the %s copy the build made to a browser that accepts it, and says so', async (encoding, accept, decode) => {
    for (const [url, headers] of [
      ['/assets/app-3f9a1c.js', {}],
      ['/', {}],
      ['/today', { accept: 'text/html' }],
    ] as const) {
      const res = await app.inject({ method: 'GET', url, headers: { 'accept-encoding': accept, ...headers } });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-encoding'], url).toBe(encoding);
      expect(res.headers.vary, url).toMatch(/accept-encoding/i);
      expect(res.headers['content-type'], url).toMatch(url.endsWith('.js') ? /javascript/ : /text\/html/);
      const expected = url.endsWith('.js') ? 'console.log("hello");' : '<!doctype html><title>Unclench</title>';
      expect(decode(res.rawPayload).toString('utf8'), url).toBe(expected);
    }
    const asset = await app.inject({ method: 'GET', url: '/assets/app-3f9a1c.js', headers: { 'accept-encoding': accept } });
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('sends the file as it is when the browser accepts no compression', async () => {
    const res = await app.inject({ method: 'GET', url: '/assets/app-3f9a1c.js', headers: { 'accept-encoding': 'identity' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(res.body).toBe('console.log("hello");');
  });

  it('tells browsers and proxies to keep no API reply', async () => {
    for (const url of ['/api/v1/me', '/healthz', '/api/v1/exercises', '/api/v1/nothing-here']) {
      expect((await app.inject({ method: 'GET', url })).headers['cache-control'], url).toBe('no-store');
    }
  });
});
