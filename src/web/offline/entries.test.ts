import { describe, expect, it } from 'vitest';
import { YES_NO_FIELDS } from '../../core/clinical';
import type { MuscleNoteT } from '../api/client';
import { newEntry, type OutboxEntry } from '../outbox/queue';
import { apiPath, changesPlan, mergeById, pendingCheckIns, pendingComfort, pendingEpisodeStart, pendingMovements, pendingSafety, withPendingMovements, withPendingMuscleNotes } from './entries';

const EP = '11111111-1111-4111-8111-111111111111';
const ID = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const put = (path: string, body: unknown, at = 1): OutboxEntry => newEntry({ ownerId: 'ana', method: 'PUT', path, body, label: 'x' }, at);
const del = (path: string, at = 1): OutboxEntry => newEntry({ ownerId: 'ana', method: 'DELETE', path, body: undefined, label: 'x' }, at);

const checkInBody = { at: '2026-03-02T09:00:00Z', painNow: 4, painWorst24h: 6, standStraight: 'partly', walkMinutes: 10, regions: ['low-back-center'] };
const safety = { ...Object.fromEntries(YES_NO_FIELDS.map((k) => [k, false])), ageYears: 40, legWeakness: 'none', painNRS: 4, weeksWithoutImprovement: 0 };

describe('the outbox read as records', () => {
  it('builds paths from the contract', () => {
    expect(apiPath('putMovement', { id: EP, eventId: ID(1) })).toBe(`/api/v1/episodes/${EP}/movements/${ID(1)}`);
  });

  it('shows waiting check-ins, walks and comfort entries of this episode only, shaped like the server’s', () => {
    const entries = [
      put(apiPath('putCheckIn', { id: EP, checkInId: ID(1) }), checkInBody),
      put(apiPath('putCheckIn', { id: ID(9), checkInId: ID(2) }), checkInBody),
      put(apiPath('putMovement', { id: EP, eventId: ID(3) }), { kind: 'walk', startedAt: '2026-03-02T10:00:00Z', minutes: 6 }),
      put(apiPath('putComfort', { id: EP, logId: ID(4) }), { kind: 'heat', name: 'Heat pack', amount: 20, at: '2026-03-02T11:00:00Z' }),
      put(apiPath('putMovement', { id: EP, eventId: ID(5) }), { kind: 'walk', minutes: 'lots' }),
    ];
    expect(pendingCheckIns(entries, EP)).toEqual([
      expect.objectContaining({ id: ID(1), episodeId: EP, painNow: 4, regions: ['low-back-center'], bodyMap: [{ region: 'low-back-center', pain: 4, spasm: false }], triage: null }),
    ]);
    expect(pendingMovements(entries, EP)).toEqual([expect.objectContaining({ id: ID(3), kind: 'walk', minutes: 6 })]);
    expect(pendingComfort(entries, EP)).toEqual([expect.objectContaining({ id: ID(4), name: 'Heat pack', dailyMax: null, overLimit: null })]);
    // A refused write is not shown as if it were waiting to go.
    const refused = { ...put(apiPath('putMovement', { id: EP, eventId: ID(6) }), { kind: 'walk', startedAt: '2026-03-02T10:00:00Z', minutes: 3 }), status: 'rejected' as const };
    expect(pendingMovements([refused], EP)).toEqual([]);
  });

  it('lays waiting records over the server’s: the same id once, the waiting one winning, in time order', () => {
    const server = [
      { id: 'a', at: '2026-03-01' },
      { id: 'b', at: '2026-03-03' },
    ];
    expect(mergeById(server, [{ id: 'b', at: '2026-03-02' }, { id: 'c', at: '2026-03-00' }], (x) => x.at)).toEqual([
      { id: 'c', at: '2026-03-00' },
      { id: 'a', at: '2026-03-01' },
      { id: 'b', at: '2026-03-02' },
    ]);
  });

  it('applies waiting muscle-note writes and removals', () => {
    const note = (id: string, muscle: string): MuscleNoteT => ({ id, episodeId: EP, muscle, feels: 'tight', createdAt: '2026-03-01T00:00:00Z', updatedAt: '2026-03-01T00:00:00Z' });
    const server = [note(ID(1), 'glute-max'), note(ID(2), 'obliques')];
    const entries = [
      del(apiPath('deleteMuscleNote', { id: EP, noteId: ID(1) })),
      put(apiPath('putMuscleNote', { id: EP, noteId: ID(2) }), { muscle: 'obliques', feels: 'weak' }),
    ];
    expect(withPendingMuscleNotes(server, entries, EP).map((n) => [n.id, n.feels])).toEqual([[ID(2), 'weak']]);
  });

  it('applies waiting walks and their taking back (Undo)', () => {
    const walk = (id: string, startedAt: string) => ({ id, episodeId: EP, kind: 'walk' as const, startedAt, minutes: 5, createdAt: startedAt });
    const server = [walk(ID(1), '2026-03-02T09:00:00Z'), walk(ID(2), '2026-03-02T11:00:00Z')];
    const entries = [
      del(apiPath('deleteMovement', { id: EP, eventId: ID(2) })),
      put(apiPath('putMovement', { id: EP, eventId: ID(3) }), { kind: 'lie-flat', startedAt: '2026-03-02T10:00:00Z', minutes: 10 }),
    ];
    expect(withPendingMovements(server, entries, EP).map((m) => [m.id, m.kind])).toEqual([
      [ID(1), 'walk'],
      [ID(3), 'lie-flat'],
    ]);
  });

  it('knows which waiting writes hold safety answers the server has not checked', () => {
    const start = put(apiPath('putEpisode', { id: EP }), { onsetDate: '2026-03-01', regions: ['low-back-center'], painNow: 5, safety });
    expect(pendingEpisodeStart([start])).toEqual({ episodeId: EP });
    expect(pendingSafety([start])).toBe('episode');
    expect(pendingEpisodeStart([put(apiPath('putEpisode', { id: EP }), { onsetDate: '2026-03-01' })])).toBeNull();
    const plainCheckIn = put(apiPath('putCheckIn', { id: EP, checkInId: ID(1) }), checkInBody);
    const safetyCheckIn = put(apiPath('putCheckIn', { id: EP, checkInId: ID(2) }), { ...checkInBody, safety });
    expect(pendingSafety([plainCheckIn])).toBeNull();
    expect(pendingSafety([plainCheckIn, safetyCheckIn])).toBe('check-in');
  });

  it('tells which writes change today’s plan', () => {
    expect(changesPlan({ path: apiPath('putCheckIn', { id: EP, checkInId: ID(1) }) }, EP)).toBe(true);
    expect(changesPlan({ path: apiPath('putMovement', { id: EP, eventId: ID(1) }) }, EP)).toBe(true);
    expect(changesPlan({ path: apiPath('putComfort', { id: EP, logId: ID(1) }) }, EP)).toBe(false);
    expect(changesPlan({ path: apiPath('putCheckIn', { id: ID(7), checkInId: ID(1) }) }, EP)).toBe(false);
  });
});
