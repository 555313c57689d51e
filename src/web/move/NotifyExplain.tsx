import { useEffect, useState } from 'react';
import { NOTIFY_WHY } from '../words/move';
import { giveServerPrefs } from './serverSettings';
import { prefsStore } from './stores';
import { browserSubscribed, notificationsSupported, thisDeviceId, turnOnReminders, type TurnOnResult } from './pushDevice';
import './move.css';

type Shown = 'unsupported' | 'denied' | 'on' | 'while-open' | 'offer';

function initial(): Shown {
  if (!notificationsSupported()) return 'unsupported';
  if (Notification.permission === 'denied') return 'denied';
  return 'offer';
}

const LATER_KEY = 'unclench.notifyLater';

/** What the person is told after "Turn on reminders", in words. */
const RESULT_NOTE: Partial<Record<TurnOnResult['kind'], string>> = { 'no-push-service': NOTIFY_WHY.noPushService, offline: NOTIFY_WHY.offline };

/**
 * Reminders outside the app. The browser's question is only ever asked after this explanation, from its own
 * button — never a cold prompt. "Turn on reminders" asks it, subscribes this device to the server's reminders and
 * stores the subscription. "Not now" is remembered for this visit.
 */
export function NotifyExplain({ onTurnedOn }: { onTurnedOn?: () => void } = {}) {
  const [shown, setShown] = useState<Shown>(initial);
  const [note, setNote] = useState<string | null>(null);
  const [later, setLater] = useState(() => {
    try {
      return sessionStorage.getItem(LATER_KEY) === '1';
    } catch {
      return false;
    }
  });
  const [asking, setAsking] = useState(false);

  useEffect(() => {
    let cancelled = false;
    if (shown === 'offer' && thisDeviceId() && Notification.permission === 'granted')
      void browserSubscribed().then((yes) => {
        if (yes && !cancelled) setShown('on');
      });
    return () => {
      cancelled = true;
    };
  }, [shown]);

  if (shown === 'unsupported') return null;
  if (shown === 'on') return <p className="hint notify-state">{NOTIFY_WHY.on}</p>;
  if (shown === 'while-open') return <p className="hint notify-state">{NOTIFY_WHY.granted}</p>;
  if (shown === 'denied') return <p className="hint notify-state">{NOTIFY_WHY.denied}</p>;
  if (later)
    return (
      <button type="button" className="link-button" onClick={() => setLater(false)}>
        Reminders outside Unclench?
      </button>
    );

  const turnOn = async () => {
    setAsking(true);
    setNote(null);
    try {
      const result = await turnOnReminders();
      if (result.kind === 'on') {
        void giveServerPrefs(prefsStore.get());
        onTurnedOn?.();
      }
      if (result.kind === 'on' || result.kind === 'while-open' || result.kind === 'denied' || result.kind === 'unsupported') setShown(result.kind);
      else setNote(RESULT_NOTE[result.kind] ?? NOTIFY_WHY.noPushService);
    } finally {
      setAsking(false);
    }
  };
  const notNow = () => {
    setLater(true);
    try {
      sessionStorage.setItem(LATER_KEY, '1');
    } catch {
      // Remembered for this screen only.
    }
  };

  return (
    <div className="notify-why" id="notify-why" aria-labelledby="notify-why-title" role="group">
      <h3 id="notify-why-title">{NOTIFY_WHY.title}</h3>
      <p>{NOTIFY_WHY.body}</p>
      <p className="hint notify-note" role="status">
        {asking ? NOTIFY_WHY.asking : (note ?? '')}
      </p>
      <div className="button-row">
        <button type="button" className="button secondary" onClick={() => void turnOn()} disabled={asking}>
          {note ? NOTIFY_WHY.tryAgain : NOTIFY_WHY.allow}
        </button>
        <button type="button" className="link-button" onClick={notNow}>
          {NOTIFY_WHY.later}
        </button>
      </div>
    </div>
  );
}
