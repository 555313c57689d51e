import { createECDH, randomBytes, randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { AccountExport } from '../contract';
import { describeEachBackend } from './testing/backends';
import { appUnderTest } from './testing/appUnderTest';
import { buildWorld, SAMPLE_BODIES, type World } from './testing/routeSamples';
import { TestClient } from './testing/api';
import { dumpEveryTable } from './testing/tableDump';

const NOW = new Date('2026-11-24T12:00:00.000Z');

/** The ids and words of a world that would identify its person if any were left behind. */
function traces(world: World, personId: string, device: Device): string[] {
  return [personId, world.email, world.episode, world.checkIn, world.note, world.session, world.movement, world.comfort, world.goal, device.id, device.subscription.endpoint, device.subscription.keys.auth];
}

type Device = ReturnType<typeof newDevice>;
/** A browser's push subscription, as `PushSubscription.toJSON()` gives it (loopback endpoints are allowed in tests). */
function newDevice() {
  const id = randomUUID();
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  return { id, subscription: { endpoint: `http://127.0.0.1:9/push/${id}`, expirationTime: null, keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: randomBytes(16).toString('base64url') } } };
}
const REMINDER_SETTINGS = { quietHours: { start: '22:30', end: '07:00' }, intervalOverrideMinutes: 30, checkInTime: '09:15', goalReminder: { weekday: 'monday', time: '18:00' } };

