import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { BrowserContext, CDPSession, Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPushReceiver, type PushReceiver } from '../src/server/testing/pushReceiver';
import { answerSafety, arriveAtToday, continueFromSafety, openNav, seriousViolations, startEpisode, startNow } from './flows';
import { RESULTS_DIR, startHarness, type Harness } from './harness';

/**
 * Reminders that reach a closed app, in Chromium. Chromium's own push service cannot be reached here, so the page's
 * subscription step is followed as far as the browser lets it go; the server then sends real, encrypted pushes to a
 * push service played on 127.0.0.1, and what that service receives is handed to the page's service worker as a push
 * (CDP `ServiceWorker.deliverPushMessage`), as the browser's push service would.
 */

let h: Harness;
let receiver: PushReceiver;
/** The server's clock runs this far ahead when the test lets the stand-up reminder fall due. */
let serverAheadMs = 0;
beforeAll(async () => {
  h = await startHarness({ push: { allowLoopback: true }, clock: () => new Date(Date.now() + serverAheadMs) });
  receiver = await startPushReceiver();
});
afterAll(async () => {
  await receiver?.close();
  await h?.close();
});

type Movement = { id: string; kind: string };
const MINUTE = 60_000;

async function personWithNotifications() {
  const person = await h.newPage();
  await person.context.grantPermissions(['notifications'], { origin: h.url });
  await startNow(person.page);
  await answerSafety(person.page, { age: 40, pain: 5 });
  await continueFromSafety(person.page);
  await startEpisode(person.page);
  await arriveAtToday(person.page);
  const episodeId: string = (await (await person.page.request.get('/api/v1/episodes')).json())[0].id;
  const movements = async () => (await (await person.page.request.get(`/api/v1/episodes/${episodeId}/movements`)).json()) as Movement[];
  return { ...person, episodeId, movements };
}

async function serviceWorker(context: BrowserContext, page: Page): Promise<Worker> {
  await page.evaluate(async () => void (await navigator.serviceWorker.ready));
  return context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
}

/** Hands payloads to the page's service worker as its push service would. */
async function pushServiceFor(cdp: CDPSession, origin: string): Promise<(payload: unknown) => Promise<void>> {
  const registrations: { registrationId: string; scopeURL: string; isDeleted: boolean }[] = [];
  cdp.on('ServiceWorker.workerRegistrationUpdated', (e: { registrations: typeof registrations }) => registrations.push(...e.registrations));
  await cdp.send('ServiceWorker.enable');
  await expect.poll(() => registrations.some((r) => !r.isDeleted)).toBe(true);
  const registrationId = registrations.find((r) => !r.isDeleted)?.registrationId ?? '';
  return async (payload) => void (await cdp.send('ServiceWorker.deliverPushMessage', { origin, registrationId, data: JSON.stringify(payload) }));
}

type Shown = { title: string; body: string; tag: string; actions: { action: string; title: string }[]; data: Record<string, unknown> };
const shownNotifications = (page: Page) =>
  page.evaluate(async () =>
    (await (await navigator.serviceWorker.ready).getNotifications()).map((n) => ({ title: n.title, body: n.body, tag: n.tag, actions: [...((n as unknown as { actions?: { action: string; title: string }[] }).actions ?? [])].map((a) => ({ action: a.action, title: a.title })), data: n.data as Record<string, unknown> })),
  ) as Promise<Shown[]>;

/** A tap on the notification (or on one of its buttons) as the browser would dispatch it to the worker. */
async function tap(worker: Worker, tag: string, action: string): Promise<void> {
  await worker.evaluate(
    async ({ tag, action }) => {
      const sw = self as unknown as EventTarget & { registration: ServiceWorkerRegistration; NotificationEvent: new (type: string, init: { notification: Notification; action: string }) => Event };
      const [notification] = await sw.registration.getNotifications({ tag });
      if (!notification) throw new Error(`no notification tagged ${tag}`);
      sw.dispatchEvent(new sw.NotificationEvent('notificationclick', { notification, action }));
    },
    { tag, action },
  );
}

