import { api, isApiError, type PushSubscriptionBody } from '../api/client';
import { newId } from '../lib/ids';
import { getSyncState } from '../offline/sync';

/**
 * This device's part in the reminders sent through Web Push: the browser's push subscription, made with the
 * server's VAPID key and stored on the server under an id made here (one per device and person). The id is kept in
 * localStorage, so Settings can tell this device from the person's others.
 */

export type TurnOnResult =
  /** The server has this device's subscription: reminders come even when Unclench is closed. */
  | { kind: 'on' }
  /** This browser shows notifications but has no push: reminders come only while a page of Unclench is open. */
  | { kind: 'while-open' }
  | { kind: 'unsupported' }
  | { kind: 'denied' }
  /** The browser's own push service would not give an address (none reachable, or none in this browser). */
  | { kind: 'no-push-service' }
  | { kind: 'offline' }
  | { kind: 'refused'; message: string };

export type DeviceReach = 'unsupported' | 'blocked' | 'on' | 'off';

const READY_WAIT_MS = 10_000;
const keyOf = (owner: string) => `unclench.pushDevice.${owner}`;

export function notificationsSupported(): boolean {
  return typeof Notification !== 'undefined' && typeof navigator !== 'undefined' && 'serviceWorker' in navigator;
}

export function pushSupported(): boolean {
  return notificationsSupported() && typeof window !== 'undefined' && 'PushManager' in window;
}

/** The id this device's subscription is stored under on the server, or null when reminders are not on here. */
export function thisDeviceId(): string | null {
  const owner = getSyncState().ownerId;
  if (!owner) return null;
  try {
    return localStorage.getItem(keyOf(owner));
  } catch {
    return null;
  }
}

function rememberDevice(id: string | null): void {
  const owner = getSyncState().ownerId;
  if (!owner) return;
  try {
    if (id) localStorage.setItem(keyOf(owner), id);
    else localStorage.removeItem(keyOf(owner));
  } catch {
    // Storage refused: Settings shows this device as one of the others.
  }
}

/** The key as `applicationServerKey` takes it: the bytes of the base64url text. */
export function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = base64url.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(base64url.length / 4) * 4, '=');
  const text = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(text.length));
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

function sameKey(given: ArrayBuffer | null, base64url: string): boolean {
  if (!given) return false;
  const want = keyBytes(base64url);
  const have = new Uint8Array(given);
  return have.length === want.length && have.every((b, i) => b === want[i]);
}

/** What the server stores, from `PushSubscription.toJSON()`; null when the browser left out the keys. */
export function subscriptionBody(json: PushSubscriptionJSON): PushSubscriptionBody | null {
  const { endpoint, keys } = json;
  if (!endpoint || !keys?.p256dh || !keys.auth) return null;
  return { endpoint, expirationTime: typeof json.expirationTime === 'number' ? json.expirationTime : null, keys: { p256dh: keys.p256dh, auth: keys.auth } };
}

async function registration(): Promise<ServiceWorkerRegistration | null> {
  let timer = 0;
  const none = new Promise<null>((resolve) => (timer = window.setTimeout(() => resolve(null), READY_WAIT_MS)));
  try {
    return await Promise.race([navigator.serviceWorker.ready, none]);
  } finally {
    window.clearTimeout(timer);
  }
}

