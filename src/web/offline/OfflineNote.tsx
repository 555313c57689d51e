import './offline.css';

/** The small note on a screen worked out on this device because the server could not be reached. */
export function OfflineNote() {
  return (
    <p className="offline-note" role="note">
      <span className="offline-mark" aria-hidden="true" />
      Offline: worked out on this device. It will match the server once you’re back online.
    </p>
  );
}
