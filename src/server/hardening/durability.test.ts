import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { dropTestSchema } from '../testing/backends';
import { describe, expect, it } from 'vitest';
import { startChildServer, type ChildServer } from '../testing/child';
import { calmAnswers } from '../../core/clinical/fixtures';

const URL = process.env.TEST_DATABASE_URL;
const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A small seeded generator, so the kill moments are the same on every run. */
function seeded(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

interface Person {
  cookie: string;
  episode: string;
}

async function signUp(server: ChildServer): Promise<Person> {
  const guest = await fetch(`${server.url}/api/v1/session/guest`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  const cookie = (guest.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const episode = randomUUID();
  const today = new Date().toISOString().slice(0, 10);
  const res = await fetch(`${server.url}/api/v1/episodes/${episode}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ onsetDate: today, regions: ['low-back-center'], painNow: 5, safety: calmAnswers() }),
  });
  if (res.status !== 200) throw new Error(`episode: ${res.status} ${await res.text()}`);
  return { cookie, episode };
}

/** Writes walks as fast as four parallel writers can until the server dies; returns the ids it acknowledged. */
async function writeUntilKilled(server: ChildServer, person: Person, killAfterMs: number): Promise<string[]> {
  const acknowledged: string[] = [];
  let alive = true;
  const writer = async () => {
    while (alive) {
      const id = randomUUID();
      try {
        const res = await fetch(`${server.url}/api/v1/episodes/${person.episode}/movements/${id}`, {
          method: 'PUT',
          headers: { 'content-type': 'application/json', cookie: person.cookie },
          body: JSON.stringify({ kind: 'walk', startedAt: new Date(Date.now() - 60_000).toISOString(), minutes: 1 }),
        });
        if (res.status === 200) acknowledged.push(id);
      } catch {
        alive = false;
      }
    }
  };
  const writers = [writer(), writer(), writer(), writer()];
  await delay(killAfterMs);
  server.process.kill('SIGKILL');
  await server.exited;
  alive = false;
  await Promise.all(writers);
  return acknowledged;
}

async function stored(server: ChildServer, person: Person): Promise<Set<string>> {
  const res = await fetch(`${server.url}/api/v1/episodes/${person.episode}/movements`, { headers: { cookie: person.cookie } });
  expect(res.status).toBe(200);
  return new Set(((await res.json()) as { id: string }[]).map((m) => m.id));
}

async function killRuns(env: Record<string, string>, kills: number, seed: number) {
  const random = seeded(seed);
  let server = await startChildServer(env);
  const person = await signUp(server);
  const acknowledged: string[] = [];
  const lost: number[] = [];
  try {
    for (let kill = 0; kill < kills; kill++) {
      acknowledged.push(...(await writeUntilKilled(server, person, 300 + Math.floor(random() * 900))));
      server = await startChildServer(env);
      const present = await stored(server, person);
      lost.push(acknowledged.filter((id) => !present.has(id)).length);
    }
  } finally {
    server.process.kill('SIGKILL');
    await server.exited;
  }
  return { acknowledged: acknowledged.length, lost };
}

describe('durability under kill -9', () => {
  it('keeps every acknowledged write over 3 kills on SQLite', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'unclench-kill-'));
    try {
      const { acknowledged, lost } = await killRuns({ DATA_DIR: dir }, 3, 7);
      console.info(`kill -9 on sqlite: ${acknowledged} acknowledged writes, lost per kill: ${lost.join(', ')}`);
      expect(acknowledged).toBeGreaterThan(0);
      expect(lost).toEqual([0, 0, 0]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);

  (URL ? it : it.skip)(`keeps every acknowledged write over 1 kill on PostgreSQL${URL ? '' : ' (skipped: set TEST_DATABASE_URL)'}`, async () => {
    const schema = `test_kill_${randomBytes(5).toString('hex')}`;
    const admin = new pg.Client({ connectionString: URL });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'unclench-kill-pg-'));
    try {
      const { acknowledged, lost } = await killRuns({ DATA_DIR: dir, DATABASE_URL: URL ?? '', DATABASE_SCHEMA: schema }, 1, 11);
      console.info(`kill -9 on postgres: ${acknowledged} acknowledged writes, lost per kill: ${lost.join(', ')}`);
      expect(acknowledged).toBeGreaterThan(0);
      expect(lost).toEqual([0]);
    } finally {
      await dropTestSchema(URL ?? '', schema);
      await admin.end();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
