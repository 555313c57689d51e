import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { calmAnswers } from '../../src/core/clinical/fixtures';

/**
 * The built app as `npm start` runs it: `node dist/server/main.js` in its own process on a temporary SQLite
 * database, so a browser measuring it does not share a process (or a CPU budget) with the server.
 */
export interface WebServer {
  url: string;
  close(): Promise<void>;
}

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export function requireBuild(): void {
  for (const file of ['dist/web/index.html', 'dist/server/main.js']) {
    if (!fs.existsSync(file)) {
      console.error(`${file} is missing: run "npm run build" first.`);
      process.exit(1);
    }
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export async function startWebServer(): Promise<WebServer> {
  requireBuild();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'unclench-bench-web-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(process.execPath, ['dist/server/main.js'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn', DATABASE_URL: '' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The server exited with ${child.exitCode}`);
    const ok = await fetch(`${url}/healthz`).then((r) => r.ok, () => false);
    if (ok) break;
    if (Date.now() > deadline) throw new Error('The server did not answer /healthz within 30 s');
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    async close() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A guest with an episode a week old and a check-in each day (as /work/shared/tools/screens.mjs seeds one), so
 * Today and Progress have something real to show. Returns the session cookie.
 */
export async function seedPerson(url: string, days = 7): Promise<{ name: string; value: string }> {
  let cookie = '';
  const call = async (method: string, route: string, body?: unknown) => {
    const res = await fetch(url + route, {
      method,
      headers: { 'content-type': 'application/json', origin: url, ...(cookie ? { cookie } : {}) },
      body: body === undefined ? null : JSON.stringify(body),
    });
    const set = res.headers.getSetCookie();
    if (set.length) cookie = set.map((c) => c.split(';')[0]).join('; ');
    if (!res.ok) throw new Error(`${method} ${route} answered ${res.status}: ${(await res.text()).slice(0, 200)}`);
  };
  await call('POST', '/api/v1/session/guest', { timeZone: 'UTC' });
  const episode = randomUUID();
  const day = (n: number) => new Date(Date.now() - n * 86_400_000);
  await call('PUT', `/api/v1/episodes/${episode}`, { onsetDate: day(days).toISOString().slice(0, 10), regions: ['low-back-center'], painNow: 6, safety: calmAnswers({ painNRS: 6 }) });
  for (let n = days - 1; n >= 0; n--) {
    const at = new Date(Math.min(day(n).getTime(), Date.now() - 3_600_000)).toISOString();
    await call('PUT', `/api/v1/episodes/${episode}/check-ins/${randomUUID()}`, {
      at,
      painNow: Math.max(2, 7 - n),
      painWorst24h: Math.max(3, 8 - n),
      standStraight: n > 4 ? 'partly' : 'yes',
      walkMinutes: n > 4 ? 3 : 10,
    });
  }
  const [name = '', value = ''] = (cookie.split(';')[0] ?? '').split('=');
  return { name, value };
}
