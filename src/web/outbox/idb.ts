import type { OutboxEntry, OutboxStore, Rejection } from './queue';

/** The outbox kept in IndexedDB, so writes survive a reload or a closed tab while offline. */

const DB_NAME = 'unclench';
const DB_VERSION = 1;
const STORE = 'outbox';
/** Bump when the stored shape changes, and teach `restore` to read the old one. */
export const ENTRY_VERSION = 1;

type Stored = OutboxEntry & { v: number };

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, DB_VERSION);
    request.onupgradeneeded = () => {
      if (!request.result.objectStoreNames.contains(STORE)) request.result.createObjectStore(STORE, { keyPath: 'key' });
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB could not open'));
  });
}

function run<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  return open().then(
    (db) =>
      new Promise<T>((resolve, reject) => {
        const tx = db.transaction(STORE, mode);
        const request = work(tx.objectStore(STORE));
        tx.oncomplete = () => {
          db.close();
          resolve(request.result);
        };
        tx.onerror = () => {
          db.close();
          reject(tx.error ?? new Error('IndexedDB transaction failed'));
        };
      }),
  );
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Reads one stored record defensively: fills defaults, drops what cannot be understood. */
export function restore(raw: unknown): OutboxEntry | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const r = raw as Record<string, unknown>;
  if (!isString(r.key) || !isString(r.ownerId) || !isString(r.path) || (r.method !== 'PUT' && r.method !== 'DELETE')) return null;
  const rejection = typeof r.rejection === 'object' && r.rejection !== null ? (r.rejection as Rejection) : undefined;
  return {
    key: r.key,
    ownerId: r.ownerId,
    method: r.method,
    path: r.path,
    body: r.body,
    label: isString(r.label) ? r.label : 'Saved entry',
    createdAt: isNumber(r.createdAt) ? r.createdAt : 0,
    attempts: isNumber(r.attempts) ? r.attempts : 0,
    nextAttemptAt: isNumber(r.nextAttemptAt) ? r.nextAttemptAt : 0,
    status: r.status === 'rejected' ? 'rejected' : 'pending',
    ...(rejection ? { rejection } : {}),
  };
}

export const indexedDbOutbox: OutboxStore = {
  async all() {
    const rows = await run<unknown[]>('readonly', (s) => s.getAll());
    return rows.map(restore).filter((e): e is OutboxEntry => e !== null);
  },
  async put(entry) {
    const stored: Stored = { ...entry, v: ENTRY_VERSION };
    await run('readwrite', (s) => s.put(stored));
  },
  async delete(key) {
    await run('readwrite', (s) => s.delete(key));
  },
};
