import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { AccountExport, type Link, type PersonRow, type PlanEdit, type Today } from '../contract';
import { describeEachBackend } from './testing/backends';
import { appUnderTest } from './testing/appUnderTest';
import { checkInBody, TestClient } from './testing/api';
import { linkTherapist } from './testing/routeSamples';

const DAY_MS = 86_400_000;

describeEachBackend('a therapist who follows along', (backend) => {
  // A clock the tests move: "now" is 24 Nov 2026, 12:00 UTC, until a test says otherwise.
  let now = new Date('2026-11-24T12:00:00.000Z');
  const ctx = appUnderTest(backend, () => now);
  const therapist = async (name = 'Alex Moreno') => new TestClient(ctx.app).signUpTherapist(name);
  const sessionIds = (today: Today) => today.plan.flatMap((i) => (i.kind === 'session' ? i.exercises.map((e) => e.exerciseId) : []));

  it('signs a therapist up with the same password rules as a person, once per email, and signs them in', async () => {
    const email = `pt-${randomUUID()}@example.org`;
    const client = new TestClient(ctx.app);
    const weak = await client.post('/api/v1/therapists', { email, password: 'password123', name: 'Alex' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.issues).toEqual([expect.objectContaining({ path: 'password', rule: 'too_guessable' })]);
    expect((await client.post('/api/v1/therapists', { email, password: 'a calm long password' })).json().error.issues).toEqual([expect.objectContaining({ path: 'name', rule: 'required' })]);
    const made = await client.post('/api/v1/therapists', { email, password: 'a calm long password', name: 'Alex Moreno' });
    expect(made.statusCode).toBe(201);
    expect(made.json()).toMatchObject({ role: 'therapist', email, isGuest: false });
    expect((await client.get('/api/v1/me')).json()).toMatchObject({ role: 'therapist' });
    const again = await new TestClient(ctx.app).post('/api/v1/therapists', { email: email.toUpperCase(), password: 'another calm password', name: 'Alex' });
    expect(again.statusCode).toBe(409);
    const signIn = await new TestClient(ctx.app).post('/api/v1/session', { email, password: 'a calm long password' });
    expect(signIn.json()).toMatchObject({ role: 'therapist' });
  });

  it('invites with a code and a link for 7 days; the therapist redeems once; both sides see the link', async () => {
    const person = await ctx.person();
    const pt = await therapist();
    const invite = await person.put(`/api/v1/invites/${randomUUID()}`, { scopes: ['view'], name: 'Sam' });
    expect(invite.statusCode).toBe(200);
    const { code, link, expiresAt } = invite.json() as { code: string; link: string; expiresAt: string };
    expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    expect(link).toBe(`/therapist?code=${code}`);
    expect(Date.parse(expiresAt) - now.getTime()).toBe(7 * DAY_MS);
    expect((await person.post('/api/v1/invites/redeem', { code })).statusCode).toBe(404);
    const redeemed = await pt.post('/api/v1/invites/redeem', { code: code.toLowerCase().replace('-', ' ') });
    expect(redeemed.statusCode).toBe(200);
    expect(redeemed.json()).toMatchObject({ scopes: ['view'], therapist: { name: 'Alex Moreno' }, person: { name: 'Sam' } });
    expect((await (await therapist()).post('/api/v1/invites/redeem', { code })).statusCode).toBe(404);
    const mine = (await person.get('/api/v1/links')).json() as Link[];
    expect(mine.map((l) => [l.therapist.name, l.scopes])).toEqual([['Alex Moreno', ['view']]]);
    expect(((await pt.get('/api/v1/links')).json() as Link[]).map((l) => l.person.name)).toEqual(['Sam']);
    const bad = await pt.post('/api/v1/invites/redeem', { code: 'abc' });
    expect(bad.json().error.issues).toEqual([expect.objectContaining({ path: 'code' })]);
  });

  it('stops a therapist guessing codes: the 11th try in 15 minutes answers 429 with Retry-After', async () => {
    const pt = await therapist();
    for (let i = 0; i < 10; i++) expect((await pt.post('/api/v1/invites/redeem', { code: `ZZZZ${String(i).padStart(4, '2')}` })).statusCode).toBe(404);
    const limited = await pt.post('/api/v1/invites/redeem', { code: 'ZZZZ9999' });
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('refuses a code after 7 days', async () => {
    const person = await ctx.person();
    const { code } = (await person.put(`/api/v1/invites/${randomUUID()}`, { scopes: ['view', 'plan'] })).json() as { code: string };
    const start = now;
    now = new Date(start.getTime() + 7 * DAY_MS + 1000);
    try {
      expect((await (await therapist()).post('/api/v1/invites/redeem', { code })).statusCode).toBe(404);
    } finally {
      now = start;
    }
  });

  it('a linked therapist reads with the person’s own routes; every read is in the person’s access log; view alone cannot change the plan', async () => {
    const person = await ctx.person('UTC');
    const { id } = await person.createEpisode();
    await person.put(`/api/v1/episodes/${id}/check-ins/${randomUUID()}`, checkInBody());
    const pt = await therapist('Robin Diaz');
    await linkTherapist(person, pt, ['view']);
    expect(((await pt.get('/api/v1/episodes')).json() as { id: string }[]).map((e) => e.id)).toEqual([id]);
    for (const path of ['', '/check-ins', '/progress', '/sessions', '/today', '/plan-edits']) expect((await pt.get(`/api/v1/episodes/${id}${path}`)).statusCode, path).toBe(200);
    // Without the plan scope: 404 whatever the body, valid or not.
    for (const body of [{ kind: 'hide', exerciseId: 'cat-camel' }, { nonsense: true }]) {
      expect((await pt.put(`/api/v1/episodes/${id}/plan-edits/${randomUUID()}`, body)).statusCode).toBe(404);
    }
    // The person's writes stay theirs.
    expect((await pt.put(`/api/v1/episodes/${id}/check-ins/${randomUUID()}`, checkInBody())).statusCode).toBe(404);
    expect((await pt.get(`/api/v1/episodes/${id}/access-log`)).statusCode).toBe(404);
    const log = (await person.get(`/api/v1/episodes/${id}/access-log`)).json() as { text: string; at: string }[];
    expect(log.map((e) => e.text)).toEqual(
      expect.arrayContaining(['Robin Diaz viewed your progress', 'Robin Diaz viewed your check-ins', 'Robin Diaz viewed your session history', 'Robin Diaz looked at the list of your episodes']),
    );
    expect(log.every((e) => e.at === now.toISOString())).toBe(true);
  });

  it('plan edits: hidden never planned, pinned preferred with the therapist’s reason; the person sees each change and can undo it', async () => {
    const person = await ctx.person('UTC');
    const { id } = await person.createEpisode();
    const pt = await therapist();
    await linkTherapist(person, pt, ['view', 'plan']);
    const before = (await person.get(`/api/v1/episodes/${id}/today`)).json() as Today;
    const [hidden] = sessionIds(before);
    expect(hidden).toBeDefined();
    const catalogue = (await person.get(`/api/v1/exercises?stage=${before.stage ?? 'settle'}`)).json() as { id: string; name: string }[];
    const pin = catalogue.find((e) => !sessionIds(before).includes(e.id));
    expect(pin).toBeDefined();
    const hideId = randomUUID();
    const put = await pt.put(`/api/v1/episodes/${id}/plan-edits/${hideId}`, { kind: 'hide', exerciseId: hidden });
    expect(put.statusCode).toBe(200);
    expect((put.json() as PlanEdit).text).toMatch(/^Left .+ out of your plan$/);
    await pt.put(`/api/v1/episodes/${id}/plan-edits/${randomUUID()}`, { kind: 'pin', exerciseId: pin?.id });
    await pt.put(`/api/v1/episodes/${id}/plan-edits/${randomUUID()}`, { kind: 'note', text: 'Slow breaths first.' });
    expect((await pt.put(`/api/v1/episodes/${id}/plan-edits/${randomUUID()}`, { kind: 'pin', exerciseId: 'no-such-move' })).json().error.issues).toEqual([
      expect.objectContaining({ path: 'exerciseId', rule: 'known_exercise' }),
    ]);

    const after = (await person.get(`/api/v1/episodes/${id}/today`)).json() as Today;
    expect(sessionIds(after)).not.toContain(hidden);
    expect(sessionIds(after)).toContain(pin?.id);
    expect(after.reasons.find((r) => r.code === 'therapist-pinned')?.text).toContain('Your therapist chose this for you');
    expect(after.reasons.find((r) => r.code === 'therapist-note')?.text).toBe('A note from your therapist: “Slow breaths first.”');

    const edits = (await person.get(`/api/v1/episodes/${id}/plan-edits`)).json() as PlanEdit[];
    expect(edits.map((e) => e.therapistName)).toEqual(['Alex Moreno', 'Alex Moreno', 'Alex Moreno']);
    expect((await person.delete(`/api/v1/episodes/${id}/plan-edits/${hideId}`)).statusCode).toBe(204);
    expect(sessionIds((await person.get(`/api/v1/episodes/${id}/today`)).json() as Today)).toContain(hidden);
    expect((await person.delete(`/api/v1/episodes/${id}/plan-edits/${hideId}`)).statusCode).toBe(404);
    expect(((await person.get(`/api/v1/episodes/${id}/access-log`)).json() as { text: string }[]).map((e) => e.text)).toContain('Alex Moreno changed your plan');
    // All my data holds the sharing too: who is linked, the changes in force and the access log.
    const exported = AccountExport.parse((await person.get('/api/v1/account/export')).json());
    expect(exported.links.map((l) => l.therapist.name)).toEqual(['Alex Moreno']);
    expect(exported.episodes[0]?.planEdits.map((e) => e.edit.kind)).toEqual(['pin', 'note']);
    expect(exported.episodes[0]?.accessLog.map((e) => e.text)).toContain('Alex Moreno changed your plan');
  });

  it('the dashboard flags worse pain; revoking (either side) ends access at once', async () => {
    const person = await ctx.person('UTC');
    const { id } = await person.createEpisode({ onsetDate: '2026-11-15' });
    await person.put(`/api/v1/episodes/${id}/check-ins/${randomUUID()}`, checkInBody({ at: '2026-11-20T08:00:00.000Z', painNow: 4, painWorst24h: 4 }));
    const pt = await therapist();
    const link = await linkTherapist(person, pt, ['view', 'plan']);
    const row = async () => ((await pt.get('/api/v1/therapist/people')).json() as PersonRow[]).find((r) => r.linkId === link);
    expect((await row())?.flags.map((f) => f.code)).not.toContain('pain-up');
    await person.put(`/api/v1/episodes/${id}/check-ins/${randomUUID()}`, checkInBody({ at: '2026-11-24T08:00:00.000Z', painNow: 7, painWorst24h: 8 }));
    expect((await row())?.flags).toEqual(expect.arrayContaining([{ code: 'pain-up', text: 'Worst pain went up from 4 to 8 out of 10 this week' }]));
    expect((await row())?.painWorst24h).toBe(8);

    expect((await person.delete(`/api/v1/links/${link}`)).statusCode).toBe(204);
    expect((await pt.get(`/api/v1/episodes/${id}/progress`)).statusCode).toBe(404);
    expect(await row()).toBeUndefined();
    expect((await pt.delete(`/api/v1/links/${link}`)).statusCode).toBe(404);

    const second = await linkTherapist(person, pt, ['view']);
    expect((await pt.delete(`/api/v1/links/${second}`)).statusCode).toBe(204);
    expect((await pt.get(`/api/v1/episodes/${id}`)).statusCode).toBe(404);
    expect((await person.get('/api/v1/links')).json()).toEqual([]);
  });

  it('deleting the person’s account ends their links', async () => {
    const person = await ctx.person();
    const pt = await therapist();
    await linkTherapist(person, pt);
    expect((await person.delete('/api/v1/account')).statusCode).toBe(204);
    expect((await pt.get('/api/v1/links')).json()).toEqual([]);
  });
});
