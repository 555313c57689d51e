import { useState, type FormEvent } from 'react';
import { MovementPut } from '../../contract';
import type { MovementT } from '../api/client';
import { TextField } from '../components/TextField';
import { dateIn, todayIn } from '../lib/dates';
import { newId } from '../lib/ids';
import { saveMovement } from '../offline/writes';
import { minutesWords, SAFE_WALKING_CUES } from '../words/move';
import { stopWalkAndLog, useKept, useNow, walkAction, walkStore } from './stores';
import { elapsedMs, formatElapsed } from './walkTimer';
import './move.css';

/** More than this share of today's walking goal draws a gentle "ease off", never praise. */
export const EASE_OFF_RATIO = 1.2;

export function walkProgress(movements: readonly MovementT[], timeZone: string, now: Date): { walks: number; minutes: number } {
  const today = todayIn(timeZone);
  const walks = movements.filter((m) => m.kind === 'walk' && dateIn(new Date(m.startedAt), timeZone) === today && new Date(m.startedAt) <= now);
  return { walks: walks.length, minutes: Math.round(walks.reduce((s, m) => s + m.minutes, 0) * 10) / 10 };
}

/** The walk timer, today's progress against the plan's walks, and how to walk safely. */
export function WalkCard({ episodeId, timeZone, goal, movements }: { episodeId: string; timeZone: string; goal: { walks: number; minutesEach: number } | null; movements: readonly MovementT[] }) {
  const walk = useKept(walkStore);
  const now = useNow(1_000);
  const [said, setSaid] = useState<string | null>(null);
  const [manual, setManual] = useState('');
  const [manualError, setManualError] = useState<string | undefined>();
  const progress = walkProgress(movements, timeZone, new Date(now));
  const goalMinutes = goal ? goal.walks * goal.minutesEach : 0;
  const state = walk.timer.state;

  const stop = async () => {
    const minutes = await stopWalkAndLog(Date.now());
    setSaid(minutes === null ? 'That was too short to log. Start again whenever you’re ready.' : `Saved: a walk of ${minutesWords(minutes)}.`);
  };

  const addManual = async (e: FormEvent) => {
    e.preventDefault();
    setSaid(null);
    const minutes = Number(manual.replace(',', '.'));
    const body = { kind: 'walk', startedAt: new Date(Date.now() - minutes * 60_000).toISOString(), minutes };
    const parsed = MovementPut.safeParse(body);
    if (!manual.trim() || !Number.isFinite(minutes) || minutes <= 0) return setManualError('Please enter how many minutes you walked, for example 5.');
    if (!parsed.success) return setManualError(`Minutes ${parsed.error.issues[0]?.message ?? 'need another look'}.`);
    setManualError(undefined);
    setManual('');
    await saveMovement(episodeId, newId(), parsed.data);
    setSaid(`Saved: a walk of ${minutesWords(minutes)}.`);
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
            <progress id="walk-progress" max={goalMinutes} value={Math.min(progress.minutes, goalMinutes)} aria-labelledby="walk-progress-text" />
            <p id="walk-progress-text">
              So far today: {progress.walks} {progress.walks === 1 ? 'walk' : 'walks'}, {minutesWords(progress.minutes)} of {minutesWords(goalMinutes)}.
            </p>
          </div>
          {progress.minutes > goalMinutes * EASE_OFF_RATIO ? (
            <p className="ease-off" data-reason-code="ease-off-walk">
              That’s more walking than today’s plan. Ease off for the rest of today: the plan grows a little each day, and that pace is what helps.
            </p>
          ) : null}
        </>
      ) : (
        <p>
          So far today: {progress.walks} {progress.walks === 1 ? 'walk' : 'walks'}, {minutesWords(progress.minutes)}.
        </p>
      )}

      <p className="walk-clock" aria-label={`Walk time ${formatElapsed(elapsedMs(walk.timer, now))}`}>
        {formatElapsed(elapsedMs(walk.timer, now))}
        {state === 'paused' ? <span className="walk-paused"> paused</span> : null}
      </p>
      <div className="button-row">
        {state === 'idle' ? (
          <button type="button" className="button secondary" onClick={() => {
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
