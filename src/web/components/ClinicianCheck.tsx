import { useState, type FormEvent } from 'react';
import { api, isApiError, type EpisodeT, type Issue } from '../api/client';
import { todayIn } from '../lib/dates';
import { messageFor, unplaced } from '../lib/issues';
import { errorWords } from '../words/errors';
import { ErrorSummary, FormAlert } from './ErrorSummary';
import { TextField } from './TextField';

interface Props {
  episodeId: string;
  timeZone: string | undefined;
  onRecorded: (episode: EpisodeT) => void;
  /** The button that opens the form. */
  openLabel: string;
  /** Asked before saving, so it is never recorded by accident. */
  confirmQuestion: string;
  openClass?: string;
}

/** Records that a clinician has seen the person, behind a confirm step with the date. */
export function ClinicianCheck({ episodeId, timeZone, onRecorded, openLabel, confirmQuestion, openClass = 'button secondary' }: Props) {
  const today = todayIn(timeZone);
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
    setIssues([]);
    setBusy(true);
    try {
      onRecorded(await api.putClinicianCheck(episodeId, seenOn));
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
      <TextField path="seenOn" label="When were you seen?" type="date" max={today} className="narrow" value={seenOn} onChange={setSeenOn} error={messageFor(issues, 'seenOn')} />
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
