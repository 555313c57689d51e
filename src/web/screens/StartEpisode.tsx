import { useState, type FormEvent } from 'react';
import { EpisodePut } from '../../contract';
import { isApiError, issuesFrom, type EpisodeT, type Issue } from '../api/client';
import { ErrorSummary, FormAlert } from '../components/ErrorSummary';
import { PainScale } from '../components/PainScale';
import { BodyMap } from '../bodymap/BodyMap';
import { painfulIds, type MapDraft } from '../bodymap/mapState';
import { ActionBar, Screen } from '../components/Screen';
import { TextField } from '../components/TextField';
import { newId } from '../lib/ids';
import { todayIn } from '../lib/dates';
import { messageFor, unplaced } from '../lib/issues';
import { Link } from '../lib/router';
import type { SafetyDraft } from '../lib/safetyDraft';
import { checkStart } from '../lib/safetyCheck';
import { pendingEpisodeStart } from '../offline/entries';
import { getSyncState } from '../offline/sync';
import { startEpisode } from '../offline/writes';
import { errorWords } from '../words/errors';

const SHOWN = ['onsetDate', 'regions', 'painNow'];

interface Props {
  draft: SafetyDraft;
  onDraft: (patch: Partial<SafetyDraft>) => void;
  timeZone: string | undefined;
  onCreated: (episode: EpisodeT) => void;
  /** Server issues about the safety answers, so the safety screen can show them beside their questions. */
  onSafetyIssues: (issues: Issue[]) => void;
}

/** When it started, where it hurts and how much: the start of an episode, sent with the safety answers. */
export function StartEpisode({ draft, onDraft, timeZone, onCreated, onSafetyIssues }: Props) {
  const today = todayIn(timeZone);
  // A start already waiting on this device (saved offline) is the same episode: never a second one.
  const [episodeId] = useState(() => pendingEpisodeStart(getSyncState().pending)?.episodeId ?? newId());
  const [queued, setQueued] = useState(() => pendingEpisodeStart(getSyncState().pending) !== null);
  const [onsetDate, setOnsetDate] = useState(today);
  // The episode keeps the places (ids), so the map asks only where; the first check-in asks how much in each.
  const [map, setMap] = useState<MapDraft>({});
  const regions = painfulIds(map);
  const [issues, setIssues] = useState<Issue[]>([]);
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const painNow = draft.painNRS;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setAlert(null);
    const local: Issue[] = [];
    if (!onsetDate) local.push({ path: 'onsetDate', rule: 'required', message: 'Please choose the day it started.' });
    else if (onsetDate > today) local.push({ path: 'onsetDate', rule: 'max', message: 'The start can’t be in the future.' });
    if (regions.length === 0) local.push({ path: 'regions', rule: 'required', message: 'Please choose at least one place that hurts.' });
    if (painNow === undefined) local.push({ path: 'painNow', rule: 'required', message: 'Please choose a number from 0 to 10.' });
    const { answers, issues: safetyIssues } = checkStart(draft);
    const body = { onsetDate, regions, painNow, safety: answers };
    const parsed = EpisodePut.safeParse(body);
    const found = [...local, ...safetyIssues];
    if (!parsed.success) for (const i of issuesFrom(parsed.error)) if (!found.some((f) => f.path === i.path) && !i.path.startsWith('safety')) found.push(i);
    setIssues(found);
    if (safetyIssues.length) onSafetyIssues(safetyIssues);
    if (found.length || !parsed.success) return;

    setBusy(true);
    try {
      // The server triages the safety answers, so this goes to the network first; offline it waits on this device
      // and the app opens the plan as soon as the check is done (offline/useSync.ts).
      const result = await startEpisode(episodeId, parsed.data);
      if (result.kind === 'saved') onCreated(result.episode);
      else setQueued(true);
    } catch (err) {
      setBusy(false);
      if (isApiError(err) && err.issues.length) {
        setIssues([...err.issues]);
        onSafetyIssues(err.issues.filter((i) => i.path.startsWith('safety.')));
      } else setAlert(errorWords(isApiError(err) ? err.code : 'server'));
    }
  };

  const elsewhere = unplaced(issues, SHOWN);
  return (
    <Screen title="Tell us about this spasm" lead="Three quick things, then we’ll look at your answers together.">
      <form onSubmit={submit} noValidate aria-labelledby="screen-title">
        <ErrorSummary issues={issues} shown={SHOWN} />
        {elsewhere.some((i) => i.path.startsWith('safety.')) ? (
          <p className="form-alert">
            Some safety answers need another look. <Link to="/safety">Go back to the safety questions</Link>
          </p>
        ) : null}
        <FormAlert message={alert} />
        <section className="card form-section">
          <PainScale
            path="painNow"
            legend="How much does it hurt right now?"
            value={painNow}
            onChange={(n) => onDraft({ painNRS: n })}
            error={messageFor(issues, 'painNow') ?? messageFor(issues, 'safety.painNRS')}
          />
        </section>
        <section className="card form-section">
          <TextField
            path="onsetDate"
            label="When did it start?"
            hint="Your best guess is fine."
            type="date"
            max={today}
            className="narrow"
            value={onsetDate}
            onChange={setOnsetDate}
            error={messageFor(issues, 'onsetDate')}
          />
        </section>
        <section className="card form-section">
          <BodyMap legend="Where does it hurt?" value={map} onChange={setMap} painNow={painNow} error={messageFor(issues, 'regions')} placesOnly />
        </section>
        <ActionBar>
          {queued ? (
            <p className="saved-note" role="status">
              Saved on this device. We’ll check your answers the moment you’re back online.
            </p>
          ) : null}
          <button type="submit" className="button primary" disabled={busy}>
            {queued ? 'Waiting for a connection…' : busy ? 'Saving…' : 'See what this means'}
          </button>
        </ActionBar>
      </form>
    </Screen>
  );
}
