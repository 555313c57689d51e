import type { EpisodeT } from '../api/client';
import { TriageCard } from '../components/TriageCard';
import { ActionBar, Screen } from '../components/Screen';
import { Link } from '../lib/router';

/** What the safety answers mean, right after the episode starts. (Emergency is shown by the app before this.) */
export function Outcome({ episode, timeZone, onEpisode }: { episode: EpisodeT; timeZone: string | undefined; onEpisode: (e: EpisodeT) => void }) {
  const triage = episode.currentTriage;
  const urgent = triage.level === 'urgent-doctor';
  return (
    <Screen
      title={urgent ? 'Thank you. Please see a doctor.' : 'Thank you for answering'}
      lead={
        urgent
          ? 'None of your answers points to an emergency. Some are worth a doctor’s check, so please book one soon.'
          : 'None of your answers points to anything urgent. Self-care is a good place to start.'
      }
    >
      <TriageCard triage={triage} episode={episode} timeZone={timeZone} onEpisode={onEpisode} sessionPaused={urgent && !episode.clinicianSeenOn} />
      <ActionBar>
        <Link to="/today" className="button primary">
          See what you can do today
        </Link>
      </ActionBar>
    </Screen>
  );
}
