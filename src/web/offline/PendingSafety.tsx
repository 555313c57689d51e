import { EMERGENCY_SIGNS } from '../words/triage';
import { pendingSafety } from './entries';
import { useSync } from './useSync';
import './offline.css';

/**
 * New safety answers are on this device but the server has not checked them yet (no connection). Never silent:
 * the person is told the check finishes when the connection is back, and sees the signs that need help now.
 */
export function PendingSafety() {
  const { pending } = useSync();
  const which = pendingSafety(pending);
  if (!which) return null;
  return (
    <section className="card tone-signs pending-safety" aria-labelledby="pending-safety-title">
      <h2 id="pending-safety-title">Your safety check will finish when you’re back online</h2>
      <p>
        {which === 'episode' ? 'Your answers about this spasm' : 'Your new answers'} are saved on this device. Checking them needs a connection, so we’ll
        do it the moment you’re back online. Until then, go gently, and leave out anything that doesn’t feel right.
      </p>
      <p className="pending-safety-signs-intro">Get help now, without waiting, if you notice:</p>
      <ul className="signs">
        {EMERGENCY_SIGNS.map((s) => (
          <li key={s}>{s}</li>
        ))}
      </ul>
      <p>Then call emergency services or go to the emergency department (A&amp;E).</p>
    </section>
  );
}
