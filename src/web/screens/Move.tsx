import { useEffect, useState } from 'react';
import type { ComfortT, EpisodeT, MovementT, TodayT } from '../api/client';
import { isApiError } from '../api/client';
import { Screen } from '../components/Screen';
import { ErrorState, Loading } from '../components/Status';
import { browserTimeZone } from '../lib/dates';
import { ComfortCard } from '../move/ComfortCard';
import { useReminderEngine } from '../move/ReminderBanner';
import { SitCard } from '../move/SitCard';
import { snoozeSit, standUpNow } from '../move/stores';
import { WalkCard } from '../move/WalkCard';
import { loadComfort, loadMovements, loadToday } from '../offline/load';
import { OfflineNote } from '../offline/OfflineNote';
import { useSync } from '../offline/useSync';
import { errorWords } from '../words/errors';

type Plan = { today: TodayT; source: 'server' | 'device' };

/** Keep moving: the sit timer with its stand-up prompt, the walk timer, and what helped. Works offline. */
export function Move({ episode, timeZone }: { episode: EpisodeT; timeZone: string | undefined }) {
  useReminderEngine();
  const zone = timeZone ?? browserTimeZone() ?? 'UTC';
  const { pending, sentVersion, online } = useSync();
  const [plan, setPlan] = useState<Plan | null>(null);
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
      ({ today, source }) => {
        if (!cancelled) setPlan({ today, source });
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

  const breaks = plan.today.plan.find((i) => i.kind === 'stand-breaks');
  const walk = plan.today.plan.find((i) => i.kind === 'walk');
  return (
    <Screen title="Keep moving" lead="Lying still and long sitting make a spasm worse. Little and often is the way." className="move">
      {plan.source === 'device' ? <OfflineNote /> : null}
      <SitCard episodeId={episode.id} timeZone={zone} planEvery={breaks?.kind === 'stand-breaks' ? breaks.everyMinutes : null} />
      <WalkCard episodeId={episode.id} timeZone={zone} goal={walk?.kind === 'walk' ? { walks: walk.walks, minutesEach: walk.minutesEach, reportedMinutes: walk.reportedMinutes } : null} movements={movements} />
      <ComfortCard episodeId={episode.id} timeZone={zone} entries={comfort} onSaved={(entry) => setComfort((list) => [...list.filter((c) => c.id !== entry.id), entry])} />
    </Screen>
  );
}
