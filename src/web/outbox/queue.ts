import { compareText } from '../../core/compareText';

/**
 * The outbox: every write is kept on the device first and sent when the network allows, in the order it was
 * made, retried with backoff, and applied exactly once by the server (each write carries its client-made id
 * and is an idempotent PUT). A write the server refuses stays, with its reason, until the person deals with it.
 * Storage and sending are passed in, so the rules here can be tested without a browser.
 */

export interface Rejection {
  status: number;
  code: string;
  message: string;
  issues?: { path: string; rule: string; message: string }[];
}

export interface OutboxEntry {
  /** Unique per write: the method and path (which hold the record's client-made id). */
  key: string;
  /** The signed-in account that made the write; it is never sent under another account's session. */
  ownerId: string;
  method: 'PUT' | 'DELETE';
  path: string;
  body: unknown;
  /** What the person sees in the list of waiting writes ("Check-in", "Walk"…). */
  label: string;
  createdAt: number;
  attempts: number;
  nextAttemptAt: number;
  status: 'pending' | 'rejected';
  rejection?: Rejection;
}

export interface OutboxStore {
  all(): Promise<OutboxEntry[]>;
  put(entry: OutboxEntry): Promise<void>;
  delete(key: string): Promise<void>;
}

/** What the network said: a status and body, or nothing at all (offline, timed out). */
export type SendResult = { kind: 'answered'; status: number; body: unknown } | { kind: 'unreachable' };
export type Send = (entry: OutboxEntry) => Promise<SendResult>;

export const BACKOFF_BASE_MS = 2_000;
export const BACKOFF_MAX_MS = 5 * 60_000;

/** 2 s, 4 s, 8 s … up to 5 minutes. */
export function backoffMs(attempts: number): number {
  return Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1));
}

export function newEntry(input: { ownerId: string; method: 'PUT' | 'DELETE'; path: string; body: unknown; label: string }, now: number): OutboxEntry {
  return { ...input, key: `${input.method} ${input.path}`, createdAt: now, attempts: 0, nextAttemptAt: now, status: 'pending' };
}

/** Adds a write; a newer write to the same record replaces a pending older one (the server keeps only the last). */
export async function enqueue(store: OutboxStore, entry: OutboxEntry): Promise<void> {
  const existing = (await store.all()).find((e) => e.key === entry.key);
  await store.put(existing ? { ...entry, createdAt: existing.status === 'pending' ? existing.createdAt : entry.createdAt } : entry);
}

export function inOrder(entries: OutboxEntry[]): OutboxEntry[] {
  return [...entries].sort((a, b) => a.createdAt - b.createdAt || compareText(a.key, b.key));
}

export interface FlushResult {
  sent: number;
  rejected: number;
  waiting: number;
  /** The server no longer knows the session: stop until the person signs in again. */
  signedOut: boolean;
}

/** Statuses that mean "try again later", not "this write is wrong". */
const RETRYABLE = new Set([401, 403, 408, 425, 429]);

/**
 * Sends the owner's due writes in order. It stops at the first write that cannot go yet, so a later write
 * never overtakes an earlier one (a check-in never arrives before its episode).
 */
export async function flush(store: OutboxStore, send: Send, ownerId: string, now: number): Promise<FlushResult> {
  const result: FlushResult = { sent: 0, rejected: 0, waiting: 0, signedOut: false };
  const mine = inOrder((await store.all()).filter((e) => e.ownerId === ownerId && e.status === 'pending'));
  for (const [index, entry] of mine.entries()) {
    if (entry.nextAttemptAt > now) {
      result.waiting = mine.length - index;
      break;
    }
    const answer = await send(entry);
    if (answer.kind === 'answered' && answer.status >= 200 && answer.status < 300) {
      await store.delete(entry.key);
      result.sent += 1;
      continue;
    }
    if (answer.kind === 'answered' && answer.status >= 400 && answer.status < 500 && !RETRYABLE.has(answer.status)) {
      await store.put({ ...entry, status: 'rejected', rejection: rejectionOf(answer.status, answer.body) });
      result.rejected += 1;
      continue;
    }
    const attempts = entry.attempts + 1;
    await store.put({ ...entry, attempts, nextAttemptAt: now + backoffMs(attempts) });
    result.waiting = mine.length - index;
    result.signedOut = answer.kind === 'answered' && answer.status === 401;
    break;
  }
  return result;
}

function rejectionOf(status: number, body: unknown): Rejection {
  const error = (body as { error?: Partial<Rejection> } | null)?.error;
  return {
    status,
    code: typeof error?.code === 'string' ? error.code : 'rejected',
    message: typeof error?.message === 'string' ? error.message : 'The server could not accept this.',
    ...(Array.isArray(error?.issues) ? { issues: error.issues } : {}),
  };
}

/** "All saved", or how many writes are still on this device. */
export async function summary(store: OutboxStore, ownerId: string): Promise<{ pending: number; rejected: OutboxEntry[] }> {
  const mine = (await store.all()).filter((e) => e.ownerId === ownerId);
  return { pending: mine.filter((e) => e.status === 'pending').length, rejected: inOrder(mine.filter((e) => e.status === 'rejected')) };
}
