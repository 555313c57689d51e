import { useState, type FormEvent } from 'react';
import { walkedMuchMore } from '../../core/plan/pacing';
import type { MovementT } from '../api/client';
import { TextField } from '../components/TextField';
import { dateIn, instantAt, todayIn } from '../lib/dates';
import { newId } from '../lib/ids';
import { isMovementBody, movementIssues } from '../offline/bodies';
import { saveMovement } from '../offline/writes';
import { durationWords, minutesWords, SAFE_WALKING_CUES, walkSavedWords } from '../words/move';
import { stopWalkAndLog, useKept, useNow, walkAction, walkStore } from './stores';
import { elapsedMs, formatElapsed } from './walkTimer';
import './move.css';


/** Today's walks and their time to the second (the API keeps minutes to the second). */
export function walkProgress(movements: readonly MovementT[], timeZone: string, now: Date): { walks: number; seconds: number } {
  const today = todayIn(timeZone);
  const walks = movements.filter((m) => m.kind === 'walk' && dateIn(new Date(m.startedAt), timeZone) === today && new Date(m.startedAt) <= now);
  return { walks: walks.length, seconds: Math.round(walks.reduce((s, m) => s + m.minutes * 60, 0)) };
}

/**
 * When a walk added by hand began: it ended now. Added from today's card, it counts for today, so just after
 * midnight it starts at midnight rather than the evening before (a day the episode may not even include).
 */
export function manualWalkStart(nowMs: number, minutes: number, timeZone: string): Date {
  const startOfToday = instantAt(dateIn(new Date(nowMs), timeZone), 0, 0, timeZone).getTime();
  return new Date(Math.max(nowMs - minutes * 60_000, startOfToday));
}

/** The walk timer, today's progress against the plan's walks, and how to walk safely. Its start is the screen's
 * primary action when today's next step is a walk (`primary`). */
export function WalkCard({ episodeId, timeZone, goal, movements, primary = false }: { episodeId: string; timeZone: string; goal: { walks: number; minutesEach: number; reportedMinutes: number } | null; movements: readonly MovementT[]; primary?: boolean }) {
  const walk = useKept(walkStore);
  const now = useNow(1_000);
  const [said, setSaid] = useState<string | null>(null);
  const [manual, setManual] = useState('');
  const [manualError, setManualError] = useState<string | undefined>();
  const progress = walkProgress(movements, timeZone, new Date(now));
  const goalSeconds = goal ? goal.walks * goal.minutesEach * 60 : 0;
  // What was done, never a zero to feel bad about.
  const soFar = progress.walks === 0 ? 'No walks yet today' : `So far today: ${progress.walks} ${progress.walks === 1 ? 'walk' : 'walks'}, ${durationWords(progress.seconds)}`;
  const state = walk.timer.state;

  const stop = async () => {
    const seconds = await stopWalkAndLog(Date.now());
    setSaid(seconds === null ? 'That was too short to log. Start again whenever you’re ready.' : walkSavedWords(seconds));
  };

  const addManual = async (e: FormEvent) => {
    e.preventDefault();
    setSaid(null);
    const minutes = Number(manual.replace(',', '.'));
    if (!manual.trim() || !Number.isFinite(minutes) || minutes <= 0) return setManualError('Please enter how many minutes you walked, for example 5.');
    const body = { kind: 'walk', startedAt: manualWalkStart(Date.now(), minutes, timeZone).toISOString(), minutes };
    // The contract's rules, without loading it (offline/bodies.ts); the server checks the write again.
    const problem = movementIssues(body)[0];
    if (problem || !isMovementBody(body)) return setManualError(`Minutes ${problem?.message ?? 'need another look'}.`);
    setManualError(undefined);
    setManual('');
    await saveMovement(episodeId, newId(), body);
    setSaid(walkSavedWords(minutes * 60));
  };

  return (
    <section className="card walk-card" aria-labelledby="walk-title">
      <h2 id="walk-title">Walk</h2>
      {goal ? (
        <>
          <p>
            Today’s plan: {goal.walks} {goal.walks === 1 ? 'walk' : 'walks'} of about {minutesWords(goal.minutesEach)}.
          </p>
          <div className="walk-progress">
            <progress id="walk-progress" max={goalSeconds} value={Math.min(progress.seconds, goalSeconds)} aria-labelledby="walk-progress-text" />
            <p id="walk-progress-text">
              {progress.walks === 0 ? `${soFar}. The plan is ${durationWords(goalSeconds)} in all, whenever suits you.` : `${soFar} of ${durationWords(goalSeconds)}.`}
            </p>
          </div>
          {goal && walkedMuchMore(progress.seconds / 60, goalSeconds / 60, goal.reportedMinutes) ? (
            <p className="ease-off" data-reason-code="ease-off-walk">
              That’s more walking than today’s plan. Ease off for the rest of today: the plan grows a little each day, and that pace is what helps.
            </p>
          ) : null}
        </>
      ) : (
        <p>{soFar}.</p>
      )}

      <p className="walk-clock" aria-label={`Walk time ${formatElapsed(elapsedMs(walk.timer, now))}`}>
        {formatElapsed(elapsedMs(walk.timer, now))}
        {state === 'paused' ? <span className="walk-paused"> paused</span> : null}
      </p>
      <div className="button-row">
        {state === 'idle' ? (
          <button type="button" className={`button ${primary ? 'primary' : 'secondary'}`} onClick={() => {
              setSaid(null);
              walkAction('start', Date.now(), episodeId);
            }}>
            Start a walk
          </button>
        ) : null}
        {state === 'walking' ? (
          <button type="button" className="button secondary" onClick={() => walkAction('pause', Date.now(), episodeId)}>
            Pause
          </button>
        ) : null}
        {state === 'paused' ? (
          <button type="button" className="button secondary" onClick={() => walkAction('resume', Date.now(), episodeId)}>
            Resume
          </button>
        ) : null}
        {state !== 'idle' ? (
          <button type="button" className="button secondary" onClick={() => void stop()}>
            Stop and save
          </button>
        ) : null}
      </div>
      <p className="saved-note" role="status">
        {said ?? ''}
      </p>

      <h3 id="walk-cues-title">Walking safely</h3>
      <ul className="cues" aria-labelledby="walk-cues-title">
        {SAFE_WALKING_CUES.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ul>

      <details className="walk-manual">
        <summary>Walked without the timer? Add it</summary>
        <form onSubmit={addManual} noValidate aria-label="Add a walk">
          <TextField path="walkLogMinutes" label="How many minutes?" inputMode="decimal" className="narrow" value={manual} onChange={setManual} error={manualError} />
          <button type="submit" className="button secondary">
            Add this walk
          </button>
        </form>
      </details>
    </section>
  );
}
