import { useEffect, useState } from 'react';
import { STAGE_IDS, STAGE_LABELS } from '../../core/plan/stages';
import { isApiError, type CheckInT, type EpisodeT, type TodayT } from '../api/client';
import { Card } from '../components/Card';
import { PlanList, PlanNotes, PlanReasons, planLevelReasons } from '../components/PlanList';
import { ActionBar, Screen } from '../components/Screen';
import { ErrorState, Loading } from '../components/Status';
import { TriageCard } from '../components/TriageCard';
import { RescreenCard } from '../components/RescreenCard';
import { TodayLinks } from '../progress/TodayLinks';
import { dateIn, longDate } from '../lib/dates';
import { Link } from '../lib/router';
import { loadToday } from '../offline/load';
import { OfflineNote } from '../offline/OfflineNote';
import { useSync } from '../offline/useSync';
import { STAND_WORDS, walkInWords } from '../words/checkIn';
import { errorWords } from '../words/errors';
import { painInWords } from '../words/pain';
import { PRINCIPLE_WORDS } from '../words/plan';
import { STAGE_WORDS } from '../words/stages';

type State = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; today: TodayT; checkIns: CheckInT[]; source: 'server' | 'device' };

/** Today: the stage, the plan with its reasons, and the way to check in. */
export function Today({ episode, timeZone, onEpisode }: { episode: EpisodeT; timeZone: string | undefined; onEpisode: (e: EpisodeT) => void }) {
  const [state, setState] = useState<State>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  // Read again when writes reach the server or the network comes back; offline, Today is worked out on this device.
  const { sentVersion, online } = useSync();

  useEffect(() => {
    let cancelled = false;
    loadToday(episode, timeZone).then(
      ({ today, checkIns, source }) => {
        if (!cancelled) setState({ status: 'ready', today, checkIns, source });
      },
      (e: unknown) => {
        if (!cancelled) setState({ status: 'error', message: errorWords(isApiError(e) ? e.code : 'server') });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [episode, attempt, sentVersion, online, timeZone]);

  const retry = () => {
    setState({ status: 'loading' });
    setAttempt((n) => n + 1);
  };

  if (state.status === 'loading')
    return (
      <Screen title="Today">
        <Loading what="Getting today’s plan ready…" />
      </Screen>
    );
  if (state.status === 'error')
    return (
      <Screen title="Today">
        <ErrorState message={`We couldn’t load today’s plan. ${state.message}`} onRetry={retry} />
      </Screen>
    );

  const { today, checkIns } = state;
  const todays = checkIns.filter((c) => dateIn(new Date(c.at), timeZone) === today.date);
  const latestToday = todays[todays.length - 1];
  const last = checkIns[checkIns.length - 1];
  const welcomeBack = !latestToday && last !== undefined;
  const urgentShown = today.triage.level === 'urgent-doctor';
  const items = urgentShown ? today.plan.filter((i) => i.kind !== 'see-doctor') : today.plan;
  const sessionPaused = today.plan.some((i) => i.kind === 'session' && i.paused);
  const why = planLevelReasons(today.reasons, items);

  return (
    <Screen title="Today" lead={longDate(today.date)} className="today">
      <RescreenCard rescreen={today.rescreen} />
      {state.source === 'device' ? <OfflineNote /> : null}
      {welcomeBack ? <p className="welcome-back">Welcome back. Let’s start gently.</p> : null}

      <TriageCard triage={today.triage} episode={episode} timeZone={timeZone} onEpisode={onEpisode} sessionPaused={sessionPaused} />

      {latestToday ? (
        <Card title="Your check-in today" id="checkin-summary">
          <dl className="summary">
            <div>
              <dt>Pain now</dt>
              <dd>{painInWords(latestToday.painNow)}</dd>
            </div>
            <div>
              <dt>Worst in the last day</dt>
              <dd>{painInWords(latestToday.painWorst24h)}</dd>
            </div>
            <div>
              <dt>Standing up straight</dt>
              <dd>{STAND_WORDS[latestToday.standStraight]}</dd>
            </div>
            <div>
              <dt>Walking comfortably</dt>
              <dd>{walkInWords(latestToday.walkMinutes)}</dd>
            </div>
          </dl>
          <p>
            <Link to="/check-in">Check in again</Link> if things change.
          </p>
        </Card>
      ) : null}

      {today.stage ? (
        <section className="card stage" aria-labelledby="stage-title">
          <h2 id="stage-title">
            <span className="eyebrow">Your stage</span> {STAGE_LABELS[today.stage]}
          </h2>
          <ol className="stage-steps" aria-label="Recovery stages">
            {STAGE_IDS.map((s) => (
              <li key={s} className={s === today.stage ? 'current' : undefined} aria-current={s === today.stage ? 'step' : undefined}>
                {STAGE_LABELS[s]}
              </li>
            ))}
          </ol>
          {why.stage ? (
            <div className="stage-reason" data-reason-code={why.stage.code}>
              <p>{why.stage.text}</p>
              <p className="principle">
                <span className="principle-label">Principle:</span> {PRINCIPLE_WORDS[why.stage.principle]}
              </p>
            </div>
          ) : (
            <p>{STAGE_WORDS[today.stage]}</p>
          )}
        </section>
      ) : null}

      <PlanNotes notes={why.notes} />

      <section aria-labelledby="plan-title" className="plan">
        <h2 id="plan-title">Your plan for today</h2>
        {items.length ? (
          <>
            <PlanList items={items} />
            <PlanReasons reasons={why.other} />
          </>
        ) : (
          <p className="empty">Your plan will appear here. Check in and we’ll build today’s plan from your answers.</p>
        )}
      </section>

      <TodayLinks episodeId={episode.id} timeZone={timeZone} />

      {!latestToday ? (
        <ActionBar>
          <Link to="/check-in" className="button primary">
            Check in for today
          </Link>
        </ActionBar>
      ) : null}
    </Screen>
  );
}
