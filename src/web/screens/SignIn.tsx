import { useState, type FormEvent } from 'react';
import { api, isApiError, type Issue, type MeT } from '../api/client';
import { ErrorSummary, FormAlert } from '../components/ErrorSummary';
import { ActionBar, Screen } from '../components/Screen';
import { TextField } from '../components/TextField';
import { messageFor, unplaced } from '../lib/issues';
import { Link } from '../lib/router';
import { errorWords } from '../words/errors';

export const WRONG_CREDENTIALS = 'That email and password don’t match an account. Check them and try again.';

export function SignIn({ onSignedIn }: { onSignedIn: (me: MeT) => void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [issues, setIssues] = useState<Issue[]>([]);
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setAlert(null);
    const local: Issue[] = [];
    if (!email.trim()) local.push({ path: 'email', rule: 'required', message: 'Please enter your email address.' });
    if (!password) local.push({ path: 'password', rule: 'required', message: 'Please enter your password.' });
    setIssues(local);
    if (local.length) return;
    setBusy(true);
    try {
      onSignedIn(await api.signIn({ email: email.trim(), password }));
    } catch (err) {
      setBusy(false);
      if (!isApiError(err)) return setAlert(errorWords('server'));
      if (err.status === 401) return setAlert(WRONG_CREDENTIALS);
      if (err.issues.length) return setIssues([...err.issues]);
      setAlert(errorWords(err.code));
    }
  };

  return (
    <Screen title="Sign in" lead="Use the email and password you added to Unclench.">
      <form onSubmit={submit} noValidate aria-labelledby="screen-title">
        <ErrorSummary issues={unplaced(issues, ['email', 'password'])} />
        <FormAlert message={alert} />
        <TextField path="email" label="Email" type="email" autoComplete="email" value={email} onChange={setEmail} error={messageFor(issues, 'email')} />
        <TextField
          path="password"
          label="Password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
          error={messageFor(issues, 'password')}
        />
        <ActionBar>
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? 'Signing in…' : 'Sign in'}
          </button>
          <p className="secondary-action">
            New here? <Link to="/">Start now instead</Link>
          </p>
        </ActionBar>
      </form>
    </Screen>
  );
}
