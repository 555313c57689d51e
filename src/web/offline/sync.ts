import { SIGNED_OUT_EVENT } from '../api/client';
import { indexedDbOutbox } from '../outbox/idb';
import { dropBootAnswers } from '../api/boot';
import { enqueue, flush, inOrder, newEntry, type OutboxEntry, type OutboxStore, type Rejection, type SendResult } from '../outbox/queue';

/**
 * The outbox, wired to the app: every write is kept on this device first, then sent in order — at once when the
 * network allows, on `online`, on load and every 15 s (each write backs off on its own while the server is away).
 * Writes belong to the signed-in person (ownerId) and are only ever sent under their session.
 * Views read `getSyncState()` (via `useSync`) and hear about each write the server accepted (`onSent`).
 */

export interface SyncState {
  ownerId: string | null;
  /** The owner's writes still on this device, oldest first. */
  pending: OutboxEntry[];
  /** Writes the server refused, with its reason; they stay until the person fixes or discards them. */
  rejected: OutboxEntry[];
  online: boolean;
  /** Goes up each time writes reach the server, so views can read again. */
  sentVersion: number;
}

export type WriteResult =
  | { status: 'sent'; body: unknown }
  | { status: 'waiting' }
  | { status: 'rejected'; rejection: Rejection };

export interface WriteInput {
  method: 'PUT' | 'DELETE';
  path: string;
  body?: unknown;
  /** What the person sees if it waits or is refused ("Check-in", "Walk"…). */
  label: string;
}

export const FLUSH_EVERY_MS = 15_000;
/**
 * How long a write waits for its first attempt before the screen treats it as saved on this device. Offline that
 * is no time at all (nothing is attempted); online the server answers in milliseconds, and a slow server still
 * cannot hold a person up for longer than this.
 */
export const WRITE_WAIT_MS = 10_000;
const SEND_TIMEOUT_MS = 20_000;

function memoryStore(): OutboxStore {
  const map = new Map<string, OutboxEntry>();
  return { all: async () => [...map.values()], put: async (e) => void map.set(e.key, e), delete: async (k) => void map.delete(k) };
}

/** IndexedDB where it works; a memory store (lost on reload, but never blocking) where it does not. */
let store: OutboxStore = typeof indexedDB === 'undefined' ? memoryStore() : indexedDbOutbox;

let state: SyncState = { ownerId: null, pending: [], rejected: [], online: typeof navigator === 'undefined' ? true : navigator.onLine, sentVersion: 0 };
const listeners = new Set<() => void>();
const sentListeners = new Set<(entry: OutboxEntry, body: unknown) => void>();
/** Bodies of accepted writes, by key, until the write that made them has read its answer. */
const answers = new Map<string, unknown>();

function set(patch: Partial<SyncState>) {
  state = { ...state, ...patch };
  for (const l of listeners) l();
}

export function getSyncState(): SyncState {
  return state;
}

export function subscribeSync(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Called after each write the server accepted, with its answer (e.g. a comfort entry's `overLimit`). */
export function onSent(listener: (entry: OutboxEntry, body: unknown) => void): () => void {
  sentListeners.add(listener);
  return () => sentListeners.delete(listener);
}

async function all(): Promise<OutboxEntry[]> {
  try {
    return await store.all();
  } catch {
    // IndexedDB refused (private mode, storage full): keep working in memory.
    store = memoryStore();
    return [];
  }
}

async function refresh() {
  const owner = state.ownerId;
  const mine = owner ? inOrder((await all()).filter((e) => e.ownerId === owner)) : [];
  set({ pending: mine.filter((e) => e.status === 'pending'), rejected: mine.filter((e) => e.status === 'rejected') });
}

async function send(entry: OutboxEntry): Promise<SendResult> {
  // A write changes what the page was sent with: from now on the app asks the server.
  dropBootAnswers();
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), SEND_TIMEOUT_MS);
  try {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (entry.body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(entry.path, {
      method: entry.method,
      credentials: 'same-origin',
      headers,
      body: entry.body === undefined ? null : JSON.stringify(entry.body),
      signal: controller.signal,
    });
    const text = await res.text();
    let body: unknown = null;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      body = null;
    }
    if (res.status === 401) window.dispatchEvent(new Event(SIGNED_OUT_EVENT));
    // Removing what is already gone is done.
    const status = entry.method === 'DELETE' && res.status === 404 ? 204 : res.status;
    if (status >= 200 && status < 300) answers.set(entry.key, body);
    return { kind: 'answered', status, body };
  } catch {
    return { kind: 'unreachable' };
  } finally {
    clearTimeout(timer);
  }
}

/** The id of the account this browser's session belongs to: null when signed out, 'unreachable' when unknown. */
async function whoIsSignedIn(): Promise<string | null | 'unreachable'> {
  try {
    const res = await fetch('/api/v1/session', { credentials: 'same-origin', cache: 'no-store', headers: { accept: 'application/json' } });
    // An answer the service worker kept from before is not the server's: the network is out.
    if (res.headers.get('x-unclench-offline')) return 'unreachable';
    if (!res.ok) return 'unreachable';
    const { me } = (await res.json()) as { me?: { id?: unknown } | null };
    if (me === null) return null;
    return typeof me?.id === 'string' ? me.id : 'unreachable';
  } catch {
    return 'unreachable';
  }
}

let flushing: Promise<void> | null = null;
let again = false;

