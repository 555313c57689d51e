import { expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { describeEachBackend } from '../testing/backends';
import { appUnderTest } from '../testing/appUnderTest';
import { TestClient } from '../testing/api';

const START = new Date('2026-11-24T12:00:00.000Z');
const DAY = 86_400_000;
let now = START;
const at = (days: number) => {
  now = new Date(START.getTime() + days * DAY);
};

describeEachBackend('sessions', (backend) => {
  const ctx = appUnderTest(backend, () => now);
  const password = 'a calm long password';

  async function signedUp() {
    const a = await ctx.person();
    const email = `p-${randomUUID()}@example.org`;
    const up = await a.post('/api/v1/account/credentials', { email, password });
    expect(up.statusCode).toBe(200);
    return { a, email };
  }
  const signIn = async (email: string, pw = password) => {
    const client = new TestClient(ctx.app);
    const res = await client.post('/api/v1/session', { email, password: pw });
    return { client, res };
  };
  const sessionCount = async (personId: string) => (await ctx.store.db.selectFrom('sessions').select('token_hash').where('person_id', '=', personId).execute()).length;

  it('changing credentials needs the current password, and refuses a wrong one without changing anything', async () => {
    at(0);
    const { a, email } = await signedUp();
    const missing = await a.post('/api/v1/account/credentials', { email: `thief-${randomUUID()}@example.org`, password: 'a thief password here' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.issues).toEqual([expect.objectContaining({ path: 'currentPassword', rule: 'required' })]);
    const wrong = await a.post('/api/v1/account/credentials', { email: `thief-${randomUUID()}@example.org`, password: 'a thief password here', currentPassword: 'not the password' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.issues).toEqual([expect.objectContaining({ path: 'currentPassword', rule: 'current_password' })]);
    expect((await signIn(email)).res.statusCode).toBe(200);
  });

  it('changing credentials ends every other session and gives this device a new token', async () => {
    at(0);
    const { a, email } = await signedUp();
    const { client: other } = await signIn(email);
    const before = a.cookie;
    const change = await a.post('/api/v1/account/credentials', { email, password: 'a brand new long password', currentPassword: password });
    expect(change.statusCode).toBe(200);
    expect(a.cookie).not.toBe(before);
    expect((await a.get('/api/v1/me')).statusCode).toBe(200);
    expect((await other.get('/api/v1/me')).statusCode).toBe(401);
    const stale = new TestClient(ctx.app);
    stale.cookie = before;
    expect((await stale.get('/api/v1/me')).statusCode).toBe(401);
  });

  it('a guest adding credentials gets a new token; the guest token stops working', async () => {
    at(0);
    const a = await ctx.person();
    const guestCookie = a.cookie;
    expect((await a.post('/api/v1/account/credentials', { email: `g-${randomUUID()}@example.org`, password })).statusCode).toBe(200);
    expect(a.cookie).not.toBe(guestCookie);
    const fixed = new TestClient(ctx.app);
    fixed.cookie = guestCookie;
    expect((await fixed.get('/api/v1/me')).statusCode).toBe(401);
  });

  it('every sign-in issues a new token, even when the browser sends one', async () => {
    at(0);
    const { email } = await signedUp();
    const { client } = await signIn(email);
    const first = client.cookie;
    await client.post('/api/v1/session', { email, password });
    expect(client.cookie).not.toBe(first);
  });

  it('sign out everywhere ends every session of the person and nobody else', async () => {
    at(0);
    const { a, email } = await signedUp();
    const { client: phone } = await signIn(email);
    const stranger = await ctx.person();
    const res = await a.delete('/api/v1/sessions');
    expect(res.statusCode).toBe(204);
    expect((await a.get('/api/v1/me')).statusCode).toBe(401);
    expect((await phone.get('/api/v1/me')).statusCode).toBe(401);
    expect((await stranger.get('/api/v1/me')).statusCode).toBe(200);
    expect((await new TestClient(ctx.app).delete('/api/v1/sessions')).statusCode).toBe(401);
  });

  it('a session unused for 30 days ends; one used within 30 days carries on', async () => {
    at(0);
    const idle = await ctx.person();
    const busy = await ctx.person();
    at(20);
    expect((await busy.get('/api/v1/me')).statusCode).toBe(200);
    at(30.01);
    expect((await idle.get('/api/v1/me')).statusCode).toBe(401);
    expect((await busy.get('/api/v1/me')).statusCode).toBe(200);
  });

  it('a session ends 180 days after sign-in however often it is used', async () => {
    at(0);
    const a = await ctx.person();
    for (let day = 25; day < 180; day += 25) {
      at(day);
      expect((await a.get('/api/v1/me')).statusCode).toBe(200);
    }
    at(180.01);
    expect((await a.get('/api/v1/me')).statusCode).toBe(401);
  });

  it('ended sessions are deleted from the database', async () => {
    at(0);
    const a = await ctx.person();
    const id = (await a.get('/api/v1/me')).json().id as string;
    expect(await sessionCount(id)).toBe(1);
    at(31);
    await ctx.person();
    expect(await sessionCount(id)).toBe(0);
  });

  it('keeps at most 10 sessions per person, ending the least recently used', async () => {
    at(0);
    const { a, email } = await signedUp();
    const id = (await a.get('/api/v1/me')).json().id as string;
    const clients: TestClient[] = [];
    for (let i = 0; i < 12; i++) {
      now = new Date(START.getTime() + (i + 1) * 3_600_000);
      clients.push((await signIn(email)).client);
    }
    expect(await sessionCount(id)).toBe(10);
    expect((await a.get('/api/v1/me')).statusCode).toBe(401);
    expect((await clients[11]?.get('/api/v1/me'))?.statusCode).toBe(200);
  });
});
