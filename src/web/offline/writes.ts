import type { ComfortPut, MovementPut } from '../../contract';
import type { MuscleNoteBody } from '../api/client';
import { api, isApiError, type CheckInBody, type CheckInT, type EpisodeBody, type EpisodeT, type SessionLogBody } from '../api/client';
import { apiPath } from './entries';
import { write, type WriteResult } from './sync';

/**
 * Every write the app makes, through the outbox: kept on this device at once, sent when the network allows.
 * Writes that need the server's answer to go on — an episode's start and a check-in with new safety answers,
 * both triaged by the server — go to the network first, and wait in the outbox only when it cannot be reached.
 */

const MOVEMENT_LABELS: Record<MovementPut['kind'], string> = { walk: 'Walk', 'stand-break': 'Stand-up break', 'lie-flat': 'Rest lying flat' };

export function saveCheckIn(episodeId: string, checkInId: string, body: CheckInBody): Promise<WriteResult> {
  return write({ method: 'PUT', path: apiPath('putCheckIn', { id: episodeId, checkInId }), body, label: 'Check-in' });
}

export function saveMovement(episodeId: string, eventId: string, body: MovementPut): Promise<WriteResult> {
  return write({ method: 'PUT', path: apiPath('putMovement', { id: episodeId, eventId }), body, label: MOVEMENT_LABELS[body.kind] });
}

/** Takes back a walk, break or rest logged by a slip (Undo). A removal of one still waiting here just drops it. */
export function removeMovement(episodeId: string, eventId: string, kind: MovementPut['kind']): Promise<WriteResult> {
  return write({ method: 'DELETE', path: apiPath('deleteMovement', { id: episodeId, eventId }), label: `Taking back: ${MOVEMENT_LABELS[kind]}` });
}

export function saveComfort(episodeId: string, logId: string, body: ComfortPut): Promise<WriteResult> {
  return write({ method: 'PUT', path: apiPath('putComfort', { id: episodeId, logId }), body, label: `What helped: ${body.name}` });
}

export function saveMuscleNote(episodeId: string, noteId: string, body: MuscleNoteBody): Promise<WriteResult> {
  return write({ method: 'PUT', path: apiPath('putMuscleNote', { id: episodeId, noteId }), body, label: 'Muscle note' });
}

export function removeMuscleNote(episodeId: string, noteId: string): Promise<WriteResult> {
  return write({ method: 'DELETE', path: apiPath('deleteMuscleNote', { id: episodeId, noteId }), label: 'Removing a muscle note' });
}

export function saveSession(episodeId: string, sessionId: string, body: SessionLogBody): Promise<WriteResult> {
  return write({ method: 'PUT', path: apiPath('putSession', { id: episodeId, sessionId }), body, label: 'Guided session' });
}

const unreachable = (e: unknown) => isApiError(e) && e.status === 0;

/** Starts an episode: the server triages the safety answers. Offline, it waits on this device (`queued`). */
export async function startEpisode(episodeId: string, body: EpisodeBody): Promise<{ kind: 'saved'; episode: EpisodeT } | { kind: 'queued' }> {
  try {
    return { kind: 'saved', episode: await api.putEpisode(episodeId, body) };
  } catch (e) {
    if (!unreachable(e)) throw e;
    await write({ method: 'PUT', path: apiPath('putEpisode', { id: episodeId }), body, label: 'Start of this episode' });
    return { kind: 'queued' };
  }
}

/**
 * A check-in with new safety answers: sent at once so the server's safety check is never silently delayed, and
 * the fresh episode (its current triage) is read back. Offline, it waits on this device (`queued`) and the app
 * says the check will finish when the connection is back.
 */
export async function checkInWithSafety(
  episodeId: string,
  checkInId: string,
  body: CheckInBody,
): Promise<{ kind: 'saved'; checkIn: CheckInT; episode: EpisodeT } | { kind: 'queued' }> {
  try {
    const checkIn = await api.putCheckIn(episodeId, checkInId, body);
    return { kind: 'saved', checkIn, episode: await api.getEpisode(episodeId) };
  } catch (e) {
    if (!unreachable(e)) throw e;
    await saveCheckIn(episodeId, checkInId, body);
    return { kind: 'queued' };
  }
}
