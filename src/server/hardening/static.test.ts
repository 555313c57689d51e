import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app';
import { openStore, type Store } from '../store';
import { EPISODES_PRELOAD } from '../webApp';

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
