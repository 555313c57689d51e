import { EMERGENCY_SIGNS } from '../words/triage';

/** The short, always-visible card of signs that need help now. */
export function EmergencySigns() {
  return (
    <aside className="card tone-signs" aria-labelledby="signs-title">
      <h2 id="signs-title">Get help now if you notice</h2>
      <ul className="signs">
        {EMERGENCY_SIGNS.map((s) => (
          <li key={s}>{s}</li>
        ))}
      </ul>
      <p>Then call emergency services or go to the emergency department (A&amp;E).</p>
    </aside>
  );
}
