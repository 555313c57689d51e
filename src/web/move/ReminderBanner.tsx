import { useEffect } from 'react';
import { Link, navigate } from '../lib/router';
import { REMINDER_EVENT, showSystemReminder } from '../offline/register';
import { sitPhase, shouldNotify } from './sitState';
import { markNotified, sitStore, snoozeSit, standUpNow, useKept, useNow } from './stores';
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
      const action = (event as CustomEvent<string>).detail;
      if (action === 'up') void standUpNow(Date.now());
      else if (action === 'snooze') snoozeSit(Date.now());
      else navigate('/move');
    };
    window.addEventListener(REMINDER_EVENT, onReminder);
    return () => window.removeEventListener(REMINDER_EVENT, onReminder);
  }, []);
}
