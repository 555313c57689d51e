import { useEffect, useState } from 'react';
import { api, type FunctionGoalT } from '../api/client';
import { todayIn } from '../lib/dates';
import { Link } from '../lib/router';
import { ratingStatus } from './goals';
import { dayLabel } from './series';
import './progress.css';

/**
 * On Today, below the plan: the way to Progress, and a gentle nudge for the everyday activities — name them, or
 * rate them again once the last rating is a week old. Quietly absent when the activities can't be read (offline).
 */
export function TodayLinks({ episodeId, timeZone }: { episodeId: string; timeZone: string | undefined }) {
  const [goals, setGoals] = useState<FunctionGoalT[] | null>(null);
  useEffect(() => {
    let cancelled = false;
    api.listFunctionGoals(episodeId).then(
      (g) => {
        if (!cancelled) setGoals(g);
      },
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [episodeId]);

  const status = goals ? ratingStatus(goals, todayIn(timeZone)) : null;
  return (
    <section className={`card today-links${status?.kind === 'due' ? ' tone-gentle' : ''}`} aria-labelledby="progress-link-title" data-goals={status?.kind ?? 'unknown'}>
      <h2 id="progress-link-title">Little by little</h2>
      {status?.kind === 'due' ? (
        <p>
          {status.last ? `You last rated your everyday activities on ${dayLabel(status.last)}. How are they now?` : 'How are your everyday activities today?'}{' '}
          <Link to="/goals">Rate your activities</Link>
        </p>
      ) : status?.kind === 'none' ? (
        <p>
          Name a few everyday things your back makes hard, and watch them get easier. <Link to="/goals">Choose your activities</Link>
        </p>
      ) : null}
      <p className="secondary-action">
        <Link to="/progress">See your progress</Link>
      </p>
    </section>
  );
}
