import { useEffect } from 'react';
import { Link, navigate } from '../lib/router';
import { REMINDER_EVENT, showSystemReminder } from '../offline/register';
import { sitPhase, shouldNotify } from './sitState';
import { getSyncState, subscribeSync } from '../offline/sync';
import { renewSubscription } from './pushDevice';
import { answerFromAddress, answerFromMessage, type ReminderAnswer } from './reminderAnswer';
import { markNotified, sitStore, snoozedFromReminder, snoozeSit, standUpNow, stoodUpFromReminder, useKept, useNow } from './stores';
import './move.css';

export const REMINDER_TITLE = 'Time to stand up and move';

/**
 * Keeps the sit timer going on every screen: when it is due, a banner here (and, if the person allowed it and is
 * elsewhere, a system notification through the service worker). Its buttons answer the reminder in place.
 */
export function ReminderBanner() {
  useReminderEngine();
  const sit = useKept(sitStore);
  const now = useNow(1_000);
  if (sitPhase(sit, now) !== 'due' || sit.timer.state !== 'sitting') return null;
  const minutes = Math.max(1, Math.round((now - sit.timer.sittingSinceMs) / 60_000));
  return (
    <section className="card tone-gentle reminder-banner" aria-labelledby="reminder-title" role="region">
      <h2 id="reminder-title">{REMINDER_TITLE}</h2>
      <p>You’ve been sitting for about {minutes} minutes. A minute on your feet helps the muscle let go.</p>
      <div className="button-row">
        <button type="button" className="button secondary" onClick={() => void standUpNow(Date.now())}>
          I’m up
        </button>
        {sit.timer.snoozed ? null : (
          <button type="button" className="button secondary" onClick={() => snoozeSit(Date.now())}>
            Snooze 10 minutes
          </button>
        )}
        <Link to="/move" className="link-button">
          Show me what to do
        </Link>
      </div>
    </section>
  );
}

/** The part of the reminder that works without a visible banner: the system notification and its buttons. */
export function useReminderEngine(): void {
  const sit = useKept(sitStore);
  const now = useNow(1_000);
  const due = shouldNotify(sit, now);
  const dueMs = sit.timer.state === 'sitting' ? sit.timer.dueMs : null;
  useEffect(() => {
    if (!due || dueMs === null) return;
    markNotified(dueMs);
    // In the app and looking at it: the banner is enough. Elsewhere: a notification, if the person allowed it.
    if (document.visibilityState === 'visible' && document.hasFocus()) return;
    void showSystemReminder(REMINDER_TITLE, 'A minute on your feet helps the muscle let go. Tap to see a short standing routine.');
  }, [due, dueMs]);

  useEffect(() => {
    const onReminder = (event: Event) => {
      const answer = answerFromMessage((event as CustomEvent<unknown>).detail);
      if (answer) void answerReminder(answer);
    };
    window.addEventListener(REMINDER_EVENT, onReminder);
    // A reminder tapped while Unclench was closed opened this page with what the person chose.
    const opened = answerFromAddress(window.location.pathname, window.location.search);
    if (opened) window.history.replaceState(null, '', window.location.pathname);
    void whenSignedIn().then(async (yes) => {
      if (!yes) return;
      if (opened) await answerReminder(opened);
      await renewSubscription();
    });
    return () => window.removeEventListener(REMINDER_EVENT, onReminder);
  }, []);
}

async function answerReminder(answer: ReminderAnswer): Promise<void> {
  if (answer.action === 'stood-up') await stoodUpFromReminder(Date.now(), answer);
  else if (answer.action === 'snooze') await snoozedFromReminder(Date.now(), answer);
  else if (window.location.pathname !== answer.url) navigate(answer.url);
}

const SIGN_IN_WAIT_MS = 10_000;

/** Resolves true once someone is signed in (the outbox needs its owner), false if no one is within a while. */
function whenSignedIn(): Promise<boolean> {
  if (getSyncState().ownerId) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = window.setTimeout(() => {
      stop();
      resolve(false);
    }, SIGN_IN_WAIT_MS);
    const stop = subscribeSync(() => {
      if (!getSyncState().ownerId) return;
      window.clearTimeout(timer);
      stop();
      resolve(true);
    });
  });
}
