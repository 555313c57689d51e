import type { EpisodeT, TriageT } from '../api/client';
import { longDate } from '../lib/dates';
import { ADVISORY_WORDS, RULE_WORDS, TIMEFRAME_WORDS } from '../words/triage';
import { Card } from './Card';
import { ClinicianCheck } from './ClinicianCheck';
import './triage.css';

/**
 * What the safety answers mean, for urgent-doctor and for self-care with advisories (those that hold today: the
 * server re-derives them from the latest data). Emergency has its own screen.
 */
export function TriageCard({ triage, episode, timeZone, onEpisode, sessionPaused }: { triage: TriageT; episode: EpisodeT; timeZone: string | undefined; onEpisode: (e: EpisodeT) => void; sessionPaused: boolean }) {
  if (triage.level === 'urgent-doctor') {
    const seen = episode.clinicianSeenOn;
    if (seen && !sessionPaused)
      return (
        <Card tone="gentle" title="Thank you for seeing a clinician" id="triage">
          <p>You told us you were seen on {longDate(seen)}. Guided sessions are open again. If anything new turns up, tell us in your check-in.</p>
        </Card>
      );
    return (
      <Card tone="urgent" title={TIMEFRAME_WORDS[triage.timeframe ?? 'within_24h']} id="triage">
        <p>Please contact your doctor’s surgery or an urgent care service, and tell them:</p>
        <ul className="reasons">
          {triage.triggeredRules.map((r) => (
            <li key={r}>{RULE_WORDS[r]}</li>
          ))}
        </ul>
        <p className="paused-note">
          Guided exercise sessions are paused until you tell us a clinician has seen you. Gentle walks, lying flat and slow breathing are still fine.
        </p>
        <ClinicianCheck
          episode={episode}
          timeZone={timeZone}
          onRecorded={onEpisode}
          openLabel="A clinician has seen me"
          confirmQuestion="Has a doctor, nurse or physiotherapist checked your back since you answered the safety questions?"
        />
      </Card>
    );
  }
  // Not urgent: one calm line, the reasons one tap away, so the day's next step stays on the first screen.
  if (triage.level === 'self-care' && triage.gpReviewAdvised)
    return (
      <section className="card tone-gentle triage-gentle" id="triage" aria-labelledby="triage-title">
        <h2 id="triage-title">A routine visit to your GP could help</h2>
        <details className="why">
          <summary>Why, and how soon</summary>
          <p>There’s no rush. When you can, book a normal appointment, because:</p>
          <ul className="reasons">
            {triage.advisories.map((a) => (
              <li key={a}>{ADVISORY_WORDS[a]}</li>
            ))}
          </ul>
        </details>
      </section>
    );
  return null;
}
