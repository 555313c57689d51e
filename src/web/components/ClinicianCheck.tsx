import { useState, type FormEvent } from 'react';
import { api, isApiError, type EpisodeT, type Issue } from '../api/client';
import { earliestClinicianVisit } from '../../core/plan/mayStart';
import { longDate, todayIn } from '../lib/dates';
import { zoneOf } from '../player/startRule';
import { messageFor, unplaced } from '../lib/issues';
import { errorWords } from '../words/errors';
import { ErrorSummary, FormAlert } from './ErrorSummary';
import { TextField } from './TextField';

interface Props {
  /** The episode whose triage the visit answers: the date cannot be before that triage's day (core/plan/mayStart). */
  episode: Pick<EpisodeT, 'id' | 'onsetDate' | 'currentTriage' | 'currentTriageAt'>;
  timeZone: string | undefined;
  onRecorded: (episode: EpisodeT) => void;
  /** The button that opens the form. */
  openLabel: string;
  /** Asked before saving, so it is never recorded by accident. */
  confirmQuestion: string;
  openClass?: string;
}

/** A visit before the safety check cannot answer it: said with the day, never as a rule name. */
function notBeforeWords(earliest: string): string {
  return `Please choose ${longDate(earliest)} or later: the visit needs to be after your last safety check.`;
}

/** Records that a clinician has seen the person, behind a confirm step with the date. */
export function ClinicianCheck({ episode, timeZone, onRecorded, openLabel, confirmQuestion, openClass = 'button secondary' }: Props) {
  const today = todayIn(timeZone);
  const earliest = earliestClinicianVisit({ onsetDate: episode.onsetDate, triage: episode.currentTriage, triagedAt: episode.currentTriageAt }, zoneOf(timeZone));
  const [open, setOpen] = useState(false);
  const [seenOn, setSeenOn] = useState(today);
  const [issues, setIssues] = useState<Issue[]>([]);
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setAlert(null);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(seenOn)) return setIssues([{ path: 'seenOn', rule: 'required', message: 'Please choose the date you were seen.' }]);
    if (seenOn > today) return setIssues([{ path: 'seenOn', rule: 'max', message: 'The date can’t be in the future.' }]);
    if (seenOn < earliest) return setIssues([{ path: 'seenOn', rule: 'not_before_triage', message: notBeforeWords(earliest) }]);
    setIssues([]);
    setBusy(true);
    try {
      onRecorded(await api.putClinicianCheck(episode.id, seenOn));
    } catch (err) {
      if (isApiError(err) && err.issues.length) setIssues([...err.issues]);
      else setAlert(errorWords(isApiError(err) ? err.code : 'server'));
    } finally {
      setBusy(false);
    }
  };

  if (!open)
    return (
      <button type="button" className={openClass} onClick={() => setOpen(true)}>
        {openLabel}
      </button>
    );

  return (
    <form className="clinician-check" onSubmit={submit} noValidate>
      <p className="confirm-question">{confirmQuestion}</p>
      <ErrorSummary issues={unplaced(issues, ['seenOn'])} />
      <FormAlert message={alert} />
      <TextField
        path="seenOn"
        label="When were you seen?"
        hint={earliest > episode.onsetDate ? `Only a visit since your last safety check counts: that was ${earliest === today ? 'today' : `on ${longDate(earliest)}`}.` : undefined}
        type="date"
        min={earliest}
        max={today}
        className="narrow" value={seenOn} onChange={setSeenOn} error={messageFor(issues, 'seenOn')} />
      <div className="button-row">
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? 'Saving…' : 'Yes, I was seen'}
        </button>
        <button type="button" className="button secondary" onClick={() => setOpen(false)}>
          Not yet
        </button>
      </div>
    </form>
  );
}
