import { toBodyMap, painfulRegions } from '../../core/body/regionPain';
import type { CheckInPut, ComfortPut } from '../../contract';
import type { CheckInT, ComfortT, MovementT, MuscleNoteT, SessionLogT } from '../api/client';
import type { OutboxEntry } from '../outbox/queue';
import { isCheckInBody, isComfortBody, isEpisodeStartBody, isMovementBody, isMuscleNoteBody, isSessionBody } from './bodies';
import { compareText } from '../../core/compareText';

export { apiPath } from '../api/paths';

/**
 * Reading the outbox as data: the writes still on this device, shaped like the records the server will make
 * of them, so screens can show them (and the offline Today can count them) before they are sent. Pure.
 */

type Pending = Pick<OutboxEntry, 'method' | 'path' | 'body' | 'createdAt' | 'status'>;

/** The record id at the end of `/api/v1/episodes/<episodeId>/<collection>/<id>`, for PUTs still pending. */
function pendingIn(entries: readonly Pending[], episodeId: string, collection: string, method: 'PUT' | 'DELETE' = 'PUT'): { id: string; entry: Pending }[] {
  const prefix = `/api/v1/episodes/${episodeId}/${collection}/`;
  return entries
    .filter((e) => e.status === 'pending' && e.method === method && e.path.startsWith(prefix))
    .map((entry) => ({ id: decodeURIComponent(entry.path.slice(prefix.length)), entry }))
    .filter((x) => x.id.length > 0 && !x.id.includes('/'));
}

const stamp = (ms: number) => new Date(ms).toISOString();

/** A check-in as it will be once the server has it (its triage, if any, is not known until then). */
export function checkInOf(id: string, episodeId: string, b: CheckInPut, createdAtMs: number): CheckInT {
  // The same reading of a plain list or a body map the server does (src/core/body/regionPain.ts).
  const bodyMap = toBodyMap(b.regions ?? [], b.painNow);
  return {
    id,
    episodeId,
    at: b.at,
    painNow: b.painNow,
    painWorst24h: b.painWorst24h,
    standStraight: b.standStraight,
    walkMinutes: b.walkMinutes,
    regions: painfulRegions(bodyMap),
    bodyMap,
    safety: b.safety ?? null,
    triage: null,
    createdAt: stamp(createdAtMs),
  };
}

export function pendingCheckIns(entries: readonly Pending[], episodeId: string): CheckInT[] {
  return pendingIn(entries, episodeId, 'check-ins').flatMap(({ id, entry }) => {
    const b = entry.body;
    if (!isCheckInBody(b)) return [];
    // As the server reads it: a body-map place without `spasm` has none.
    const regions = b.regions?.map((r) => (typeof r === 'string' ? r : { ...r, spasm: r.spasm ?? false }));
    return [checkInOf(id, episodeId, { ...b, ...(regions ? { regions } : {}) }, entry.createdAt)];
  });
}

export function pendingMovements(entries: readonly Pending[], episodeId: string): MovementT[] {
  return pendingIn(entries, episodeId, 'movements').flatMap(({ id, entry }) => {
    const b = entry.body;
    return isMovementBody(b) ? [{ kind: b.kind, startedAt: b.startedAt, minutes: b.minutes, id, episodeId, createdAt: stamp(entry.createdAt) }] : [];
  });
}

/** The server's walks, breaks and rests with those waiting here laid over them, less those taken back here. */
export function withPendingMovements(server: readonly MovementT[], entries: readonly Pending[], episodeId: string): MovementT[] {
  const removed = new Set(pendingIn(entries, episodeId, 'movements', 'DELETE').map((x) => x.id));
  return mergeById(server.filter((m) => !removed.has(m.id)), pendingMovements(entries, episodeId), (m) => m.startedAt);
}

