import { useCallback, useEffect, useState } from 'react';
import { adoptZoneOffsetTable } from '../core/time';
import { api, isApiError, SIGNED_OUT_EVENT, type CheckInT, type EpisodeT, type Issue, type MeT, type PartialSafetyAnswersT } from './api/client';
import type { TriageResult } from '../core/clinical';
import { EmergencyScreen } from './components/EmergencyScreen';
import { Layout } from './components/Layout';
import { ErrorState, Loading } from './components/Status';
import { navigate, usePath } from './lib/router';
import { newId } from './lib/ids';
import { clearDraft, restoreDraft, safetyStepsDone, saveDraft, type SafetyDraft } from './lib/safetyDraft';
import { pendingStartEmergency, type StartEmergency } from './lib/startEmergency';
import { pendingEpisodeStart } from './offline/entries';
import { getSyncState } from './offline/sync';
import { readTodayAhead } from './offline/load';
import { rememberSignedIn, wasSignedIn } from './lib/signedInHint';
import { startEpisode } from './offline/writes';
import { NotFound } from './screens/NotFound';
import { useOfflineSession, useSync } from './offline/useSync';
import { errorWords } from './words/errors';
import { Account, CheckIn, ExerciseDetail, Goals, History, Library, More, Move, Outcome, Player, Posture, Progress, Safety, Settings, SignIn, StartEpisode, TherapistHome, TherapistWelcome, Today, Welcome, preloadScreen } from './screens/lazy';
import { ScreenChunk } from './screens/ScreenChunk';
import { stopRemindersHere } from './move/pushDevice';

type Session =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'signed-out' }
  | { status: 'signed-in'; me: MeT; episode: EpisodeT | null };

const PUBLIC = ['/', '/sign-in'];
const NEEDS_EPISODE = ['/outcome', '/today', '/check-in', '/re-check', '/session', '/history', '/move', '/posture', '/progress', '/goals', '/more'];
const FIRST_RUN = ['/safety', '/start'];
/** Open to anyone signed in, with or without an episode. */
const ANY_SIGNED_IN = ['/account', '/settings', '/library'];

/** The exercise id in `/library/:id`, or null. */
function libraryId(path: string): string | null {
  const m = /^\/library\/([a-z0-9-]{1,80})$/.exec(path);
  return m?.[1] ?? null;
}

/** The exercise id in `/session/:id` (one movement tried from the library), or null. */
function sessionExerciseId(path: string): string | null {
  const m = /^\/session\/([a-z0-9-]{1,80})$/.exec(path);
  return m?.[1] ?? null;
}

/** A therapist's screens: the dashboard and a person's page. */
const isTherapistPath = (path: string) => path === '/therapist' || /^\/therapist\/people\/[0-9a-f-]{36}$/.test(path);

/** Whether the app has a screen at this path; any other path shows "Page not found". */
function known(path: string): boolean {
  return [PUBLIC, NEEDS_EPISODE, FIRST_RUN, ANY_SIGNED_IN].some((list) => list.includes(path)) || libraryId(path) !== null || sessionExerciseId(path) !== null || isTherapistPath(path);
}

/** Where a path should really go for this session: the person's place when the path does not fit. */
function resolve(path: string, session: Session, draftComplete: boolean): string {
  if (!known(path)) return path;
  if (session.status !== 'signed-in') return PUBLIC.includes(path) || path === '/therapist' ? path : '/';
  // A therapist's account has only the therapist's screens (and its own account page).
  if (session.me.role === 'therapist') return isTherapistPath(path) || path === '/account' ? path : '/therapist';
  if (isTherapistPath(path)) return '/today';
  const { episode } = session;
  const place = episode ? '/today' : '/safety';
  if (PUBLIC.includes(path)) return place;
  if (FIRST_RUN.includes(path)) {
    if (episode) return '/today';
    return path === '/start' && !draftComplete ? '/safety' : path;
  }
  if (NEEDS_EPISODE.includes(path) || sessionExerciseId(path)) {
    if (!episode) return '/safety';
    if (path === '/re-check' && !(episode.currentTriage.level === 'emergency' && episode.clinicianSeenOn)) return '/today';
    return path;
  }
  if (ANY_SIGNED_IN.includes(path) || libraryId(path)) return path;
  return place;
}

