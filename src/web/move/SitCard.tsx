import { useState } from 'react';
import { effectiveInterval } from '../../core/reminders/sitTimer';
import { localTimeOf } from '../../core/time';
import { ActionBar } from '../components/Screen';
import { clockTime, MOVE_WHY } from '../words/move';
import { NotifyExplain } from './NotifyExplain';
import { sitPhase } from './sitState';
import { formatElapsed } from './walkTimer';
import { MicroRoutine } from './StandPrompt';
import { prefsStore, satOnceStore, sitStore, snoozeSit, standUpNow, startSit, useKept, useNow } from './stores';
import './move.css';

/** Used when today's plan has no stand-up breaks (it always has, but a screen never guesses silently). */
export const FALLBACK_INTERVAL = 30;

/** Time left before the reminder, counted down to the second (rounded up, so it reads 0:00 only when due). */
export const countdown = (leftMs: number) => formatElapsed(Math.ceil(Math.max(0, leftMs) / 1000) * 1000);

/**
 * The sit timer: "I'm sitting down" starts it; when due, a short standing routine, one snooze, and "I'm up".
 * Its start is the screen's primary action unless today's next step is a walk (`primary` false). The why sits one
 * tap away, and reminders outside the app are offered only once the person has started a sitting here.
 */
export function SitCard({ episodeId, timeZone, planEvery, primary = true }: { episodeId: string; timeZone: string; planEvery: number | null; primary?: boolean }) {
  const sit = useKept(sitStore);
  const prefs = useKept(prefsStore);
  const satOnce = useKept(satOnceStore);
  const now = useNow(1_000);
  const [said, setSaid] = useState<string | null>(null);
  const interval = effectiveInterval(planEvery ?? FALLBACK_INTERVAL, { intervalOverrideMinutes: prefs.intervalOverrideMinutes, quietHours: prefs.quietHours, timeZone });
  const source = prefs.intervalOverrideMinutes !== null ? 'your own setting' : planEvery !== null ? 'today’s plan' : 'a gentle default';
  const phase = sitPhase(sit, now);

  const sitDown = () => {
    setSaid(null);
    startSit(Date.now(), interval, episodeId, timeZone);
  };
  const up = async () => {
    await standUpNow(Date.now());
    setSaid('Saved: a stand-up break. Sit down again whenever you need to; we’ll remind you next time.');
  };

  return (
    <section className={`card sit-card sit-${phase}`} aria-labelledby="sit-title">
      <h2 id="sit-title">{phase === 'due' ? 'Time to stand up and move' : 'Sitting reminder'}</h2>
      {phase === 'idle' ? (
        <>
          <p>
            Sitting down? We’ll remind you to stand up every {interval} minutes ({source}).
          </p>
          <p className="saved-note" role="status">
            {said ?? ''}
          </p>
          <ActionBar>
            <button type="button" className={`button ${primary ? 'primary' : 'secondary'}`} onClick={sitDown}>
              I’m sitting down
            </button>
          </ActionBar>
          <details className="move-why">
            <summary>Why stand up so often?</summary>
            <p>{MOVE_WHY}</p>
          </details>
          {satOnce ? <NotifyExplain /> : null}
        </>
      ) : null}
      {phase === 'sitting' && sit.timer.state === 'sitting' ? (
        <>
          <p className="sit-countdown">
            <span id="sit-left-label">Stand up in</span>{' '}
            <span className="sit-left" role="timer" aria-live="off" aria-labelledby="sit-left-label">
              {countdown(sit.timer.dueMs - Math.max(now, sit.timer.sittingSinceMs))}
            </span>
          </p>
          <p className="sit-times" role="status">
            Sitting since {clockTime(sit.timer.sittingSinceMs, timeZone)}. We’ll remind you at {clockTime(sit.timer.dueMs, timeZone)}
            {prefs.quietHours && localTimeOf(sit.timer.dueMs, timeZone) === prefs.quietHours.end ? ', when your quiet hours end' : ''}.
          </p>
          <div className="button-row">
            <button type="button" className="button secondary" onClick={() => void up()}>
              I’m up
            </button>
          </div>
          <NotifyExplain />
        </>
      ) : null}
      {phase === 'due' && sit.timer.state === 'sitting' ? (
        <>
          <p>You’ve been sitting for about {Math.max(1, Math.round((now - sit.timer.sittingSinceMs) / 60_000))} minutes. Stand up slowly, using your tummy muscles, and try this:</p>
          <MicroRoutine />
          {sit.timer.snoozed ? <p className="hint">You’ve snoozed once already. Stand when you can — even half a minute helps.</p> : null}
          <ActionBar>
            <button type="button" className="button primary" onClick={() => void up()}>
              I’m up
            </button>
            {sit.timer.snoozed ? null : (
              <button type="button" className="link-button" onClick={() => snoozeSit(Date.now())}>
                Snooze 10 minutes
              </button>
            )}
          </ActionBar>
        </>
      ) : null}
    </section>
  );
}
