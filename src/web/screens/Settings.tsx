import { useEffect, useRef, useState, type FormEvent } from 'react';
import { MuscleNote, MuscleNotePut, PreferencesPut } from '../../contract';
import { MUSCLES, isMuscleId, type MuscleId } from '../../core/body/muscles';
import { EXERCISE_STYLES, type ExerciseStyle } from '../../core/exercises/types';
import { api, ApiError, isApiError, issuesFrom, type EpisodeT, type Issue, type MuscleNoteT, type PreferencesT } from '../api/client';
import { CheckboxGroup } from '../components/CheckboxGroup';
import { ChoiceGroup } from '../components/ChoiceGroup';
import { ErrorSummary, FormAlert } from '../components/ErrorSummary';
import { SelectField } from '../components/SelectField';
import { Screen } from '../components/Screen';
import { ErrorState, Loading } from '../components/Status';
import { newId } from '../lib/ids';
import { messageFor, unplaced } from '../lib/issues';
import { Link } from '../lib/router';
import { ReminderSettingsCard } from '../move/ReminderSettingsCard';
import { AppearanceCard } from '../appearance/AppearanceCard';
import { MuscleMap } from '../bodymap/MuscleMap';
import { withPendingMuscleNotes } from '../offline/entries';
import { getSyncState, type WriteResult } from '../offline/sync';
import { removeMuscleNote, saveMuscleNote } from '../offline/writes';
import { errorWords } from '../words/errors';
import { muscleLabel, STYLE_HINTS, STYLE_WORDS } from '../words/exercises';
import { compareText } from '../../core/compareText';

const STYLE_CHOICES = EXERCISE_STYLES.map((s) => ({ value: s, label: STYLE_WORDS[s], hint: STYLE_HINTS[s] }));
const LENGTH_CHOICES = [
  { value: '5', label: '5 min' },
  { value: '10', label: '10 min' },
  { value: '20', label: '20 min' },
  { value: '30', label: '30 min' },
] as const;
type Length = (typeof LENGTH_CHOICES)[number]['value'];
const MUSCLE_OPTIONS = MUSCLES.map((m) => ({ value: m.id, label: m.label }));
const FEELS_CHOICES = [
  { value: 'weak', label: 'Feels weak' },
  { value: 'tight', label: 'Feels tight' },
] as const;
type Feels = (typeof FEELS_CHOICES)[number]['value'];
const FEELS_WORDS: Record<Feels, string> = { weak: 'feels weak', tight: 'feels tight' };

/** How long an Undo stays offered after a note is removed. */
export const UNDO_MS = 10_000;

/** Exercise style and session length (the person's), muscle notes (this episode's), and the way to the account. */
export function Settings({ episode }: { episode: EpisodeT | null }) {
  return (
    <Screen title="Settings" lead="Make the plan yours. Changes shape your next plan.">
      <Preferences />
      {episode ? <MuscleNotes episodeId={episode.id} /> : null}
      <ReminderSettingsCard />
      <AppearanceCard />
      <section className="card" aria-labelledby="account-title">
        <h2 id="account-title">Your account</h2>
        <p>Add an email and a password to keep your progress on any device, or sign out.</p>
        <p className="secondary-action">
          <Link to="/account">Account and sign out</Link>
        </p>
      </section>
    </Screen>
  );
}

type Loaded<T> = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; value: T };

