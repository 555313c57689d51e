import { useLayoutEffect, useRef } from 'react';
import type { EpisodeT, TriageT } from '../api/client';
import { EMERGENCY_NUMBERS, emergencyNumberFor } from '../lib/emergencyNumber';
import { RULE_WORDS } from '../words/triage';
import { ClinicianCheck } from './ClinicianCheck';

interface Props {
  triage: TriageT;
  timeZone: string | undefined;
  /** The episode whose triage a clinician visit would answer; null while it is still on its way to the server. */
  episode: Pick<EpisodeT, 'id' | 'onsetDate' | 'currentTriage' | 'currentTriageAt'> | null;
  /** Called after the person confirms a clinician has seen them. */
  onSeen: (episode: EpisodeT) => void;
}

/**
 * Full screen, high contrast, the only screen with an alarming colour. There is no navigation here
 * on purpose: the only way on is the small, confirmed "I have been seen" step.
 */
export function EmergencyScreen({ triage, timeZone, episode, onSeen }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  const first = emergencyNumberFor(timeZone);
  const reasons = triage.triggeredRules.filter((r) => r.startsWith('E'));

  useLayoutEffect(() => {
    document.title = 'Get medical help now — Unclench';
    heading.current?.focus();
  }, []);

  return (
    <main className="emergency" aria-labelledby="emergency-title">
      <div className="emergency-inner">
        <h1 id="emergency-title" tabIndex={-1} ref={heading}>
          Get medical help now
        </h1>
        <p className="emergency-line">Call emergency services, or go to the emergency department (A&amp;E) now.</p>
        <a className="call-button" href={`tel:${first.number}`}>
          Call {first.number}
        </a>
        <p className="other-numbers">
          Other emergency numbers:{' '}
          {EMERGENCY_NUMBERS.filter((n) => n.number !== first.number).map((n, i) => (
            <span key={n.number}>
              {i > 0 ? ', ' : ''}
              <a href={`tel:${n.number}`}>{n.number}</a> ({n.where})
            </span>
          ))}
          .
        </p>
        {reasons.length ? (
          <>
            <h2>Why we say this</h2>
            <ul className="emergency-reasons">
              {reasons.map((r) => (
                <li key={r}>{RULE_WORDS[r]}</li>
              ))}
            </ul>
          </>
        ) : null}
        <p>Please leave the exercises for now. If someone is with you, show them this screen.</p>
        {episode ? (
          <div className="emergency-seen">
            <ClinicianCheck
              episode={episode}
              timeZone={timeZone}
              onRecorded={onSeen}
              openLabel="I have been seen by a clinician"
              openClass="link-button"
              confirmQuestion="Has a doctor or nurse checked you for these signs since you answered? After you save, we’ll ask the safety questions again."
            />
          </div>
        ) : null}
      </div>
    </main>
  );
}
