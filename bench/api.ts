// API throughput, measured from outside: the built server runs as its own process (as `npm start` runs it, with
// request logging at info into a file) on a temporary database, and autocannon drives it from another process.
// The floor is measured in the same run: a bare Fastify hello world in a third process, and /healthz.
// After a warm-up, every target is measured in each of several interleaved rounds; each line gives the medians.
//
//   npm run build && npm run bench -- api
//   BENCH_SERVER (default dist/server/main.js), BENCH_SECONDS (default 3), BENCH_ROUNDS (default 5), BENCH_BACKENDS (default "sqlite,postgres"),
//   BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test; each run uses a fresh schema),
//   BENCH_PORTS (default 8130-8139: the ports the processes may listen on).
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { calmAnswers } from '../src/core/clinical/fixtures';
import type { LoadResult, LoadSpec } from './lib/load';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const CONNECTIONS = 10;
const BACKENDS = (process.env.BENCH_BACKENDS ?? 'sqlite,postgres').split(',');
const PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const SERVER = path.resolve(process.env.BENCH_SERVER ?? 'dist/server/main.js');
const DAY_MS = 86_400_000;
const [FIRST_PORT, LAST_PORT] = (process.env.BENCH_PORTS ?? '8130-8139').split('-').map(Number) as [number, number];

if (!fs.existsSync(SERVER)) {
  console.error('bench/api measures the built server: run "npm run build" first.');
  process.exit(2);
}

async function freePort(): Promise<number> {
  for (let port = FIRST_PORT; port <= LAST_PORT; port++) {
    const free = await new Promise<boolean>((resolve) => {
      const probe = net.createServer().once('error', () => resolve(false));
      probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
    });
    if (free && !taken.has(port)) {
      taken.add(port);
      return port;
    }
  }
  throw new Error(`No free port in ${FIRST_PORT}–${LAST_PORT}`);
}
const taken = new Set<number>();

async function waitFor(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`${url}: the process exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not answer`);
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

/** CPU time (user and system) a process has used, in microseconds; null where /proc is not there to say. */
function cpuMicros(pid: number | undefined): number | null {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return ((Number(fields[11]) + Number(fields[12])) * 1e6) / CLOCK_TICKS;
  } catch {
    return null;
  }
}
const CLOCK_TICKS = 100;

/**
 * One autocannon run in a fresh process, so the load generator never shares a CPU budget with the server's event loop.
 * `server`: the process that answers, whose CPU time per request is taken too (`cpuUs`): the server's own cost, which
 * moves far less than requests per second on a shared machine.
 */
async function measure(spec: LoadSpec, server?: ChildProcess): Promise<LoadResult & { cpuUs: number | null }> {
  const before = cpuMicros(server?.pid);
  const result = await generate(spec);
  const after = cpuMicros(server?.pid);
  return { ...result, cpuUs: before === null || after === null || result.requests === 0 ? null : +((after - before) / result.requests).toFixed(1) };
}

function generate(spec: LoadSpec): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bench/lib/load.ts', JSON.stringify(spec)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as LoadResult) : reject(new Error(`load generator exited with ${code}`))));
  });
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};

interface Target {
  name: string;
  spec: LoadSpec;
  /** Measured against the bare hello world rather than /healthz. */
  vsHello?: boolean;
  /** The process that answers. */
  server: ChildProcess;
  extra?: Record<string, unknown>;
}

/** Seeds through the API, as the app would: a guest, an episode begun `days` ago, one check-in and one walk a day. */
async function seedEpisode(base: string, cookie: string, days: number): Promise<string> {
  const id = randomUUID();
  const onset = new Date(Date.now() - (days - 1) * DAY_MS).toISOString().slice(0, 10);
  const put = async (url: string, body: unknown) => {
    const res = await fetch(`${base}${url}`, { method: 'PUT', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify(body) });
    if (!res.ok) throw new Error(`seeding ${url}: ${res.status} ${await res.text()}`);
  };
  await put(`/api/v1/episodes/${id}`, { onsetDate: onset, regions: ['low-back-center'], painNow: 8, safety: calmAnswers({ painNRS: 8 }) });
  for (let d = 0; d < days; d++) {
    const at = new Date(Math.min(Date.parse(`${onset}T09:00:00Z`) + d * DAY_MS, Date.now() - 60_000)).toISOString();
    const pain = Math.max(1, 8 - Math.floor(d / 30));
    const regions = [{ region: 'low-back-center', pain }, ...(d % 60 > 40 ? [{ region: 'thigh-back-left', pain: 2 }] : [])];
    await put(`/api/v1/episodes/${id}/check-ins/${randomUUID()}`, { at, painNow: pain, painWorst24h: Math.min(10, pain + 1), standStraight: pain > 6 ? 'no' : 'yes', walkMinutes: pain > 6 ? 3 : 20, regions });
    await put(`/api/v1/episodes/${id}/movements/${randomUUID()}`, { kind: 'walk', startedAt: at, minutes: 10 });
  }
  return id;
}

