import { useState } from 'react';
import { api, isApiError, type MeT } from '../api/client';
import { FormAlert } from '../components/ErrorSummary';
import { ActionBar, Screen } from '../components/Screen';
import { browserTimeZone } from '../lib/dates';
import { Link } from '../lib/router';
import { errorWords } from '../words/errors';

/** What Unclench is and is not, and a way in within one tap. */
export function Welcome({ onStarted }: { onStarted: (me: MeT) => void }) {
  const [busy, setBusy] = useState(false);
  const [alert, setAlert] = useState<string | null>(null);

  const start = async () => {
    setBusy(true);
    setAlert(null);
    try {
      onStarted(await api.startGuest(browserTimeZone()));
    } catch (e) {
      setAlert(errorWords(isApiError(e) ? e.code : 'server'));
      setBusy(false);
    }
  };

  return (
    <Screen title="Your back has tightened up. Let’s ease it, gently." className="welcome">
      <p className="lead">
        Unclench is a self-care coach for a back spasm — when a back muscle tightens on its own and won’t let go. It guides you day by day: moving a
        little, resting on purpose, standing tall.
      </p>
      <ul className="welcome-points">
        <li>First, a few safety questions, so you know if you should see a doctor.</li>
        <li>Then a short plan for today, with the reason for each step.</li>
        <li>It is not a medical device, and it never diagnoses.</li>
      </ul>
      <FormAlert message={alert} />
      <ActionBar>
        <button type="button" className="button primary" onClick={start} disabled={busy}>
          {busy ? 'Starting…' : 'Start now'}
        </button>
        <p className="secondary-action">
          Been here before? <Link to="/sign-in">Sign in</Link>
        </p>
      </ActionBar>
    </Screen>
  );
}
