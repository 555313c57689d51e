import { useEffect, useState } from 'react';
import { dayProgress } from '../../core/plan/nextStep';
import type { ComfortT, EpisodeT, MovementT } from '../api/client';
import { isApiError } from '../api/client';
import { Screen } from '../components/Screen';
import { ErrorState, Loading } from '../components/Status';
import { browserTimeZone } from '../lib/dates';
import { ComfortCard } from '../move/ComfortCard';
import { useReminderEngine } from '../move/ReminderBanner';
import { SitCard } from '../move/SitCard';
import { snoozeSit, standUpNow } from '../move/stores';
import { WalkCard } from '../move/WalkCard';
import { loadComfort, loadMovements, loadToday, type TodayData } from '../offline/load';
import { OfflineNote } from '../offline/OfflineNote';
import { useSync } from '../offline/useSync';
import { errorWords } from '../words/errors';



/** Keep moving: the sit timer with its stand-up prompt, the walk timer, and what helped. Works offline. */
export function Move({ episode, timeZone }: { episode: EpisodeT; timeZone: string | undefined }) {
  useReminderEngine();
  const zone = timeZone ?? browserTimeZone() ?? 'UTC';
  const { pending, sentVersion, online } = useSync();
  const [plan, setPlan] = useState<TodayData | null>(null);
  const [movements, setMovements] = useState<MovementT[]>([]);
  const [comfort, setComfort] = useState<ComfortT[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  // Opened from a reminder's button outside the app (no page was open to answer it).
  useEffect(() => {
    const action = new URLSearchParams(window.location.search).get('reminder');
    if (action === 'up') void standUpNow(Date.now());
    if (action === 'snooze') snoozeSit(Date.now());
    if (action) window.history.replaceState(null, '', '/move');
  }, []);

  useEffect(() => {
    let cancelled = false;
    loadToday(episode, zone).then(
      (data) => {
        if (!cancelled) setPlan(data);
      },
      (e: unknown) => {
        if (!cancelled) setError(errorWords(isApiError(e) ? e.code : 'server'));
      },
    );
    return () => {
      cancelled = true;
    };
  }, [episode, zone, online, attempt]);

  // Lists follow the outbox: a new entry shows at once, and the server's copy replaces it once sent.
  const waiting = pending.length;
  useEffect(() => {
    let cancelled = false;
    Promise.all([loadMovements(episode.id), loadComfort(episode.id)]).then(
      ([m, c]) => {
        if (cancelled) return;
        setMovements(m);
        setComfort(c);
      },
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [episode.id, waiting, sentVersion, attempt]);

  if (error)
    return (
      <Screen title="Keep moving">
        <ErrorState
          message={`We couldn’t load today’s plan. ${error}`}
          onRetry={() => {
            setError(null);
            setAttempt((n) => n + 1);
          }}
        />
      </Screen>
    );
  if (!plan)
    return (
      <Screen title="Keep moving">
        <Loading what="Getting your reminders ready…" />
      </Screen>
    );

  const { today } = plan;
  const breaks = today.plan.find((i) => i.kind === 'stand-breaks');
  const walk = today.plan.find((i) => i.kind === 'walk');
  // One primary action: the sit timer's start, unless Today's next step is a walk (the same rule Today uses), when
  // the walk comes first. Worked out from the plan as loaded, so the cards never swap places under a thumb.
  const walkFirst = dayProgress({ date: today.date, items: today.plan, reasons: today.reasons }, plan, plan.timeZone).next.kind === 'walk';
  const sitCard = <SitCard episodeId={episode.id} timeZone={zone} planEvery={breaks?.kind === 'stand-breaks' ? breaks.everyMinutes : null} primary={!walkFirst} />;
  return (
    <Screen title="Keep moving" className="move">
      {plan.source === 'device' ? <OfflineNote /> : null}
      {walkFirst ? null : sitCard}
      <WalkCard episodeId={episode.id} timeZone={zone} goal={walk?.kind === 'walk' ? { walks: walk.walks, minutesEach: walk.minutesEach, reportedMinutes: walk.reportedMinutes } : null} movements={movements} primary={walkFirst} />
      {walkFirst ? sitCard : null}
      <ComfortCard episodeId={episode.id} timeZone={zone} entries={comfort} onSaved={(entry) => setComfort((list) => [...list.filter((c) => c.id !== entry.id), entry])} />
      {/* A whole-page load: only the posture page's own document may ask for the camera. */}
      <p className="posture-link">
        <a href="/posture">Check how you stand, with the camera</a>
      </p>
    </Screen>
  );
}
