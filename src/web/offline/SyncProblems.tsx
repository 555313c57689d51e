import type { OutboxEntry } from '../outbox/queue';
import { Link } from '../lib/router';
import { fieldName } from '../words/fields';
import { discard } from './sync';
import { useSync } from './useSync';
import './offline.css';

/** What a refused write was, in words, and where the person can put it right. */
export function describe(entry: Pick<OutboxEntry, 'path' | 'label'>): { what: string; fixAt: string } {
  const collection = /^\/api\/v1\/episodes\/[^/]+\/([a-z-]+)\//.exec(entry.path)?.[1];
  switch (collection) {
    case 'check-ins':
      return { what: 'This check-in', fixAt: '/check-in' };
    case 'movements':
      return { what: `This ${entry.label.toLowerCase()}`, fixAt: '/move' };
    case 'comfort':
      return { what: `This entry (${entry.label.replace(/^What helped: /, '')})`, fixAt: '/move' };
    case 'muscle-notes':
      return { what: 'This muscle note', fixAt: '/settings' };
    case 'sessions':
      return { what: 'This guided session', fixAt: '/today' };
    default:
      return { what: entry.label, fixAt: '/today' };
  }
}

/** The server's reason in plain words: each field with its rule, or its message. */
export function reasonOf(entry: Pick<OutboxEntry, 'rejection'>): string {
  const r = entry.rejection;
  if (!r) return 'The server could not accept it.';
  if (r.issues?.length) return r.issues.map((i) => `${fieldName(i.path).toLowerCase()} ${i.message}`).join('; ');
  return r.message;
}

/**
 * Writes the server refused stay on the device and in view, with the reason, until the person fixes them or
 * lets them go. Nothing is dropped silently.
 */
export function SyncProblems() {
  const { rejected } = useSync();
  if (rejected.length === 0) return null;
  return (
    <section className="card tone-urgent sync-problems" aria-labelledby="sync-problems-title">
      <h2 id="sync-problems-title">{rejected.length === 1 ? 'One thing wasn’t saved' : `${rejected.length} things weren’t saved`}</h2>
      <ul>
        {rejected.map((entry) => {
          const { what, fixAt } = describe(entry);
          return (
            <li key={entry.key} className="sync-problem">
              <p>
                {what} wasn’t saved: {reasonOf(entry)}. <Link to={fixAt}>Fix it</Link>
              </p>
              <button type="button" className="button secondary small" onClick={() => void discard(entry.key)} aria-label={`Let it go: ${what.toLowerCase()}`}>
                Let it go
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
