import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../server';
import { startChildServer } from '../testing/child';

/** Sends raw bytes and collects whatever the server answers until it closes the connection. */
function rawConnection(url: string) {
  const { hostname, port } = new URL(url);
  const socket = net.connect(Number(port), hostname);
  let received = '';
  socket.on('data', (d) => (received += d.toString()));
  socket.on('error', () => undefined);
  const closed = new Promise<string>((resolve) => socket.on('close', () => resolve(received)));
  const opened = new Promise<void>((resolve) => socket.on('connect', () => resolve()));
  return { socket, closed, opened, received: () => received };
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('slow clients', () => {
  let server: RunningServer;
  let dir: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'unclench-slow-'));
    server = await startServer({ dataDir: dir, logLevel: 'silent', timeouts: { requestMs: 1_500, headersMs: 1_000 }, maxConnections: 3 });
  });
  afterAll(async () => {
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('cuts off a body dripped one byte at a time before the drip ends', async () => {
    const c = rawConnection(server.url);
    await c.opened;
    c.socket.write('POST /api/v1/session/guest HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 40\r\n\r\n');
    let sent = 0;
    let open = true;
    void c.closed.then(() => (open = false));
    while (open && sent < 40) {
      c.socket.write(' ');
      sent += 1;
      await delay(250);
    }
    expect(open).toBe(false);
    expect(sent).toBeLessThan(40);
    expect(c.received()).not.toContain('201');
  });

  it('cuts off headers that never finish', async () => {
    const c = rawConnection(server.url);
    await c.opened;
    let open = true;
    void c.closed.then(() => (open = false));
    c.socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\n');
    for (let i = 0; i < 40 && open; i++) {
      c.socket.write(`X-Drip-${i}: y\r\n`);
      await delay(250);
    }
    expect(open).toBe(false);
  });

  it('refuses connections past the limit at once, and serves again when they close', async () => {
    const held = [rawConnection(server.url), rawConnection(server.url), rawConnection(server.url)];
    await Promise.all(held.map((h) => h.opened));
    const extra = rawConnection(server.url);
    extra.socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n');
    expect(await extra.closed).toBe('');
    for (const h of held) h.socket.destroy();
    await Promise.all(held.map((h) => h.closed));
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});

describe('SIGTERM', () => {
  it('lets a request in flight finish, closes idle kept-alive connections, and exits 0', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'unclench-term-'));
    const child = await startChildServer({ DATA_DIR: dir, SHUTDOWN_GRACE_MS: '10000' });
    try {
      // An idle kept-alive connection, after one answered request.
      const idle = rawConnection(child.url);
      idle.socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n');
      while (!idle.received().includes('"status":"ok"')) await delay(20);
      // A request in flight: headers and half its body sent.
      const inFlight = rawConnection(child.url);
      inFlight.socket.write('POST /api/v1/session/guest HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{');
      await delay(300);
      child.process.kill('SIGTERM');
      while (!child.output().includes('SIGTERM received')) await delay(20);
      inFlight.socket.write('}');
      const answer = await inFlight.closed;
      expect(answer).toMatch(/^HTTP\/1\.1 201/);
      expect(answer).toContain('"isGuest":true');
      expect(await idle.closed).toContain('"status":"ok"');
      expect(await child.exited).toBe(0);
    } finally {
      child.process.kill('SIGKILL');
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
