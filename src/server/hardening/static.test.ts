import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app';
import { openStore, type Store } from '../store';
import { BOOT_ELEMENT_ID } from '../pageBoot';
import { calmAnswers } from '../../core/clinical/fixtures';

const PAGE = '<!doctype html><html><head><title>Unclench</title></head><body><div id="root"></div></body></html>';

describe('static files', () => {
  let app: FastifyInstance;
  let store: Store;
  let dir: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'unclench-static-'));
    fs.mkdirSync(path.join(dir, 'web', 'assets'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'web', 'index.html'), PAGE);
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

  /** The answers a page carries (see pageBoot.ts), read back as the app reads them; null when it carries none. */
  const bootOf = (html: string): Record<string, unknown> | null => {
    const m = new RegExp(`<script id="${BOOT_ELEMENT_ID}" type="application/json">([^<]*)</script>`).exec(html);
    return m?.[1] ? (JSON.parse(m[1]) as { reads: Record<string, unknown> }).reads : null;
  };
  const opening = { accept: 'text/html', 'sec-fetch-mode': 'navigate' };
  const startGuest = async () => {
    const guest = await app.inject({ method: 'POST', url: '/api/v1/session/guest', payload: { timeZone: 'Europe/London' } });
    return String(guest.headers['set-cookie']).split(';')[0] ?? '';
  };
  const startEpisode = async (cookie: string) => {
    const id = randomUUID();
    const onsetDate = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
    const put = await app.inject({ method: 'PUT', url: `/api/v1/episodes/${id}`, headers: { cookie }, payload: { onsetDate, regions: ['low-back-center'], painNow: 5, safety: calmAnswers({ painNRS: 5 }) } });
    expect(put.statusCode).toBe(200);
    return id;
  };

  it("sends a page that opens on Today with Today's first reads answered inside, for the person's own episode only", async () => {
    const ana = await startGuest();
    const anaEpisode = await startEpisode(ana);
    const ben = await startGuest();
    const benEpisode = await startEpisode(ben);
    for (const url of ['/', '/today']) {
      const page = await app.inject({ method: 'GET', url, headers: { ...opening, cookie: ana } });
      expect(page.statusCode).toBe(200);
      // About one person: no browser or proxy may keep it.
      expect(page.headers['cache-control']).toBe('no-store');
      const reads = bootOf(page.body);
      const base = `/api/v1/episodes/${anaEpisode}`;
      expect(Object.keys(reads ?? {}).sort()).toEqual(
        ['/api/v1/session', '/api/v1/episodes', `${base}/today`, `${base}/check-ins`, `${base}/movements`, `${base}/sessions`, `${base}/comfort`, `${base}/function-goals`].sort(),
      );
      // Each answer is the API's own.
      for (const [read, answer] of Object.entries(reads ?? {})) {
        const direct = await app.inject({ method: 'GET', url: read, headers: { cookie: ana } });
        expect(answer, read).toEqual(direct.json());
      }
      expect(page.body).not.toContain(benEpisode);
      const bens = bootOf((await app.inject({ method: 'GET', url, headers: { ...opening, cookie: ben } })).body);
      expect(Object.keys(bens ?? {})).toContain(`/api/v1/episodes/${benEpisode}/today`);
      expect(JSON.stringify(bens)).not.toContain(anaEpisode);
    }
    const progress = bootOf((await app.inject({ method: 'GET', url: '/progress', headers: { ...opening, cookie: ana } })).body);
    expect(Object.keys(progress ?? {}).sort()).toEqual(['/api/v1/episodes', `/api/v1/episodes/${anaEpisode}/progress`, '/api/v1/session']);
    for (const url of ['/check-in', '/re-check']) {
      const checkIn = bootOf((await app.inject({ method: 'GET', url, headers: { ...opening, cookie: ana } })).body);
      expect(Object.keys(checkIn ?? {}).sort(), url).toEqual(['/api/v1/episodes', `/api/v1/episodes/${anaEpisode}/check-ins`, `/api/v1/episodes/${anaEpisode}/today`, '/api/v1/session']);
    }
    const move = bootOf((await app.inject({ method: 'GET', url: '/move', headers: { ...opening, cookie: ana } })).body);
    const base = `/api/v1/episodes/${anaEpisode}`;
    expect(Object.keys(move ?? {}).sort()).toEqual(['/api/v1/episodes', '/api/v1/session', `${base}/today`, `${base}/check-ins`, `${base}/movements`, `${base}/sessions`, `${base}/comfort`].sort());
  });

  it('answers only who is signed in for a newcomer, a person without an episode, or a session that ended', async () => {
    const newcomer = bootOf((await app.inject({ method: 'GET', url: '/', headers: opening })).body);
    expect(newcomer).toEqual({ '/api/v1/session': expect.objectContaining({ me: null }) });
    const ended = bootOf((await app.inject({ method: 'GET', url: '/today', headers: { ...opening, cookie: 'unclench_session=some-token' } })).body);
    expect(ended).toEqual({ '/api/v1/session': expect.objectContaining({ me: null }) });
    const fresh = await startGuest();
    const noEpisode = bootOf((await app.inject({ method: 'GET', url: '/today', headers: { ...opening, cookie: fresh } })).body);
    expect(Object.keys(noEpisode ?? {}).sort()).toEqual(['/api/v1/episodes', '/api/v1/session']);
    expect(noEpisode?.['/api/v1/episodes']).toEqual([]);
  });

  it("puts no one's answers in a page fetched by a script or by the service worker for its offline copy", async () => {
    const ana = await startGuest();
    await startEpisode(ana);
    for (const headers of [{ accept: 'text/html', cookie: ana }, { accept: 'text/html', cookie: ana, 'sec-fetch-mode': 'cors' }, { accept: 'text/html', cookie: ana, 'sec-fetch-mode': 'same-origin' }]) {
      const page = await app.inject({ method: 'GET', url: '/today', headers });
      expect(page.statusCode).toBe(200);
      expect(bootOf(page.body)).toBeNull();
      expect(page.headers['cache-control']).toBe('no-cache');
    }
  });

  it('writes what a person typed into the page so that it cannot end the data block', async () => {
    const ana = await startGuest();
    const episode = await startEpisode(ana);
    const activity = '</script><script>alert(1)</script> & <!-- a\u2028b';
    const put = await app.inject({ method: 'PUT', url: `/api/v1/episodes/${episode}/function-goals/${randomUUID()}`, headers: { cookie: ana }, payload: { activity } });
    expect(put.statusCode).toBe(200);
    const page = await app.inject({ method: 'GET', url: '/today', headers: { ...opening, cookie: ana } });
    expect(page.body).not.toContain('<script>alert');
    expect(page.body.match(/<\/script>/g)?.length).toBe(1);
    const goals = bootOf(page.body)?.[`/api/v1/episodes/${episode}/function-goals`] as { activity: string }[];
    expect(goals.map((g) => g.activity)).toEqual([activity]);
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
      const expected = url.endsWith('.js') ? 'console.log("hello");' : PAGE;
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