async function flushOnce(): Promise<void> {
  const owner = state.ownerId;
  if (!owner) return;
  if (!navigator.onLine) {
    // Known to be offline: no attempt, so no backoff builds up while the person is on a train.
    await refresh();
    return;
  }
  const mine = (await all()).filter((e) => e.ownerId === owner && e.status === 'pending');
  if (!mine.some((e) => e.nextAttemptAt <= Date.now())) {
    await refresh();
    return;
  }
  // The writes go only under their owner's own session: if the session now belongs to no one (or to someone
  // else, signed in from another tab), nothing is sent and the writes wait for their owner.
  const signedIn = await whoIsSignedIn();
  if (signedIn !== owner) {
    if (signedIn === null) window.dispatchEvent(new Event(SIGNED_OUT_EVENT));
    await refresh();
    return;
  }
  const before = new Map(mine.map((e) => [e.key, e] as const));
  const result = await flush(store, send, owner, Date.now());
  await refresh();
  if (result.sent === 0) return;
  set({ sentVersion: state.sentVersion + 1 });
  for (const [key, entry] of before) {
    if (!answers.has(key)) continue;
    const body = answers.get(key);
    if (!awaited.has(key)) answers.delete(key);
    for (const l of sentListeners) {
      try {
        l(entry, body);
      } catch {
        // A listener's trouble never stops the outbox.
      }
    }
  }
}

/** Keys of writes whose `write()` call is still waiting to read the server's answer. */
const awaited = new Set<string>();

/** Sends what is due now. One flush at a time; a call during a flush runs once more after it. */
export function flushNow(): Promise<void> {
  if (flushing) {
    again = true;
    return flushing;
  }
  flushing = (async () => {
    try {
      do {
        again = false;
        await flushOnce();
      } while (again);
    } finally {
      flushing = null;
    }
  })();
  return flushing;
}

/** Makes every waiting write due now (the network is back), then sends. */
export async function retryNow(): Promise<void> {
  const owner = state.ownerId;
  if (!owner) return;
  const now = Date.now();
  for (const e of await all()) if (e.ownerId === owner && e.status === 'pending' && e.nextAttemptAt > now) await store.put({ ...e, nextAttemptAt: now });
  await flushNow();
}

/**
 * Keeps a write on this device and starts sending it. Resolves once the first attempt is over (or after
 * `WRITE_WAIT_MS`), saying whether the server has it yet; the write is safe on the device either way.
 */
export async function write(input: WriteInput): Promise<WriteResult> {
  const owner = state.ownerId;
  if (!owner) throw new Error('Unclench: a write was made with no one signed in.');
  const entry = newEntry({ ownerId: owner, method: input.method, path: input.path, body: input.body, label: input.label }, Date.now());
  // A removal and a re-creation of the same record: only the latest intent is kept, in its own place in the order.
  for (const e of await all()) if (e.ownerId === owner && e.path === input.path && e.method !== input.method && e.status === 'pending') await store.delete(e.key);
  answers.delete(entry.key);
  awaited.add(entry.key);
  await enqueue(store, entry);
  await refresh();
  let timer = 0;
  await Promise.race([flushNow(), new Promise<void>((resolve) => (timer = window.setTimeout(resolve, WRITE_WAIT_MS)))]);
  window.clearTimeout(timer);
  awaited.delete(entry.key);
  const sent = answers.has(entry.key) && !state.pending.some((e) => e.key === entry.key);
  const body = answers.get(entry.key);
  answers.delete(entry.key);
  if (sent) return { status: 'sent', body };
  const refused = state.rejected.find((e) => e.key === entry.key);
  if (refused?.rejection) return { status: 'rejected', rejection: refused.rejection };
  return { status: 'waiting' };
}

/** Lets go of a refused write (the person has fixed it elsewhere, or does not want it). */
export async function discard(key: string): Promise<void> {
  await store.delete(key);
  await refresh();
}

/** Waits (up to `ms`) for the writes waiting now to be sent, so a read that follows sees them. */
export async function settle(ms: number): Promise<void> {
  if (!state.ownerId || !navigator.onLine || state.pending.length === 0) return;
  let timer = 0;
  await Promise.race([flushNow(), new Promise<void>((resolve) => (timer = window.setTimeout(resolve, ms)))]);
  window.clearTimeout(timer);
}

/**
 * Settles once the signed-in person's waiting writes have been read from storage. A screen's first read can run
 * before the app has even said who is signed in (a child's effects run before its parent's); offline, a plan worked
 * out before then would leave out what was done here.
 */
let outboxRead = deferred();

function deferred(): { promise: Promise<void>; resolve: () => void; done: boolean } {
  let settle = () => {};
  const d = {
    promise: new Promise<void>((resolve) => (settle = resolve)),
    done: false,
    resolve: () => {
      d.done = true;
      settle();
    },
  };
  return d;
}

/** Waits (up to `ms`) until the waiting writes of the person signed in are known. */
export async function outboxReady(ms = 5_000): Promise<void> {
  if (outboxRead.done) return;
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([outboxRead.promise, new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
}

/** Who is signed in. Only their writes are read, shown and sent; another person's stay untouched. */
export async function setOwner(ownerId: string | null): Promise<void> {
  if (ownerId === state.ownerId) return;
  if (outboxRead.done) outboxRead = deferred();
  const reading = outboxRead;
  set({ ownerId, pending: [], rejected: [] });
  await refresh();
  if (ownerId && state.ownerId === ownerId) reading.resolve();
  if (ownerId) await retryNow();
}

let started = false;
/** Listens for the network and sends on a timer. Safe to call more than once. */
export function startSync(): void {
  if (started) return;
  started = true;
  window.addEventListener('online', () => {
    set({ online: true });
    void retryNow();
  });
  window.addEventListener('offline', () => set({ online: false }));
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void flushNow();
  });
  window.setInterval(() => void flushNow(), FLUSH_EVERY_MS);
}