/** The browser's question (only from the person's own tap), the push subscription, then the server. */
export async function turnOnReminders(): Promise<TurnOnResult> {
  if (!notificationsSupported()) return { kind: 'unsupported' };
  let permission = Notification.permission;
  if (permission === 'default') permission = await Notification.requestPermission().catch(() => Notification.permission);
  if (permission !== 'granted') return { kind: 'denied' };
  if (!pushSupported()) return { kind: 'while-open' };
  const reg = await registration();
  if (!reg) return { kind: 'while-open' };
  let key: string;
  try {
    key = (await api.pushKey()).publicKey;
  } catch {
    return { kind: 'offline' };
  }
  let subscription = await reg.pushManager.getSubscription().catch(() => null);
  if (subscription && !sameKey(subscription.options.applicationServerKey, key)) {
    await subscription.unsubscribe().catch(() => false);
    subscription = null;
  }
  if (!subscription) {
    try {
      subscription = await reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(key) });
    } catch {
      return { kind: 'no-push-service' };
    }
  }
  const body = subscriptionBody(subscription.toJSON());
  if (!body) return { kind: 'no-push-service' };
  const id = thisDeviceId() ?? newId();
  try {
    await api.putPushSubscription(id, body);
  } catch (e) {
    if (isApiError(e) && e.status !== 0) return { kind: 'refused', message: e.message };
    return { kind: 'offline' };
  }
  rememberDevice(id);
  return { kind: 'on' };
}

/** Stops reminders reaching one device; for this device, the browser's subscription ends too. */
export async function turnOffReminders(id: string): Promise<void> {
  await api.deletePushSubscription(id);
  if (id !== thisDeviceId()) return;
  rememberDevice(null);
  if (!pushSupported()) return;
  const reg = await navigator.serviceWorker.getRegistration().catch(() => undefined);
  const subscription = await reg?.pushManager.getSubscription().catch(() => null);
  await subscription?.unsubscribe().catch(() => false);
}

/** Whether reminders reach this device: its id is among the server's devices and the browser still has the subscription. */
export function deviceReach(input: { supported: boolean; permission: NotificationPermission | null; storedId: string | null; serverIds: readonly string[]; browserSubscribed: boolean }): DeviceReach {
  if (!input.supported) return 'unsupported';
  if (input.permission === 'denied') return 'blocked';
  if (input.permission !== 'granted' || !input.storedId || !input.browserSubscribed) return 'off';
  return input.serverIds.includes(input.storedId) ? 'on' : 'off';
}

export async function browserSubscribed(): Promise<boolean> {
  if (!pushSupported()) return false;
  const reg = await navigator.serviceWorker.getRegistration().catch(() => undefined);
  return Boolean(await reg?.pushManager.getSubscription().catch(() => null));
}

/** This device's reach and the person's devices, as the server knows them. */
export async function readReach(): Promise<{ reach: DeviceReach; devices: { id: string; createdAt: string }[]; thisId: string | null }> {
  const devices = await api.listPushSubscriptions();
  const thisId = thisDeviceId();
  const reach = deviceReach({
    supported: pushSupported(),
    permission: notificationsSupported() ? Notification.permission : null,
    storedId: thisId,
    serverIds: devices.map((d) => d.id),
    browserSubscribed: await browserSubscribed(),
  });
  return { reach, devices, thisId };
}

const SIGN_OUT_WAIT_MS = 3_000;

/** Signing out: this device stops receiving the person's reminders (tried briefly; never holds the sign-out up). */
export async function stopRemindersHere(): Promise<void> {
  const id = thisDeviceId();
  if (!id) return;
  let timer = 0;
  await Promise.race([turnOffReminders(id).catch(() => undefined), new Promise<void>((resolve) => (timer = window.setTimeout(resolve, SIGN_OUT_WAIT_MS)))]);
  window.clearTimeout(timer);
}

let renewed = false;
/**
 * Once per visit, this device's current subscription is stored again: a browser may replace it (a new endpoint or
 * keys) while Unclench is closed, and the server must send to the one it has now. Nothing happens when reminders are
 * not on here.
 */
export async function renewSubscription(): Promise<void> {
  const id = thisDeviceId();
  if (renewed || !id || !pushSupported() || Notification.permission !== 'granted') return;
  renewed = true;
  const reg = await navigator.serviceWorker.getRegistration().catch(() => undefined);
  const subscription = await reg?.pushManager.getSubscription().catch(() => null);
  const body = subscription ? subscriptionBody(subscription.toJSON()) : null;
  if (body) await api.putPushSubscription(id, body).catch(() => undefined);
}
