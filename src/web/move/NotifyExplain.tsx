import { useState } from 'react';
import { NOTIFY_WHY } from '../words/move';
import './move.css';

type Permission = NotificationPermission | 'unsupported';

function current(): Permission {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
}

const LATER_KEY = 'unclench.notifyLater';

/**
 * Reminders outside the app. The browser's question is only ever asked after this explanation, from its own
 * button — never a cold prompt. "Not now" is remembered for this visit.
 */
export function NotifyExplain() {
  const [permission, setPermission] = useState<Permission>(current);
  const [later, setLater] = useState(() => {
    try {
      return sessionStorage.getItem(LATER_KEY) === '1';
    } catch {
      return false;
    }
  });
  const [asking, setAsking] = useState(false);

  if (permission === 'unsupported') return null;
  if (permission === 'granted') return <p className="hint notify-state">{NOTIFY_WHY.granted}</p>;
  if (permission === 'denied') return <p className="hint notify-state">{NOTIFY_WHY.denied}</p>;
  if (later)
    return (
      <button type="button" className="link-button" onClick={() => setLater(false)}>
        Reminders outside Unclench?
      </button>
    );

  const allow = async () => {
    setAsking(true);
    try {
      setPermission(await Notification.requestPermission());
    } catch {
      setPermission(current());
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
      <div className="button-row">
        <button type="button" className="button secondary" onClick={() => void allow()} disabled={asking}>
          {NOTIFY_WHY.allow}
        </button>
        <button type="button" className="link-button" onClick={notNow}>
          {NOTIFY_WHY.later}
        </button>
      </div>
    </div>
  );
}
