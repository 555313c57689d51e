import { describe, expect, it } from 'vitest';
import { backoffMs, enqueue, flush, newEntry, summary, type OutboxEntry, type OutboxStore, type SendResult } from './queue';

/** A Map-backed store with the same contract as the IndexedDB one (which the browser tests exercise). */
function memoryStore(): OutboxStore & { map: Map<string, OutboxEntry> } {
  const map = new Map<string, OutboxEntry>();
  return {
    map,
    all: async () => [...map.values()],
    put: async (e) => void map.set(e.key, e),
    delete: async (k) => void map.delete(k),
  };
}

/** A tiny server that applies PUTs by key exactly as the real one does: the same id twice is stored once. */
function fakeServer(answers: (SendResult | undefined)[] = []) {
  const applied = new Map<string, unknown>();
  const calls: string[] = [];
  const send = async (e: OutboxEntry): Promise<SendResult> => {
    calls.push(e.path);
    const scripted = answers.shift();
    if (scripted) return scripted;
    applied.set(e.path, e.body);
    return { kind: 'answered', status: 200, body: e.body };
  };
  return { applied, calls, send };
}

const write = (path: string, now: number, ownerId = 'ana') => newEntry({ ownerId, method: 'PUT', path, body: { path }, label: 'Check-in' }, now);

describe('outbox', () => {
  it('sends writes in the order they were made and empties itself', async () => {
    const store = memoryStore();
    await enqueue(store, write('/episodes/1', 1));
    await enqueue(store, write('/episodes/1/check-ins/a', 2));
    await enqueue(store, write('/episodes/1/movements/b', 3));
    const server = fakeServer();
    expect(await flush(store, server.send, 'ana', 10)).toEqual({ sent: 3, rejected: 0, waiting: 0, signedOut: false });
    expect(server.calls).toEqual(['/episodes/1', '/episodes/1/check-ins/a', '/episodes/1/movements/b']);
    expect(store.map.size).toBe(0);
  });

  it('keeps order when the network drops: nothing overtakes a write that is waiting', async () => {
    const store = memoryStore();
    await enqueue(store, write('/e/1', 1));
    await enqueue(store, write('/e/1/c/2', 2));
    const server = fakeServer([{ kind: 'unreachable' }]);
    expect(await flush(store, server.send, 'ana', 10)).toMatchObject({ sent: 0, waiting: 2 });
    expect(server.calls).toEqual(['/e/1']);
    expect(store.map.get('PUT /e/1')).toMatchObject({ attempts: 1, nextAttemptAt: 10 + backoffMs(1) });
    // Not due yet: nothing is sent.
    expect(await flush(store, server.send, 'ana', 11)).toMatchObject({ sent: 0, waiting: 2 });
    expect(server.calls).toHaveLength(1);
    expect(await flush(store, server.send, 'ana', 10 + backoffMs(1))).toMatchObject({ sent: 2, waiting: 0 });
  });

  it('backs off exponentially up to a ceiling', () => {
    expect([1, 2, 3, 4].map(backoffMs)).toEqual([2000, 4000, 8000, 16000]);
    expect(backoffMs(30)).toBe(5 * 60_000);
  });

  it('applies a write exactly once even when its answer was lost and it is sent again', async () => {
    const store = memoryStore();
    await enqueue(store, write('/e/1/c/9', 1));
    const server = fakeServer();
    // The server applied it, but the answer never arrived: the client sees "unreachable" and retries.
    const lostAnswer = async (e: OutboxEntry): Promise<SendResult> => {
      await server.send(e);
      return { kind: 'unreachable' };
    };
    await flush(store, lostAnswer, 'ana', 10);
    await flush(store, server.send, 'ana', 10 + backoffMs(1));
    expect(server.calls).toEqual(['/e/1/c/9', '/e/1/c/9']);
    expect(server.applied.size).toBe(1);
    expect(store.map.size).toBe(0);
  });

  it('keeps a refused write with its reason, and goes on with the next', async () => {
    const store = memoryStore();
    await enqueue(store, write('/e/1/c/1', 1));
    await enqueue(store, write('/e/1/c/2', 2));
    const refusal = { error: { code: 'validation_failed', message: 'Some details need another look: painNow.', issues: [{ path: 'painNow', rule: 'max', message: 'must be 10 or less' }] } };
    const server = fakeServer([{ kind: 'answered', status: 400, body: refusal }]);
    expect(await flush(store, server.send, 'ana', 10)).toMatchObject({ sent: 1, rejected: 1 });
    const { pending, rejected } = await summary(store, 'ana');
    expect(pending).toBe(0);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]?.rejection).toEqual({ status: 400, ...refusal.error });
  });

  it("never sends one person's writes under another person's session", async () => {
    const store = memoryStore();
    await enqueue(store, write('/e/ana', 1, 'ana'));
    await enqueue(store, write('/e/ben', 2, 'ben'));
    const server = fakeServer();
    await flush(store, server.send, 'ben', 10);
    expect(server.calls).toEqual(['/e/ben']);
    expect((await summary(store, 'ana')).pending).toBe(1);
  });

  it('stops and keeps everything when the session has ended', async () => {
    const store = memoryStore();
    await enqueue(store, write('/e/1', 1));
    const server = fakeServer([{ kind: 'answered', status: 401, body: {} }]);
    expect(await flush(store, server.send, 'ana', 10)).toMatchObject({ signedOut: true, waiting: 1 });
    expect(store.map.get('PUT /e/1')?.status).toBe('pending');
  });

  it('lets a correction replace a pending write to the same record, keeping its place', async () => {
    const store = memoryStore();
    await enqueue(store, write('/e/1/c/1', 1));
    await enqueue(store, write('/e/1/c/2', 2));
    await enqueue(store, { ...write('/e/1/c/1', 3), body: { painNow: 4 } });
    const server = fakeServer();
    await flush(store, server.send, 'ana', 10);
    expect(server.calls).toEqual(['/e/1/c/1', '/e/1/c/2']);
    expect(server.applied.get('/e/1/c/1')).toEqual({ painNow: 4 });
  });
});
