import { useState, type FormEvent } from 'react';
import { ROUTES } from '../../contract';
import { api, isApiError } from '../api/client';
import { FormAlert } from '../components/ErrorSummary';
import { TextField } from '../components/TextField';
import { forgetReads } from '../offline/readCache';
import { errorWords } from '../words/errors';

/** The word a person types to confirm that their account should go. */
export const DELETE_WORD = 'delete';

/** Take everything with you: the whole account as one JSON file. */
export function DownloadYourData({ episodeId }: { episodeId: string | null }) {
  return (
    <section className="card" aria-labelledby="your-data-title">
      <h2 id="your-data-title">Your data</h2>
      <p>Download everything Unclench keeps about you: every check-in, session, walk, note and rating of every episode, in one file.</p>
      <a className="button secondary" href={ROUTES.exportAccount.path} download>
        Download all my data
      </a>
      {episodeId ? (
        <>
          <p className="hint">For a clinician: a printable summary of this episode, with your pain and activity charts.</p>
          <a className="button secondary" href={episodePath(ROUTES.exportPdf.path, episodeId)} download>
            Download a report (PDF)
          </a>
          <p className="hint">For a clinic’s own system: this episode in FHIR, the standard format health records use.</p>
          <a className="button secondary" href={episodePath(ROUTES.exportFhir.path, episodeId)} download>
            Download for a health record (FHIR)
          </a>
        </>
      ) : null}
    </section>
  );
}

const episodePath = (path: string, episodeId: string) => path.replace(':id', encodeURIComponent(episodeId));

/** Deleting the account, after the person types the word: nothing of it is kept on this server. */
export function DeleteAccount({ onDeleted }: { onDeleted: () => void }) {
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setAlert(null);
    if (typed.trim().toLowerCase() !== DELETE_WORD) return setError(`Type “${DELETE_WORD}” to confirm`);
    setError(undefined);
    setBusy(true);
    try {
      await api.deleteAccount();
      await forgetReads();
      onDeleted();
    } catch (err) {
      setBusy(false);
      setAlert(errorWords(isApiError(err) ? err.code : 'server'));
    }
  };

  return (
    <section className="card" aria-labelledby="delete-title">
      <h2 id="delete-title">Delete my account</h2>
      <p>
        This removes your account and everything in it from this Unclench server: every episode, check-in, session and note.
        Any therapist you share with loses access at once.
        It can’t be undone, so you may want to download your data first.
      </p>
      <form onSubmit={submit} noValidate aria-labelledby="delete-title">
        <FormAlert message={alert} />
        <TextField
          path="confirmDelete"
          label={`To confirm, type “${DELETE_WORD}”`}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          value={typed}
          onChange={setTyped}
          error={error}
        />
        <button type="submit" className="button secondary" disabled={busy}>
          {busy ? 'Deleting…' : 'Delete my account for good'}
        </button>
      </form>
    </section>
  );
}
