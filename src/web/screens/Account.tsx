import { useState, type FormEvent } from 'react';
import { Credentials } from '../../contract';
import { api, isApiError, issuesFrom, type Issue, type MeT } from '../api/client';
import { Card } from '../components/Card';
import { ErrorSummary, FormAlert } from '../components/ErrorSummary';
import { ActionBar, Screen } from '../components/Screen';
import { TextField } from '../components/TextField';
import { messageFor, unplaced } from '../lib/issues';
import { errorWords } from '../words/errors';
import { DeleteAccount, DownloadYourData } from './YourData';
import { ShareWithTherapist } from './ShareWithTherapist';

/** Keep access from any device (email + password), and sign out. */
export function Account({
  me,
  episodeId,
  onMe,
  onSignOut,
  onDeleted,
}: {
  me: MeT;
  episodeId: string | null;
  onMe: (me: MeT) => void;
  onSignOut: (everywhere?: boolean) => Promise<void>;
  onDeleted: () => void;
}) {
  return (
    <Screen title="Your account">
      {me.isGuest ? <AddCredentials onMe={onMe} /> : <Card title="Signed in">{<p>You’re signed in as {me.email}. You can sign in with it on any device.</p>}</Card>}
      <SignOut guest={me.isGuest} onSignOut={onSignOut} />
      {me.role === 'person' ? <ShareWithTherapist episodeId={episodeId} /> : null}
      <DownloadYourData episodeId={episodeId} />
      <DeleteAccount onDeleted={onDeleted} />
    </Screen>
  );
}

function AddCredentials({ onMe }: { onMe: (me: MeT) => void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [issues, setIssues] = useState<Issue[]>([]);
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setAlert(null);
    const parsed = Credentials.safeParse({ email: email.trim(), password });
    if (!parsed.success) return setIssues(issuesFrom(parsed.error));
    setIssues([]);
    setBusy(true);
    try {
      onMe(await api.addCredentials(parsed.data));
    } catch (err) {
      setBusy(false);
      if (isApiError(err) && err.issues.length) setIssues([...err.issues]);
      else setAlert(errorWords(isApiError(err) ? err.code : 'server'));
    }
  };

  return (
    <section className="card" aria-labelledby="keep-title">
      <h2 id="keep-title">Keep your progress</h2>
      {/* True to the server: a guest's records are in this installation's database; the session ends after SESSION_DAYS (180). */}
      <p>
        Your answers are saved on this Unclench server, under a guest sign-in kept in this browser. If the browser loses it (you sign out,
        clear its cookies, or six months pass), you can’t get back to them.
      </p>
      <p>Add an email and a password to keep them, and to reach them from any device.</p>
      <form onSubmit={submit} noValidate aria-labelledby="keep-title">
        <ErrorSummary issues={unplaced(issues, ['email', 'password'])} />
        <FormAlert message={alert} />
        <TextField path="email" label="Email" type="email" autoComplete="email" value={email} onChange={setEmail} error={messageFor(issues, 'email')} />
        <TextField
          path="password"
          label="Password"
          hint="At least 10 characters. A short sentence works well."
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={setPassword}
          error={messageFor(issues, 'password')}
        />
        <ActionBar>
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? 'Saving…' : 'Save email and password'}
          </button>
        </ActionBar>
      </form>
    </section>
  );
}

function SignOut({ guest, onSignOut }: { guest: boolean; onSignOut: (everywhere?: boolean) => Promise<void> }) {
  const [confirming, setConfirming] = useState(false);
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const signOut = async (everywhere = false) => {
    setBusy(true);
    setAlert(null);
    try {
      await onSignOut(everywhere);
    } catch (err) {
      setBusy(false);
      setAlert(errorWords(isApiError(err) ? err.code : 'server'));
    }
  };

  return (
    <section className="card" aria-labelledby="signout-title">
      <h2 id="signout-title">Sign out</h2>
      <FormAlert message={alert} />
      {guest && confirming ? (
        <>
          <p className="confirm-question">You haven’t added an email yet, so after signing out you won’t be able to get back to these answers. Sign out anyway?</p>
          <div className="button-row">
            <button type="button" className="button secondary" onClick={() => void signOut()} disabled={busy}>
              Sign out anyway
            </button>
            <button type="button" className="button secondary" onClick={() => setConfirming(false)}>
              Stay signed in
            </button>
          </div>
        </>
      ) : (
        <>
          <button type="button" className="button secondary" onClick={guest ? () => setConfirming(true) : () => void signOut()} disabled={busy}>
            {busy ? 'Signing out…' : 'Sign out'}
          </button>
          {guest ? null : (
            <>
              <p className="hint">Signed in on a phone or computer you no longer have, or not sure? This ends every sign-in to your account, on every device, this one too, and those devices stop getting reminders.</p>
              <button type="button" className="button secondary" onClick={() => void signOut(true)} disabled={busy}>
                Sign out on every device
              </button>
            </>
          )}
        </>
      )}
    </section>
  );
}
