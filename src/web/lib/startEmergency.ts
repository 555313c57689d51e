import { emergencyFromPartial, type TriageResult } from '../../core/clinical';
import type { OutboxEntry } from '../outbox/queue';
import { isEpisodeStartBody } from '../offline/bodies';

type Pending = Pick<OutboxEntry, 'method' | 'path' | 'body' | 'status'>;

export interface StartEmergency {
  episodeId: string;
  triage: TriageResult;
}

const EPISODE_PUT = /^\/api\/v1\/episodes\/([0-9a-f-]{36})$/;

/**
 * An episode start waiting on this device whose answers are already an emergency (saved offline): the emergency
 * screen shows from it until the server has the start, also after a reload.
 */
export function pendingStartEmergency(entries: readonly Pending[]): StartEmergency | null {
  for (const e of entries) {
    const id = EPISODE_PUT.exec(e.path)?.[1];
    if (!id || e.method !== 'PUT' || e.status !== 'pending') continue;
    const triage = isEpisodeStartBody(e.body) ? emergencyFromPartial(e.body.safety) : null;
    if (triage) return { episodeId: id, triage };
  }
  return null;
}