/** A comfort entry as it will be once the server has it (its day's label warning is worked out on the screen). */
export function comfortOf(id: string, episodeId: string, b: ComfortPut, createdAtMs: number): ComfortT {
  return { id, episodeId, kind: b.kind, name: b.name, amount: b.amount, unit: b.unit ?? null, dailyMax: b.dailyMax ?? null, at: b.at, helped: b.helped ?? null, createdAt: stamp(createdAtMs), overLimit: null };
}

export function pendingComfort(entries: readonly Pending[], episodeId: string): ComfortT[] {
  return pendingIn(entries, episodeId, 'comfort').flatMap(({ id, entry }) => {
    const b = entry.body;
    return isComfortBody(b) ? [comfortOf(id, episodeId, { ...b, name: b.name.trim() }, entry.createdAt)] : [];
  });
}

export function pendingSessions(entries: readonly Pending[], episodeId: string): SessionLogT[] {
  return pendingIn(entries, episodeId, 'sessions').flatMap(({ id, entry }) => {
    const b = entry.body;
    if (!isSessionBody(b)) return [];
    const { startedAt, endedAt, painBefore, painAfter, feel, exercises } = b;
    return [{ startedAt, endedAt, painBefore, painAfter, feel, exercises, id, episodeId, createdAt: stamp(entry.createdAt) }];
  });
}

/** Muscle notes as they will be once the waiting writes are sent: pending PUTs in, pending removals out. */
export function withPendingMuscleNotes(server: readonly MuscleNoteT[], entries: readonly Pending[], episodeId: string): MuscleNoteT[] {
  const removed = new Set(pendingIn(entries, episodeId, 'muscle-notes', 'DELETE').map((x) => x.id));
  const put = pendingIn(entries, episodeId, 'muscle-notes').flatMap(({ id, entry }) => {
    const b = entry.body;
    const existing = server.find((n) => n.id === id);
    return isMuscleNoteBody(b) ? [{ ...(existing ?? { createdAt: stamp(entry.createdAt), episodeId }), muscle: b.muscle, feels: b.feels, id, updatedAt: stamp(entry.createdAt) }] : [];
  });
  return mergeById(server.filter((n) => !removed.has(n.id)), put);
}

/** The server's records with the pending ones laid over them (same id: the pending one wins), in time order. */
export function mergeById<T extends { id: string }>(server: readonly T[], pending: readonly T[], timeOf?: (t: T) => string): T[] {
  const ids = new Set(pending.map((p) => p.id));
  const merged = [...server.filter((s) => !ids.has(s.id)), ...pending];
  return timeOf ? merged.sort((a, b) => compareText(timeOf(a), timeOf(b))) : merged;
}

/** A start of an episode still waiting to be sent (its safety answers are checked by the server), or null. */
export function pendingEpisodeStart(entries: readonly Pending[]): { episodeId: string } | null {
  for (const e of entries) {
    const m = /^\/api\/v1\/episodes\/([0-9a-f-]{36})$/.exec(e.path);
    if (m?.[1] && e.method === 'PUT' && e.status === 'pending' && isEpisodeStartBody(e.body)) return { episodeId: m[1] };
  }
  return null;
}

/** Safety answers on this device that the server has not checked yet: an episode start or a check-in with `safety`. */
export function pendingSafety(entries: readonly Pending[]): 'episode' | 'check-in' | null {
  if (pendingEpisodeStart(entries)) return 'episode';
  const checkIn = entries.some((e) => e.status === 'pending' && e.method === 'PUT' && /\/check-ins\/[0-9a-f-]{36}$/.test(e.path) && typeof e.body === 'object' && e.body !== null && 'safety' in e.body);
  return checkIn ? 'check-in' : null;
}

/** Whether a waiting write changes what Today's plan is made from. */
export function changesPlan(entry: Pick<OutboxEntry, 'path'>, episodeId: string): boolean {
  return new RegExp(`^/api/v1/episodes/${episodeId}/(check-ins|movements|sessions|muscle-notes)/`).test(entry.path);
}
