import { useEffect, useRef, useSyncExternalStore } from 'react';
import { api, whenApiQuiet, type EpisodeT, type MeT } from '../api/client';
import { clearDraft } from '../lib/safetyDraft';
import { isStoredRecord } from './bodies';
import { applySent, claimReads, rememberEpisode, rememberMe, warm } from './readCache';
import { getSyncState, onSent, setOwner, settle, startSync, subscribeSync, type SyncState } from './sync';

export function useSync(): SyncState {
  return useSyncExternalStore(subscribeSync, getSyncState, getSyncState);
}

/** How long after the app opens (or the episode changes) the reads for offline use are filled. */
const WARM_AFTER_MS = 1_500;
/** …and once the screen's own reads have been answered this long ago. */
const WARM_QUIET_MS = 1_000;
/**
 * The person and episode on show are written into the kept reads once the screen's reads have been answered this
 * long ago: done at once, the writes into Cache Storage ran beside the first screen's drawing on a slow phone.
 */
const REMEMBER_QUIET_MS = 200;

const EPISODE_PUT = /^\/api\/v1\/episodes\/([0-9a-f-]{36})$/;
const CHECK_IN_PUT = /^\/api\/v1\/episodes\/([0-9a-f-]{36})\/check-ins\/[0-9a-f-]{36}$/;

/**
 * The app's side of offline: who owns the outbox (only their writes are sent), the reads kept for offline use
 * (filled once, kept current with each accepted write), and the episode brought up to date when a write that
 * the server triages (an episode start, a check-in with safety answers) finally reaches it.
 */
export function useOfflineSession(me: MeT | null, episode: EpisodeT | null, onEpisode: (e: EpisodeT) => void): void {
  const ownerId = me?.id ?? null;
  const onEpisodeRef = useRef(onEpisode);
  useEffect(() => {
    onEpisodeRef.current = onEpisode;
  });
  const claimed = useRef<Promise<void>>(Promise.resolve());
  const online = useSync().online;

  useEffect(() => startSync(), []);

  useEffect(() => {
    claimed.current = (async () => {
      if (ownerId) await claimReads(ownerId);
      await setOwner(ownerId);
    })();
  }, [ownerId]);

  useEffect(() => {
    if (!me) return;
    void claimed.current.then(() => whenApiQuiet(REMEMBER_QUIET_MS)).then(() => rememberMe(me));
  }, [me]);

  useEffect(() => {
    if (!episode) return;
    void claimed.current.then(() => whenApiQuiet(REMEMBER_QUIET_MS)).then(() => rememberEpisode(episode));
  }, [episode]);

  const episodeId = episode?.id ?? null;
  useEffect(() => {
    if (!ownerId || !online) return;
    let cancelled = false;
    // After the first screen has had its reads: the kept reads are filled in the background.
    const timer = window.setTimeout(() => {
      void claimed.current
        .then(() => settle(3_000))
        .then(() => whenApiQuiet(WARM_QUIET_MS))
        .then(() => (cancelled ? undefined : warm(episodeId)));
    }, WARM_AFTER_MS);
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
    };
  }, [ownerId, episodeId, online]);

  useEffect(
    () =>
      onSent((entry, body) => {
        void applySent(entry, body);
        if (entry.method !== 'PUT') return;
        if (EPISODE_PUT.test(entry.path)) {
          if (isStoredRecord(body, 'episode')) {
            clearDraft();
            onEpisodeRef.current(body as EpisodeT);
          }
          return;
        }
        const checkIn = CHECK_IN_PUT.exec(entry.path);
        const withSafety = typeof entry.body === 'object' && entry.body !== null && 'safety' in entry.body;
        if (checkIn?.[1] && withSafety) {
          // The server has now checked the new safety answers: its answer may change everything shown.
          api.getEpisode(checkIn[1]).then(
            (fresh) => onEpisodeRef.current(fresh),
            () => undefined,
          );
        }
      }),
    [],
  );
}
