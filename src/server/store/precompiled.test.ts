import { afterAll, beforeAll, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { describeEachBackend } from '../testing/backends';
import type { Store } from './database';
import { precompiled } from './precompiled';

describeEachBackend('statements built once and run with new values', (backend) => {
  let store: Store & { dispose(): Promise<void> };
  beforeAll(async () => {
    store = await backend.open();
  });
  afterAll(async () => store.dispose());

  it('binds each run’s values where the markers were, nulls included, and answers as Kysely does', async () => {
    const db = store.db;
    const now = new Date().toISOString();
    const insert = precompiled(db, ['id', 'role', 'email', 'time_zone', 'created_at', 'updated_at'], (row: { id: string; role: 'person' | 'therapist'; email: string | null; time_zone: string; created_at: string; updated_at: string }) =>
      db.insertInto('persons').values({ ...row, password_hash: null }).onConflict((oc) => oc.column('id').doNothing()),
    );
    const byZone = precompiled(db, ['zone'], (p: { zone: string }) => db.selectFrom('persons').select(['id', 'email']).where('time_zone', '=', p.zone).where('role', '=', 'person').orderBy('id'));
    const zone = `Test/${randomUUID()}`;
    const ids = [randomUUID(), randomUUID()].sort();
    const rows = [
      { id: ids[0]!, role: 'person' as const, email: null, time_zone: zone, created_at: now, updated_at: now },
      { id: ids[1]!, role: 'person' as const, email: `${randomUUID()}@example.org`, time_zone: zone, created_at: now, updated_at: now },
    ];
    for (const row of rows) expect(Number((await insert(row)).numAffectedRows)).toBe(1);
    // The same id again: nothing inserted, and that is what the result says.
    expect(Number((await insert(rows[0]!)).numAffectedRows ?? 0)).toBe(0);
    const expected = await db.selectFrom('persons').select(['id', 'email']).where('time_zone', '=', zone).where('role', '=', 'person').orderBy('id').execute();
    expect((await byZone({ zone })).rows).toEqual(expected);
    expect(expected.map((r) => r.email)).toEqual([null, rows[1]!.email]);
    expect((await byZone({ zone: 'Nowhere/At_All' })).rows).toEqual([]);
  });

  it('refuses a name its query never uses, so a typo cannot bind nothing', () => {
    expect(() => precompiled(store.db, ['id', 'unused'], (p: { id: string; unused: string }) => store.db.selectFrom('persons').select('id').where('id', '=', p.id))).toThrow(/unused/);
  });
});