describe('reminders when Unclench is closed', () => {
  it('turns on, sends a test and a stand-up reminder through the push service, and "I stood up" saves one break and schedules the next', async () => {
    const { page, context, errors, episodeId, movements } = await personWithNotifications();

    // The sit timer tells the server, which schedules the stand-up reminder from the same rules.
    await openNav(page, 'Move', 'Keep moving');
    const sat = page.waitForResponse((r) => r.url().endsWith(`/api/v1/episodes/${episodeId}/sitting`) && r.request().method() === 'PUT');
    await page.getByRole('button', { name: 'I’m sitting down' }).click();
    const sitting = (await (await sat).json()) as { sittingSince: string; dueAt: string; intervalMinutes: number; snoozed: boolean };
    expect(sitting.snoozed).toBe(false);
    expect(Date.parse(sitting.dueAt) - Date.parse(sitting.sittingSince)).toBe(sitting.intervalMinutes * MINUTE);

    // "Turn on reminders", after the explanation: the page asks the server for its key and the browser for a subscription.
    const why = page.locator('#notify-why');
    await why.waitFor();
    expect(await why.innerText()).toContain('only for these reminders');
    const keyAsked = page.waitForResponse((r) => r.url().endsWith('/api/v1/push/key'));
    await why.getByRole('button', { name: 'Turn on reminders' }).click();
    expect((await keyAsked).status()).toBe(200);
    const outcome = page.locator('.sit-card').getByText(/Reminders reach this device|could not set up reminders for when Unclench is closed/);
    await outcome.waitFor();
    const subscribedHere = (await outcome.innerText()).includes('Reminders reach this device');
    if (!subscribedHere) {
      // Headless Chromium has no push service to give an address: the page says so calmly, and offers to try again.
      expect(await outcome.innerText()).toContain('That is fine: while Unclench is open, reminders still show here');
      await why.getByRole('button', { name: 'Try again' }).waitFor();
    }
    // Then this device is registered the way the page would: PUT of PushSubscription.toJSON(), under an id made here.
    const device = receiver.device(randomUUID());
    const put = await page.evaluate(
      async ({ id, body }) => (await fetch(`/api/v1/push/subscriptions/${id}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).status,
      { id: device.id, body: device.subscription },
    );
    expect(put).toBe(200);

    // Settings shows where reminders reach, and sends a test reminder at once.
    await openNav(page, 'Settings');
    const reach = page.locator('.reminder-devices');
    await reach.getByText(subscribedHere ? 'Your reminders reach 2 devices:' : 'Your reminders reach 1 device:').waitFor();
    if (!subscribedHere) expect(await reach.innerText()).toContain('Reminders do not reach this device when Unclench is closed.');
    await reach.getByRole('button', { name: 'Send a test reminder' }).click();
    await reach.getByText(/A test reminder is on its way to your (device|2 devices)/).waitFor();
    await receiver.waitFor(1);
    expect(receiver.problems).toEqual([]);
    const test = receiver.deliveries.find((d) => d.path === device.path && d.payload.kind === 'test');
    expect(test).toBeDefined();

    // The worker shows the pushed test; a tap opens the screen it names.
    const worker = await serviceWorker(context, page);
    const deliverPush = await pushServiceFor(await context.newCDPSession(page), new URL(h.url).origin);
    await openNav(page, 'Move', 'Keep moving');
    await deliverPush(test?.payload);
    await expect.poll(async () => (await shownNotifications(page)).map((n) => n.title)).toContain('Reminders reach this device');
    await tap(worker, 'unclench-test', '');
    await page.waitForURL(/\/settings$/);

    // A minute past the reminder's time (on the server's clock), its scheduler (every 10 s) sends it, with two buttons.
    serverAheadMs = Date.parse(sitting.dueAt) - Date.now() + MINUTE;
    await expect.poll(() => receiver.deliveries.filter((d) => d.path === device.path && d.payload.kind === 'stand-up').length, { timeout: 20_000 }).toBe(1);
    const standUp = receiver.deliveries.find((d) => d.path === device.path && d.payload.kind === 'stand-up');
    expect(standUp?.payload).toMatchObject({ episodeId, url: '/move' });
    await deliverPush(standUp?.payload);
    await expect.poll(async () => (await shownNotifications(page)).find((n) => n.tag === 'unclench-sit')?.actions).toEqual([
      { action: 'stood-up', title: 'I stood up' },
      { action: 'snooze', title: 'Snooze 10 minutes' },
    ]);
    const [shown] = (await shownNotifications(page)).filter((n) => n.tag === 'unclench-sit');
    expect(shown).toMatchObject({ title: 'Time to stand up and move', data: { kind: 'stand-up', episodeId, reminderId: standUp?.payload.reminderId } });
    serverAheadMs = 0;

    // "I stood up": one stand-up break, saved through the outbox, and the next sitting's reminder scheduled.
    const next = page.waitForResponse((r) => r.url().endsWith(`/api/v1/episodes/${episodeId}/sitting`) && r.request().method() === 'PUT');
    await tap(worker, 'unclench-sit', 'stood-up');
    const nextSitting = (await (await next).json()) as { dueAt: string; snoozed: boolean };
    expect(Date.parse(nextSitting.dueAt)).toBeGreaterThan(Date.now());
    await expect.poll(async () => (await movements()).filter((m) => m.kind === 'stand-break').map((m) => m.id)).toEqual([standUp?.payload.reminderId]);
    await page.locator('.sync-status .sync-text', { hasText: 'All saved' }).waitFor();
    expect(await shownNotifications(page)).toEqual([]);

    // The same reminder answered again (a second tap, another tab) stores nothing new.
    await deliverPush(standUp?.payload);
    await expect.poll(async () => (await shownNotifications(page)).length).toBe(1);
    const again = page.waitForResponse((r) => r.url().endsWith(`/api/v1/episodes/${episodeId}/sitting`) && r.request().method() === 'PUT');
    await tap(worker, 'unclench-sit', 'stood-up');
    await again;
    await page.locator('.sync-status .sync-text', { hasText: 'All saved' }).waitFor();
    expect((await movements()).filter((m) => m.kind === 'stand-break')).toHaveLength(1);

    // "Snooze 10 minutes" snoozes the sitting on the server too, once.
    await deliverPush(standUp?.payload);
    await expect.poll(async () => (await shownNotifications(page)).length).toBe(1);
    const snoozed = page.waitForResponse((r) => r.url().endsWith(`/api/v1/episodes/${episodeId}/sitting/snooze`));
    await tap(worker, 'unclench-sit', 'snooze');
    expect(((await (await snoozed).json()) as { snoozed: boolean }).snoozed).toBe(true);

    // With Unclench closed, a button opens it with the answer in the address; the page answers it the same way.
    const opened = randomUUID();
    const reopened = page.waitForResponse((r) => r.url().endsWith(`/api/v1/episodes/${episodeId}/sitting`) && r.request().method() === 'PUT');
    await page.goto(`/move?reminder=stood-up&episode=${episodeId}&reminderId=${opened}`);
    await reopened;
    await expect.poll(async () => (await movements()).filter((m) => m.kind === 'stand-break').map((m) => m.id).sort()).toEqual([standUp?.payload.reminderId, opened].sort());
    expect(new URL(page.url()).search).toBe('');
    await page.getByRole('timer', { name: 'Stand up in' }).waitFor();

    // The interval chosen in Settings reaches the server, so its reminders keep the same times.
    await openNav(page, 'Settings');
    await page.getByRole('radio', { name: 'Every 45 minutes' }).check();
    await page.getByRole('button', { name: 'Save reminder settings' }).click();
    await expect.poll(async () => ((await (await page.request.get('/api/v1/reminder-settings')).json()) as { intervalOverrideMinutes: number | null }).intervalOverrideMinutes).toBe(45);
    await reach.getByText('Another device', { exact: false }).first().waitFor();
    await page.locator('.reminder-settings').screenshot({ path: path.join(RESULTS_DIR, 'push-settings.png') });
    expect(await seriousViolations(page)).toEqual([]);

    // Turned off per device: the server lets the device go.
    const other = reach.getByRole('button', { name: /^Turn off: Another device/ });
    await other.first().waitFor();
    const removed = page.waitForResponse((r) => r.url().endsWith(`/api/v1/push/subscriptions/${device.id}`) && r.request().method() === 'DELETE');
    await reach.getByRole('listitem').filter({ hasText: 'Another device' }).last().getByRole('button').click();
    expect((await removed).status()).toBe(204);
    await reach.getByText('Reminders no longer reach that device.').waitFor();
    const left = (await (await page.request.get('/api/v1/push/subscriptions')).json()) as { id: string }[];
    expect(left.map((d) => d.id)).not.toContain(device.id);
    // Chromium logs why it gave no subscription: a test's browser context is incognito, where it has no Push API.
    const incognito = (e: string) => e.startsWith('console: Chrome currently does not support the Push API in incognito mode');
    if (!subscribedHere) expect(errors.filter(incognito)).toHaveLength(1);
    expect(errors.filter((e) => !incognito(e))).toEqual([]);
  });

  it('when the browser replaces the subscription, the worker subscribes again with the same key and the server swaps the old endpoint for the new one', async () => {
    // What is real here: the service worker's own code (its pushsubscriptionchange listener and renewal), its requests
    // with the person's cookie, the server and the push service played on 127.0.0.1. What is not: a test cannot make
    // Chromium fire this event, and a test's (incognito) context has no push service, so the event is dispatched by the test and the
    // browser's pushManager is stood in for by one that records the key it is asked to subscribe with.
    const { page, context, errors } = await h.newPage();
    await context.grantPermissions(['notifications'], { origin: h.url });
    await startNow(page);
    const worker = await serviceWorker(context, page);
    const first = receiver.device(randomUUID());
    const put = await page.evaluate(
      async ({ id, body }) => (await fetch(`/api/v1/push/subscriptions/${id}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).status,
      { id: first.id, body: first.subscription },
    );
    expect(put).toBe(200);
    const endpoints = async () => ((await (await page.request.get('/api/v1/account/export')).json()) as { reminders: { devices: { id: string; endpoint: string }[] } }).reminders.devices.map((d) => [d.id, d.endpoint]);

    // 1. The browser made the new subscription itself (event.newSubscription): the listener tells the server.
    const second = receiver.device(randomUUID());
    await worker.evaluate(
      ({ oldEndpoint, next }) => {
        const sw = self as unknown as EventTarget & { ExtendableEvent: new (type: string) => Event };
        const event = new sw.ExtendableEvent('pushsubscriptionchange');
        Object.defineProperties(event, { oldSubscription: { value: { endpoint: oldEndpoint, options: {} } }, newSubscription: { value: { toJSON: () => next } } });
        sw.dispatchEvent(event);
      },
      { oldEndpoint: first.subscription.endpoint, next: second.subscription },
    );
    await expect.poll(endpoints).toEqual([[first.id, second.subscription.endpoint]]);

    // 2. It expired with no new one: the worker subscribes again with the server's key (the old subscription's options
    // gave none), as the page does, and the same device takes the new endpoint.
    type Renew = (input: { oldSubscription: unknown; newSubscription: unknown; pushManager: unknown }) => Promise<string>;
    const renew = (oldSubscription: { endpoint: string; key: number[] | null }, next: unknown) =>
      worker.evaluate(
        async ({ oldSubscription, next }) => {
          const asked: number[][] = [];
          const pushManager = {
            subscribe: async (options: { userVisibleOnly: boolean; applicationServerKey: ArrayBufferView | ArrayBuffer }) => {
              if (!options.userVisibleOnly) throw new Error('a push must always show something');
              const key = options.applicationServerKey;
              asked.push([...new Uint8Array(ArrayBuffer.isView(key) ? key.buffer.slice(key.byteOffset, key.byteOffset + key.byteLength) : key)]);
              return { toJSON: () => next };
            },
          };
          const options = oldSubscription.key ? { userVisibleOnly: true, applicationServerKey: new Uint8Array(oldSubscription.key).buffer } : {};
          const result = await (self as unknown as { renewPushSubscription: Renew }).renewPushSubscription({ oldSubscription: { endpoint: oldSubscription.endpoint, options }, newSubscription: null, pushManager });
          return { result, asked };
        },
        { oldSubscription, next },
      );
    const serverKey = [...Buffer.from(((await (await page.request.get('/api/v1/push/key')).json()) as { publicKey: string }).publicKey, 'base64url')];
    const third = receiver.device(randomUUID());
    expect(await renew({ endpoint: second.subscription.endpoint, key: null }, third.subscription)).toEqual({ result: 'replaced', asked: [serverKey] });
    expect(await endpoints()).toEqual([[first.id, third.subscription.endpoint]]);

    // 3. With the old subscription's own key, that key is used (the same one: the server keeps its pair).
    const fourth = receiver.device(randomUUID());
    expect(await renew({ endpoint: third.subscription.endpoint, key: serverKey }, fourth.subscription)).toEqual({ result: 'replaced', asked: [serverKey] });
    expect(await endpoints()).toEqual([[first.id, fourth.subscription.endpoint]]);

    // An old endpoint that none of this person's devices has (the first one, long replaced) changes nothing.
    expect((await renew({ endpoint: first.subscription.endpoint, key: serverKey }, receiver.device(randomUUID()).subscription)).result).toBe('not-ours');
    expect(await endpoints()).toEqual([[first.id, fourth.subscription.endpoint]]);

    // Reminders now go to the newest endpoint only.
    receiver.deliveries.length = 0;
    expect((await page.request.post('/api/v1/push/test')).status()).toBe(202);
    await receiver.waitFor(1);
    await expect.poll(() => receiver.deliveries.map((d) => d.path)).toEqual([fourth.path]);
    expect(receiver.problems).toEqual([]);
    expect(errors).toEqual([]);
  });
});