async function benchBackend(backend: string, hello: string, helloServer: ChildProcess): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'unclench-bench-'));
  const schema = `bench_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const port = await freePort();
  const logFile = fs.openSync(path.join(dataDir, 'server.log'), 'a');
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'info', NODE_ENV: 'production' };
  if (backend === 'postgres') Object.assign(env, { DATABASE_URL: PG_URL, DATABASE_SCHEMA: schema });
  const server = spawn(process.execPath, [SERVER], { env, stdio: ['ignore', logFile, logFile] });
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitFor(`${base}/healthz`, server);
    const guest = await fetch(`${base}/api/v1/session/guest`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"timeZone":"UTC"}' });
    const cookie = (guest.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const day20 = await seedEpisode(base, cookie, 20);
    const day365 = await seedEpisode(base, cookie, 365);
    // Check-ins are written into an episode of their own, so the plans measured stay on the episodes as seeded.
    const writes = await seedEpisode(base, cookie, 20);

    const at = (url: string) => ({ url: `${base}${url}`, seconds: SECONDS, connections: CONNECTIONS, cookie });
    const targets: Target[] = [
      { name: 'api.hello', spec: { url: hello, seconds: SECONDS, connections: CONNECTIONS }, vsHello: true, server: helloServer },
      { name: 'api.healthz', spec: { url: `${base}/healthz`, seconds: SECONDS, connections: CONNECTIONS }, vsHello: true, server },
      // The bare server taking the same PUT: what HTTP and the load generator alone allow a write.
      { name: 'api.hello-put', spec: { url: hello, seconds: SECONDS, connections: CONNECTIONS, checkInsFor: { episodeId: writes } }, vsHello: true, server: helloServer },
      { name: 'api.checkin', spec: { ...at('/'), checkInsFor: { episodeId: writes } }, server },
      { name: 'api.today', spec: at(`/api/v1/episodes/${day20}/today`), extra: { days: 20 }, server },
      { name: 'api.today', spec: at(`/api/v1/episodes/${day365}/today`), extra: { days: 365 }, server },
      { name: 'api.progress', spec: at(`/api/v1/episodes/${day365}/progress`), extra: { days: 365 }, server },
    ];
    for (const t of targets) await measure({ ...t.spec, seconds: 1 });

    const results = targets.map(() => [] as (LoadResult & { cpuUs: number | null })[]);
    for (let round = 0; round < ROUNDS; round++) {
      for (const [i, t] of targets.entries()) results[i]?.push(await measure(t.spec, t.server));
    }
    const rpsOf = (name: string) => median(results[targets.findIndex((t) => t.name === name)]?.map((r) => r.rps) ?? []);
    const floors = { hello: rpsOf('api.hello'), healthz: rpsOf('api.healthz') };
    for (const [i, t] of targets.entries()) {
      const runs = results[i] ?? [];
      const rps = median(runs.map((r) => r.rps));
      const floor = t.vsHello ? floors.hello : floors.healthz;
      console.log(
        JSON.stringify({
          name: t.name,
          backend,
          ...t.extra,
          rps: Math.round(rps),
          p50Ms: median(runs.map((r) => r.p50Ms)),
          p99Ms: median(runs.map((r) => r.p99Ms)),
          cpuUs: runs.every((r) => r.cpuUs !== null) ? +median(runs.map((r) => r.cpuUs ?? 0)).toFixed(1) : null,
          ratio: +(rps / floor).toFixed(3),
          of: t.vsHello ? 'api.hello' : 'api.healthz',
          rounds: runs.map((r) => Math.round(r.rps)),
          errors: runs.reduce((n, r) => n + r.errors, 0),
        }),
      );
    }
  } finally {
    await stop(server);
    fs.closeSync(logFile);
    fs.rmSync(dataDir, { recursive: true, force: true });
    if (backend === 'postgres') {
      const admin = new pg.Client({ connectionString: PG_URL });
      await admin.connect();
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await admin.end();
    }
  }
}

async function postgresAnswers(): Promise<boolean> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

const helloPort = await freePort();
const hello = spawn(process.execPath, ['bench/lib/hello.mjs'], { env: { ...process.env, PORT: String(helloPort) }, stdio: ['ignore', 'ignore', 'inherit'] });
try {
  await waitFor(`http://127.0.0.1:${helloPort}/`, hello);
  for (const backend of BACKENDS) {
    if (backend === 'postgres' && !(await postgresAnswers())) {
      console.log(JSON.stringify({ name: 'api', backend, skipped: `no PostgreSQL answers at ${PG_URL}` }));
      continue;
    }
    await benchBackend(backend, `http://127.0.0.1:${helloPort}/`, hello);
  }
} finally {
  await stop(hello);
}