/** The app: who is signed in, their current episode, and which screen the path shows. */
export function App() {
  const path = usePath();
  const [session, setSession] = useState<Session>({ status: 'loading' });
  const [draft, setDraftState] = useState<SafetyDraft>(restoreDraft);
  const [safetyIssues, setSafetyIssues] = useState<Issue[]>([]);
  const [boot, setBoot] = useState(0);

  useEffect(() => {
    let cancelled = false;
    preloadScreen(window.location.pathname);
    (async () => {
      try {
        // Someone seen signed in here last time: their episodes are asked for alongside the session.
        const early = wasSignedIn() ? api.listEpisodes() : null;
        early?.catch(() => undefined);
        // Asks who is signed in without a 401 for a newcomer (an error in the console is noise to them and to audits).
        const { me, zone } = await api.currentSession();
        // Local days and times from the server's table of the zone's offsets, not from a slow first Intl formatter.
        if (zone) adoptZoneOffsetTable(zone);
        if (!me) {
          if (!cancelled) setSession({ status: 'signed-out' });
          return;
        }
        const episodes = me.role === 'therapist' ? [] : await (early ? early.catch(() => api.listEpisodes()) : api.listEpisodes());
        const next: Session = { status: 'signed-in', me, episode: episodes[0] ?? null };
        // Today's reads start now, while the screen's code is still loading.
        if (next.episode && resolve(window.location.pathname, next, false) === '/today') readTodayAhead(next.episode.id);
        if (!cancelled) setSession(next);
      } catch (e) {
        if (cancelled) return;
        if (isApiError(e) && e.status === 401) setSession({ status: 'signed-out' });
        else setSession({ status: 'error', message: errorWords(isApiError(e) ? e.code : 'server') });
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [boot]);

  useEffect(() => {
    if (session.status === 'signed-in' || session.status === 'signed-out') rememberSignedIn(session.status === 'signed-in' && session.me.role !== 'therapist');
  }, [session]);

  useEffect(() => {
    const onSignedOut = () => setSession((s) => (s.status === 'signed-in' ? { status: 'signed-out' } : s));
    window.addEventListener(SIGNED_OUT_EVENT, onSignedOut);
    return () => window.removeEventListener(SIGNED_OUT_EVENT, onSignedOut);
  }, []);

  const patchDraft = useCallback((patch: Partial<SafetyDraft>) => setDraftState((d) => ({ ...d, ...patch })), []);
  useEffect(() => saveDraft(draft), [draft]);

  const draftComplete = safetyStepsDone(draft);
  // An emergency answered on the first-run steps: shown at once, saved in the background (kept on this device offline).
  const [answeredEmergency, setAnsweredEmergency] = useState<StartEmergency | null>(null);
  const { pending } = useSync();
  const startEmergency = answeredEmergency ?? pendingStartEmergency(pending);
  const target = resolve(path, session, draftComplete);
  useEffect(() => {
    if (session.status !== 'loading' && session.status !== 'error' && target !== path) navigate(target, { replace: true });
  }, [target, path, session.status]);

  const signedIn = async (me: MeT) => {
    if (me.role === 'therapist') {
      setSession({ status: 'signed-in', me, episode: null });
      navigate(`/therapist${window.location.search}`);
      return;
    }
    const episodes = await api.listEpisodes().catch(() => [] as EpisodeT[]);
    const episode = episodes[0] ?? null;
    setSession({ status: 'signed-in', me, episode });
    navigate(episode ? '/today' : '/safety');
  };

  const setEpisode = (episode: EpisodeT) => setSession((s) => (s.status === 'signed-in' ? { ...s, episode } : s));

  /** Nothing more is asked: the emergency screen now, and the episode saved with what is known (network first). */
  const emergencyAnswered = (answers: PartialSafetyAnswersT, triage: TriageResult) => {
    const episodeId = pendingEpisodeStart(getSyncState().pending)?.episodeId ?? newId();
    setAnsweredEmergency({ episodeId, triage });
    startEpisode(episodeId, { safety: answers })
      .then((result) => {
        if (result.kind !== 'saved') return;
        setDraftState({});
        clearDraft();
        setEpisode(result.episode);
      })
      // The screen stays: getting help matters more than the record. A refused start is shown by the outbox banner.
      .catch(() => undefined);
  };
  // Offline: the outbox's owner, the reads kept for offline use, and the episode refreshed when a triaged write syncs.
  useOfflineSession(session.status === 'signed-in' ? session.me : null, session.status === 'signed-in' ? session.episode : null, setEpisode);

  const signOut = async (everywhere = false) => {
    // The next person on this browser must not get this person's reminders.
    await stopRemindersHere();
    await (everywhere ? api.signOutEverywhere() : api.signOut());
    leave();
  };
  /** What this device forgets when the session ends (signed out, or the account deleted). */
  const leave = () => {
    setAnsweredEmergency(null);
    setDraftState({});
    clearDraft();
    setSafetyIssues([]);
    setSession({ status: 'signed-out' });
    navigate('/');
  };

  if (session.status === 'loading')
    return (
      <Layout path={path} showNav={false}>
        <div className="screen">
          <h1 id="screen-title" tabIndex={-1} className="visually-hidden">
            Unclench
          </h1>
          <Loading what="Opening Unclench…" />
        </div>
      </Layout>
    );
  if (session.status === 'error')
    return (
      <Layout path={path} showNav={false}>
        <div className="screen">
          <h1 id="screen-title" tabIndex={-1}>
            We couldn’t open Unclench
          </h1>
          <ErrorState
            message={session.message}
            onRetry={() => {
              setSession({ status: 'loading' });
              setBoot((n) => n + 1);
            }}
          />
        </div>
      </Layout>
    );
  if (target !== path) return null;

  if (session.status === 'signed-out')
    return (
      <Layout path={path} showNav={false}>
        <ScreenChunk path={path}>
          {path === '/sign-in' ? (
            <SignIn onSignedIn={signedIn} />
          ) : path === '/' ? (
            <Welcome onStarted={signedIn} />
          ) : path === '/therapist' ? (
            <TherapistWelcome onSignedIn={signedIn} />
          ) : (
            <NotFound home={{ to: '/', label: 'Go to the start' }} />
          )}
        </ScreenChunk>
      </Layout>
    );

  const { me, episode } = session;
  const timeZone = me.timeZone;

  if (me.role === 'therapist' && isTherapistPath(path))
    return (
      <Layout path={path} showNav={false}>
        <ScreenChunk path={path}>
          <TherapistHome path={path} onSignOut={() => signOut()} />
        </ScreenChunk>
      </Layout>
    );

  // An emergency answer stops everything else: no plan, no navigation, only the way to get help.
  if (episode && episode.currentTriage.level === 'emergency' && path !== '/re-check')
    return (
      <EmergencyScreen
        triage={episode.currentTriage}
        timeZone={timeZone}
        episode={episode}
        onSeen={(e) => {
          setEpisode(e);
          navigate('/re-check');
        }}
      />
    );

  // The same, straight after the answer, before the server has the episode.
  if (!episode && startEmergency) return <EmergencyScreen triage={startEmergency.triage} timeZone={timeZone} episode={null} onSeen={setEpisode} />;

  const screen = (() => {
    if (!known(path)) return <NotFound home={episode ? { to: '/today', label: 'Go to Today' } : { to: '/safety', label: 'Go to the start' }} />;
    switch (path) {
      case '/safety':
        return <Safety draft={draft} onDraft={patchDraft} serverIssues={safetyIssues} onDone={() => navigate('/start')} onEmergency={emergencyAnswered} />;
      case '/start':
        return (
          <StartEpisode
            draft={draft}
            onDraft={patchDraft}
            timeZone={timeZone}
            onSafetyIssues={setSafetyIssues}
            onCreated={(e) => {
              setDraftState({});
              clearDraft();
              setSafetyIssues([]);
              setEpisode(e);
              const t = e.currentTriage;
              navigate(t.level === 'self-care' && !t.gpReviewAdvised ? '/today' : '/outcome');
            }}
          />
        );
      case '/account':
        return <Account me={me} episodeId={episode?.id ?? null} onMe={(m) => setSession((s) => (s.status === 'signed-in' ? { ...s, me: m } : s))} onSignOut={signOut} onDeleted={leave} />;
      case '/settings':
        return <Settings episode={episode} />;
      case '/library':
        return <Library episode={episode} timeZone={timeZone} />;
    }
    const exerciseId = libraryId(path);
    if (exerciseId) return <ExerciseDetail exerciseId={exerciseId} episode={episode} timeZone={timeZone} />;
    if (!episode) return null;
    const saved = (fresh: EpisodeT | null, _checkIn: CheckInT) => {
      if (fresh) setEpisode(fresh);
      navigate('/today');
    };
    switch (path) {
      case '/outcome':
        return <Outcome episode={episode} timeZone={timeZone} onEpisode={setEpisode} />;
      case '/today':
        return <Today episode={episode} timeZone={timeZone} onEpisode={setEpisode} />;
      case '/check-in':
        return <CheckIn key="check-in" episode={episode} timeZone={timeZone} recheck={false} onSaved={saved} />;
      case '/re-check':
        return <CheckIn key="re-check" episode={episode} timeZone={timeZone} recheck onSaved={saved} />;
      case '/session':
        return <Player key="today" episode={episode} timeZone={timeZone} />;
      case '/move':
        return <Move episode={episode} timeZone={timeZone} />;
      case '/posture':
        return <Posture episode={episode} />;
      case '/history':
        return <History episode={episode} timeZone={timeZone} />;
      case '/progress':
        return <Progress episode={episode} />;
      case '/goals':
        return <Goals episode={episode} timeZone={timeZone} />;
      case '/more':
        return <More />;
    }
    const tryId = sessionExerciseId(path);
    if (tryId) return <Player key={tryId} episode={episode} timeZone={timeZone} exerciseId={tryId} />;
    return null;
  })();

  return (
    <Layout path={path} showNav={episode !== null} timeZone={timeZone}>
      <ScreenChunk path={path}>{screen}</ScreenChunk>
    </Layout>
  );
}
