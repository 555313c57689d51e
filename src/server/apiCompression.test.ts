import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import zlib from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app';
import { chooseEncoding, compressPayload, COMPRESS_FROM_BYTES } from './apiCompression';
import { testBackends } from './testing/backends';
import { TestClient, checkInBody } from './testing/api';

describe('chooseEncoding', () => {
  it('prefers brotli, then gzip, and honours q=0', () => {
    expect(chooseEncoding('gzip, deflate, br')).toBe('br');
    expect(chooseEncoding('gzip')).toBe('gzip');
    expect(chooseEncoding('br;q=0, gzip;q=0.5')).toBe('gzip');
    expect(chooseEncoding('*')).toBe('br');
    expect(chooseEncoding('*;q=0')).toBeNull();
    expect(chooseEncoding('identity')).toBeNull();
    expect(chooseEncoding(undefined)).toBeNull();
    expect(chooseEncoding(['deflate', 'gzip'])).toBe('gzip');
  });
});

describe('compressPayload', () => {
  it('compresses the same Buffer once per encoding, and a string every time', async () => {
    const text = JSON.stringify({ items: Array.from({ length: 80 }, (_, i) => ({ id: i, text: 'Lie flat for five minutes' })) });
    const bytes = Buffer.from(text);
    const [br1, br2, gz] = await Promise.all([compressPayload(bytes, 'br'), compressPayload(bytes, 'br'), compressPayload(bytes, 'gzip')]);
    expect(br1).toBe(br2);
    expect(await compressPayload(bytes, 'br')).toBe(br1);
    expect(zlib.brotliDecompressSync(br1!).toString()).toBe(text);
    expect(zlib.gunzipSync(gz!).toString()).toBe(text);
    // Another Buffer with the same bytes is compressed on its own, and so is a string.
    expect(await compressPayload(Buffer.from(text), 'br')).not.toBe(br1);
    expect(await compressPayload(text, 'br')).not.toBe(await compressPayload(text, 'br'));
    expect(await compressPayload(Buffer.from('{}'), 'br')).toBeNull();
  });
});

describe('API replies over the wire', () => {
  let app: FastifyInstance;
  let dispose: () => Promise<void>;
  let person: TestClient;
  let episodeId: string;

  beforeAll(async () => {
    const store = await testBackends()[0]!.open();
    dispose = store.dispose;
    app = await buildApp({ store, logLevel: 'silent', clock: () => new Date('2026-11-24T12:00:00.000Z') });
    person = await new TestClient(app).startGuest();
    episodeId = (await person.createEpisode()).id;
    for (let hour = 0; hour < 12; hour++) {
      const at = new Date(Date.UTC(2026, 10, 21 + Math.floor(hour / 4), 8 + hour)).toISOString();
      await person.put(`/api/v1/episodes/${episodeId}/check-ins/${crypto.randomUUID()}`, checkInBody({ at }));
    }
  });
  afterAll(async () => {
    await app.close();
    await dispose();
  });

  const get = (url: string, acceptEncoding?: string) =>
    app.inject({ method: 'GET', url, headers: { cookie: person.cookie ?? '', ...(acceptEncoding ? { 'accept-encoding': acceptEncoding } : {}) } });

  it('sends a large JSON reply compressed with brotli or gzip, and the same JSON comes out', async () => {
    const url = `/api/v1/episodes/${episodeId}/check-ins`;
    const plain = await get(url);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.rawPayload.length).toBeGreaterThan(COMPRESS_FROM_BYTES);

    const br = await get(url, 'gzip, br');
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toContain('accept-encoding');
    expect(br.headers['cache-control']).toBe('no-store');
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 2);
    expect(JSON.parse(zlib.brotliDecompressSync(br.rawPayload).toString())).toEqual(plain.json());

    const gz = await get(url, 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(zlib.gunzipSync(gz.rawPayload).toString())).toEqual(plain.json());
  });

  it('leaves small replies and binary files as they are', async () => {
    const me = await get('/api/v1/me', 'br');
    expect(me.rawPayload.length).toBeLessThan(COMPRESS_FROM_BYTES);
    expect(me.headers['content-encoding']).toBeUndefined();
    expect(me.json()).toMatchObject({ isGuest: true });

    const pdf = await get(`/api/v1/episodes/${episodeId}/export/pdf`, 'br');
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-encoding']).toBeUndefined();
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('compresses an error reply too when it is large, and keeps its status', async () => {
    const res = await app.inject({ method: 'PUT', url: `/api/v1/episodes/${episodeId}/check-ins/not-a-uuid`, payload: {}, headers: { cookie: person.cookie ?? '', 'accept-encoding': 'br' } });
    expect(res.statusCode).toBe(400);
    const body = res.headers['content-encoding'] === 'br' ? zlib.brotliDecompressSync(res.rawPayload).toString() : res.body;
    expect(JSON.parse(body).error.code).toBe('validation_failed');
  });

  it("sends Today's kept reply as the same JSON, plain or compressed, and a write changes every form of it", async () => {
    const url = `/api/v1/episodes/${episodeId}/today`;
    const plain = await get(url);
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(plain.rawPayload.length).toBeGreaterThan(COMPRESS_FROM_BYTES);
    const again = await get(url);
    expect(again.body).toBe(plain.body);

    const [br1, br2, gz] = await Promise.all([get(url, 'br'), get(url, 'br'), get(url, 'gzip')]);
    for (const res of [br1, br2]) {
      expect(res.headers['content-encoding']).toBe('br');
      expect(zlib.brotliDecompressSync(res.rawPayload).toString()).toBe(plain.body);
    }
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.rawPayload).toString()).toBe(plain.body);

    // A check-in at the worst pain changes the plan: the kept reply and its compressed copies go with it.
    const at = new Date(Date.UTC(2026, 10, 24, 11)).toISOString();
    await person.put(`/api/v1/episodes/${episodeId}/check-ins/${crypto.randomUUID()}`, checkInBody({ at, painNow: 10, painWorst24h: 10 }));
    const changed = await get(url);
    expect(changed.body).not.toBe(plain.body);
    const brChanged = await get(url, 'br');
    expect(zlib.brotliDecompressSync(brChanged.rawPayload).toString()).toBe(changed.body);
  });
});
