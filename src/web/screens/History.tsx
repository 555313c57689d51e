import { useEffect, useState } from 'react';
import { exerciseById } from '../../core/exercises';
import { api, isApiError, type EpisodeT, type SessionLogT } from '../api/client';
import { ActionBar, Screen } from '../components/Screen';
import { ErrorState, Loading } from '../components/Status';
import { Link } from '../lib/router';
import { errorWords } from '../words/errors';
import { painInWords } from '../words/pain';
import { FEEL_WORDS, OUTCOME_WORDS } from '../words/session';
import '../player/player.css';

type State = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; sessions: SessionLogT[] };

/** "Tuesday 24 November, 08:30" in the person's time zone. */
function whenText(iso: string, timeZone: string | undefined): string {
  return new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit', timeZone }).format(new Date(iso));
}

function minutesText(startedAt: string, endedAt: string): string {
  const minutes = Math.round((new Date(endedAt).getTime() - new Date(startedAt).getTime()) / 60_000);
  if (minutes < 1) return 'Under a minute';
  return `${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`;
}

/** How pain moved over a session, with the numbers' meaning in words. */
function painChange(before: number, after: number): string {
  if (after < before) return 'eased';
  if (after > before) return 'went up';
  return 'stayed the same';
}

/** Past guided sessions, newest first: when, how long, pain before and after, how it felt, and each movement. */
export function History({ episode, timeZone }: { episode: EpisodeT; timeZone: string | undefined }) {
  const [state, setState] = useState<State>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    api.listSessions(episode.id).then(
      (sessions) => {
        if (!cancelled) setState({ status: 'ready', sessions: [...sessions].reverse() });
      },
      (e: unknown) => {
        if (!cancelled) setState({ status: 'error', message: errorWords(isApiError(e) ? e.code : 'server') });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [episode.id, attempt]);

  if (state.status === 'loading')
    return (
      <Screen title="Your sessions">
        <Loading what="Getting your sessions…" />
      </Screen>
    );
  if (state.status === 'error')
    return (
      <Screen title="Your sessions">
        <ErrorState
          message={`We couldn’t load your sessions. ${state.message}`}
          onRetry={() => {
            setState({ status: 'loading' });
            setAttempt((n) => n + 1);
          }}
        />
      </Screen>
    );

  const { sessions } = state;
  if (sessions.length === 0)
    return (
      <Screen title="Your sessions" className="history">
        <div className="card empty-state history-empty">
          <h2>Nothing here yet</h2>
          <p>Each guided session you do will appear here, with how your pain was before and after. Small steps add up, and this is where you will see them.</p>
        </div>
        <ActionBar>
          <Link to="/today" className="button primary">
            See today’s plan
          </Link>
        </ActionBar>
      </Screen>
    );

  return (
    <Screen title="Your sessions" lead="Newest first. Steady, gentle sessions help more than big ones." className="history">
      <ol className="history-list">
        {sessions.map((s) => (
          <li key={s.id} className="card history-item" data-session-id={s.id}>
            <h2 className="history-when">{whenText(s.startedAt, timeZone)}</h2>
            <dl className="summary">
              <div>
                <dt>Time</dt>
                <dd>{minutesText(s.startedAt, s.endedAt)}</dd>
              </div>
              <div>
                <dt>Pain</dt>
                <dd>
                  {painInWords(s.painBefore)} before, {painInWords(s.painAfter)} after: it {painChange(s.painBefore, s.painAfter)}
                </dd>
              </div>
              <div>
                <dt>How it felt</dt>
                <dd>{FEEL_WORDS[s.feel]}</dd>
              </div>
            </dl>
            {s.exercises.length ? (
              <ul className="history-exercises">
                {s.exercises.map((e, i) => (
                  <li key={`${e.exerciseId}-${i}`} data-exercise-id={e.exerciseId} data-outcome={e.outcome}>
                    <span className="history-name">{exerciseById(e.exerciseId)?.name ?? 'A movement no longer in the library'}</span>{' '}
                    <span className={`outcome outcome-${e.outcome}`}>
                      {OUTCOME_WORDS[e.outcome]}
                      {e.painDuring !== undefined ? `, pain ${painInWords(e.painDuring)}` : ''}
                    </span>
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ol>
    </Screen>
  );
}
