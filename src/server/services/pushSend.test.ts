import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postToPushService } from './pushSend';

describe('sending to a push service', () => {
  const seen: { host: string | undefined; body: string; length: string | undefined }[] = [];
  let server: http.Server;
  let port = 0;
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        seen.push({ host: req.headers.host, body: Buffer.concat(chunks).toString('utf8'), length: req.headers['content-length'] });
        res.statusCode = req.url === '/gone' ? 410 : req.url === '/moved' ? 302 : 201;
        if (req.url === '/moved') res.setHeader('location', 'http://127.0.0.1:1/elsewhere');
        res.end('ok');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('connects only to the addresses that were checked, whatever the name would resolve to now', async () => {
    // `.invalid` never resolves (RFC 6761): the request arrives only because it is pinned to the checked address.
    const status = await postToPushService(`http://push.pinned.invalid:${port}/send/abc`, { ttl: '60' }, Buffer.from('sealed'), ['127.0.0.1'], 5_000);
    expect(status).toBe(201);
    expect(seen.at(-1)).toEqual({ host: `push.pinned.invalid:${port}`, body: 'sealed', length: '6' });
    // Unpinned, the same kind of name goes nowhere.
    await expect(postToPushService(`http://push.unpinned.invalid:${port}/send/abc`, {}, Buffer.from('x'), null, 5_000)).rejects.toThrow(/ENOTFOUND|EAI_AGAIN/);
  });

  it('answers the status as it is, and follows no redirect', async () => {
    expect(await postToPushService(`http://127.0.0.1:${port}/gone`, {}, Buffer.from('x'), null, 5_000)).toBe(410);
    const before = seen.length;
    expect(await postToPushService(`http://127.0.0.1:${port}/moved`, {}, Buffer.from('x'), null, 5_000)).toBe(302);
    expect(seen.length).toBe(before + 1);
  });
});