function Preferences() {
  const [attempt, setAttempt] = useState(0);
  const [loaded, setLoaded] = useState<{ attempt: number; state: Loaded<PreferencesT> } | null>(null);

  useEffect(() => {
    let cancelled = false;
    api.getPreferences().then(
      (value) => {
        if (!cancelled) setLoaded({ attempt, state: { status: 'ready', value } });
      },
      (e: unknown) => {
        if (!cancelled) setLoaded({ attempt, state: { status: 'error', message: errorWords(isApiError(e) ? e.code : 'server') } });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [attempt]);

  const state: Loaded<PreferencesT> = loaded?.attempt === attempt ? loaded.state : { status: 'loading' };
  return (
    <section className="card form-section" aria-labelledby="prefs-title">
      <h2 id="prefs-title">Your exercise style</h2>
      {state.status === 'loading' ? <Loading what="Getting your choices…" /> : null}
      {state.status === 'error' ? <ErrorState message={`We couldn’t load your choices. ${state.message}`} onRetry={() => setAttempt((n) => n + 1)} /> : null}
      {state.status === 'ready' ? <PreferencesForm initial={state.value} /> : null}
    </section>
  );
}

function PreferencesForm({ initial }: { initial: PreferencesT }) {
  const [styles, setStyles] = useState<ExerciseStyle[]>(initial.styles);
  const [length, setLength] = useState<Length | undefined>(String(initial.sessionMinutes) as Length);
  const [issues, setIssues] = useState<Issue[]>([]);
  const [alert, setAlert] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setAlert(null);
    setSaved(null);
    const parsed = PreferencesPut.safeParse({ styles, sessionMinutes: length === undefined ? undefined : Number(length) });
    if (!parsed.success) return setIssues(issuesFrom(parsed.error));
    setIssues([]);
    setBusy(true);
    try {
      const result = await api.putPreferences(parsed.data);
      setStyles(result.styles);
      setLength(String(result.sessionMinutes) as Length);
      setSaved('Saved. Your next plan uses these choices.');
    } catch (err) {
      if (isApiError(err) && err.issues.length) setIssues([...err.issues]);
      else setAlert(errorWords(isApiError(err) ? err.code : 'server'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="prefs-title">
      <ErrorSummary issues={unplaced(issues, ['styles', 'sessionMinutes'])} />
      <FormAlert message={alert} />
      <CheckboxGroup
        path="styles"
        legend="Styles you enjoy"
        hint="Choose one or more. Guided sessions use these first; plain exercises fill any gaps."
        choices={STYLE_CHOICES}
        value={styles}
        onChange={(v) => {
          setStyles(v);
          setSaved(null);
        }}
        error={messageFor(issues, 'styles')}
      />
      <div className="length-choices">
        <ChoiceGroup
          path="sessionMinutes"
          legend="How long would you like a session to be?"
          hint="Early on, sessions stay shorter than this and grow as you recover."
          choices={LENGTH_CHOICES}
          value={length}
          onChange={(v) => {
            setLength(v);
            setSaved(null);
          }}
          error={messageFor(issues, 'sessionMinutes')}
        />
      </div>
      <div className="action-bar">
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? 'Saving…' : 'Save my choices'}
        </button>
      </div>
      <p className="saved-note" role="status">
        {saved ?? ''}
      </p>
    </form>
  );
}

function MuscleNotes({ episodeId }: { episodeId: string }) {
  const [attempt, setAttempt] = useState(0);
  const [loaded, setLoaded] = useState<{ attempt: number; state: Loaded<MuscleNoteT[]> } | null>(null);

  useEffect(() => {
    let cancelled = false;
    api.listMuscleNotes(episodeId).then(
      (server) => {
        // Notes saved or removed on this device and not yet sent are shown as they will be.
        const value = withPendingMuscleNotes(server, getSyncState().pending, episodeId);
        if (!cancelled) setLoaded({ attempt, state: { status: 'ready', value } });
      },
      (e: unknown) => {
        if (!cancelled) setLoaded({ attempt, state: { status: 'error', message: errorWords(isApiError(e) ? e.code : 'server') } });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [episodeId, attempt]);

  const state: Loaded<MuscleNoteT[]> = loaded?.attempt === attempt ? loaded.state : { status: 'loading' };
  return (
    <section className="card form-section muscle-notes" aria-labelledby="muscles-title">
      <h2 id="muscles-title">How your muscles feel</h2>
      <p>Note a muscle that feels weak or tight. The plan strengthens what feels weak and eases what feels tight.</p>
      {state.status === 'loading' ? <Loading what="Getting your notes…" /> : null}
      {state.status === 'error' ? <ErrorState message={`We couldn’t load your notes. ${state.message}`} onRetry={() => setAttempt((n) => n + 1)} /> : null}
      {state.status === 'ready' ? <MuscleNotesEditor episodeId={episodeId} initial={state.value} /> : null}
    </section>
  );
}

function MuscleNotesEditor({ episodeId, initial }: { episodeId: string; initial: MuscleNoteT[] }) {
  const [notes, setNotes] = useState<MuscleNoteT[]>(initial);
  const [muscle, setMuscle] = useState<MuscleId | undefined>();
  const [feels, setFeels] = useState<Feels | undefined>();
  const [issues, setIssues] = useState<Issue[]>([]);
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [removed, setRemoved] = useState<MuscleNoteT | null>(null);
  /** The DELETE still on its way, so an Undo is sent only after it (never overtaken by it). */
  const pendingDelete = useRef<Promise<unknown>>(Promise.resolve());
  const undoBar = useRef<HTMLDivElement>(null);
  const undoButton = useRef<HTMLButtonElement>(null);
  const listTitle = useRef<HTMLHeadingElement>(null);

  // The Undo stays for a while, and longer while the person is on it.
  useEffect(() => {
    if (!removed) return;
    let timer = 0;
    const expire = () => {
      if (undoBar.current?.contains(document.activeElement)) timer = window.setTimeout(expire, 2000);
      else setRemoved((r) => (r === removed ? null : r));
    };
    timer = window.setTimeout(expire, UNDO_MS);
    return () => window.clearTimeout(timer);
  }, [removed]);

  const add = async (e: FormEvent) => {
    e.preventDefault();
    setAlert(null);
    const local: Issue[] = [];
    if (!muscle) local.push({ path: 'muscle', rule: 'required', message: 'Please choose a muscle.' });
    if (!feels) local.push({ path: 'feels', rule: 'required', message: 'Please choose weak or tight.' });
    const parsed = MuscleNotePut.safeParse({ muscle, feels });
    if (local.length || !parsed.success) return setIssues(local.length ? local : parsed.success ? [] : issuesFrom(parsed.error));
    setIssues([]);
    setBusy(true);
    // One note per muscle: a new feeling about the same muscle updates its note.
    const existing = notes.find((n) => n.muscle === parsed.data.muscle);
    const id = existing?.id ?? newId();
    try {
      const saved = noteFrom(await saveMuscleNote(episodeId, id, parsed.data), existing ?? null, episodeId, id, parsed.data);
      setNotes((list) => (list.some((n) => n.id === saved.id) ? list.map((n) => (n.id === saved.id ? saved : n)) : [...list, saved]));
      setMuscle(undefined);
      setFeels(undefined);
    } catch (err) {
      if (isApiError(err) && err.issues.length) setIssues([...err.issues]);
      else setAlert(errorWords(isApiError(err) ? err.code : 'server'));
    } finally {
      setBusy(false);
    }
  };

  const remove = (note: MuscleNoteT) => {
    setAlert(null);
    setNotes((list) => list.filter((n) => n.id !== note.id));
    setRemoved(note);
    pendingDelete.current = removeMuscleNote(episodeId, note.id).then(throwIfRejected).catch((err: unknown) => {
      // Not removed after all: put it back where it was and say so.
      setNotes((list) => (list.some((n) => n.id === note.id) ? list : insertInOrder(list, note)));
      setRemoved((r) => (r?.id === note.id ? null : r));
      setAlert(`We couldn’t remove that note, so it is still here. ${errorWords(isApiError(err) ? err.code : 'server')}`);
    });
    requestAnimationFrame(() => undoButton.current?.focus());
  };

  const undo = async () => {
    const note = removed;
    if (!note || !isMuscleId(note.muscle)) return;
    setRemoved(null);
    setNotes((list) => insertInOrder(list, note));
    listTitle.current?.focus();
    await pendingDelete.current;
    try {
      const saved = noteFrom(await saveMuscleNote(episodeId, note.id, { muscle: note.muscle, feels: note.feels }), note, episodeId, note.id, { muscle: note.muscle, feels: note.feels });
      setNotes((list) => list.map((n) => (n.id === saved.id ? saved : n)));
    } catch (err) {
      setNotes((list) => list.filter((n) => n.id !== note.id));
      setAlert(`We couldn’t bring that note back. ${errorWords(isApiError(err) ? err.code : 'server')}`);
    }
  };

  return (
    <>
      <form onSubmit={add} noValidate aria-labelledby="muscles-title" className="muscle-note-form">
        <ErrorSummary issues={unplaced(issues, ['muscle', 'feels'])} />
        <FormAlert message={alert} />
        <MuscleMap selected={muscle} onSelect={setMuscle} />
        <SelectField path="muscle" label="Which muscle?" blank="Choose a muscle" options={MUSCLE_OPTIONS} value={muscle} onChange={setMuscle} error={messageFor(issues, 'muscle')} />
        <ChoiceGroup path="feels" legend="How does it feel?" choices={FEELS_CHOICES} value={feels} onChange={setFeels} error={messageFor(issues, 'feels')} />
        <button type="submit" className="button secondary" disabled={busy}>
          {busy ? 'Saving…' : 'Add this note'}
        </button>
      </form>

      <h3 id="notes-title" tabIndex={-1} ref={listTitle}>
        Your notes
      </h3>
      {notes.length ? (
        <ul className="note-list" aria-labelledby="notes-title">
          {notes.map((n) => {
            const text = `${muscleLabel(n.muscle)}, ${FEELS_WORDS[n.feels]}`;
            return (
              <li key={n.id} className="note" data-muscle={n.muscle}>
                <span className="note-text">
                  <span className="note-muscle">{muscleLabel(n.muscle)}</span> <span className={`note-feels feels-${n.feels}`}>{FEELS_WORDS[n.feels]}</span>
                </span>
                <button type="button" className="button secondary small" onClick={() => remove(n)} aria-label={`Remove note: ${text}`}>
                  Remove
                </button>
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="empty">No notes yet. Add one when a muscle feels weak or tight; you can remove it any time.</p>
      )}

      <div className="undo-slot" role="status" ref={undoBar}>
        {removed ? (
          <div className="undo-bar">
            <span>
              Removed: {muscleLabel(removed.muscle)}, {FEELS_WORDS[removed.feels]}.
            </span>
            <button type="button" className="button secondary small" onClick={undo} ref={undoButton}>
              Undo
            </button>
          </div>
        ) : null}
      </div>
    </>
  );
}

/** Notes are listed oldest first, as the server lists them. */
function insertInOrder(list: readonly MuscleNoteT[], note: MuscleNoteT): MuscleNoteT[] {
  return [...list.filter((n) => n.id !== note.id), note].sort((a, b) => compareText(a.createdAt, b.createdAt));
}

/** A refused write becomes the error the form already knows how to show. */
function throwIfRejected(result: WriteResult): WriteResult {
  if (result.status === 'rejected') throw new ApiError(result.rejection.status, result.rejection.code, result.rejection.message, result.rejection.issues ?? []);
  return result;
}

/** The note as the server answered it, or as it will be once the outbox sends it (saved on this device already). */
function noteFrom(result: WriteResult, existing: MuscleNoteT | null, episodeId: string, id: string, body: { muscle: string; feels: 'weak' | 'tight' }): MuscleNoteT {
  throwIfRejected(result);
  const answered = result.status === 'sent' ? MuscleNote.safeParse(result.body) : null;
  if (answered?.success) return answered.data;
  const now = new Date().toISOString();
  return { ...(existing ?? { createdAt: now }), ...body, id, episodeId, updatedAt: now };
}
