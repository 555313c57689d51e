import { nextTask } from '../lib/nextTask';
import type { OutboxEntry } from '../outbox/queue';

/**
 * The person's last-read data, kept in the same Cache Storage the service worker answers from when offline
 * (`sw.js`: network-first API reads). The page keeps it current too: it fills it once (`warm`), and when a
 * write reaches the server it puts the server's answer into the cached list at once (`applySent`), so a
 * reload offline shows what was saved. Everything here is best-effort: a cache that cannot open never blocks.
 */

export const API_CACHE = 'unclench-api-v1';
const OWNER_KEY = 'unclench.cacheOwner';

const LIST_PATH = /^(\/api\/v1\/episodes\/[0-9a-f-]{36}\/(?:check-ins|movements|comfort|muscle-notes|sessions))\/([0-9a-f-]{36})$/;
const EPISODE_PATH = /^\/api\/v1\/episodes\/([0-9a-f-]{36})$/;

function available(): boolean {
  return typeof caches !== 'undefined';
}

async function readJson(url: string): Promise<unknown> {
  if (!available()) return undefined;
  try {
    const cache = await caches.open(API_CACHE);
    const res = await cache.match(url, { ignoreVary: true });
    return res ? await res.json() : undefined;
  } catch {
    return undefined;
  }
}

async function writeJson(url: string, data: unknown): Promise<void> {
  if (!available()) return;
  try {
    const cache = await caches.open(API_CACHE);
    await cache.put(url, new Response(JSON.stringify(data), { headers: { 'content-type': 'application/json; charset=utf-8' } }));
  } catch {
    // Best-effort.
  }
}

type WithId = { id: string };
const hasId = (v: unknown): v is WithId => typeof v === 'object' && v !== null && typeof (v as WithId).id === 'string';

/** Replaces the item with the same id, or adds it (at the end, or the start for the newest-first episode list). */
export function upsert(list: unknown, item: WithId, at: 'start' | 'end' = 'end'): unknown[] {
  const items = Array.isArray(list) ? list.filter((x) => !(hasId(x) && x.id === item.id)) : [];
  const index = Array.isArray(list) ? list.findIndex((x) => hasId(x) && x.id === item.id) : -1;
  if (index >= 0) {
    items.splice(index, 0, item);
    return items;
  }
  return at === 'start' ? [item, ...items] : [...items, item];
}

/** Which cached reads a write the server accepted changes, and how: `[url, new value]`, or null to leave all alone. */
export function cacheChange(entry: Pick<OutboxEntry, 'method' | 'path'>, body: unknown, lists: Record<string, unknown>): [string, unknown][] {
  const item = LIST_PATH.exec(entry.path);
  if (item?.[1] && item[2]) {
    const listUrl = item[1];
    const id = item[2];
    if (entry.method === 'DELETE') return [[listUrl, Array.isArray(lists[listUrl]) ? (lists[listUrl] as unknown[]).filter((x) => !(hasId(x) && x.id === id)) : []]];
    return hasId(body) ? [[listUrl, upsert(lists[listUrl], body)]] : [];
  }
  const episode = EPISODE_PATH.exec(entry.path);
  if (episode && entry.method === 'PUT' && hasId(body)) {
    return [
      ['/api/v1/episodes', upsert(lists['/api/v1/episodes'], body, 'start')],
      [entry.path, body],
    ];
  }
  return [];
}

/** The cached list URL a write touches (so it can be read before it is changed). */
function listUrlOf(path: string): string | null {
  const item = LIST_PATH.exec(path);
  if (item?.[1]) return item[1];
  return EPISODE_PATH.test(path) ? '/api/v1/episodes' : null;
}

/** Puts a write the server accepted into the cached reads. */
export async function applySent(entry: OutboxEntry, body: unknown): Promise<void> {
  const url = listUrlOf(entry.path);
  if (!url) return;
  const changes = cacheChange(entry, body, { [url]: await readJson(url) });
  for (const [u, value] of changes) await writeJson(u, value);
}

/** Keeps the episode the app is showing in the cached reads (it may have come from a write's answer). */
export async function rememberEpisode(episode: WithId): Promise<void> {
  const list = await readJson('/api/v1/episodes');
  await writeJson('/api/v1/episodes', upsert(list, episode, 'start'));
  await writeJson(`/api/v1/episodes/${episode.id}`, episode);
}

export async function rememberMe(me: WithId): Promise<void> {
  await writeJson('/api/v1/me', me);
  await writeJson('/api/v1/session', { me });
}

/** Forgets every cached read (another person signs in on this device). */
export async function forgetReads(): Promise<void> {
  if (!available()) return;
  try {
    await caches.delete(API_CACHE);
  } catch {
    // Best-effort.
  }
}

/** The reads are one person's: when someone else signs in here, the previous person's are dropped first. */
export async function claimReads(ownerId: string): Promise<void> {
  let previous: string | null = null;
  try {
    previous = localStorage.getItem(OWNER_KEY);
  } catch {
    previous = null;
  }
  if (previous !== ownerId) {
    await forgetReads();
    try {
      localStorage.setItem(OWNER_KEY, ownerId);
    } catch {
      // Best-effort.
    }
  }
}

/** What the app needs to open and plan offline: read once so it is in the cache before the network goes. */
export function offlineReads(episodeId: string | null): string[] {
  const base = ['/api/v1/session', '/api/v1/me', '/api/v1/episodes', '/api/v1/preferences', '/api/v1/exercises'];
  if (!episodeId) return base;
  const e = `/api/v1/episodes/${episodeId}`;
  return [...base, e, `${e}/check-ins`, `${e}/movements`, `${e}/comfort`, `${e}/muscle-notes`, `${e}/sessions`, `${e}/plan-edits`];
}

export async function warm(episodeId: string | null): Promise<void> {
  if (!available() || !navigator.onLine) return;
  let cache: Cache;
  try {
    cache = await caches.open(API_CACHE);
  } catch {
    return;
  }
  // One read at a time, each in a task of its own: all at once, their answers land together in one long task that a
  // slow phone spends not answering the person.
  for (const url of offlineReads(episodeId)) {
    try {
      const res = await fetch(url, { credentials: 'same-origin', headers: { accept: 'application/json' } });
      if (res.status === 200) await cache.put(url, res);
    } catch {
      // Offline after all: what is cached stays.
    }
    await nextTask();
  }
}
