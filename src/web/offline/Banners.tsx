import { HelpedBanner } from '../move/HelpedPrompt';
import { ReminderBanner } from '../move/ReminderBanner';
import { PendingSafety } from './PendingSafety';
import { SyncProblems } from './SyncProblems';
import { useSync } from './useSync';

/** What must be seen on any screen: safety answers waiting for a connection, refused writes, a stand-up reminder; on Today and Progress, "Did it help?". */
export function Banners({ path, timeZone }: { path: string; timeZone: string | undefined }) {
  const { ownerId } = useSync();
  if (!ownerId) return null;
  // The check-in screens show the emergency signs themselves.
  const onCheckIn = path === '/check-in' || path === '/re-check';
  return (
    <div className="banners">
      {onCheckIn ? null : <PendingSafety />}
      <SyncProblems />
      {path === '/move' ? null : <ReminderBanner />}
      {timeZone ? <HelpedBanner path={path} timeZone={timeZone} /> : null}
    </div>
  );
}
