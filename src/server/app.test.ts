import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app';
import { describeEachBackend } from './testing/backends';
import { TestClient, checkInBody } from './testing/api';
import { calmAnswers } from '../core/clinical/fixtures';
import { ROUTES } from '../contract';

const NOW = new Date('2026-11-24T12:00:00.000Z');
let now = NOW;

describeEachBackend('API', (backend) => {
  let app: FastifyInstance;
  let dispose: () => Promise<void>;
  let store: Awaited<ReturnType<typeof backend.open>>;

  beforeAll(async () => {
    store = await backend.open();
    dispose = store.dispose;
    app = await buildApp({ store, logLevel: 'silent', clock: () => now });
  });
  afterAll(async () => {
    await app.close();
    await dispose();
  });

  const person = () => new TestClient(app).startGuest();

  describe('health and docs', () => {
    it('answers /healthz when the database answers', async () => {
      const res = await app.inject({ method: 'GET', url: '/healthz' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ status: 'ok', database: backend.name });
    });

    it('documents every route in OpenAPI at /api/docs', async () => {
      const doc = (await app.inject({ method: 'GET', url: '/api/docs' })).json() as { openapi: string; paths: Record<string, Record<string, unknown>> };
      expect(doc.openapi).toBe('3.1.0');
      for (const route of Object.values(ROUTES)) {
        const path = route.path.replace(/:(\w+)/g, '{$1}');
        expect(doc.paths[path]?.[route.method.toLowerCase()], `${route.method} ${route.path}`).toBeDefined();
      }
    });

    it('sends security headers with a CSP that allows no inline script', async () => {
      const res = await app.inject({ method: 'GET', url: '/today', headers: { accept: 'text/html' } });
      const csp = String(res.headers['content-security-policy']);
      // WebAssembly may compile (the pose model's runtime); no inline script and no eval.
      expect(csp).toMatch(/script-src 'self' 'wasm-unsafe-eval'(;|$)/);
      expect(csp).not.toMatch(/'unsafe-inline'[^;]*;?.*script|script-src[^;]*'unsafe-(inline|eval)'/);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    });

    it('sends the API’s JSON with a policy that allows nothing, and no page’s policies', async () => {
      for (const url of ['/healthz', '/readyz', '/api/v1/me', '/api/v1/episodes/x/today']) {
        const res = await app.inject({ method: 'GET', url });
        expect(res.headers['content-security-policy'], url).toBe("default-src 'none'; frame-ancestors 'none'");
        expect(res.headers['x-content-type-options'], url).toBe('nosniff');
        expect(res.headers['cross-origin-resource-policy'], url).toBe('same-origin');
        expect(res.headers['x-frame-options'], url).toBe('DENY');
        expect(res.headers['cache-control'], url).toBe('no-store');
        expect(res.headers['permissions-policy'], url).toBeUndefined();
      }
    });
  });

  describe('accounts and sessions', () => {
    it('starts a guest with an HttpOnly, SameSite=Lax session cookie and stores only its hash', async () => {
      const res = await app.inject({ method: 'POST', url: '/api/v1/session/guest', payload: { timeZone: 'Europe/Madrid' } });
      expect(res.statusCode).toBe(201);
      const cookie = res.cookies.find((c) => c.name === 'unclench_session');
      expect(cookie?.httpOnly).toBe(true);
      expect(cookie?.sameSite).toBe('Lax');
      expect(res.json()).toMatchObject({ isGuest: true, email: null, timeZone: 'Europe/Madrid', role: 'person' });
      const rows = await store.db.selectFrom('sessions').select('token_hash').execute();
      expect(rows.some((r) => r.token_hash === cookie?.value)).toBe(false);
      expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.token_hash))).toBe(true);
    });

    it('answers 401 without a session', async () => {
      const res = await app.inject({ method: 'GET', url: '/api/v1/me' });
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('unauthenticated');
    });

    it('says who is signed in without a 401: null for a newcomer, the account for a session, null again after sign-out', async () => {
      const newcomer = await app.inject({ method: 'GET', url: '/api/v1/session' });
      expect(newcomer.statusCode).toBe(200);
      expect(newcomer.json()).toEqual({ me: null });
      const stale = await app.inject({ method: 'GET', url: '/api/v1/session', headers: { cookie: 'unclench_session=not-a-real-token' } });
      expect(stale.json()).toEqual({ me: null });
      const a = await person();
      const me = (await a.get('/api/v1/me')).json() as { id: string };
      const current = await a.get('/api/v1/session');
      expect(current.statusCode).toBe(200);
      const { me: shown, zone } = current.json() as { me: unknown; zone: { timeZone: string; from: number; to: number; changes: [number, number][] } };
      expect(shown).toEqual(me);
      // The zone's offsets around now, so the browser's first screen needs no Intl formatter (checked in core/time).
      expect(zone.timeZone).toBe((me as { timeZone?: string }).timeZone);
      expect(zone.from).toBeLessThan(Date.now() - 1000 * 86_400_000);
      expect(zone.to).toBeGreaterThan(Date.now() + 300 * 86_400_000);
      expect(zone.changes[0]?.[0]).toBe(zone.from);
      await a.delete('/api/v1/session');
      expect((await a.get('/api/v1/session')).json()).toEqual({ me: null });
    });

    it('upgrades a guest, signs out, and signs in elsewhere to the same data', async () => {
      const a = await person();
      const { id } = await a.createEpisode();
      const email = `ana-${randomUUID()}@example.org`;
      const up = await a.post('/api/v1/account/credentials', { email: email.toUpperCase(), password: 'a calm long password' });
      expect(up.statusCode).toBe(200);
      expect(up.json()).toMatchObject({ isGuest: false, email });
      expect((await a.delete('/api/v1/session')).statusCode).toBe(204);
      expect((await a.get('/api/v1/me')).statusCode).toBe(401);

      const elsewhere = new TestClient(app);
      expect((await elsewhere.post('/api/v1/session', { email, password: 'wrong password!!' })).statusCode).toBe(401);
      const signIn = await elsewhere.post('/api/v1/session', { email, password: 'a calm long password' });
      expect(signIn.statusCode).toBe(200);
      const episodes = (await elsewhere.get('/api/v1/episodes')).json() as { id: string }[];
      expect(episodes.map((e) => e.id)).toEqual([id]);
    });

    it('refuses an email that belongs to someone else, naming the field', async () => {
      const email = `taken-${randomUUID()}@example.org`;
      await (await person()).post('/api/v1/account/credentials', { email, password: 'first person password' });
      const res = await (await person()).post('/api/v1/account/credentials', { email, password: 'second person password' });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.issues).toEqual([expect.objectContaining({ path: 'email', rule: 'unique' })]);
    });

    it('rejects a short password with the field and rule', async () => {
      const res = await (await person()).post('/api/v1/account/credentials', { email: 'x@example.org', password: 'short' });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.issues).toEqual([expect.objectContaining({ path: 'password', rule: 'min' })]);
    });
  });

  describe('episodes', () => {
    it('stores the episode with its triage', async () => {
      const a = await person();
      const { id, episode } = await a.createEpisode({ safety: { fever: true } });
      expect(episode.triage).toMatchObject({ level: 'urgent-doctor', decidingRule: 'U1_FEVER', timeframe: 'within_24h' });
      expect(episode.currentTriage).toEqual(episode.triage);
      const again = await a.get(`/api/v1/episodes/${id}`);
      expect(again.json()).toEqual(episode);
    });

    it('answers the same when the same episode is sent twice, and stores it once', async () => {
      const a = await person();
      const id = randomUUID();
      const body = { onsetDate: '2026-11-22', regions: ['low-back-left'], painNow: 5, safety: calmAnswers() };
      const first = await a.put(`/api/v1/episodes/${id}`, body);
      const second = await a.put(`/api/v1/episodes/${id}`, body);
      expect(second.statusCode).toBe(200);
      expect(second.json()).toEqual(first.json());
      expect((await a.get('/api/v1/episodes')).json()).toHaveLength(1);
    });

    it.each([
      ['pain 11', { painNow: 11 }, 'painNow', 'max'],
      ['a negative pain', { painNow: -1 }, 'painNow', 'min'],
      ['a fractional pain', { painNow: 4.5 }, 'painNow', 'type'],
      ['a pain given as text', { painNow: 'six' }, 'painNow', 'type'],
      ['a future onset date', { onsetDate: '2026-11-25' }, 'onsetDate', 'not_future'],
      ['a malformed onset date', { onsetDate: '24/11/2026' }, 'onsetDate', 'format'],
      ['an unknown region', { regions: ['tail'] }, 'regions.0', 'one_of'],
      ['no regions', { regions: [] }, 'regions', 'min'],
      ['a missing field', { onsetDate: undefined }, 'onsetDate', 'required'],
      ['an unknown field', { colour: 'blue' }, 'colour', 'unknown_field'],
      ['a safety answer of the wrong kind', { safety: { ...calmAnswers(), fever: 'maybe' } }, 'safety.fever', 'type'],
      ['a missing safety answer', { safety: { ...calmAnswers(), chestPain: undefined } }, 'safety.chestPain', 'required'],
    ])('rejects %s naming the field and rule, and keeps what was saved', async (_name, change, path, rule) => {
      const a = await person();
      const { id, episode } = await a.createEpisode();
      const body = { onsetDate: '2026-11-20', regions: ['low-back-center'], painNow: 6, safety: calmAnswers(), ...change };
      const res = await a.put(`/api/v1/episodes/${id}`, body);
      expect(res.statusCode).toBe(400);
      const error = res.json().error;
      expect(error.code).toBe('validation_failed');
      expect(error.issues).toContainEqual(expect.objectContaining({ path, rule, message: expect.any(String) }));
      expect((await a.get(`/api/v1/episodes/${id}`)).json()).toEqual(episode);
    });

    it('rejects an id that is not a UUID', async () => {
      const res = await (await person()).put('/api/v1/episodes/42', { onsetDate: '2026-11-20', regions: ['low-back-center'], painNow: 6, safety: calmAnswers() });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.issues).toContainEqual(expect.objectContaining({ path: 'id', rule: 'format' }));
    });

    it('rejects an oversized body with a 413 that names the rule', async () => {
      const a = await person();
      const res = await a.put(`/api/v1/episodes/${randomUUID()}`, { onsetDate: '2026-11-20', regions: ['low-back-center'], painNow: 6, safety: calmAnswers(), padding: 'x'.repeat(70_000) });
      expect(res.statusCode).toBe(413);
      expect(res.json().error).toMatchObject({ code: 'body_too_large', issues: [{ path: '(body)', rule: 'max_bytes' }] });
    });

    it('rejects a body that is not JSON', async () => {
      const a = await person();
      const res = await app.inject({ method: 'PUT', url: `/api/v1/episodes/${randomUUID()}`, payload: '{"onsetDate":', headers: { cookie: a.cookie ?? '', 'content-type': 'application/json' } });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.issues).toEqual([expect.objectContaining({ path: '(body)', rule: 'json' })]);
    });
  });

  describe('check-ins', () => {
    it('stores the same check-in once when it is sent twice, and answers the same', async () => {
      const a = await person();
      const { id } = await a.createEpisode();
      const checkInId = randomUUID();
      const first = await a.put(`/api/v1/episodes/${id}/check-ins/${checkInId}`, checkInBody());
      const second = await a.put(`/api/v1/episodes/${id}/check-ins/${checkInId}`, checkInBody());
      expect(first.statusCode).toBe(200);
      expect(second.json()).toEqual(first.json());
      expect((await a.get(`/api/v1/episodes/${id}/check-ins`)).json()).toHaveLength(1);
    });

    it.each([
      ['pain 11', { painWorst24h: 11 }, 'painWorst24h', 'max'],
      ['a stance that is not offered', { standStraight: 'maybe' }, 'standStraight', 'one_of'],
      ['negative walking', { walkMinutes: -5 }, 'walkMinutes', 'min'],
      ['a time in the future', { at: '2026-11-24T13:00:00.000Z' }, 'at', 'not_future'],
      ['a time before the episode began', { at: '2026-11-19T08:00:00.000Z' }, 'at', 'within_episode'],
      ['a time without a zone', { at: '2026-11-24 08:00' }, 'at', 'format'],
    ])('rejects %s and keeps the saved check-in', async (_name, change, path, rule) => {
      const a = await person();
      const { id } = await a.createEpisode();
      const checkInId = randomUUID();
      const saved = (await a.put(`/api/v1/episodes/${id}/check-ins/${checkInId}`, checkInBody())).json();
      const res = await a.put(`/api/v1/episodes/${id}/check-ins/${checkInId}`, checkInBody(change));
      expect(res.statusCode).toBe(400);
      expect(res.json().error.issues).toContainEqual(expect.objectContaining({ path, rule }));
      expect((await a.get(`/api/v1/episodes/${id}/check-ins`)).json()).toEqual([saved]);
    });

    it('takes a body map with pain and spasm per region, and still takes a plain list', async () => {
      const a = await person();
      const { id } = await a.createEpisode();
      const map = await a.put(`/api/v1/episodes/${id}/check-ins/${randomUUID()}`, checkInBody({ regions: [{ region: 'low-back-left', pain: 6, spasm: true }, { region: 'thigh-back-left', pain: 3 }, { region: 'neck-back', pain: 0 }] }));
      expect(map.json()).toMatchObject({
        regions: ['low-back-left', 'thigh-back-left'],
        bodyMap: [{ region: 'low-back-left', pain: 6, spasm: true }, { region: 'thigh-back-left', pain: 3, spasm: false }, { region: 'neck-back', pain: 0, spasm: false }],
      });
      const list = await a.put(`/api/v1/episodes/${id}/check-ins/${randomUUID()}`, checkInBody({ painNow: 4, regions: ['low-back-center'] }));
      expect(list.json().bodyMap).toEqual([{ region: 'low-back-center', pain: 4, spasm: false }]);
    });

    it.each([
      ['a region pain of 11', [{ region: 'low-back-left', pain: 11 }], 'regions.0.pain', 'max'],
      ['an unknown region in the map', [{ region: 'tail', pain: 2 }], 'regions.0.region', 'one_of'],
      ['an unknown region in the list', ['tail'], 'regions.0', 'type'],
    ])('rejects a body map with %s, naming the field', async (_n, regions, path, rule) => {
      const a = await person();
      const { id } = await a.createEpisode();
      const res = await a.put(`/api/v1/episodes/${id}/check-ins/${randomUUID()}`, checkInBody({ regions }));
      expect(res.statusCode).toBe(400);
      expect(res.json().error.issues).toContainEqual(expect.objectContaining({ path, rule }));
    });

    it('re-screens when something new is reported: a new emergency sign empties the plan', async () => {
      const a = await person();
      const { id } = await a.createEpisode();
      const res = await a.put(`/api/v1/episodes/${id}/check-ins/${randomUUID()}`, checkInBody({ safety: calmAnswers({ bladderChange: true }) }));
      expect(res.json().triage).toMatchObject({ level: 'emergency', decidingRule: 'E1_CES_SYMPTOMS' });
      expect((await a.get(`/api/v1/episodes/${id}`)).json().currentTriage.level).toBe('emergency');
      const today = (await a.get(`/api/v1/episodes/${id}/today`)).json();
      expect(today).toMatchObject({ stage: null, plan: [], triage: { level: 'emergency' } });
    });

    it('the most recently answered screen counts, even on a back-dated check-in', async () => {
      const a = await person();
      const { id } = await a.createEpisode();
      try {
        now = new Date(NOW.getTime() - 60_000);
        await a.put(`/api/v1/episodes/${id}/check-ins/${randomUUID()}`, checkInBody({ at: '2026-11-23T08:00:00Z', safety: calmAnswers() }));
        now = NOW;
        await a.put(`/api/v1/episodes/${id}/check-ins/${randomUUID()}`, checkInBody({ at: '2026-11-21T08:00:00Z', safety: calmAnswers({ fever: true }) }));
        expect((await a.get(`/api/v1/episodes/${id}`)).json().currentTriage.level).toBe('urgent-doctor');
        now = new Date(NOW.getTime() + 60_000);
        await a.put(`/api/v1/episodes/${id}/check-ins/${randomUUID()}`, checkInBody({ at: '2026-11-22T08:00:00Z', safety: calmAnswers() }));
        expect((await a.get(`/api/v1/episodes/${id}`)).json().currentTriage.level).toBe('self-care');
      } finally {
        now = NOW;
      }
    });
  });

  describe('another person', () => {
    it('gets 404 for everything that is not theirs, and changes nothing', async () => {
      const a = await person();
      const b = await person();
      const { id, episode } = await a.createEpisode();
      const checkInId = randomUUID();
      const saved = (await a.put(`/api/v1/episodes/${id}/check-ins/${checkInId}`, checkInBody())).json();

      expect((await b.get(`/api/v1/episodes/${id}`)).statusCode).toBe(404);
      expect((await b.get(`/api/v1/episodes/${id}/check-ins`)).statusCode).toBe(404);
      expect((await b.get(`/api/v1/episodes/${id}/today`)).statusCode).toBe(404);
      expect((await b.put(`/api/v1/episodes/${id}`, { onsetDate: '2026-11-21', regions: ['neck-back'], painNow: 1, safety: calmAnswers() })).statusCode).toBe(404);
      expect((await b.put(`/api/v1/episodes/${id}/check-ins/${randomUUID()}`, checkInBody())).statusCode).toBe(404);
      expect((await b.put(`/api/v1/episodes/${id}/clinician-check`, { seenOn: '2026-11-23' })).statusCode).toBe(404);
      const own = await b.createEpisode();
      expect((await b.put(`/api/v1/episodes/${own.id}/check-ins/${checkInId}`, checkInBody({ painNow: 0 }))).statusCode).toBe(404);
      expect((await b.get('/api/v1/episodes')).json()).toHaveLength(1);

      expect((await a.get(`/api/v1/episodes/${id}`)).json()).toEqual(episode);
      expect((await a.get(`/api/v1/episodes/${id}/check-ins`)).json()).toEqual([saved]);
    });
  });

  describe('today', () => {
    it('computes a plan from the check-ins', async () => {
      const a = await person();
      const { id } = await a.createEpisode({ painNow: 8 });
      await a.put(`/api/v1/episodes/${id}/check-ins/${randomUUID()}`, checkInBody({ standStraight: 'no', painNow: 8, painWorst24h: 9, walkMinutes: 0 }));
      const today = (await a.get(`/api/v1/episodes/${id}/today`)).json();
      expect(today.date).toBe('2026-11-24');
      expect(today.stage).toBe('settle');
      expect(today.plan.map((i: { kind: string }) => i.kind)).toContain('lie-flat');
      expect(today.reasons.length).toBeGreaterThan(0);
    });

    it('pauses guided sessions after an urgent-doctor result until a clinician check is recorded', async () => {
      const a = await person();
      const { id } = await a.createEpisode({ safety: { nightOrRestPain: true } });
      const before = (await a.get(`/api/v1/episodes/${id}/today`)).json();
      expect(before.plan[0]).toMatchObject({ kind: 'see-doctor', timeframe: 'within_24h' });
      expect(before.plan.find((i: { kind: string }) => i.kind === 'session')?.paused).toBe(true);
      expect((await a.put(`/api/v1/episodes/${id}/clinician-check`, { seenOn: '2026-11-24' })).json().clinicianSeenOn).toBe('2026-11-24');
      const after = (await a.get(`/api/v1/episodes/${id}/today`)).json();
      expect(after.plan.find((i: { kind: string }) => i.kind === 'session')?.paused).toBe(false);
    });
  });

  describe('rate limit', () => {
    it('slows down repeated sign-in attempts', async () => {
      const client = new TestClient(app);
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) statuses.push((await client.post('/api/v1/session', { email: 'nobody@example.org', password: 'not the password' })).statusCode);
      expect(statuses[0]).toBe(401);
      expect(statuses.at(-1)).toBe(429);
      const limited = await client.post('/api/v1/session', { email: 'nobody@example.org', password: 'not the password' });
      expect(limited.json().error.code).toBe('rate_limited');
    });
  });
});
