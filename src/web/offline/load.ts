import { api, isApiError, writesBegun, type CheckInT, type ComfortT, type EpisodeT, type MovementT, type PreferencesT, type SessionLogT, type TodayT } from '../api/client';
import { browserTimeZone, todayIn } from '../lib/dates';
import { changesPlan, mergeById, pendingCheckIns, pendingComfort, pendingSessions, withPendingMovements, withPendingMuscleNotes } from './entries';
import { getSyncState, outboxReady, settle } from './sync';

/**
 * Reads for the screens that must work offline. Online, the server answers (after the writes waiting here are
 * sent, so it has them). Offline — or while writes cannot reach it — Today is worked out on this device from the
 * last reads the service worker kept, with the waiting writes laid over them.
 */

export interface TodayData {
  today: TodayT;
  checkIns: CheckInT[];
  /** The episode's walks, breaks, rests and sessions (with those waiting here): what was ticked off today. */
  movements: MovementT[];
  sessions: SessionLogT[];
  /** The zone the day was worked out in. */
  timeZone: string;
  /** 'device': worked out here, because the server could not be reached. */
  source: 'server' | 'device';
}

const DEFAULT_PREFERENCES: PreferencesT = { styles: ['general'], sessionMinutes: 10 };
/** How long a read waits for the writes before it to be sent. */
const SETTLE_MS = 3_000;

const unreachable = (e: unknown) => isApiError(e) && e.status === 0;

/** The read, or `fallback` when the network is out and nothing was kept for it. */
async function orKept<T>(read: Promise<T>, fallback: T): Promise<T> {
  try {
    return await read;
  } catch (e) {
    if (unreachable(e)) return fallback;
    throw e;
  }
}

const zoneOf = (timeZone: string | undefined) => timeZone ?? browserTimeZone() ?? 'UTC';

const todayReads = (id: string) => Promise.all([api.today(id), api.listCheckIns(id), api.listMovements(id), api.listSessions(id)]);
type TodayReads = ReturnType<typeof todayReads>;

/** A read of Today started before its screen was there, taken by the screen's first load if it comes soon after. */
let ahead: { episodeId: string; sentVersion: number; writes: number; startedAt: number; read: TodayReads } | null = null;
const AHEAD_MS = 10_000;

/** Starts Today's reads early (as the app opens on Today, before the screen's code has loaded). */
export function readTodayAhead(episodeId: string): void {
  if (!navigator.onLine) return;
  const read = todayReads(episodeId);
  read.catch(() => undefined);
  ahead = { episodeId, sentVersion: getSyncState().sentVersion, writes: writesBegun(), startedAt: performance.now(), read };
}

/** The early read, if it is for this episode, recent, and no write has been made since it was asked (it is taken once). */
function takeAhead(episodeId: string): typeof ahead {
  const fresh = ahead && ahead.episodeId === episodeId && performance.now() - ahead.startedAt < AHEAD_MS && ahead.writes === writesBegun();
  const taken = fresh ? ahead : null;
  ahead = null;
  return taken;
}

export async function loadToday(episode: EpisodeT, timeZone: string | undefined): Promise<TodayData> {
  const id = episode.id;
  const fromServer = () => todayReads(id);
  // Asked at once (or earlier, as the app opened), while the writes waiting on this device are still being read (the
  // first screen's longest wait). Its answer is used only if none of them changes the plan and none was sent since it
  // was asked: then it is as fresh as a read made after them would be. Otherwise they are sent first and the server
  // is asked again.
  const taken = navigator.onLine ? takeAhead(id) : null;
  const sentBefore = taken?.sentVersion ?? getSyncState().sentVersion;
  const early = taken?.read ?? (navigator.onLine ? fromServer() : null);
  early?.catch(() => undefined);
  await outboxReady();
  if (navigator.onLine) {
    const waiting = () => getSyncState().pending.some((e) => changesPlan(e, id));
    let read = early && !waiting() && getSyncState().sentVersion === sentBefore ? early : null;
    if (!read) {
      await settle(SETTLE_MS);
      if (!waiting()) read = fromServer();
    }
    if (read) {
      try {
        const [today, checkIns, movements, sessions] = await read;
        return { today, checkIns, movements, sessions, timeZone: zoneOf(timeZone), source: 'server' };
      } catch (e) {
        if (!unreachable(e)) throw e;
      }
    }
  }
  return todayOnDevice(episode, zoneOf(timeZone));
}

export async function todayOnDevice(episode: EpisodeT, timeZone: string): Promise<TodayData> {
  await outboxReady();
  const id = episode.id;
  const [checkIns, sessions, movements, notes, preferences, planEdits] = await Promise.all([
    orKept(api.listCheckIns(id), []),
    orKept(api.listSessions(id), []),
    orKept(api.listMovements(id), []),
    orKept(api.listMuscleNotes(id), []),
    orKept(api.getPreferences(), DEFAULT_PREFERENCES),
    orKept(api.listPlanEdits(id), []),
  ]);
  // The plan engine is loaded only when it is needed here (offline); the service worker keeps it for then.
  const { localToday } = await import('./localToday');
  const pending = getSyncState().pending;
  const allCheckIns = mergeById(checkIns, pendingCheckIns(pending, id), (c) => c.at);
  const allSessions = mergeById(sessions, pendingSessions(pending, id), (s) => s.startedAt);
  const allMovements = withPendingMovements(movements, pending, id);
  const today = localToday({
    date: todayIn(timeZone),
    timeZone,
    episode,
    checkIns: allCheckIns,
    sessions: allSessions,
    movements: allMovements,
    muscleNotes: withPendingMuscleNotes(notes, pending, id),
    preferences,
    planEdits,
  });
  return { today, checkIns: allCheckIns, movements: allMovements, sessions: allSessions, timeZone, source: 'device' };
}

/** Walks, breaks and rests of the episode, with those still waiting here. */
export async function loadMovements(episodeId: string): Promise<MovementT[]> {
  const server = await orKept(api.listMovements(episodeId), []);
  await outboxReady();
  return withPendingMovements(server, getSyncState().pending, episodeId);
}

/** Comfort entries of the episode, with those still waiting here. */
export async function loadComfort(episodeId: string): Promise<ComfortT[]> {
  const server = await orKept(api.listComfort(episodeId), []);
  await outboxReady();
  return mergeById(server, pendingComfort(getSyncState().pending, episodeId), (c) => c.at);
}
