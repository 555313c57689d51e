import { useEffect, useState } from 'react';
import { MUSCLES, type MuscleId } from '../../core/body/muscles';
import { EXERCISE_STYLES, type ExerciseStyle } from '../../core/exercises/types';
import { api, isApiError, type CheckInT, type ExerciseT, type PersonRowT, type PlanEditBody, type PlanEditT, type ProgressT, type SessionLogT } from '../api/client';
import { FormAlert } from '../components/ErrorSummary';
import { Screen } from '../components/Screen';
import { SelectField } from '../components/SelectField';
import { TextField } from '../components/TextField';
import { newId } from '../lib/ids';
import { Link } from '../lib/router';
import { errorWords } from '../words/errors';
import { STYLE_WORDS } from '../words/exercises';
import { whenText } from '../words/therapist';

const FEEL_WORDS = { weak: 'Weak', tight: 'Tight', neither: 'Neither weak nor tight' } as const;
const FEEL_WORDS_SESSION = { too_easy: 'too easy', right: 'about right', too_much: 'too much' } as const;
const LENGTHS = ['5', '10', '20', '30'] as const;

/** One person, as their therapist sees them: progress, session history, and (with the plan scope) plan edits. */
export function PersonPage({ episodeId, row }: { episodeId: string; row: PersonRowT | null }) {
  const [progress, setProgress] = useState<ProgressT | null>(null);
  const [sessions, setSessions] = useState<SessionLogT[]>([]);
  const [checkIns, setCheckIns] = useState<CheckInT[]>([]);
  const [edits, setEdits] = useState<PlanEditT[]>([]);
  const [alert, setAlert] = useState<string | null>(null);

  const [version, setVersion] = useState(0);
  useEffect(() => {
    let cancelled = false;
    Promise.all([api.progress(episodeId), api.listSessions(episodeId), api.listCheckIns(episodeId), api.listPlanEdits(episodeId)]).then(
      ([p, s, c, e]) => {
        if (cancelled) return;
        setProgress(p);
        setSessions(s);
        setCheckIns(c);
        setEdits(e);
      },
      (err: unknown) => {
        if (!cancelled) setAlert(isApiError(err) && err.status === 404 ? 'You no longer have access to this person’s data.' : errorWords(isApiError(err) ? err.code : 'server'));
      },
    );
    return () => {
      cancelled = true;
    };
  }, [episodeId, version]);
  const load = async () => setVersion((v) => v + 1);

  const name = row?.name ?? row?.email ?? 'This person';
  return (
    <Screen title={name}>
      <p>
        <Link to="/therapist">Back to the people you follow</Link>
      </p>
      <FormAlert message={alert} />
      {row && row.flags.length > 0 ? (
        <section className="card tone-gentle" aria-labelledby="flags-title">
          <h2 id="flags-title">Worth a look this week</h2>
          <ul className="flags">
            {row.flags.map((f) => (
              <li key={f.code} data-flag={f.code}>
                {f.text}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {progress ? (
        <section className="card" aria-labelledby="progress-title">
          <h2 id="progress-title">Progress</h2>
          <ul>
            {progress.summary.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <h3>Check-ins</h3>
          <ul className="check-ins">
            {[...checkIns].reverse().slice(0, 14).map((c) => (
              <li key={c.id}>
                {whenText(c.at)}: pain {c.painNow} out of 10, worst {c.painWorst24h}, walked {c.walkMinutes} minutes
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section className="card" aria-labelledby="sessions-title">
        <h2 id="sessions-title">Session history</h2>
        {sessions.length === 0 ? (
          <p className="hint">No sessions yet.</p>
        ) : (
          <ul>
            {[...sessions].reverse().map((s) => (
              <li key={s.id}>
                {whenText(s.startedAt)}: pain {s.painBefore} before, {s.painAfter} after; felt {FEEL_WORDS_SESSION[s.feel]}
                {s.exercises.some((e) => e.painDuring !== undefined) ? '; stopped with “This hurts”' : ''}
              </li>
            ))}
          </ul>
        )}
      </section>
      {row?.scopes.includes('plan') ? <PlanEditor episodeId={episodeId} edits={edits} onChanged={load} /> : null}
    </Screen>
  );
}

function PlanEditor({ episodeId, edits, onChanged }: { episodeId: string; edits: PlanEditT[]; onChanged: () => Promise<void> }) {
  const [exercises, setExercises] = useState<ExerciseT[]>([]);
  const [exerciseId, setExerciseId] = useState<string | undefined>();
  const [muscle, setMuscle] = useState<MuscleId | undefined>();
  const [feels, setFeels] = useState<'weak' | 'tight' | 'neither' | undefined>();
  const [minutes, setMinutes] = useState<(typeof LENGTHS)[number] | undefined>();
  const [style, setStyle] = useState<ExerciseStyle | undefined>();
  const [note, setNote] = useState('');
  const [alert, setAlert] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  useEffect(() => {
    api.listExercises().then(setExercises, () => setExercises([]));
  }, []);

  const send = async (body: PlanEditBody) => {
    setAlert(null);
    setSaved(null);
    try {
      const edit = await api.putPlanEdit(episodeId, newId(), body);
      setSaved(`Saved: ${edit.text}.`);
      await onChanged();
    } catch (err) {
      setAlert(isApiError(err) && err.issues.length ? (err.issues[0]?.message ?? null) : errorWords(isApiError(err) ? err.code : 'server'));
    }
  };

  return (
    <section className="card" aria-labelledby="edit-title">
      <h2 id="edit-title">Adjust the plan</h2>
      <p className="hint">The app’s stage and safety rules still come first: a chosen exercise appears only when the person’s stage allows it. They see each change and can undo it.</p>
      <FormAlert message={alert} />
      {saved ? <p role="status">{saved}</p> : null}
      <SelectField path="exerciseId" label="An exercise" blank="Choose an exercise" options={exercises.map((e) => ({ value: e.id, label: e.name }))} value={exerciseId} onChange={setExerciseId} />
      <div className="button-row">
        <button type="button" className="button secondary" disabled={!exerciseId} onClick={() => exerciseId && void send({ kind: 'hide', exerciseId })}>
          Leave it out
        </button>
        <button type="button" className="button secondary" disabled={!exerciseId} onClick={() => exerciseId && void send({ kind: 'pin', exerciseId })}>
          Choose it for them
        </button>
      </div>
      <SelectField path="muscle" label="A muscle" blank="Choose a muscle" options={MUSCLES.map((m) => ({ value: m.id, label: m.label }))} value={muscle} onChange={setMuscle} />
      <SelectField path="feels" label="It feels" blank="Choose" options={(Object.keys(FEEL_WORDS) as (keyof typeof FEEL_WORDS)[]).map((k) => ({ value: k, label: FEEL_WORDS[k] }))} value={feels} onChange={setFeels} />
      <button type="button" className="button secondary" disabled={!muscle || !feels} onClick={() => muscle && feels && void send({ kind: 'muscle', muscle, feels })}>
        Save the muscle note
      </button>
      <SelectField path="sessionMinutes" label="Session length" blank="Leave as it is" options={LENGTHS.map((m) => ({ value: m, label: `${m} minutes` }))} value={minutes} onChange={setMinutes} />
      <SelectField path="style" label="Style" blank="Leave as it is" options={EXERCISE_STYLES.map((s) => ({ value: s, label: STYLE_WORDS[s] }))} value={style} onChange={setStyle} />
      <button
        type="button"
        className="button secondary"
        disabled={!minutes && !style}
        onClick={() => void send({ kind: 'session', ...(minutes ? { sessionMinutes: Number(minutes) as 5 | 10 | 20 | 30 } : {}), ...(style ? { styles: [style] } : {}) })}
      >
        Save session settings
      </button>
      <TextField path="note" label="A note to them" value={note} onChange={setNote} />
      <button type="button" className="button secondary" disabled={!note.trim()} onClick={() => void send({ kind: 'note', text: note.trim() }).then(() => setNote(''))}>
        Send the note
      </button>
      <h3>Your changes in force</h3>
      {edits.length === 0 ? (
        <p className="hint">None.</p>
      ) : (
        <ul className="plan-edits">
          {edits.map((e) => (
            <li key={e.id}>
              {e.text} ({whenText(e.updatedAt)}).{' '}
              <button type="button" className="button secondary" onClick={() => void api.deletePlanEdit(episodeId, e.id).then(onChanged)}>
                Take back
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
