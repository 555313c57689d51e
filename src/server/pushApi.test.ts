import { randomUUID } from 'node:crypto';
import { lookup } from 'node:dns/promises';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { buildApp } from './app';
import { describeEachBackend } from './testing/backends';
import { appUnderTest } from './testing/appUnderTest';
import { TestClient } from './testing/api';
import { startPushReceiver, type PushReceiver } from './testing/pushReceiver';
import { repositories } from './store';
import { pushService, type Resolve } from './services/push';

const START = Date.parse('2026-11-24T10:00:00.000Z');
const MINUTE = 60_000;

describeEachBackend('Web Push reminders', (backend) => {
  let nowMs = START;
  const ctx = appUnderTest(backend, () => new Date(nowMs));
  let receiver: PushReceiver;
  beforeAll(async () => {
    receiver = await startPushReceiver();
  });
  afterAll(async () => {
    await receiver.close();
  });
  beforeEach(() => {
    nowMs = START;
    receiver.deliveries.length = 0;
    receiver.problems.length = 0;
    receiver.gone.length = 0;
  });

  /** A person with an episode and one device subscribed to the test receiver. */
  async function subscribed(timeZone = 'Europe/London') {
    const person = await ctx.person(timeZone);
    const { id: episode } = await person.createEpisode({ onsetDate: '2026-11-22' });
    const device = receiver.device(randomUUID());
    const res = await person.put(`/api/v1/push/subscriptions/${device.id}`, device.subscription);
    expect(res.statusCode, res.body).toBe(200);
    return { person, episode, device };
  }
  const tick = () => ctx.app.reminders.tick();

  it('signing out everywhere forgets the devices reminders went to (of that person only)', async () => {
    const { person, device } = await subscribed();
    const { person: other, device: otherDevice } = await subscribed();
    const personId = ((await person.get('/api/v1/me')).json() as { id: string }).id;
    const otherId = ((await other.get('/api/v1/me')).json() as { id: string }).id;
    const push = repositories(ctx.store).push;
    expect((await push.subscriptionsOf(personId)).map((d) => d.id)).toEqual([device.id]);
    expect((await person.delete('/api/v1/sessions')).statusCode).toBe(204);
    expect(await push.subscriptionsOf(personId)).toEqual([]);
    expect((await push.subscriptionsOf(otherId)).map((d) => d.id)).toEqual([otherDevice.id]);
  });

  it('gives one VAPID public key, kept in the database, so every instance uses the same', async () => {
    const first = (await new TestClient(ctx.app).get('/api/v1/push/key')).json() as { publicKey: string };
    expect(Buffer.from(first.publicKey, 'base64url')).toHaveLength(65);
    const other = await buildApp({ store: ctx.store, logLevel: 'silent' });
    try {
      expect((await new TestClient(other).get('/api/v1/push/key')).json()).toEqual(first);
    } finally {
      await other.close();
    }
  });

  it('takes https endpoints only, and loopback only when PUSH_ALLOW_LOOPBACK is on', async () => {
    const person = await ctx.person();
    const device = receiver.device(randomUUID());
    const put = (body: unknown, client = person) => client.put(`/api/v1/push/subscriptions/${device.id}`, body);
    const issue = (res: { json(): unknown }) => (res.json() as { error: { issues: { path: string; rule: string }[] } }).error.issues[0];
    expect(issue(await put({ ...device.subscription, endpoint: 'http://push.example.org/x' }))).toMatchObject({ path: 'endpoint', rule: 'https' });
    expect(issue(await put({ ...device.subscription, endpoint: 'https://10.1.2.3/x' }))).toMatchObject({ path: 'endpoint', rule: 'public_address' });
    expect(issue(await put({ ...device.subscription, keys: { ...device.subscription.keys, auth: 'c2hvcnQ' } }))).toMatchObject({ path: 'keys.auth' });
    const strict = await buildApp({ store: ctx.store, logLevel: 'silent' });
    try {
      const client = new TestClient(strict);
      client.cookie = person.cookie;
      expect(issue(await put(device.subscription, client))).toMatchObject({ path: 'endpoint', rule: 'not_loopback' });
    } finally {
      await strict.close();
    }
    expect((await put(device.subscription)).statusCode).toBe(200);
    expect(((await person.get('/api/v1/push/subscriptions')).json() as { id: string }[]).map((d) => d.id)).toEqual([device.id]);
  });

  /** Host names as a DNS server would answer them; changed mid-test as a name can be re-pointed. */
  const names = new Map<string, string[]>();
  const resolve: Resolve = async (name) => {
    const found = names.get(name);
    if (!found) throw Object.assign(new Error(`${name} not found`), { code: 'ENOTFOUND' });
    return found;
  };

  it('refuses an endpoint whose host name resolves to this machine or a private network, unless loopback is allowed', async () => {
    names.set('push.inside.test', ['10.20.30.40']);
    names.set('push.mapped.test', ['2001:db8::1', '::ffff:192.168.1.9']);
    names.set('push.here.test', ['127.0.0.1']);
    names.set('push.example.test', ['93.184.216.34']);
    const person = await ctx.person();
    const device = receiver.device(randomUUID());
    const strict = await buildApp({ store: ctx.store, logLevel: 'silent', push: { resolve } });
    const loose = await buildApp({ store: ctx.store, logLevel: 'silent', push: { resolve, allowLoopback: true } });
    try {
      const put = (app: typeof strict, host: string) => {
        const client = new TestClient(app);
        client.cookie = person.cookie;
        return client.put(`/api/v1/push/subscriptions/${device.id}`, { ...device.subscription, endpoint: `https://${host}/send/abc` });
      };
      const issue = (res: { json(): unknown }) => (res.json() as { error: { issues: { path: string; rule: string }[] } }).error.issues[0];
      expect(issue(await put(strict, 'push.inside.test'))).toMatchObject({ path: 'endpoint', rule: 'public_address' });
      expect(issue(await put(strict, 'push.mapped.test'))).toMatchObject({ path: 'endpoint', rule: 'public_address' });
      expect(issue(await put(strict, 'push.here.test'))).toMatchObject({ path: 'endpoint', rule: 'not_loopback' });
      expect(issue(await put(loose, 'push.inside.test'))).toMatchObject({ path: 'endpoint', rule: 'public_address' });
      expect((await put(loose, 'push.here.test')).statusCode).toBe(200);
      expect((await put(strict, 'push.example.test')).statusCode).toBe(200);
      // A name that does not resolve now is kept: it is looked up again before each send.
      expect((await put(strict, 'push.nowhere.test')).statusCode).toBe(200);
    } finally {
      await strict.close();
      await loose.close();
    }
  });

  it('looks the name up again before sending, so a name re-pointed at a private network gets nothing', async () => {
    names.set('push.moving.test', ['93.184.216.34']);
    const person = await ctx.person();
    const personId = (await person.get('/api/v1/me')).json<{ id: string }>().id;
    const repo = repositories(ctx.store).push;
    const service = pushService({ repo, clock: () => new Date(nowMs), options: { subject: 'mailto:test@unclench.invalid', allowLoopback: false, resolve }, log: { warn: () => undefined } });
    const device = receiver.device(randomUUID());
    await service.putSubscription(personId, device.id, { ...device.subscription, endpoint: 'https://push.moving.test/send/abc' });
    names.set('push.moving.test', ['172.16.5.5']);
    const [stored] = await service.subscriptionsOf(personId);
    expect(stored?.endpoint).toBe('https://push.moving.test/send/abc');
    const payload = { kind: 'test' as const, title: 't', body: 'b', url: '/settings', actions: [], reminderId: randomUUID(), episodeId: null };
    expect(await service.deliver(stored!, payload, 60)).toBe('refused');
    // The receiver (a loopback endpoint) still gets what is sent when loopback is allowed: the check is not a blanket no.
    const loose = pushService({ repo, clock: () => new Date(nowMs), options: { subject: 'mailto:test@unclench.invalid', allowLoopback: true, resolve }, log: { warn: () => undefined } });
    expect(await loose.deliver({ ...stored!, endpoint: device.subscription.endpoint }, payload, 60)).toBe('sent');
    expect(await service.deliver({ ...stored!, endpoint: device.subscription.endpoint }, payload, 60)).toBe('refused');
    // A name that does not resolve at the send is not sent to (the request would make its own, unchecked, lookup).
    names.delete('push.moving.test');
    expect(await service.deliver(stored!, payload, 60)).toBe('failed');
    expect(receiver.deliveries).toHaveLength(1);
  });

  it('looks host names up with node:dns: a name for this machine is refused without PUSH_ALLOW_LOOPBACK', async () => {
    // `localhost` comes from the system resolver (hosts file), not a literal address, on every machine.
    const own = 'localhost';
    const addresses = (await lookup(own, { all: true })).map((a) => a.address);
    const strict = await buildApp({ store: ctx.store, logLevel: 'silent' });
    try {
      const client = new TestClient(strict);
      client.cookie = (await ctx.person()).cookie;
      const device = receiver.device(randomUUID());
      const res = await client.put(`/api/v1/push/subscriptions/${device.id}`, { ...device.subscription, endpoint: `https://${own}/send/abc` });
      expect(res.statusCode, `${own} resolves to ${addresses.join(', ')}`).toBe(400);
      expect((res.json() as { error: { issues: { rule: string }[] } }).error.issues[0]?.rule).toMatch(/^(not_loopback|public_address)$/);
    } finally {
      await strict.close();
    }
  });

  it('sends a test reminder at once: VAPID-signed, aes128gcm-encrypted, carrying only what the notification shows', async () => {
    const { person, device } = await subscribed();
    const res = await person.post('/api/v1/push/test', undefined);
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ devices: 1 });
    await receiver.waitFor(1);
    expect(receiver.problems).toEqual([]);
    const [delivery] = receiver.deliveries;
    expect(delivery?.path).toBe(device.path);
    expect(delivery?.vapidKey).toBe(((await person.get('/api/v1/push/key')).json() as { publicKey: string }).publicKey);
    expect(delivery?.jwt.sub).toBe('mailto:reminders@unclench.invalid');
    expect(Object.keys(delivery?.payload ?? {}).sort()).toEqual(['actions', 'body', 'episodeId', 'kind', 'reminderId', 'title', 'url']);
    expect(delivery?.payload).toMatchObject({ kind: 'test', url: '/settings', episodeId: null, actions: [] });
  });

  it("takes the browser's new subscription for the device that had the old endpoint (pushsubscriptionchange), for the person's own devices only", async () => {
    const { person, device } = await subscribed();
    const next = receiver.device(randomUUID());
    const change = (client: TestClient, oldEndpoint: string, subscription: unknown) => client.post('/api/v1/push/subscription-changes', { oldEndpoint, subscription });
    const changed = await change(person, device.subscription.endpoint, next.subscription);
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ id: device.id, updatedAt: new Date(START).toISOString() });
    // Sent again (the worker retried): the same device, still one.
    expect((await change(person, device.subscription.endpoint, next.subscription)).json()).toMatchObject({ id: device.id });
    expect(((await person.get('/api/v1/push/subscriptions')).json() as { id: string }[]).map((d) => d.id)).toEqual([device.id]);
    const exported = (await person.get('/api/v1/account/export')).json() as { reminders: { devices: { id: string; endpoint: string }[] } };
    expect(exported.reminders.devices).toMatchObject([{ id: device.id, endpoint: next.subscription.endpoint }]);
    await person.post('/api/v1/push/test', undefined);
    await receiver.waitFor(1);
    await ctx.app.reminders.idle();
    expect(receiver.problems).toEqual([]);
    // Sent to the new endpoint, encrypted with the new keys; nothing to the old one.
    expect(receiver.deliveries.map((d) => d.path)).toEqual([next.path]);

    // Another person cannot take the device over: neither its endpoint now nor the one it had names anything of theirs.
    const { person: other, device: theirs } = await subscribed();
    const stranger = receiver.device(randomUUID());
    for (const endpoint of [next.subscription.endpoint, device.subscription.endpoint]) {
      const refused = await change(other, endpoint, stranger.subscription);
      expect(refused.statusCode).toBe(404);
      expect(refused.body).not.toContain(device.id);
    }
    expect((await person.get('/api/v1/account/export')).json()).toMatchObject({ reminders: { devices: [{ id: device.id, endpoint: next.subscription.endpoint }] } });
    expect((await other.get('/api/v1/account/export')).json()).toMatchObject({ reminders: { devices: [{ id: theirs.id, endpoint: theirs.subscription.endpoint }] } });

    // The new endpoint follows the same rules as one stored by PUT, named by its place in this body.
    const issues = async (res: Promise<{ json(): unknown; statusCode: number }>) => ((await res).json() as { error: { issues: { path: string; rule: string }[] } }).error.issues;
    expect(await issues(change(person, next.subscription.endpoint, { ...stranger.subscription, endpoint: 'https://10.1.2.3/x' }))).toEqual([expect.objectContaining({ path: 'subscription.endpoint', rule: 'public_address' })]);
    expect(await issues(change(person, 'not an address', stranger.subscription))).toEqual([expect.objectContaining({ path: 'oldEndpoint' })]);
    expect(await issues(change(person, next.subscription.endpoint, { endpoint: stranger.subscription.endpoint }))).toEqual([expect.objectContaining({ path: 'subscription.keys' })]);
  });

  it('removes a subscription the push service answers 410 for', async () => {
    const { person, device } = await subscribed();
    receiver.goneOnce(device);
    await person.post('/api/v1/push/test', undefined);
    await receiver.waitFor(1);
    await ctx.app.reminders.idle();
    expect(receiver.gone).toEqual([device.path]);
    expect((await person.get('/api/v1/push/subscriptions')).json()).toEqual([]);
    expect((await person.post('/api/v1/push/test', undefined)).json()).toEqual({ devices: 0 });
  });

  it('turns off per device: a removed subscription gets nothing', async () => {
    const { person, device } = await subscribed();
    const other = receiver.device(randomUUID());
    await person.put(`/api/v1/push/subscriptions/${other.id}`, other.subscription);
    expect((await person.delete(`/api/v1/push/subscriptions/${device.id}`)).statusCode).toBe(204);
    await person.post('/api/v1/push/test', undefined);
    await receiver.waitFor(1);
    await ctx.app.reminders.idle();
    expect(receiver.deliveries.map((d) => d.path)).toEqual([other.path]);
  });

  it("sends the stand-up reminder when the sitting is due, from the stage's interval, with one snooze", async () => {
    const { person, episode, device } = await subscribed();
    const sit = await person.put(`/api/v1/episodes/${episode}/sitting`, { sittingSince: new Date(nowMs).toISOString() });
    expect(sit.statusCode, sit.body).toBe(200);
    // A new episode is in the first stage: stand up every 20 minutes.
    expect(sit.json()).toEqual({ sittingSince: '2026-11-24T10:00:00.000Z', dueAt: '2026-11-24T10:20:00.000Z', intervalMinutes: 20, snoozed: false });
    nowMs += 19 * MINUTE;
    expect(await tick()).toEqual({ sent: 0, dropped: 0, held: 0 });
    nowMs += MINUTE;
    expect(await tick()).toEqual({ sent: 1, dropped: 0, held: 0 });
    expect(await tick()).toEqual({ sent: 0, dropped: 0, held: 0 });
    expect(receiver.deliveries).toHaveLength(1);
    expect(receiver.deliveries[0]).toMatchObject({ path: device.path, urgency: 'high', ttl: 20 * 60, payload: { kind: 'stand-up', episodeId: episode, url: '/move' } });
    expect((receiver.deliveries[0]?.payload.actions as { action: string }[]).map((a) => a.action)).toEqual(['stood-up', 'snooze']);

    const snoozed = await person.post(`/api/v1/episodes/${episode}/sitting/snooze`, undefined);
    expect(snoozed.json()).toMatchObject({ dueAt: '2026-11-24T10:30:00.000Z', snoozed: true });
    nowMs += 10 * MINUTE;
    expect((await tick()).sent).toBe(1);
    expect((receiver.deliveries[1]?.payload.actions as { action: string }[]).map((a) => a.action)).toEqual(['stood-up']);
    expect((await person.post(`/api/v1/episodes/${episode}/sitting/snooze`, undefined)).json()).toMatchObject({ dueAt: '2026-11-24T10:30:00.000Z', snoozed: true });
    nowMs += 10 * MINUTE;
    expect((await tick()).sent).toBe(0);
  });

  it("uses the person's own interval, and 'I'm up' takes the reminder back", async () => {
    const { person, episode } = await subscribed();
    expect((await person.put('/api/v1/reminder-settings', { quietHours: null, intervalOverrideMinutes: 45, checkInTime: null, goalReminder: null })).statusCode).toBe(200);
    expect((await person.put(`/api/v1/episodes/${episode}/sitting`, { sittingSince: new Date(nowMs).toISOString() })).json()).toMatchObject({ dueAt: '2026-11-24T10:45:00.000Z', intervalMinutes: 45 });
    expect((await person.delete(`/api/v1/episodes/${episode}/sitting`)).statusCode).toBe(204);
    nowMs += 60 * MINUTE;
    expect(await tick()).toEqual({ sent: 0, dropped: 0, held: 0 });
    expect((await person.post(`/api/v1/episodes/${episode}/sitting/snooze`, undefined)).statusCode).toBe(404);
  });

  it('sends nothing in the quiet hours, across midnight, and drops a reminder gone stale', async () => {
    const { person, episode } = await subscribed();
    await person.put('/api/v1/reminder-settings', { quietHours: { start: '22:00', end: '07:00' }, intervalOverrideMinutes: null, checkInTime: null, goalReminder: null });
    nowMs = Date.parse('2026-11-24T21:50:00.000Z');
    expect((await person.put(`/api/v1/episodes/${episode}/sitting`, { sittingSince: new Date(nowMs).toISOString() })).json()).toMatchObject({ dueAt: '2026-11-25T07:00:00.000Z' });
    for (const at of ['2026-11-24T22:10:00Z', '2026-11-25T00:30:00Z', '2026-11-25T06:59:00Z']) {
      nowMs = Date.parse(at);
      expect((await tick()).sent).toBe(0);
    }
    // The phone was off all morning: at 07:21 the 20-minute reminder is stale and is dropped, not sent.
    nowMs = Date.parse('2026-11-25T07:21:00.000Z');
    expect(await tick()).toEqual({ sent: 0, dropped: 1, held: 0 });
    expect(receiver.deliveries).toEqual([]);
  });

  it('holds a reminder that falls in quiet hours set after it was scheduled', async () => {
    const { person } = await subscribed();
    await person.put('/api/v1/reminder-settings', { quietHours: null, intervalOverrideMinutes: null, checkInTime: '21:30', goalReminder: null });
    await person.put('/api/v1/reminder-settings', { quietHours: { start: '21:00', end: '07:00' }, intervalOverrideMinutes: null, checkInTime: '21:30', goalReminder: null });
    // Rescheduled from the new settings: 21:30 is quiet now, so the check-in waits for 07:00.
    nowMs = Date.parse('2026-11-24T21:30:00.000Z');
    expect((await tick()).sent).toBe(0);
    nowMs = Date.parse('2026-11-25T07:00:00.000Z');
    expect((await tick()).sent).toBe(1);
    expect(receiver.deliveries[0]?.payload).toMatchObject({ kind: 'check-in', url: '/check-in' });
  });

  it('sends the daily check-in at the chosen time each day, and the weekly activity reminder on its day', async () => {
    const { person } = await subscribed('America/New_York');
    const settings = { quietHours: null, intervalOverrideMinutes: null, checkInTime: '09:30', goalReminder: { weekday: 'wednesday', time: '18:00' } };
    expect((await person.put('/api/v1/reminder-settings', settings)).json()).toEqual(settings);
    expect((await person.get('/api/v1/reminder-settings')).json()).toEqual(settings);
    // 09:30 in New York is 14:30 UTC in November.
    nowMs = Date.parse('2026-11-24T14:29:00.000Z');
    expect((await tick()).sent).toBe(0);
    nowMs = Date.parse('2026-11-24T14:30:00.000Z');
    expect((await tick()).sent).toBe(1);
    nowMs = Date.parse('2026-11-25T14:31:00.000Z');
    expect((await tick()).sent).toBe(1);
    nowMs = Date.parse('2026-11-25T23:00:00.000Z');
    expect((await tick()).sent).toBe(1);
    expect(receiver.deliveries.map((d) => d.payload.kind)).toEqual(['check-in', 'check-in', 'function-goal']);
    expect(receiver.deliveries[2]?.payload).toMatchObject({ url: '/goals' });
  });

  it('gives the check-in and the walks as a calendar of repeating events', async () => {
    const { person, episode } = await subscribed();
    await person.put('/api/v1/reminder-settings', { quietHours: null, intervalOverrideMinutes: null, checkInTime: '08:15', goalReminder: null });
    const res = await person.get(`/api/v1/episodes/${episode}/reminders.ics`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/calendar/);
    const ics = res.body;
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(ics.trimEnd().endsWith('END:VCALENDAR')).toBe(true);
    expect(ics).toContain('DTSTART:20261124T081500\r\n');
    expect(ics).toContain('RRULE:FREQ=DAILY\r\n');
    // The walks are today's plan's (a new episode's first stage has none yet), each repeating for a week.
    const today = (await person.get(`/api/v1/episodes/${episode}/today`)).json() as { plan: { kind: string; walks?: number }[] };
    const walks = today.plan.find((i) => i.kind === 'walk')?.walks ?? 0;
    expect(ics.match(/SUMMARY:Unclench: a \d+-minute walk/g) ?? []).toHaveLength(walks);
    expect(ics.match(/RRULE:FREQ=DAILY;UNTIL=20261130T235959/g) ?? []).toHaveLength(walks);
    expect((await (await ctx.person()).get(`/api/v1/episodes/${episode}/reminders.ics`)).statusCode).toBe(404);
  });
});
