import { useSync } from './useSync';
import './offline.css';

/** The quiet line in the header: whether everything is saved on the server, or how much waits on this device. */
export function SyncStatus() {
  const { ownerId, pending, rejected, online } = useSync();
  if (!ownerId) return null;
  const waiting = pending.length;
  const text = waiting > 0 ? `${waiting} waiting to sync` : 'All saved';
  const state = rejected.length > 0 ? 'problem' : waiting > 0 ? 'waiting' : 'saved';
  return (
    <p className={`sync-status sync-${state}`} role="status" aria-live="polite" data-pending={waiting}>
      <span className="sync-mark" aria-hidden="true" />
      {online ? null : <span className="sync-offline">Offline · </span>}
      <span className="sync-text">{text}</span>
    </p>
  );
}
