import { describe, expect, it, vi } from 'vitest';

// Node has no browser: the outbox keeps its writes in memory here, and the network is out.
vi.stubGlobal('navigator', { onLine: false });
const { getSyncState, outboxReady, setOwner } = await import('./sync');

describe('outboxReady', () => {
  it('holds a read that starts before anyone is signed in until that person’s waiting writes are known', async () => {
    let ready = false;
    const waiting = outboxReady(60_000).then(() => (ready = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(ready).toBe(false);
    await setOwner('person-a');
    await waiting;
    expect(ready).toBe(true);
    expect(getSyncState().ownerId).toBe('person-a');
    // Known now: later reads do not wait.
    await outboxReady(60_000);
  });

  it('gives up after its time limit, so a screen never hangs on storage', async () => {
    await setOwner(null);
    await setOwner('person-b');
    await outboxReady(10);
    // A change of person asks again; the limit lets the read go on rather than wait forever.
    const start = Date.now();
    await setOwner(null);
    await outboxReady(50);
    expect(Date.now() - start).toBeGreaterThanOrEqual(40);
  });
});
