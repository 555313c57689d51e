import { api, isApiError, type EpisodeT } from '../api/client';

/**
 * Tells the server about the sit timer, so it sends the stand-up reminder through Web Push when this page is closed
 * (and takes it back when the person stands). Only the latest intent matters: one that could not reach the server
 * is sent again when the network is back, and a newer one replaces it. A refusal is not the person's to fix (the
 * timer on this device still reminds them), so it is let go.
 */

type Intent = { kind: 'sit'; episodeId: string; sinceMs: number } | { kind: 'stand'; episodeId: string } | { kind: 'snooze'; episodeId: string };
export type ServerSitting = Awaited<ReturnType<typeof api.putSitting>>;

let waiting: Intent | null = null;
let listening = false;

async function send(intent: Intent): Promise<ServerSitting | null> {
  if (intent.kind === 'sit') return api.putSitting(intent.episodeId, new Date(intent.sinceMs).toISOString());
  if (intent.kind === 'snooze') return api.snoozeSitting(intent.episodeId);
  await api.deleteSitting(intent.episodeId);
  return null;
}

async function tell(intent: Intent): Promise<ServerSitting | null> {
  if (intent.kind !== 'snooze') waiting = null;
  try {
    return await send(intent);
  } catch (e) {
    if (isApiError(e) && e.status === 0) keepForLater(intent);
    return null;
  }
}

function keepForLater(intent: Intent): void {
  // A snooze waits only behind its own sitting: offline, the timer here already moved.
  if (intent.kind === 'snooze') return;
  waiting = intent;
  if (listening || typeof window === 'undefined') return;
  listening = true;
  window.addEventListener('online', () => {
    if (waiting) void tell(waiting);
  });
}

export const serverSitDown = (episodeId: EpisodeT['id'], sinceMs: number) => tell({ kind: 'sit', episodeId, sinceMs });
export const serverStandUp = (episodeId: EpisodeT['id']) => tell({ kind: 'stand', episodeId });
export const serverSnooze = (episodeId: EpisodeT['id']) => tell({ kind: 'snooze', episodeId });
