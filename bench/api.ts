// API throughput on a temporary SQLite database: PUT check-in (new ids), GET today, and GET /healthz as the floor.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import { startServer } from '../src/server/server';
import { calmAnswers } from '../src/core/clinical/fixtures';

const DURATION_S = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = 10;

async function run(url: string, opts: Partial<autocannon.Options>) {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_S, ...opts });
  return { rps: Math.round(result.requests.average), p50Ms: result.latency.p50, p99Ms: result.latency.p99, errors: result.errors + result.non2xx };
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'unclench-bench-'));
const server = await startServer({ dataDir, logLevel: 'silent' });
try {
  const guest = await fetch(`${server.url}/api/v1/session/guest`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"timeZone":"UTC"}' });
  const cookie = (guest.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const episodeId = randomUUID();
  const onset = new Date(Date.now() - 20 * 86_400_000).toISOString().slice(0, 10);
  await fetch(`${server.url}/api/v1/episodes/${episodeId}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ onsetDate: onset, regions: ['low-back-center'], painNow: 6, safety: calmAnswers() }),
  });

  const floor = await run(`${server.url}/healthz`, {});
  console.log(JSON.stringify({ name: 'api.healthz', ...floor, ratio: 1 }));

  let n = 0;
  const checkIn = await run(server.url, {
    requests: [
      {
        method: 'PUT',
        setupRequest: (req) => {
          n += 1;
          const at = new Date(Date.now() - (n % (19 * 24)) * 3_600_000).toISOString();
          return {
            ...req,
            path: `/api/v1/episodes/${episodeId}/check-ins/${randomUUID()}`,
            headers: { 'content-type': 'application/json', cookie },
            body: JSON.stringify({ at, painNow: n % 10, painWorst24h: Math.min(10, (n % 10) + 1), standStraight: 'partly', walkMinutes: 10 }),
          };
        },
      },
    ],
  });
  console.log(JSON.stringify({ name: 'api.checkin', ...checkIn, ratio: +(checkIn.rps / floor.rps).toFixed(3) }));

  const today = await run(`${server.url}/api/v1/episodes/${episodeId}/today`, { headers: { cookie } });
  console.log(JSON.stringify({ name: 'api.today', ...today, checkIns: n, ratio: +(today.rps / floor.rps).toFixed(3) }));

  // A person with a year of daily check-ins, walks and a body map that wanders.
  const yearId = randomUUID();
  const yearOnset = new Date(Date.now() - 364 * 86_400_000).toISOString().slice(0, 10);
  const put = (path: string, body: unknown) => fetch(`${server.url}${path}`, { method: 'PUT', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify(body) });
  await put(`/api/v1/episodes/${yearId}`, { onsetDate: yearOnset, regions: ['low-back-center'], painNow: 8, safety: calmAnswers() });
  for (let d = 0; d < 365; d++) {
    const at = new Date(Date.parse(`${yearOnset}T09:00:00Z`) + d * 86_400_000).toISOString();
    const pain = Math.max(1, 8 - Math.floor(d / 30));
    const regions = [{ region: 'low-back-center', pain }, ...(d % 60 > 40 ? [{ region: 'thigh-back-left', pain: 2 }] : [])];
    await put(`/api/v1/episodes/${yearId}/check-ins/${randomUUID()}`, { at, painNow: pain, painWorst24h: Math.min(10, pain + 1), standStraight: pain > 6 ? 'no' : 'yes', walkMinutes: pain > 6 ? 3 : 20, regions });
    await put(`/api/v1/episodes/${yearId}/movements/${randomUUID()}`, { kind: 'walk', startedAt: at, minutes: 10 });
  }
  const progress = await run(`${server.url}/api/v1/episodes/${yearId}/progress`, { headers: { cookie } });
  console.log(JSON.stringify({ name: 'api.progress', days: 365, ...progress, ratio: +(progress.rps / floor.rps).toFixed(3) }));
} finally {
  await server.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
