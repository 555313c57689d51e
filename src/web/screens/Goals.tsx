import { useEffect, useState, type FormEvent } from 'react';
import { FunctionGoalPut } from '../../contract';
import { PSFS_MAX_ACTIVITIES } from '../../core/clinical/psfs';
import { api, isApiError, type EpisodeT, type FunctionGoalT, type Issue } from '../api/client';
import { ErrorSummary, FormAlert } from '../components/ErrorSummary';
import { sentence } from '../components/FieldError';
import { ActionBar, Screen } from '../components/Screen';
import { ErrorState, Loading } from '../components/Status';
import { TextField } from '../components/TextField';
import { todayIn } from '../lib/dates';
import { newId } from '../lib/ids';
import { messageFor } from '../lib/issues';
import { navigate } from '../lib/router';
import { RatingScale } from '../progress/RatingScale';
import { dayLabel } from '../progress/series';
import { errorWords } from '../words/errors';
import '../progress/progress.css';

type State = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; goals: FunctionGoalT[] };

/**
 * Everyday activities (the Patient-Specific Functional Scale, clinical.md §3): up to five things the person's back
 * makes hard, in their own words, each rated 0 (can't do it) to 10 (as before). Rated at the start, then weekly.
 */
export function Goals({ episode, timeZone }: { episode: EpisodeT; timeZone: string | undefined }) {
  const [state, setState] = useState<State>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let cancelled = false;
    api.listFunctionGoals(episode.id).then(
      (goals) => {
        if (!cancelled) setState({ status: 'ready', goals });
      },
      (e: unknown) => {
        if (!cancelled) setState({ status: 'error', message: errorWords(isApiError(e) ? e.code : 'server') });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [episode.id, attempt]);

  const title = state.status === 'ready' && state.goals.length ? 'Rate your activities' : 'Your everyday activities';
  if (state.status === 'loading')
    return (
      <Screen title={title}>
        <Loading what="Getting your activities…" />
      </Screen>
    );
  if (state.status === 'error')
    return (
      <Screen title={title}>
        <ErrorState
          message={`We couldn’t load your activities. ${state.message}`}
          onRetry={() => {
            setState({ status: 'loading' });
            setAttempt((n) => n + 1);
          }}
        />
      </Screen>
    );
  return (
    <Screen
      title={title}
      className="goals-screen"
      lead={
        state.goals.length
          ? 'How are these today? Rating the same activities each week shows the change.'
          : 'Name up to five everyday things your back stops or makes hard, in your own words. Then rate each one.'
      }
    >
      <GoalsForm episodeId={episode.id} today={todayIn(timeZone)} goals={state.goals} />
    </Screen>
  );
}

interface NewRow {
  id: string;
  activity: string;
  rating: number | undefined;
}

const newRow = (): NewRow => ({ id: newId(), activity: '', rating: undefined });

function GoalsForm({ episodeId, today, goals }: { episodeId: string; today: string; goals: FunctionGoalT[] }) {
  const [ratings, setRatings] = useState<Record<string, number>>({});
  const [rows, setRows] = useState<NewRow[]>(() => (goals.length ? [] : [newRow()]));
  const [issues, setIssues] = useState<Issue[]>([]);
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const room = PSFS_MAX_ACTIVITIES - goals.length - rows.length;

  const patchRow = (id: string, patch: Partial<NewRow>) => setRows((rs) => rs.map((r) => (r.id === id ? { ...r, ...patch } : r)));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setAlert(null);
    const found: Issue[] = [];
    for (const g of goals) if (ratings[g.id] === undefined) found.push({ path: `rating-${g.id}`, rule: 'required', message: `Please rate “${g.activity}” from 0 to 10.` });
    const filled = rows.filter((r, i) => r.activity.trim() !== '' || r.rating !== undefined || (goals.length === 0 && i === 0));
    for (const r of filled) {
      const parsed = FunctionGoalPut.safeParse({ activity: r.activity });
      if (!parsed.success) found.push({ path: `activity-${r.id}`, rule: 'invalid', message: r.activity.trim() ? `This ${parsed.error.issues[0]?.message ?? 'needs a few words'}.` : 'Please name the activity in a few words.' });
      if (r.rating === undefined) found.push({ path: `rating-${r.id}`, rule: 'required', message: 'Please choose a number from 0 to 10.' });
    }
    setIssues(found);
    if (found.length) return;
    setBusy(true);
    try {
      for (const r of filled) await api.putFunctionGoal(episodeId, r.id, r.activity.trim());
      for (const r of filled) if (r.rating !== undefined) await api.putFunctionRating(episodeId, r.id, today, r.rating);
      for (const g of goals) {
        const rating = ratings[g.id];
        if (rating !== undefined) await api.putFunctionRating(episodeId, g.id, today, rating);
      }
      navigate('/progress');
    } catch (err) {
      setBusy(false);
      // The server names its own fields (activity, rating); said as one calm line above the form.
      if (isApiError(err) && err.issues.length) setAlert(err.issues.map((i) => sentence(i.message)).join(' '));
      else setAlert(errorWords(isApiError(err) ? err.code : 'server'));
    }
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="screen-title">
      <ErrorSummary issues={issues} />
      <FormAlert message={alert} />
      {goals.map((g) => {
        const last = g.ratings[g.ratings.length - 1];
        return (
          <section className="card form-section" key={g.id}>
            <RatingScale
              path={`rating-${g.id}`}
              legend={g.activity}
              hint={last ? `Last time: ${last.rating}, on ${dayLabel(last.date)}.` : undefined}
              value={ratings[g.id]}
              onChange={(n) => setRatings((r) => ({ ...r, [g.id]: n }))}
              error={messageFor(issues, `rating-${g.id}`)}
            />
          </section>
        );
      })}
      {rows.map((r, i) => (
        <section className="card form-section" key={r.id}>
          <TextField
            path={`activity-${r.id}`}
            label={goals.length + i === 0 ? 'What does your back make hard?' : 'Another activity'}
            hint="For example: put on my socks, lift my daughter, sit through a film."
            value={r.activity}
            onChange={(v) => patchRow(r.id, { activity: v })}
            error={messageFor(issues, `activity-${r.id}`)}
          />
          <RatingScale
            path={`rating-${r.id}`}
            legend={r.activity.trim() ? `How well can you ${r.activity.trim()} today?` : 'How well can you do it today?'}
            value={r.rating}
            onChange={(n) => patchRow(r.id, { rating: n })}
            error={messageFor(issues, `rating-${r.id}`)}
          />
        </section>
      ))}
      {room > 0 ? (
        <p className="secondary-action">
          <button type="button" className="button secondary" onClick={() => setRows((rs) => [...rs, newRow()])}>
            Add {goals.length + rows.length ? 'another' : 'an'} activity
          </button>
        </p>
      ) : (
        <p className="hint">Five activities is the most; keep rating the same ones so the change shows.</p>
      )}
      <ActionBar>
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? 'Saving…' : goals.length ? 'Save my ratings' : 'Save my activities'}
        </button>
      </ActionBar>
    </form>
  );
}