describeEachBackend('your data: export and delete', (backend) => {
  const ctx = appUnderTest(backend, () => NOW);

  async function personWithEverything() {
    const client = await ctx.person('Europe/Madrid');
    const world = await buildWorld(client);
    const base = `/api/v1/episodes/${world.episode}`;
    expect((await client.put(`${base}/function-goals/${world.goal}/ratings/2026-11-23`, SAMPLE_BODIES.rating)).statusCode).toBe(200);
    expect((await client.put('/api/v1/preferences', { styles: ['yoga'], sessionMinutes: 20 })).statusCode).toBe(200);
    expect((await client.put('/api/v1/reminder-settings', REMINDER_SETTINGS)).statusCode).toBe(200);
    const device = newDevice();
    expect((await client.put(`/api/v1/push/subscriptions/${device.id}`, device.subscription)).statusCode).toBe(200);
    const personId = (await client.get('/api/v1/me')).json<{ id: string }>().id;
    return { client, world, personId, device };
  }

  it('exports every record of every episode as JSON, named as a download', async () => {
    const { client, world, personId, device } = await personWithEverything();
    const second = await client.createEpisode({ onsetDate: '2026-11-22' });
    const res = await client.get('/api/v1/account/export');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toBe('attachment; filename="unclench-data-2026-11-24.json"');
    const data = AccountExport.parse(res.json());
    expect(data.account).toMatchObject({ id: personId, email: world.email, timeZone: 'Europe/Madrid' });
    expect(data.preferences).toEqual({ styles: ['yoga'], sessionMinutes: 20 });
    expect(data.reminders.settings).toEqual(REMINDER_SETTINGS);
    expect(data.reminders.devices.map((d) => d.id).sort()).toEqual([world.device, world.renewedDevice, device.id].sort());
    expect(data.reminders.devices.find((d) => d.id === device.id)).toEqual({ id: device.id, endpoint: device.subscription.endpoint, expirationTime: null, createdAt: NOW.toISOString(), updatedAt: NOW.toISOString() });
    // The browser's keys stay on the server: the auth secret is what keeps reminders private on the way.
    expect(res.body).not.toContain(device.subscription.keys.auth);
    expect(res.body).not.toContain(device.subscription.keys.p256dh);
    expect(data.episodes.map((e) => e.episode.id).sort()).toEqual([world.episode, second.id].sort());
    const first = data.episodes.find((e) => e.episode.id === world.episode);
    expect(first?.checkIns.map((c) => c.id)).toEqual([world.checkIn]);
    expect(first?.muscleNotes.map((n) => n.id)).toEqual([world.note]);
    expect(first?.sessions.map((s) => s.id)).toEqual([world.session]);
    expect(first?.postureChecks.map((c) => c.id)).toEqual([world.posture]);
    expect(first?.movements.map((m) => m.id)).toEqual([world.movement]);
    expect(first?.comfort.map((c) => c.id)).toEqual([world.comfort]);
    expect(first?.functionGoals).toMatchObject([{ id: world.goal, activity: 'Put on my socks', ratings: [{ date: '2026-11-23', rating: 4 }] }]);
    // The therapist's change to the plan: what, by whom as the person knows them, and when.
    expect(first?.planEdits).toEqual([
      { id: world.planEdit, episodeId: world.episode, therapistName: 'Alex Moreno', edit: { kind: 'pin', exerciseId: world.exercise }, text: expect.stringMatching(/^Chose .+ for your sessions/), createdAt: NOW.toISOString(), updatedAt: NOW.toISOString() },
    ]);
    expect(res.body).not.toContain('password');
    expect(res.body).not.toContain('scrypt');
  });

  it('shows no one else’s records in an export', async () => {
    const owner = await personWithEverything();
    const other = await ctx.person();
    const data = AccountExport.parse((await other.get('/api/v1/account/export')).json());
    expect(data.episodes).toEqual([]);
    expect(data.reminders).toEqual({ settings: { quietHours: null, intervalOverrideMinutes: null, checkInTime: null, goalReminder: null }, devices: [] });
    expect(JSON.stringify(data)).not.toContain(owner.world.episode);
    // The owner's therapist keeps their own account: the change they made to the owner's plan is the owner's data.
    const theirs = AccountExport.parse((await owner.world.spare.get('/api/v1/account/export')).json());
    expect(theirs.episodes).toEqual([]);
    expect(JSON.stringify(theirs)).not.toContain(owner.world.planEdit);
  });

  it('deletes the account and everything of the person from every table, ends all their sessions, and leaves others alone', async () => {
    const { client, world, personId, device } = await personWithEverything();
    const otherDevice = new TestClient(ctx.app);
    expect((await otherDevice.post('/api/v1/session', { email: world.email, password: world.password })).statusCode).toBe(200);
    const bystander = await personWithEverything();
    const before = await dumpEveryTable(ctx.store);
    for (const trace of traces(world, personId, device)) expect(Object.values(before).join('\n'), `seeded ${trace}`).toContain(trace);

    const res = await client.delete('/api/v1/account');
    expect(res.statusCode).toBe(204);
    expect(res.cookies.find((c) => c.name === 'unclench_session')?.value).toBe('');

    const after = await dumpEveryTable(ctx.store);
    for (const [table, rows] of Object.entries(after)) {
      for (const trace of traces(world, personId, device)) expect(rows, `${table} still holds ${trace}`).not.toContain(trace);
    }
    for (const trace of traces(bystander.world, bystander.personId, bystander.device)) expect(Object.values(after).join('\n'), `bystander's ${trace}`).toContain(trace);

    expect((await otherDevice.get('/api/v1/me')).statusCode).toBe(401);
    expect((await client.get('/api/v1/episodes')).statusCode).toBe(401);
    expect((await new TestClient(ctx.app).post('/api/v1/session', { email: world.email, password: world.password })).statusCode).toBe(401);
    expect((await bystander.client.get(`/api/v1/episodes/${bystander.world.episode}/check-ins`)).json()).toHaveLength(1);
  });

  it('lets the email be used for a new account once the old one is deleted', async () => {
    const { client, world } = await personWithEverything();
    expect((await client.delete('/api/v1/account')).statusCode).toBe(204);
    const fresh = await ctx.person();
    expect((await fresh.post('/api/v1/account/credentials', { email: world.email, password: 'a brand new long password' })).statusCode).toBe(200);
  });

  it('answers 401 to delete without a session', async () => {
    expect((await new TestClient(ctx.app).delete('/api/v1/account')).statusCode).toBe(401);
  });
});
