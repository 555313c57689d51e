import { useState, type FormEvent } from 'react';
import { TherapistSignUp } from '../../contract';
import { api, isApiError, issuesFrom, type Issue, type MeT } from '../api/client';
import { ErrorSummary, FormAlert } from '../components/ErrorSummary';
import { ActionBar, Screen } from '../components/Screen';
import { TextField } from '../components/TextField';
import { messageFor, unplaced } from '../lib/issues';
import { errorWords } from '../words/errors';

/** /therapist, signed out: a therapist signs up or signs in (an invite link's code waits in the address). */
export function TherapistWelcome({ onSignedIn }: { onSignedIn: (me: MeT) => void }) {
  const [mode, setMode] = useState<'sign-up' | 'sign-in'>('sign-up');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [issues, setIssues] = useState<Issue[]>([]);
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setAlert(null);
    let body: { email: string; password: string; name: string } | null = null;
    if (mode === 'sign-up') {
      const parsed = TherapistSignUp.safeParse({ email: email.trim(), password, name });
      if (!parsed.success) return setIssues(issuesFrom(parsed.error));
      body = parsed.data;
    }
    setIssues([]);
    setBusy(true);
    try {
      onSignedIn(body ? await api.createTherapist(body) : await api.signIn({ email: email.trim(), password }));
    } catch (err) {
      setBusy(false);
      if (isApiError(err) && err.issues.length) setIssues([...err.issues]);
      else setAlert(errorWords(isApiError(err) ? err.code : 'server'));
    }
  };

  return (
    <Screen title="For therapists" lead="Follow the people who invite you: their progress, flags worth a look, and their plan if they let you adjust it.">
      <section className="card" aria-labelledby="therapist-form-title">
        <h2 id="therapist-form-title">{mode === 'sign-up' ? 'Create a therapist account' : 'Sign in as a therapist'}</h2>
        <form onSubmit={submit} noValidate aria-labelledby="therapist-form-title">
          <ErrorSummary issues={unplaced(issues, ['name', 'email', 'password'])} />
          <FormAlert message={alert} />
          {mode === 'sign-up' ? <TextField path="name" label="Your name, as the people you follow will see it" autoComplete="name" value={name} onChange={setName} error={messageFor(issues, 'name')} /> : null}
          <TextField path="email" label="Email" type="email" autoComplete="email" value={email} onChange={setEmail} error={messageFor(issues, 'email')} />
          <TextField
            path="password"
            label="Password"
            hint={mode === 'sign-up' ? 'At least 10 characters. A short sentence works well.' : undefined}
            type="password"
            autoComplete={mode === 'sign-up' ? 'new-password' : 'current-password'}
            value={password}
            onChange={setPassword}
            error={messageFor(issues, 'password')}
          />
          <ActionBar>
            <button type="submit" className="button primary" disabled={busy}>
              {busy ? 'One moment…' : mode === 'sign-up' ? 'Create account' : 'Sign in'}
            </button>
            <button type="button" className="button secondary" onClick={() => setMode(mode === 'sign-up' ? 'sign-in' : 'sign-up')}>
              {mode === 'sign-up' ? 'I already have an account' : 'Create an account instead'}
            </button>
          </ActionBar>
        </form>
      </section>
    </Screen>
  );
}
